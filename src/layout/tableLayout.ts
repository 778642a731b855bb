// A table on the page, computed without a browser: its size (the preset's table size, smaller down
// to the floor when its columns cannot fit the type area otherwise), the width of each column, and
// the height of each row in whole lines of the grid. Every row takes whole lines (its own lines of
// text sit on a finer step inside it), so whichever row a page break falls before, the caption, the
// rows on each page and the text after the table all stay on the body grid. The width estimate
// (textEm.ts) errs wide, so a cell wraps where the estimate says or earlier never.
import { inlineText, type Table, type TableCell } from '../model/blocks.js';
import { textEm } from './textEm.js';
import { linePitchMm, ptFromMm, type PageGeometry } from './presets.js';
import { NUMBER_CELL } from '../model/parseBody.js';

export interface TableLayout {
  /** Font size of the cells (pt). */
  readonly size: number;
  /** Column widths, as fractions of the type area's width (they add up to 1). */
  readonly widths: readonly number[];
  /** Lines of the grid each header row and each row take. */
  readonly headRows: readonly number[];
  readonly bodyRows: readonly number[];
  /** Lines the caption takes (0 without one). */
  readonly captionLines: number;
  /** Line height of the text inside a cell (pt). */
  readonly lineHeight: number;
  /** Even at the floor size the columns do not fit: the cells wrap inside words and numbers. */
  readonly tooWide: boolean;
}

/** Horizontal padding of a cell, both sides together, in em of the table size (the stylesheet's 0.4em a side). */
export const CELL_PADDING_EM = 0.8;
/** Room a column keeps beyond its text, in em: a header of 黑体 is a little wider than the estimate's 1 em a character. */
const COLUMN_SLACK_EM = 0.3;
/** Line height of a cell's text, in em. */
export const CELL_LINE_EM = 1.3;
/** Least room above and below a cell's text inside its row (pt). */
const ROW_PADDING_PT = 2;
/** Room the estimate keeps for its own error (a line the estimate fills to the last 3% may wrap). */
const SLACK = 0.97;

/** Pieces a line may break between: each wide character, each run of others (a number, a Latin word), and spaces. */
function pieces(text: string): string[] {
  return text.match(/[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019]|[^\s\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019]+|\s+/gu) ?? [];
}

/** The least width of a cell in em: a number whole, else its longest unbreakable piece, and two characters. */
function minEm(text: string): number {
  if (NUMBER_CELL.test(text.trim())) return textEm(text.trim());
  let widest = 0;
  for (const p of pieces(text)) if (!/^\s+$/.test(p)) widest = Math.max(widest, textEm(p));
  return Math.max(widest, Math.min(textEm(text.trim()), 2));
}

/** Lines a text takes in a width of `em`, filled greedily piece by piece. */
export function lineCount(text: string, em: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines += 1;
    let used = 0;
    for (const p of pieces(paragraph)) {
      const w = textEm(p);
      if (/^\s+$/.test(p)) {
        used += w;
        continue;
      }
      if (used > 0 && used + w > em * SLACK) {
        lines += 1;
        used = 0;
      }
      // A piece wider than the line is broken anywhere (overflow-wrap: anywhere).
      if (w > em * SLACK) {
        lines += Math.ceil(w / (em * SLACK)) - 1;
        used = w % (em * SLACK);
      } else used += w;
    }
  }
  return lines;
}

const cache = new WeakMap<Table, WeakMap<PageGeometry, TableLayout>>();

const cellText = (cell: TableCell) => inlineText(cell.content);

export function tableLayout(table: Table, g: PageGeometry): TableLayout {
  let byGeometry = cache.get(table);
  if (!byGeometry) cache.set(table, (byGeometry = new WeakMap()));
  const known = byGeometry.get(g);
  if (known) return known;
  const layout = computeLayout(table, g);
  byGeometry.set(g, layout);
  return layout;
}

function computeLayout(table: Table, g: PageGeometry): TableLayout {
  const rows = [...table.head, ...table.body];
  const columns = Math.max(table.align.length, ...rows.map((r) => r.cells.reduce((n, c) => n + (c.colSpan ?? 1), 0)), 1);
  const natural = new Array<number>(columns).fill(1);
  const least = new Array<number>(columns).fill(1);
  // Cells that span one column say how wide it must be (merged cells take what their columns give).
  for (const row of rows) {
    let c = 0;
    for (const cell of row.cells) {
      if ((cell.colSpan ?? 1) === 1 && c < columns) {
        const text = cellText(cell);
        const longest = Math.max(...text.split('\n').map((l) => textEm(l.trim())));
        natural[c] = Math.max(natural[c]!, longest);
        least[c] = Math.max(least[c]!, minEm(text));
      }
      c += cell.colSpan ?? 1;
    }
  }
  const measure = ptFromMm(g.typeArea.width);
  const sum = (list: readonly number[]) => list.reduce((a, b) => a + b, 0);
  const need = (ems: readonly number[], size: number) => sum(ems.map((e) => (e + CELL_PADDING_EM + COLUMN_SLACK_EM) * size));
  // The size: the table size if every cell fits on one line; else the largest size down to the floor
  // at which they do (a table a little too wide is set smaller rather than wrapped); else the table
  // size with the long cells wrapping, as long as each column keeps its least width; else smaller,
  // down to the floor, and past that the cells wrap inside words and numbers (a warning).
  const steps: number[] = [];
  for (let s = g.sizes.table; s >= g.sizes.tableMin - 1e-9; s -= 0.5) steps.push(Math.round(s * 10) / 10);
  let tooWide = false;
  let size = steps.find((s) => need(natural, s) <= measure) ?? steps.find((s) => need(least, s) <= measure) ?? g.sizes.tableMin;
  if (need(least, size) > measure) tooWide = true;
  // Widths in pt: each column its natural width when all fit, else its least and a share of what is left.
  let widths: number[];
  if (need(natural, size) <= measure) {
    const w = natural.map((e) => (e + CELL_PADDING_EM + COLUMN_SLACK_EM) * size);
    const spare = measure - sum(w);
    widths = w.map((x) => x + (spare * x) / sum(w));
  } else if (!tooWide) {
    // Columns narrower than an even share of what is left keep their natural width (short cells
    // never wrap to make room); the others share the rest by their natural width, each at least its least.
    const full = natural.map((e) => (e + CELL_PADDING_EM + COLUMN_SLACK_EM) * size);
    const floor = least.map((e) => (e + CELL_PADDING_EM + COLUMN_SLACK_EM) * size);
    const fixed = new Array<boolean>(columns).fill(false);
    let left = measure;
    for (let changed = true; changed;) {
      changed = false;
      const open = fixed.map((f, c) => (f ? -1 : c)).filter((c) => c >= 0);
      for (const c of open) {
        if (full[c]! <= left / open.length) {
          fixed[c] = true;
          left -= full[c]!;
          changed = true;
        }
      }
    }
    const open = fixed.map((f, c) => (f ? -1 : c)).filter((c) => c >= 0);
    const openFloor = sum(open.map((c) => floor[c]!));
    const openDemand = sum(open.map((c) => full[c]! - floor[c]!)) || 1;
    widths = full.map((x, c) => (fixed[c] ? x : floor[c]! + ((left - openFloor) * (full[c]! - floor[c]!)) / openDemand));
  } else {
    const w = least.map((e) => (e + CELL_PADDING_EM) * size);
    widths = w.map((x) => (x * measure) / sum(w));
  }
  const pitch = ptFromMm(linePitchMm(g));
  const lineHeight = Math.min(size * CELL_LINE_EM, pitch - 2 * ROW_PADDING_PT);
  const rowLines = (row: (typeof rows)[number]) => {
    let c = 0;
    let lines = 1;
    for (const cell of row.cells) {
      const span = cell.colSpan ?? 1;
      const width = sum(widths.slice(c, c + span));
      c += span;
      if ((cell.rowSpan ?? 1) > 1) continue;
      lines = Math.max(lines, lineCount(cellText(cell), width / size - CELL_PADDING_EM));
    }
    return Math.max(1, Math.ceil((lines * lineHeight + 2 * ROW_PADDING_PT) / pitch));
  };
  const caption = table.caption ? `表00　${inlineText(table.caption)}` : '';
  return {
    size,
    widths: widths.map((w) => w / measure),
    headRows: table.head.map(rowLines),
    bodyRows: table.body.map(rowLines),
    captionLines: caption ? lineCount(caption, measure / size) : 0,
    lineHeight,
    tooWide,
  };
}
