// The per-issue stylesheet: colours, font faces, figure sizes, the distribution
// block's offset. (The page itself is in the geometry sheet: layout/geometryCss.ts.)
import type { Issue } from '../model/types.js';
import { fontFaceCss, type FontFace } from './fontFaces.js';
import { imageLines, gridChars } from '../layout/figureGeometry.js';

export function issueCss(issue: Issue, faces: readonly FontFace[], options: { fontUrlPrefix: string; distributionOffset: number }): string {
  const { layout } = issue.series;
  const geometry = layout.geometry;
  const widths = new Set<number>();
  const heights: string[] = [];
  for (const section of issue.sections) {
    for (const article of section.articles) {
      article.figures.forEach((f, i) => {
        widths.add(f.widthPercent);
        // The image takes whole lines and the caption whole lines, so the text beside stays on the grid.
        const lines = imageLines(f, geometry);
        if (lines !== undefined) heights.push(`#${article.id}-figure-${i + 1} img { height: calc(var(--pitch) * ${lines}); }`);
      });
    }
  }
  return [
    `:root { --accent: ${layout.accent}; --text: ${layout.text}; }`,
    fontFaceCss(faces, options.fontUrlPrefix),
    ...(options.distributionOffset > 0 ? ['@media print {', `  .distribution-wrap { padding-top: ${options.distributionOffset}pt; }`, '}'] : []),
    ...[...widths].sort().map((w) => `.w-${w} { width: calc(var(--char) * ${gridChars(w, geometry)}); }`),
    ...heights,
    '',
  ].join('\n');
}
