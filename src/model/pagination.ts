// Pagination as part of the model: where each section and article starts, how many pages the cover
// takes, where the distribution block sits, and the contents with those numbers. The print side
// finds these facts; templates, checks, bookmarks and the yearbook read them from here.
import type { Issue, Pagination, TocEntry } from './types.js';
import { tableOfContents } from './tableOfContents.js';
import type { FitStep } from '../layout/fitCandidates.js';
import { msg, render, type Message } from '../i18n/message.js';

/**
 * Fitting: the paragraphs of a range of articles (the last one, or the last few) tightened within the
 * preset's limits so that the issue's last page is not near-empty (print/fitLastPage.ts decides).
 */
export interface Fit extends FitStep {
  /** The ids of the articles tightened, in the issue's order (they end the issue). */
  readonly articles: readonly string[];
}

/** What fitting decided for an issue, for the summary line, `inspect --paginated` and the self-check. */
export type FitOutcome =
  /** `fit: off` in bulletin.yaml (`series`) or in the issue (`issue`). */
  | { readonly status: 'off'; readonly by: 'series' | 'issue' }
  /** The last page holds enough (`lines` of text, at least the threshold), or the issue has no article. */
  | { readonly status: 'not-needed'; readonly lines: number }
  | { readonly status: 'fitted'; readonly fit: Fit; readonly range: string; readonly bodyPagesBefore: number; readonly bodyPagesAfter: number; readonly tries: number }
  /** No tightening within the limits worked: the layout is left as it was, with a warning naming the page. */
  | { readonly status: 'failed'; readonly page: number; readonly lines: number; readonly alone: boolean; readonly tries: number };

/** What one print pass learns and the next one prints with. */
export interface PageState {
  /** Body page (1 = the first after the cover) where each section and article starts; unknown before the first pass. */
  readonly pages: Pagination | undefined;
  /** The sheet sides before body page 1: the cover's, and the blank back of a one-page cover when there is one. */
  readonly coverPages: number;
  /** Of `coverPages`, the blank sides (layout.bodyStartsOn: right): 0 or 1. */
  readonly blankPages?: number;
  /** Space above the distribution block that puts its last rule on the bottom of the type area (pt). */
  readonly distributionOffset: number;
  /** The contents with the page numbers of `pages` (none before the first pass). */
  readonly toc: readonly TocEntry[];
  /** The tightening fitting chose (none: every article on the grid). */
  readonly fit?: Fit;
  /**
   * The contents entries that begin a page of the cover after the first when the contents run over
   * the cover page (each under 本期目录（续）, the contents table's repeated header), as printed (none:
   * the contents fit one page). What the print found, not what it was told.
   */
  readonly tocBreaks?: readonly string[];
  /** The contents' line pitch (pt) when they were tightened to take a page less (none: the grid's). */
  readonly tocPitchPt?: number;
  /** Page breaks forced to keep things together (model/keepBreaks.ts: a source line with its table, a contents label with its entries; none: nothing was alone). */
  readonly keepBreaks?: readonly string[];
}

/** An issue as printed: the settled page state and what the printing found. */
export interface PaginatedIssue {
  readonly issue: Issue;
  readonly state: PageState & { readonly pages: Pagination };
  /** Sheets sides in the PDF, cover included. */
  readonly totalPages: number;
  /** How many times the issue was printed until its numbers held (fitting's tries included). */
  readonly passes: number;
  readonly fitting: FitOutcome;
}

export function pageState(issue: Issue, pages: Pagination | undefined, coverPages: number, distributionOffset: number, fit?: Fit, tocBreaks?: readonly string[], blankPages = 0): PageState {
  return { pages, coverPages, ...(blankPages ? { blankPages } : {}), distributionOffset, toc: tableOfContents(issue, pages), ...(fit ? { fit } : {}), ...(tocBreaks?.length ? { tocBreaks } : {}) };
}

/** The id of a contents entry's own element (a link to it makes Chrome record its page): `toc.` and the entry's id (ids have no dot). */
export function tocAnchor(id: string): string {
  return `toc.${id}`;
}

/**
 * The contents entries that begin a page of the cover, after the first: each one whose page is later
 * than the entry before it. `pageOf` gives an entry's physical page (undefined: not found).
 */
export function contentsBreaks(ids: readonly string[], pageOf: (id: string) => number | undefined): string[] {
  const breaks: string[] = [];
  let previous: number | undefined;
  for (const id of ids) {
    const page = pageOf(id);
    if (page === undefined) continue;
    if (previous !== undefined && page > previous) breaks.push(id);
    previous = page;
  }
  return breaks;
}

/** Two lists of contents breaks are the same (none and empty alike). */
export function sameBreaks(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((id, i) => y[i] === id);
}

/** The line pitch each fitted article is set at (the self-check accepts exactly these). */
export function fittedPitches(state: Pick<PageState, 'fit'>): ReadonlyMap<string, number> {
  return new Map((state.fit?.articles ?? []).map((id) => [id, state.fit!.pitchPt]));
}

/** The range fitting tightened (print/fitLastPage.ts names it in English: 「the last 2 articles」), as a message. */
function rangeMessage(range: string): Message | string {
  if (range === 'the last article') return msg('fit.range.last');
  const last = /^the last (\d+) articles$/.exec(range);
  if (last) return msg('fit.range.last-few', { count: Number(last[1]) });
  const all = /^all (\d+) articles$/.exec(range);
  return all ? msg('fit.range.all', { count: Number(all[1]) }) : range;
}

/** A tightening: 「pitch 28.95 pt, tracking −0.034 em」 (layout/fitCandidates.ts's describeStep, as a message). */
export function stepMessage(step: Pick<FitStep, 'pitchPt' | 'trackingEm'>): Message {
  const tracking = step.trackingEm === 0 ? '0' : `${step.trackingEm < 0 ? '−' : '+'}${Math.abs(step.trackingEm)}`;
  return msg('fit.step', { pitch: Math.round(step.pitchPt * 100) / 100, tracking });
}

/** The build's summary of fitting: 「fitted the last article (pitch 28.95 pt, tracking −0.034 em): 5 → 4 body pages」. */
export function fitSummary(outcome: FitOutcome): Message | undefined {
  if (outcome.status === 'fitted') {
    return msg('fit.summary.fitted', { range: rangeMessage(outcome.range), step: stepMessage(outcome.fit), before: outcome.bodyPagesBefore, after: outcome.bodyPagesAfter });
  }
  if (outcome.status === 'failed') {
    return msg('fit.summary.failed', { page: outcome.page, what: outcome.alone ? msg('fit.summary.distribution-only') : msg('build.last-page.lines', { count: outcome.lines }) });
  }
  return undefined;
}

/**
 * The state the first pass prints with: `guess` is a previous pagination (a preview's last build):
 * when it is right, one pass is enough; without one, no page numbers yet and a one-page cover.
 */
export function firstState(issue: Issue, guess?: PageState): PageState {
  return pageState(issue, guess?.pages, guess?.coverPages ?? 1, guess?.distributionOffset ?? 0, undefined, undefined, guess?.blankPages ?? 0);
}

/** The ids whose start pages the contents need: every section and article. */
export function contentIds(issue: Issue): string[] {
  return issue.sections.flatMap((s) => [s.id, ...s.articles.map((a) => a.id)]);
}

/**
 * The page parity class of the issue body: whether the cover itself (without a blank back) takes an
 * odd or even number of sheet sides. With `layout.bodyStartsOn: right`, `cover-odd` shows the blank back.
 */
export function coverParity(coverPages: number, blankPages = 0): 'cover-odd' | 'cover-even' {
  return (coverPages - blankPages) % 2 === 1 ? 'cover-odd' : 'cover-even';
}

/** The view of the pagination that `bulletin inspect --paginated` prints. */
export function paginationJson(p: PaginatedIssue): object {
  return {
    totalPages: p.totalPages,
    coverPages: p.state.coverPages,
    blankPages: p.state.blankPages ?? 0,
    passes: p.passes,
    fitting: p.fitting.status === 'fitted' ? { ...p.fitting, summary: render(fitSummary(p.fitting)!, 'en') } : p.fitting,
    distributionOffsetPt: p.state.distributionOffset,
    contentsContinuedAt: p.state.tocBreaks ?? [],
    ...(p.state.tocPitchPt ? { contentsPitchPt: p.state.tocPitchPt } : {}),
    starts: Object.fromEntries(p.state.pages),
    contents: p.state.toc.map((e) => ({ kind: e.kind, id: e.id, text: e.text, page: e.page })),
  };
}
