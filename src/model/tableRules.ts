// What a table of a body must be (the parse gives the table; these rules say what is wrong with it):
// rows with the header's number of cells, not too many columns, at least one row; the caption and unit
// lines above it; lines of pipes that did not become a table. Pure: the Markdown lines in, problems out.
import type { Block, Inline, TableRow } from './blocks.js';
import type { BodyProblem } from './bodyProblem.js';
import { codeHint } from '../diagnostics/diagnostic.js';
import { msg } from '../i18n/message.js';

/** More columns than fit across the narrowest type area at the smallest table size (about 3 characters each). */
export const MAX_TABLE_COLUMNS = 12;
/** Rows of one table (a pipe table or a file's range). */
export const MAX_TABLE_ROWS = 1000;

/** The cells of a pipe-table line as GFM counts them: split at `|` not escaped, without the outer pipes. */
export function pipeCells(line: string): number {
  const text = line.trim();
  let cells = 1;
  let escaped = false;
  for (const ch of text) {
    if (ch === '|' && !escaped) cells += 1;
    escaped = ch === '\\' && !escaped;
  }
  if (text.startsWith('|')) cells -= 1;
  if (text.length > 1 && text.endsWith('|') && !text.endsWith('\\|')) cells -= 1;
  return Math.max(cells, 0);
}

const HINT_RAGGED = msg('table-ragged.cells.hint');

/** Ragged rows, too many columns, an empty table. `lines`: the Markdown text's lines. */
export function tableProblems(head: readonly TableRow[], body: readonly TableRow[], lines: readonly string[], problems: BodyProblem[]): void {
  const header = head[0];
  if (!header) return;
  const columns = header.cells.length;
  const headerLine = lines[header.lines.start] ?? '';
  if (columns > MAX_TABLE_COLUMNS) {
    problems.push({ line: header.lines.start, code: 'table-too-many-columns', message: msg('table-too-many-columns', { columns, limit: MAX_TABLE_COLUMNS }), hint: codeHint('table-too-many-columns') });
  }
  for (const row of body) {
    const source = lines[row.lines.start] ?? '';
    const found = pipeCells(source);
    if (found === columns) continue;
    if (headerLine.trim().startsWith('|') && !source.trim().startsWith('|') && !source.includes('|')) {
      problems.push({ line: row.lines.start, code: 'table-ragged', message: msg('table-ragged.text-after', { text: source.trim().slice(0, 20) }), hint: msg('table-ragged.text-after.hint') });
    } else if (found > columns) {
      problems.push({ line: row.lines.start, code: 'table-ragged', message: msg('table-ragged.more', { found, columns, extra: found - columns }), hint: HINT_RAGGED });
    } else {
      problems.push({ line: row.lines.start, severity: 'warning', code: 'table-ragged', message: msg('table-ragged.fewer', { found, columns, missing: columns - found }), hint: HINT_RAGGED });
    }
  }
  const empty = body.length === 0 || body.every((r) => r.cells.every((c) => c.content.length === 0));
  if (empty) {
    problems.push({ line: header.lines.start, severity: 'warning', code: 'table-empty', message: body.length === 0 ? msg('table-empty.no-rows') : msg('table-empty.no-text'), hint: msg('table-empty.pipe.hint') });
  }
}

const CAPTION = /^表[ \t\u3000]*(?:[0-9０-９]+[ \t\u3000]*)?[：:][ \t\u3000]*|^表[0-9０-９]+[ \t\u3000]+/u;
const UNIT = /^[（(]?单位[：:][ \t\u3000]*\S.*?[）)]?$/u;

/** The text of a `表：…` line above a table, without that prefix (the number is the layout's: 表1, 表2 …). */
export function captionOf(content: readonly Inline[]): readonly Inline[] | undefined {
  const first = content[0];
  if (first?.type !== 'text') return undefined;
  const m = CAPTION.exec(first.value);
  if (!m) return undefined;
  const rest = first.value.slice(m[0].length);
  const out = rest ? [{ ...first, value: rest }, ...content.slice(1)] : content.slice(1);
  return out.length ? out : undefined;
}

/** A `单位：万元` line above a table: printed at its top right. */
export function unitOf(text: string): string | undefined {
  return UNIT.test(text) ? text.replace(/^[（(]|[）)]$/gu, '') : undefined;
}

const DIVIDER = /^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?$/;

/** Lines of pipes that did not make a table (a divider missing or of another width): they would print as typed. */
export function notATable(blocks: readonly Block[], lines: readonly string[], problems: BodyProblem[]): void {
  let last = -2;
  for (const b of blocks) {
    if (b.type !== 'paragraph') continue;
    const first = (lines[b.lines.start] ?? '').trim();
    if (!first.startsWith('|') || pipeCells(first) < 2) continue;
    if (b.lines.start <= last + 1) {
      last = b.lines.end - 1;
      continue;
    }
    last = b.lines.end - 1;
    const next = (lines[b.lines.start + 1] ?? '').trim();
    const message = DIVIDER.test(next)
      ? msg('table-malformed.divider-width', { header: pipeCells(first), divider: pipeCells(next) })
      : msg('table-malformed.no-divider');
    problems.push({ line: b.lines.start, code: 'table-malformed', message, hint: msg('table-malformed.pipe.hint') });
  }
}
