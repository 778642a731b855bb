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

/** `masthead`: the series line and name fitted to the type area (layout/fitMasthead.ts). */
export function geometryCss(g: PageGeometry, form: PageNumberForm, masthead: MastheadFit): string {
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
    `  @page cover { counter-increment: page 0; margin: ${margin(g, 'odd')}; }`,
    // Odd body pages carry their number on the outer side, the binding margin on the inner. Which
    // physical side they fall on depends on the cover's page count: after a one-page cover, body
    // page 1 is the second side, a left-hand page in Chrome's terms. Both page names are defined;
    // the body's class (`cover-odd` / `cover-even`) picks one, so a later pass switches without reloading.
    `  @page body-after-odd-cover:left { ${odd} }`,
    `  @page body-after-odd-cover:right { ${even} }`,
    `  @page body-after-even-cover:right { ${odd} }`,
    `  @page body-after-even-cover:left { ${even} }`,
    '}',
    '',
  ].join('\n');
}
