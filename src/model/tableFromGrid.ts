// A spreadsheet's or CSV file's grid (model/readTableFile.ts) → a table block, as a pipe table of a body
// gives one: the first rows are the header, merged cells span, a column of numbers is right-aligned.
// The cells are plain text, printed as the file has them (no Markdown is read in them).
import type { Inline, SourceLines, Table, TableCell, TableRow, TableStyle } from './blocks.js';
import type { Grid } from './readTableFile.js';
import { isNumberColumn } from './parseBody.js';

export interface FileTableOptions {
  /** How many of the first rows are the header. */
  readonly header: number;
  readonly caption: readonly Inline[] | undefined;
  readonly unit: string | undefined;
  readonly style: TableStyle | undefined;
  /** The file as the source names it. */
  readonly file: string;
  /** The lines of the `tables:` entry in the issue file (0-based). */
  readonly lines: SourceLines;
}

function content(text: string): Inline[] {
  const out: Inline[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) out.push({ type: 'hardBreak' });
    if (line) out.push({ type: 'text', value: line });
  });
  return out;
}

export function tableFromGrid(grid: Grid, options: FileTableOptions): Table {
  const rows = grid.cells.length;
  const columns = Math.max(0, ...grid.cells.map((r) => r.length));
  const header = Math.min(options.header, Math.max(0, rows - 1));
  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; cols: number }>();
  for (const m of grid.merges) {
    // A merged area does not run from the header into the rows (a header cell spans header rows only).
    const last = m.row < header ? Math.min(m.row + m.rows, header) : m.row + m.rows;
    const spanRows = last - m.row;
    spans.set(`${m.row}/${m.col}`, { rows: spanRows, cols: m.cols });
    for (let r = m.row; r < last; r++) for (let c = m.col; c < m.col + m.cols; c++) if (r !== m.row || c !== m.col) covered.add(`${r}/${c}`);
  }
  const toRow = (r: number): TableRow => {
    const cells: TableCell[] = [];
    for (let c = 0; c < columns; c++) {
      if (covered.has(`${r}/${c}`)) continue;
      const span = spans.get(`${r}/${c}`);
      cells.push({ content: content(grid.cells[r]?.[c] ?? ''), ...(span && span.cols > 1 ? { colSpan: span.cols } : {}), ...(span && span.rows > 1 ? { rowSpan: span.rows } : {}) });
    }
    return { lines: options.lines, cells };
  };
  const head = Array.from({ length: header }, (_, r) => toRow(r));
  const body = Array.from({ length: rows - header }, (_, r) => toRow(header + r));
  const align = Array.from({ length: columns }, (_, c) => (isNumberColumn(grid.cells.slice(header).map((r) => r[c] ?? '')) ? 'right' as const : 'left' as const));
  return {
    type: 'table', lines: options.lines, caption: options.caption, unit: options.unit, head, body, align,
    ...(options.style ? { style: options.style } : {}), file: options.file,
  };
}
