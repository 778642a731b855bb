// Fitting the contents (issue 16): when the contents (本期目录) run over the cover and their last page
// holds only an entry or two, their lines are set closer, down to the preset's least line pitch
// (the same limit fitting the last page keeps to, layout/presets.ts `fit.minPitchPt`), and the issue
// printed again: kept when the cover takes a page less, else put back. One settled print at most.
import type { PDFDocument } from './pdfLib.js';
import type { Issue } from '../model/types.js';
import { tocAnchor, type PageState } from '../model/pagination.js';
import { gridPitch } from '../layout/fitCandidates.js';
import { ptFromMm } from '../layout/presets.js';
import type { Destination } from './readDestinations.js';

/** Entries on the contents' last page that fitting tries to take back onto the pages before. */
export const MAX_SPILLED_ENTRIES = 2;

export interface ContentsPrint {
  pdf: PDFDocument;
  dests: ReadonlyMap<string, Destination>;
  state: PageState;
}

/** How many contents entries the last page of the cover holds (0: the contents fit one page). */
export function spilledEntries(state: PageState, dests: ReadonlyMap<string, Destination>): number {
  if (state.coverPages < 2 || !state.tocBreaks?.length) return 0;
  const last = state.coverPages - 1;
  return state.toc.filter((e) => dests.get(tocAnchor(e.id))?.pageIndex === last).length;
}

/**
 * Whether closer lines could take the spilled entries back at all: the contents from their top on the
 * page before the last, with the spilled entries after them, set at `ratio` of their height (the least
 * pitch over the grid's), must end within the type area, give or take a line for the estimate. Each
 * entry's height is taken as the distance to the next one (the last entry on a page: the mean there).
 * A try that cannot work would cost a print and two loads of the page.
 */
export function couldTakeBack(state: PageState, dests: ReadonlyMap<string, Destination>, ratio: number, typeAreaHeightPt: number, pitchPt: number): boolean {
  const last = state.coverPages - 1;
  const tops = (pageIndex: number) =>
    state.toc.map((e) => dests.get(tocAnchor(e.id))).filter((d): d is Destination => d?.pageIndex === pageIndex && d.top !== undefined).map((d) => d.top!);
  const height = (ts: number[]) => {
    if (!ts.length) return 0;
    const gaps = ts.slice(1).map((t, i) => t - ts[i]!);
    const mean = gaps.length ? gaps.reduce((a, b) => a + b, 0) / gaps.length : pitchPt;
    return ts.at(-1)! - ts[0]! + Math.max(mean, pitchPt);
  };
  const before = tops(last - 1);
  const spilled = tops(last);
  if (!before.length || !spilled.length) return true;
  return before[0]! + (height(before) + height(spilled)) * ratio <= typeAreaHeightPt + pitchPt;
}

export async function fitContents(issue: Issue, printed: ContentsPrint, print: (state: PageState) => Promise<ContentsPrint>): Promise<{ printed: ContentsPrint; tries: number }> {
  const g = issue.series.layout.geometry;
  const spilled = spilledEntries(printed.state, printed.dests);
  const least = Math.min(gridPitch(g).pitchPt, g.fit.minPitchPt);
  if (spilled === 0 || spilled > MAX_SPILLED_ENTRIES || issue.series.layout.fit === 'off' || issue.fitOff || least >= gridPitch(g).pitchPt) return { printed, tries: 0 };
  if (!couldTakeBack(printed.state, printed.dests, least / gridPitch(g).pitchPt, ptFromMm(g.typeArea.height), gridPitch(g).pitchPt)) return { printed, tries: 0 };
  // The breaks are found again from the start: with closer lines the pages break elsewhere.
  const { tocBreaks: _breaks, ...rest } = printed.state;
  const tight = await print({ ...rest, tocPitchPt: least });
  return tight.state.coverPages < printed.state.coverPages ? { printed: tight, tries: 1 } : { printed, tries: 1 };
}
