// The per-issue stylesheet: colours, font faces, page numbers on the right side, figure sizes.
import type { Issue } from '../model/types.js';
import { pageNumberParts } from './pageNumber.js';
import { fontFaceCss, type FontFace } from './fontFaces.js';
import { imageLines, gridChars } from './viewModel.js';
import { titleFitCss } from './titleFit.js';

function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Odd body pages carry their number on the right and the binding margin on the left. Which physical
 * side they fall on depends on the cover's page count: after a one-page cover, body page 1 is the
 * second side, a left-hand page in Chrome's terms. Both page names are defined; the body's class
 * (`cover-odd` / `cover-even`) picks one, so a later pass can switch without reloading.
 */
export function issueCss(issue: Issue, faces: readonly FontFace[], options: { fontUrlPrefix: string; distributionOffset: number }): string {
  const { layout } = issue.series;
  const { before, after } = pageNumberParts(layout.pageNumber);
  const number = `content: ${cssString(before)} counter(page) ${cssString(after)};`;
  const numberStyle = `font-family: bulletin-page-number, bulletin-body, serif; font-size: 14pt; line-height: 14pt; vertical-align: top; padding-top: 4.2mm;`;
  const odd = `margin: 37mm 26mm 35mm 28mm; @bottom-right { ${number} ${numberStyle} text-align: right; padding-right: 14pt; }`;
  const even = `margin: 37mm 28mm 35mm 26mm; @bottom-left { ${number} ${numberStyle} text-align: left; padding-left: 14pt; }`;
  const widths = new Set<number>();
  const heights: string[] = [];
  for (const section of issue.sections) {
    for (const article of section.articles) {
      article.figures.forEach((f, i) => {
        widths.add(f.widthPercent);
        // The image takes whole lines and the caption whole lines, so the text beside stays on the grid.
        const lines = imageLines(f);
        if (lines !== undefined) heights.push(`#${article.id}-figure-${i + 1} img { height: calc(var(--pitch) * ${lines}); }`);
      });
    }
  }
  return [
    `:root { --accent: ${layout.accent}; --text: ${layout.text}; }`,
    fontFaceCss(faces, options.fontUrlPrefix),
    '@media print {',
    `  @page body-after-odd-cover:left { ${odd} }`,
    `  @page body-after-odd-cover:right { ${even} }`,
    `  @page body-after-even-cover:right { ${odd} }`,
    `  @page body-after-even-cover:left { ${even} }`,
    options.distributionOffset > 0 ? `  .distribution-wrap { padding-top: ${options.distributionOffset}pt; }` : '',
    '}',
    ...[...widths].sort().map((w) => `.w-${w} { width: calc(var(--char) * ${gridChars(w)}); }`),
    ...heights,
    ...titleFitCss(issue.sections.flatMap((s) => s.articles.flatMap((a) => a.titleLines))),
    '',
  ].join('\n');
}
