// Fitting, the print side: after the issue is paginated, look at its last body page; when it holds
// only the distribution block (版记) or no more than `minLastPageLines` lines of text, try to pull it
// back onto the page before by tightening the paragraphs of the last article (then of the last few)
// within the preset's limits (layout/fitCandidates.ts). Each try is one settled print, and there are
// at most MAX_FIT_TRIES: a range is tried only when its lines could give the room needed at all, its
// strongest step first (if that fails, no weaker one can work), then weaker ones, least first.
import type { PDFDocument } from './pdfLib.js';
import type { Issue } from '../model/types.js';
import type { Fit, FitOutcome, PageState } from '../model/pagination.js';
import { fitSteps, gridPitch, type FitStep } from '../layout/fitCandidates.js';
import { ptFromMm } from '../layout/presets.js';
import { readPageText } from '../check/readPdfText.js';
import { CONTRACT } from '../render/templateContract.js';
import { SIZE_TOLERANCE_PT } from '../check/checkGeometry.js';
import type { Destination } from './readDestinations.js';

/**
 * A range is tried when tightening it could save this share of the lines to pull back: a line saved in
 * a paragraph is often more than a line on the page (a paragraph's last line, a widow moved back).
 */
const SLACK = 0.6;

/** Prints fitting may cost an issue, over the pagination's own. */
export const MAX_FIT_TRIES = 3;

/** One print of the issue with a page state: settled and whole, or a probe of its last pages. */
export interface FitPrint {
  /** The pages printed: all, or those from `firstPage` on. */
  pdf: PDFDocument;
  /** The destinations of the pages printed, their page indexes counted in `pdf`. */
  dests: ReadonlyMap<string, Destination>;
  state: PageState;
  /** The issue's page `pdf` starts with (0-based; absent or 0: the whole issue). */
  firstPage?: number;
}

/** What is on the last body page. */
export interface LastPage {
  /** Body pages of the issue. */
  bodyPages: number;
  /** Lines of text (body size or larger: paragraphs, titles, labels) on the last body page. */
  lines: number;
  /** Lines of the grid the distribution block takes there (0 when it is not on that page). */
  distributionLines: number;
  /** The last page holds the distribution block and no text. */
  alone: boolean;
  /** Lines of the grid left empty at the foot of the page before (what the last page's lines may take without any change). */
  freeBefore: number;
}

export function lastPageOf(issue: Issue, printed: FitPrint): LastPage {
  const { pdf, dests, state } = printed;
  const offset = printed.firstPage ?? 0;
  const g = issue.series.layout.geometry;
  const last = pdf.getPageCount() - 1;
  const bodyPages = offset + pdf.getPageCount() - state.coverPages;
  const text = readPageText(pdf, last);
  const baselines = new Set(text.runs.filter((r) => !r.hidden && r.text.trim() !== '' && r.size >= g.sizes.body - SIZE_TOLERANCE_PT).map((r) => Math.round(r.baseline / 0.75)));
  const start = dests.get(CONTRACT.distributionId);
  const end = dests.get(CONTRACT.distributionEndId);
  const onLast = start?.pageIndex === last && end?.pageIndex === last && start.top !== undefined && end.top !== undefined;
  const distributionLines = onLast ? Math.ceil((end.top! - start.top! - state.distributionOffset) / gridPitch(g).pitchPt) : 0;
  // The page before: how far its lowest line of text lies above the bottom of the type area.
  let freeBefore = 0;
  if (last >= 1 && offset + last - 1 >= state.coverPages) {
    const before = readPageText(pdf, last - 1);
    const typeBottom = before.page.y1 - ptFromMm(g.margins.top) - ptFromMm(g.typeArea.height);
    const lowest = Math.min(...before.runs.filter((r) => !r.hidden && r.text.trim() !== '' && r.size >= g.sizes.body - SIZE_TOLERANCE_PT).map((r) => r.baseline));
    if (Number.isFinite(lowest)) freeBefore = Math.max(0, Math.floor((lowest - typeBottom) / gridPitch(g).pitchPt - 0.25));
  }
  // A photo fills the page as the lines beside or under it do: the grid lines pictures cover count too.
  const pictureLines = Math.round(coveredHeight(text.images.filter((b) => b.y1 - b.y0 > gridPitch(g).pitchPt)) / gridPitch(g).pitchPt);
  return { bodyPages, lines: baselines.size + pictureLines, distributionLines, alone: onLast && baselines.size === 0 && pictureLines === 0, freeBefore };
}

/** The height the boxes cover together (pictures side by side count once). */
function coveredHeight(boxes: readonly { y0: number; y1: number }[]): number {
  const sorted = [...boxes].sort((a, b) => a.y0 - b.y0);
  let total = 0;
  let top = -Infinity;
  for (const b of sorted) {
    const from = Math.max(b.y0, top);
    if (b.y1 > from) total += b.y1 - from;
    top = Math.max(top, b.y1);
  }
  return total;
}

/**
 * Whether the last page is one fitting should take away: the 版记 alone, or no more than
 * `minLastPageLines` lines in all (the 版记's lines count: a few lines of text with the 版记 under
 * them is a page GB/T 9704 allows).
 */
export function needsFitting(page: LastPage, minLastPageLines: number): boolean {
  return page.bodyPages > 1 && (page.alone || page.lines + page.distributionLines <= minLastPageLines || keptWithDistribution(page));
}

/**
 * Lines the 版记 takes along when it would fall alone (templates/bulletin.css): the article's last two
 * lines and its source line (供稿).
 */
export const KEPT_LINES = 3;

/** The last page holds the 版记 and no more than the lines kept with it: the page a 版记 alone became. */
export function keptWithDistribution(page: LastPage): boolean {
  return page.distributionLines > 0 && page.lines <= KEPT_LINES;
}

/** The ranges fitting may tighten, smallest first: the last article, the last two, … every article. */
export function fitRanges(issue: Issue): { ids: string[]; name: string }[] {
  const ids = issue.sections.flatMap((s) => s.articles.map((a) => a.id));
  return ids.map((_, i) => {
    const k = i + 1;
    return { ids: ids.slice(ids.length - k), name: k === 1 ? 'the last article' : k === ids.length ? `all ${k} articles` : `the last ${k} articles` };
  });
}

/** Grid lines a range takes from its first article's start to the end of the issue (an estimate). */
function rangeLines(issue: Issue, printed: FitPrint, ids: readonly string[], last: LastPage): number {
  const g = issue.series.layout.geometry;
  const { pitchPt } = gridPitch(g);
  const first = printed.dests.get(ids[0]!);
  const lastIndex = printed.pdf.getPageCount() - 1;
  if (!first) return 0;
  const topLines = (first.top ?? 0) / pitchPt;
  return (lastIndex - first.pageIndex) * g.grid.lines - topLines + last.lines + last.distributionLines;
}

export interface FitResult {
  outcome: FitOutcome;
  /** The print to keep: the fitted one, or the one given. */
  printed: FitPrint;
  tries: number;
}

/**
 * From this many pages on, a weaker step is probed on the last pages alone before its settled print;
 * below, it is printed whole and settled at once (a short issue's print costs little more than a
 * probe, and a step that works then needs no second print).
 */
export const PROBE_WEAKER_FROM_PAGES = 12;

/**
 * How fitting prints a try: `probe` prints the issue once with a state, from page `fromPage` (0-based)
 * on (what the last page holds is all that counts), and gives the state with the distribution block's
 * offset found there; `settle` prints it whole until its numbers hold (after a probe, from that offset:
 * usually once).
 * `printed` is the pagination without fitting.
 */
export interface FitPrinter {
  probe(state: PageState, fromPage: number): Promise<FitPrint>;
  settle(state: PageState): Promise<FitPrint>;
}

export async function fitLastPage(issue: Issue, printed: FitPrint, print: FitPrinter): Promise<FitResult> {
  const setting = issue.series.layout.fit;
  if (setting === 'off') return { outcome: { status: 'off', by: 'series' }, printed, tries: 0 };
  if (issue.fitOff) return { outcome: { status: 'off', by: 'issue' }, printed, tries: 0 };
  const before = lastPageOf(issue, printed);
  if (!needsFitting(before, setting.minLastPageLines)) return { outcome: { status: 'not-needed', lines: before.lines }, printed, tries: 0 };
  const failed = (tries: number): FitResult => ({ outcome: { status: 'failed', page: before.bodyPages, lines: before.lines, alone: before.alone, tries }, printed, tries });
  const steps = fitSteps(issue.series.layout.geometry);
  const strongest = steps.at(-1);
  if (!strongest) return failed(0);
  // The lines to pull back, and a little slack: a line saved in a paragraph is not always a line saved on the page.
  const need = Math.max(1, before.lines + before.distributionLines - before.freeBefore);
  const ranges = fitRanges(issue).filter((r) => rangeLines(issue, printed, r.ids, before) * strongest.squeeze >= need * SLACK);
  const pages = printed.pdf.getPageCount();
  // A probe prints the last two pages as they were: the page before the last is the new last page when one goes.
  const probeFrom = Math.max(0, pages - 2);
  const probeWeaker = pages >= PROBE_WEAKER_FROM_PAGES;
  // It works when the page is gone and the new last page is not one to take away in turn.
  const works = (result: FitPrint) => {
    const after = lastPageOf(issue, result);
    return after.bodyPages < before.bodyPages && !needsFitting(after, setting.minLastPageLines);
  };
  // The distribution block starts where the text ends: the space that set it at the foot of the old last page goes.
  const stateOf = (ids: readonly string[], step: FitStep): PageState => ({ ...printed.state, distributionOffset: 0, fit: { ...step, articles: ids } satisfies Fit });
  let tries = 0;
  const attempt = async (state: PageState, how: 'probe' | 'settle'): Promise<FitPrint | undefined> => {
    tries++;
    const result = how === 'probe' ? await print.probe(state, probeFrom) : await print.settle(state);
    return works(result) ? result : undefined;
  };
  for (const range of ranges) {
    if (tries >= MAX_FIT_TRIES) break;
    // The strongest step first, probed: when it does not work, no weaker one can.
    const strong = await attempt(stateOf(range.ids, strongest), 'probe');
    if (!strong) continue;
    // It works: the least that works, among the weaker steps that could.
    let best: { print: FitPrint | undefined; step: FitStep } = { print: undefined, step: strongest };
    const lines = rangeLines(issue, printed, range.ids, before);
    for (const step of steps.slice(0, -1)) {
      if (tries >= MAX_FIT_TRIES) break;
      if (lines * step.squeeze < need * SLACK) continue;
      // A long issue probes its last pages first and prints whole only the step that works there.
      const weaker = await attempt(stateOf(range.ids, step), probeWeaker ? 'probe' : 'settle');
      const settled = weaker && probeWeaker ? await print.settle(weaker.state) : weaker;
      if (settled && (!probeWeaker || works(settled))) {
        best = { print: settled, step };
        break;
      }
    }
    // The strongest it is: printed whole from what its probe found, until the numbers hold.
    const kept = best.print ?? (await print.settle(strong.state));
    const fit: Fit = { ...best.step, articles: range.ids };
    return {
      outcome: { status: 'fitted', fit, range: range.name, bodyPagesBefore: before.bodyPages, bodyPagesAfter: lastPageOf(issue, kept).bodyPages, tries },
      printed: kept,
      tries,
    };
  }
  return failed(tries);
}
