// The per-issue stylesheet: colours, font faces, figure sizes, the distribution
// block's offset. (The page itself is in the geometry sheet: layout/geometryCss.ts.)
import { articleOnCover } from '../model/tableOfContents.js';
import type { Issue } from '../model/types.js';
import { fontFaceCss, type FontFace } from './fontFaces.js';
import { figureBox, gridChars, groupBox, groupOf } from '../layout/figureGeometry.js';
import { tables, type Block } from '../model/blocks.js';
import { tableLayout } from '../layout/tableLayout.js';
import type { PageGeometry } from '../layout/presets.js';
import type { Fit } from '../model/pagination.js';

/**
 * The properties that set a fitted article's paragraphs at the fitted line and character pitch
 * (its title keeps its size; its spacing follows the pitch). print/patchDocument.ts sets the same
 * on the page being fitted.
 */
export function fitProperties(fit: Pick<Fit, 'pitchPt' | 'charPt'>): Record<string, string> {
  return {
    '--pitch': `${fit.pitchPt}pt`,
    '--char': `${fit.charPt}pt`,
    '--tracking': `calc(${fit.charPt}pt - var(--body-size) - 0.04pt)`,
    'line-height': 'var(--pitch)',
  };
}

/** The articles `fit` tightens, for the printed page (the screen keeps its own measure). */
function fitCss(fit: Fit | undefined): string[] {
  if (!fit || fit.articles.length === 0) return [];
  const selector = fit.articles.map((id) => `.article:has(> #${id})`).join(', ');
  const body = Object.entries(fitProperties(fit)).map(([k, v]) => `${k}: ${v};`).join(' ');
  return ['@media print {', `  ${selector} { ${body} }`, '}'];
}

/**
 * The font roles in the reader's own Chinese fonts (macOS and iOS, Android and Linux, Windows), for a
 * page written without font files: 宋体-like faces for titles and text, 黑体 for headings, 楷体 for
 * notes and quotations, each ending in the generic family.
 */
export const SYSTEM_FONTS: Readonly<Record<'title' | 'body' | 'heading' | 'kai', string>> = {
  title: '"Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", "Songti SC", STSong, SimSun, "PingFang SC", "Microsoft YaHei", serif',
  body: '"Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", "Songti SC", STSong, SimSun, "PingFang SC", "Microsoft YaHei", serif',
  heading: '"PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Hiragino Sans GB", "Microsoft YaHei", SimHei, sans-serif',
  kai: '"Kaiti SC", STKaiti, KaiTi, "KaiTi_GB2312", "AR PL UKai CN", "LXGW WenKai", "Noto Serif CJK SC", "Songti SC", SimSun, serif',
};

function systemFontCss(): string {
  return `:root { --font-title: ${SYSTEM_FONTS.title}; --font-body: ${SYSTEM_FONTS.body}; --font-heading: ${SYSTEM_FONTS.heading}; --font-kai: ${SYSTEM_FONTS.kai}; --font-number: ${SYSTEM_FONTS.body}; }`;
}

export function issueCss(issue: Issue, faces: readonly FontFace[], options: { fontUrlPrefix: string; distributionOffset: number; fit?: Fit; tocPitchPt?: number; systemFonts?: boolean }): string {
  const { layout } = issue.series;
  const geometry = layout.geometry;
  const widths = new Set<number>();
  const heights: string[] = [];
  const tableRules: string[] = [];
  for (const section of issue.sections) {
    for (const article of section.articles) {
      tableRules.push(...tableCss(article.id, article.blocks, geometry));
      article.figures.forEach((f, i) => {
        const id = `#${article.id}-figure-${i + 1}`;
        if (f.group) {
          // A photo of a group: its share of the measure, at the group's height (layout/figureGeometry.ts).
          const members = groupOf(f, article.figures);
          const box = groupBox(members, f.group.caption, geometry);
          heights.push(`${id} { width: ${n(box.widthsMm[members.indexOf(f)]!)}mm; --aspect: ${n(f.pixels ? f.pixels.width / f.pixels.height : 4 / 3)}; }`,
            `${id} img { height: ${n(box.heightMm)}mm; margin-top: calc(var(--pitch) * ${box.lines} - ${n(box.heightMm)}mm); }`);
          return;
        }
        widths.add(f.widthPercent);
        // The image takes whole lines and the caption whole lines, so the text beside stays on the grid.
        const box = figureBox(f, geometry);
        if (box.lines !== undefined) heights.push(`${id} img { height: calc(var(--pitch) * ${box.lines}); }`);
        // Too tall for a page at its width: narrower, at the lines the page has (warned: figure-scaled).
        if (box.wantedLines !== undefined) heights.push(`${id} { --figure-width: ${n(box.widthMm)}mm; width: var(--figure-width); }`);
      });
    }
  }
  return [
    // --masthead-chars: the screen sizes the name to the width it has (templates/bulletin.css).
    `:root { --accent: ${layout.accent}; --text: ${layout.text}; --masthead-chars: ${Math.max(1, Array.from(issue.series.name).length)}; }`,
    options.systemFonts ? systemFontCss() : fontFaceCss(faces, options.fontUrlPrefix),
    ...(options.distributionOffset > 0 ? ['@media print {', `  .distribution-wrap { padding-top: ${options.distributionOffset}pt; }`, '}'] : []),
    ...[...widths].sort().map((w) => `.w-${w} { --figure-width: calc(var(--char) * ${gridChars(w, geometry)}); width: var(--figure-width); }`),
    ...heights,
    ...(tableRules.length ? ['@media print {', ...tableRules.map((r) => `  ${r}`), '}'] : []),
    ...fitCss(options.fit),
    // The contents tightened so that the entries that spilled onto a page of their own go back (print/fitContents.ts).
    ...(options.tocPitchPt ? ['@media print {', `  .toc-list { line-height: ${options.tocPitchPt}pt; }`, '}'] : []),
    // The article begun on the cover (singleArticle.cover: article): the cover is the first body page,
    // counted and numbered (page.css `@page body`), and the body goes on under its rule, on the same page.
    ...(articleOnCover(issue) ? ['@media print {', '  .cover.cover-body-start { page: body; }', '  .issue-body.body-on-cover { break-before: auto; }', '}'] : []),
    '',
  ].join('\n');
}

/**
 * Each table's size, column widths and row heights, by its id (`<article id>-table-<k>`, as
 * viewModel.ts numbers them): print only, a screen sizes a table itself.
 */
export function tableCss(articleId: string, blocks: readonly Block[], geometry: PageGeometry): string[] {
  const rules: string[] = [];
  const rows = new Set<number>();
  tables(blocks).forEach((table, k) => {
    const id = `#${articleId}-table-${k + 1}`;
    const layout = tableLayout(table, geometry);
    rules.push(`${id} { --table-size: ${n(layout.size)}pt; --cell-line: ${n(layout.lineHeight)}pt; }`);
    layout.widths.forEach((w, c) => rules.push(`${id} col:nth-child(${c + 1}) { width: ${n(w * 100)}%; }`));
    for (const r of [1, ...layout.headRows, ...layout.bodyRows]) rows.add(r);
  });
  for (const r of [...rows].sort((a, b) => a - b)) rules.push(`.table tr.rows-${r} { height: calc(var(--pitch) * ${r}); }`);
  return rules;
}

const n = (x: number) => String(Math.round(x * 1000) / 1000);
