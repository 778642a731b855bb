// The page geometry → the stylesheet that carries it to the layout: custom properties for every
// length and size the templates' CSS uses, and the @page rules (paper, margins, page numbers).
// It is loaded after a series' own stylesheets, so a series cannot change the page behind the
// back of the code that computes with the same values (title fitting, figure heights, the checks).
import type { PageNumberForm } from '../model/types.js';
import { pageNumberParts } from '../render/pageNumber.js';
import { MM_PER_PT, type PageGeometry } from './presets.js';
import type { MastheadFit } from './fitMasthead.js';

/** The name the stylesheet is served and written under, in an issue's `_files` folder. */
export const GEOMETRY_SHEET = 'page.css';

/**
 * Where the middle of the page number's dashes lies below the top of its line, in ems: the
 * bundled serif's hyphen and em dash sit at about 0.567 em under a 1 em line box. The number's
 * line starts `below` less that under the type area.
 */
export const DASH_MIDDLE_EM = 0.567;

/** Lengths as CSS writes them: no trailing zeros, no exponent. */
function n(value: number): string {
  return String(Math.round(value * 10000) / 10000);
}

function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Space above the page number inside the bottom margin box (mm), to a tenth of a millimetre. */
export function pageNumberPaddingMm(g: PageGeometry): number {
  return Math.round((g.pageNumber.below - DASH_MIDDLE_EM * g.sizes.pageNumber * MM_PER_PT) * 10) / 10;
}

/** `margin` of an odd (binding on the left) or even (binding on the right) page. */
function margin(g: PageGeometry, side: 'odd' | 'even'): string {
  const { top, bottom, inner, outer } = g.margins;
  return side === 'odd' ? `${n(top)}mm ${n(outer)}mm ${n(bottom)}mm ${n(inner)}mm` : `${n(top)}mm ${n(inner)}mm ${n(bottom)}mm ${n(outer)}mm`;
}

/** How the sheets are printed (`layout.duplex`, `layout.bodyStartsOn`). */
export interface Sides {
  readonly duplex: boolean;
  readonly bodyStartsOn: 'next' | 'right';
}

/** The class on the body element that shows the blank page after the cover (only in page.css when it is wanted). */
export const BLANK_PAGE_CLASS = 'blank-page';

/**
 * `masthead`: the series line and name fitted to the type area (layout/fitMasthead.ts); `sides`:
 * double- or single-sided (docs/duplex.md).
 */
export function geometryCss(g: PageGeometry, form: PageNumberForm, masthead: MastheadFit, sides: Sides = { duplex: true, bodyStartsOn: 'next' }): string {
  const { sizes, typeArea, grid } = g;
  const { before, after } = pageNumberParts(form);
  const number = `content: ${cssString(before)} counter(page) ${cssString(after)};`;
  const numberStyle = `font-family: bulletin-page-number, bulletin-body, serif; font-size: ${n(sizes.pageNumber)}pt; line-height: ${n(sizes.pageNumber)}pt; vertical-align: top; padding-top: ${n(pageNumberPaddingMm(g))}mm;`;
  const inset = `${n(g.pageNumber.inset * sizes.pageNumber)}pt`;
  const odd = `margin: ${margin(g, 'odd')}; @bottom-right { ${number} ${numberStyle} text-align: right; padding-right: ${inset}; }`;
  const even = `margin: ${margin(g, 'even')}; @bottom-left { ${number} ${numberStyle} text-align: left; padding-left: ${inset}; }`;
  const size = g.paper.name || `${n(g.paper.width)}mm ${n(g.paper.height)}mm`;
  return [
    `/* The page of the ${g.preset} preset${g.paper.name ? ` on ${g.paper.name}` : ''}: set in bulletin.yaml (layout), not here. */`,
    ':root {',
    `  --paper-width: ${n(g.paper.width)}mm;`,
    `  --paper-height: ${n(g.paper.height)}mm;`,
    `  --type-width: ${n(typeArea.width)}mm;`,
    `  --type-height: ${n(typeArea.height)}mm;`,
    `  --grid-lines: ${grid.lines};`,
    `  --grid-chars: ${grid.chars};`,
    `  --pitch: calc(${n(typeArea.height)}mm / ${grid.lines});`,
    `  --char: calc(${n(typeArea.width)}mm / ${grid.chars});`,
    // Characters at the grid's pitch, less a hair so rounding never pushes the last one to the next line.
    `  --tracking: calc(${n(typeArea.width)}mm / ${grid.chars} - ${n(sizes.body)}pt - 0.04pt);`,
    `  --body-size: ${n(sizes.body)}pt;`,
    `  --title-size: ${n(sizes.title)}pt;`,
    `  --caption-size: ${n(sizes.caption)}pt;`,
    `  --table-size: ${n(sizes.table)}pt;`,
    `  --distribution-size: ${n(sizes.distribution)}pt;`,
    `  --page-number-size: ${n(sizes.pageNumber)}pt;`,
    `  --series-line-size: ${n(masthead.seriesLine.size)}pt;`,
    `  --series-line-tracking: ${n(masthead.seriesLine.tracking)}em;`,
    `  --masthead-size: ${n(masthead.name.size)}pt;`,
    `  --masthead-tracking: ${n(masthead.name.tracking)}em;`,
    '}',
    '@media print {',
    `  @page { size: ${size}; margin: ${margin(g, 'odd')}; }`,
    // The cover is not counted: the first body page is 1.
    ...pageRules(g, odd, even, sides),
    '}',
    '',
  ].join('\n');
}

/**
 * The sides are physical (docs/duplex.md): Chrome's first page is a right-hand page (`:right`), and
 * every later page alternates, whatever the page counter says. A right-hand page has the binding
 * margin on the left and its number on the right (GB/T 9704 7.5: odd sides number on the right),
 * a left-hand page the mirror image. Single-sided, every page is laid out as a right-hand page.
 */
function pageRules(g: PageGeometry, odd: string, even: string, sides: Sides): string[] {
  const blank = `  @page blank { counter-increment: page 0; margin: ${margin(g, 'even')}; }`;
  if (!sides.duplex) {
    return [
      `  @page cover { counter-increment: page 0; margin: ${margin(g, 'odd')}; }`,
      `  @page body { ${odd} }`,
      blank,
    ];
  }
  return [
    `  @page cover { counter-increment: page 0; }`,
    `  @page cover:right { margin: ${margin(g, 'odd')}; }`,
    `  @page cover:left { margin: ${margin(g, 'even')}; }`,
    `  @page body:right { ${odd} }`,
    `  @page body:left { ${even} }`,
    blank,
    // bodyStartsOn right: after a cover of an odd number of pages (the body element's class
    // cover-odd, set by the pagination), its back is left blank: no text, no number, not counted.
    ...(sides.bodyStartsOn === 'right' ? [`  .issue-body.cover-odd > .${BLANK_PAGE_CLASS} { display: block; }`] : []),
  ];
}
