// An article's source line (（…供稿）) is printed on the page of the article's last lines. After
// a paragraph the stylesheet keeps them together (break-before: avoid, widows). After a table it
// cannot: Chrome does not look back into a table's rows for an earlier break, and prints the source
// line alone at the top of the next page. So the print loop finds it there (a link to the line makes
// Chrome record its page and height) and forces a page break before the table's last rows, or before
// the whole table when the table is short and began on the page before; the next pass prints them
// together. Forced breaks are only added: the state settles once no source line is alone.
import type { Block } from './blocks.js';
import type { Issue } from './types.js';

/** An article whose body ends with a table, followed by its source line. */
export interface SourceKeep {
  /** The source line's element id (templates/partials/article.hbs). */
  readonly sourceId: string;
  /** The table's element id (render/viewModel.ts articleTables: the article's id, `-table-`, its number in the article). */
  readonly tableId: string;
  /** Its last body row's element id. */
  readonly lastRowId: string;
  /** Its body rows (the header rows repeat on a continuation page and are not counted). */
  readonly rows: number;
}

/** Where Chrome printed an element: its physical page. */
export interface PrintedAt {
  readonly pageIndex: number;
}

/** A short table (this many body rows or fewer) that began on the page before moves whole. */
const SHORT_TABLE_ROWS = 3;
/** The rows that go with the source line onto its page: the last two, as two lines of text would. */
const ROWS_KEPT = 2;

/** The id of a table's last body row (render/renderBlocks.ts). */
export function lastRowId(tableId: string): string {
  return `${tableId}-end`;
}

/** The id of an article's source line element. */
export function sourceLineId(articleId: string): string {
  return `${articleId}-source`;
}

function countTables(blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.type === 'table') n += 1;
    else if (b.type === 'quote') n += countTables(b.blocks);
    else if (b.type === 'list') for (const item of b.items) n += countTables(item.blocks);
  }
  return n;
}

/** The articles whose source line directly follows a table (no attachment list between them). */
export function sourceKeeps(issue: Issue): SourceKeep[] {
  const keeps: SourceKeep[] = [];
  for (const section of issue.sections) {
    for (const a of section.articles) {
      if (a.source === undefined || a.attachments.length > 0) continue;
      const body = a.blocks.filter((b) => b.type !== 'footnotes');
      const last = body[body.length - 1];
      if (last?.type !== 'table') continue;
      const tableId = `${a.id}-table-${countTables(body)}`;
      keeps.push({ sourceId: sourceLineId(a.id), tableId, lastRowId: lastRowId(tableId), rows: last.body.length });
    }
  }
  return keeps;
}

/**
 * The forced breaks after a print: `current` (kept) and one for each source line printed on a later
 * page than the table's last row (alone, or under the table's repeated header with no row: Chrome
 * does both). A break is the table's id (before the table) or `id@n` (before its body row n, from 0).
 */
export function keepBreaks(keeps: readonly SourceKeep[], printedAt: (id: string) => PrintedAt | undefined, current: readonly string[] = []): string[] {
  const breaks = [...current];
  for (const keep of keeps) {
    if (breaks.some((b) => b === keep.tableId || b.startsWith(`${keep.tableId}@`))) continue;
    const source = printedAt(keep.sourceId);
    const table = printedAt(keep.tableId);
    const lastRow = printedAt(keep.lastRowId);
    if (!source || !table || !lastRow || source.pageIndex <= lastRow.pageIndex) continue;
    const whole = keep.rows <= 1 || (keep.rows <= SHORT_TABLE_ROWS && table.pageIndex === lastRow.pageIndex);
    breaks.push(whole ? keep.tableId : `${keep.tableId}@${Math.max(1, keep.rows - ROWS_KEPT)}`);
  }
  return breaks;
}
