// Pagination as part of the model: where each section and article starts, how many pages the cover
// takes, where the distribution block sits, and the contents with those numbers. The print side
// finds these facts; templates, checks, bookmarks and the yearbook read them from here.
import type { Issue, Pagination, TocEntry } from './types.js';
import { tableOfContents } from './tableOfContents.js';

/** What one print pass learns and the next one prints with. */
export interface PageState {
  /** Body page (1 = the first after the cover) where each section and article starts; unknown before the first pass. */
  readonly pages: Pagination | undefined;
  readonly coverPages: number;
  /** Space above the distribution block that puts its last rule on the bottom of the type area (pt). */
  readonly distributionOffset: number;
  /** The contents with the page numbers of `pages` (none before the first pass). */
  readonly toc: readonly TocEntry[];
}

/** An issue as printed: the settled page state and what the printing found. */
export interface PaginatedIssue {
  readonly issue: Issue;
  readonly state: PageState & { readonly pages: Pagination };
  /** Sheets sides in the PDF, cover included. */
  readonly totalPages: number;
  /** How many times the issue was printed until its numbers held. */
  readonly passes: number;
}

export function pageState(issue: Issue, pages: Pagination | undefined, coverPages: number, distributionOffset: number): PageState {
  return { pages, coverPages, distributionOffset, toc: tableOfContents(issue, pages) };
}

/**
 * The state the first pass prints with: `guess` is a previous pagination (a preview's last build):
 * when it is right, one pass is enough; without one, no page numbers yet and a one-page cover.
 */
export function firstState(issue: Issue, guess?: PageState): PageState {
  return pageState(issue, guess?.pages, guess?.coverPages ?? 1, guess?.distributionOffset ?? 0);
}

/** The ids whose start pages the contents need: every section and article. */
export function contentIds(issue: Issue): string[] {
  return issue.sections.flatMap((s) => [s.id, ...s.articles.map((a) => a.id)]);
}

/** The page parity class of the issue body: which physical side odd body pages fall on. */
export function coverParity(coverPages: number): 'cover-odd' | 'cover-even' {
  return coverPages % 2 === 1 ? 'cover-odd' : 'cover-even';
}

/** The view of the pagination that `bulletin inspect --paginated` prints. */
export function paginationJson(p: PaginatedIssue): object {
  return {
    totalPages: p.totalPages,
    coverPages: p.state.coverPages,
    passes: p.passes,
    distributionOffsetPt: p.state.distributionOffset,
    starts: Object.fromEntries(p.state.pages),
    contents: p.state.toc.map((e) => ({ kind: e.kind, id: e.id, text: e.text, page: e.page })),
  };
}
