// What validate says of a table as it will print: too wide for the type area even at the smallest
// table size (layout/tableLayout.ts), and, for a table read from a file, characters its fonts lack
// (a pipe table's cells are checked with the rest of its body: source/printedFields.ts).
import { inlineText, type Table } from '../model/blocks.js';
import type { Series } from '../model/types.js';
import type { BodyProblem } from '../model/parseBody.js';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import { tableLayout } from '../layout/tableLayout.js';
import { msg, type Message } from '../i18n/message.js';
import { glyphWarning, roleCoverage, uncoveredCharacters } from './checkGlyphs.js';

export function tooWideProblem(table: Table, series: Series): BodyProblem {
  const g = series.layout.geometry;
  const layout = tableLayout(table, g);
  return {
    line: table.head[0]?.lines.start ?? table.lines.start, severity: 'warning', code: 'table-too-wide',
    message: msg('table-too-wide.columns', { columns: layout.widths.length, width: g.typeArea.width, size: g.sizes.tableMin }),
    hint: msg('table-too-wide.unit.hint'),
  };
}

/** Characters of a file table that the body's (cells) or the heading's (header, caption) fonts lack: one warning each, at the table's `file:`. */
export function tableGlyphs(table: Table, series: Series, display: string, span: Span): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const check = (text: string, role: 'body' | 'heading', where: Message) => {
    for (const ch of uncoveredCharacters(text, roleCoverage(series, role))) {
      if (seen.has(ch)) continue;
      seen.add(ch);
      out.push(glyphWarning(display, span, ch, [role], msg('glyph-missing.in-table', { where, file: table.file ?? '' })));
    }
  };
  for (const row of table.head) for (const cell of row.cells) check(inlineText(cell.content), 'heading', msg('glyph-missing.header-cell'));
  for (const row of table.body) for (const cell of row.cells) check(inlineText(cell.content), 'body', msg('glyph-missing.cell'));
  return out;
}
