// What the stylesheet cannot keep together, because Chrome keeps no table row with the next one
// (break-before/after: avoid are ignored there), the print loop keeps by forcing page breaks:
// - an article's source line (（…供稿）) after a table: printed on a later page than the table's last
//   row (alone, or under the repeated header), it gets the table's last two rows, or the whole table
//   when the table is short and began on that page;
// - a section label of the contents (a row of the contents table) that would end a cover page goes
//   to the next page, with the entries it heads.
// Links to the elements make Chrome record their pages; the next pass prints with the breaks. Breaks
// are only added: the state settles once nothing is left alone.
import type { Block } from './blocks.js';
import type { Issue, TocEntry } from './types.js';
import { tocAnchor } from './pagination.js';

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
 * The forced breaks after a print: `current` (kept), one for each source line printed on a later page
 * than its table's last row (alone, or under the table's repeated header with no row: Chrome does
 * both), and one for each contents section label printed on an earlier page than the entry after it.
 * A break is an element's id (a break before it: a table, a contents row) or `id@n` (before the body
 * row n of the table, from 0).
 */
export function keepBreaks(keeps: readonly SourceKeep[], toc: readonly TocEntry[], printedAt: (id: string) => PrintedAt | undefined, current: readonly string[] = []): string[] {
  const breaks = [...current];
  toc.forEach((entry, i) => {
    const next = toc[i + 1];
    if (entry.kind !== 'section' || !next) return;
    const label = printedAt(tocAnchor(entry.id));
    const after = printedAt(tocAnchor(next.id));
    if (label && after && label.pageIndex < after.pageIndex && !breaks.includes(tocAnchor(entry.id))) breaks.push(tocAnchor(entry.id));
  });
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
