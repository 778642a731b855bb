// Prints an issue until its contents carry the real page numbers: pass 1 paginates, pass 2 fills the
// contents in place (no reload), and the pagination the PDF confirms becomes the model's PaginatedIssue.
import type { Page } from 'puppeteer-core';
import { msg, type Message } from '../i18n/message.js';
import type { Issue } from '../model/types.js';
import { pageState, contentIds, coverParity, contentsBreaks, sameBreaks, tocAnchor, type PageState } from '../model/pagination.js';
import type { DocumentServer } from './documentServer.js';
import type { IssueDocument } from '../render/issueDocument.js';
import { CONTRACT } from '../render/templateContract.js';
import { formatPageNumber } from '../render/pageNumber.js';
import { ptFromMm } from '../layout/presets.js';
import { keepBreaks, sourceKeeps } from '../model/keepBreaks.js';
import { articleOnCover } from '../model/tableOfContents.js';
import { loadDocument, noteStandIns } from './printPage.js';
import type { Destination } from './readDestinations.js';
import { BulletinError, ExitCode } from '../diagnostics/exitCodes.js';
import { patchDocument, replaceBody, type DocumentPatch } from './patchDocument.js';
import { MAX_PASSES, printUntilSettled, type Printed, type PrintSteps } from './printLoop.js';
import { fitLastPage, lastPageOf, needsFitting } from './fitLastPage.js';
import { fitContents, spilledEntries } from './fitContents.js';
import { fitProperties } from '../render/issueCss.js';
import type { FitOutcome } from '../model/pagination.js';
import { applyNotes, placeNotes, unkeptNotes, type NotesPlacement } from './placeNotes.js';
import { PDFDocument } from './pdfLib.js';
import { printPage } from './printPage.js';
import { readDestinations } from './readDestinations.js';

export interface PrintedIssue {
  bytes: Uint8Array;
  pdf: PDFDocument;
  dests: Map<string, Destination>;
  /** The settled pagination: the PDF was printed with it and confirms it. */
  state: PageState & { pages: NonNullable<PageState['pages']> };
  /** How many times the issue was printed. */
  passes: number;
  /** The document last loaded into the page (later passes patch its numbers in place). */
  loaded: IssueDocument;
  /** What fitting decided (print/fitLastPage.ts). */
  fitting: FitOutcome;
  /** `layout.notes: page`: the articles (by title id) whose notes stayed at their end, or that the final print moved off their page foot. */
  notesAtEnd?: string[];
  notesUnkept?: string[];
}

/**
 * Where each section and article starts (body pages from 1) and how many pages the cover took: the
 * pages before the first section's, none when the article begins on the cover (`singleArticle.cover`).
 */
function startsOf(issue: Issue, dests: ReadonlyMap<string, Destination>): { pages: Map<string, number>; coverPages: number } {
  const first = dests.get(issue.sections[0]?.id ?? '');
  const onCover = articleOnCover(issue) !== undefined;
  if (onCover && first && first.pageIndex !== 0) {
    // The template broke the page after the masthead: the variant's promise does not hold.
    throw new BulletinError(msg('build.cover-start.moved', { issue: issue.slug, page: first.pageIndex + 1 }), ExitCode.RenderFailed, msg('build.cover-start.moved.hint'));
  }
  const coverPages = onCover ? 0 : first ? first.pageIndex : 1;
  const pages = new Map<string, number>();
  for (const id of contentIds(issue)) {
    const d = dests.get(id);
    if (d) pages.set(id, d.pageIndex - coverPages + 1);
  }
  return { pages, coverPages };
}

/** Whether a print with `state` shows the blank back of a one-page cover (layout.bodyStartsOn: right). */
function blankShown(issue: Issue, state: PageState): boolean {
  const { duplex, bodyStartsOn } = issue.series.layout;
  // An article begun on the cover: the cover is body page 1, and has no back to leave blank.
  if (articleOnCover(issue)) return false;
  return duplex && bodyStartsOn === 'right' && coverParity(state.coverPages, state.blankPages) === 'cover-odd';
}

function samePages(a: ReadonlyMap<string, number> | undefined, b: ReadonlyMap<string, number> | undefined): boolean {
  return a !== undefined && b !== undefined && a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

/** The offset that moves the block's end onto the bottom of the type area (unchanged when it is there). */
function distributionOffset(dests: ReadonlyMap<string, Destination>, current: number, typeAreaHeightPt: number): number {
  const start = dests.get(CONTRACT.distributionId);
  const end = dests.get(CONTRACT.distributionEndId);
  if (!start || !end || end.top === undefined || start.pageIndex !== end.pageIndex) return current;
  // Aim 1 pt short of the bottom: a block ending exactly on it is pushed to the next page by rounding.
  const gap = typeAreaHeightPt - 1 - end.top;
  return gap >= 0 && gap < 1 ? current : Math.max(0, Math.round((current + gap) * 100) / 100);
}

function patchFor(issue: Issue, state: PageState): DocumentPatch {
  const form = issue.series.layout.pageNumber;
  const pageText: Record<string, string> = {};
  for (const entry of state.toc) pageText[entry.id] = formatPageNumber(form, entry.page ?? 0);
  const fit = state.fit ? { ids: [...state.fit.articles], properties: fitProperties(state.fit) } : undefined;
  return { pageText, bodyClass: coverParity(state.coverPages, state.blankPages), distributionOffset: state.distributionOffset, ...(fit ? { fit } : {}), ...(state.keepBreaks?.length ? { keepBreaks: state.keepBreaks } : {}) };
}

/**
 * The same bytes or text. Bytes are compared as bytes: `String()` of a photo's 300 kB made a 1 MB
 * string of numbers, 75 ms a comparison, on every edit the preview swapped in place.
 */
function sameBody(a: Uint8Array | string, b: Uint8Array | string): boolean {
  if (a === b) return true;
  if (typeof a === 'string' || typeof b === 'string') return false;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/** Same stylesheets, fonts and images: only the page's HTML differs. */
export function sameAssets(a: IssueDocument, b: IssueDocument): boolean {
  if (a.resources.size !== b.resources.size) return false;
  for (const [key, ra] of a.resources) {
    if (key === a.entry) continue;
    const rb = b.resources.get(key);
    if (!rb) return false;
    if ('body' in ra !== 'body' in rb) return false;
    if ('body' in ra && 'body' in rb && !sameBody(ra.body, rb.body)) return false;
    if ('file' in ra && 'file' in rb && ra.file !== rb.file) return false;
    if ('make' in ra !== 'make' in rb || ('make' in ra && 'make' in rb && ra.key !== rb.key)) return false;
  }
  return a.entry === b.entry;
}

/** What of an issue can ask more of Chrome than it can give: its SVG figures and the series' own templates. */
export function suspectsOf(issue: Issue): Message {
  const svgs = [...new Set(issue.sections.flatMap((s) => s.articles.flatMap((a) => a.figures)).filter((f) => f.mime === 'image/svg+xml').map((f) => f.relPath))];
  if (!svgs.length) return msg('build.suspects.templates');
  const named = svgs.slice(0, 5).map((f) => `\`${f}\``);
  const files = { en: `${named.join(', ')}${svgs.length > 5 ? ' …' : ''}`, zh: `${named.join('、')}${svgs.length > 5 ? '等' : ''}` };
  return msg(svgs.length > 1 ? 'build.suspects.svgs' : 'build.suspects.svg', { files });
}

/**
 * The preview's head start: the state a previous build of the issue settled on, fitting included.
 * It is printed first; when the edited issue holds it (the print confirms its pages), `show` gets
 * that print while fitting is confirmed as a build does it, which takes the print again instead of
 * printing its tightening anew when it decides the same.
 */
export interface HeadStart {
  state: PageState;
  show(printed: Printed<PageState>): Promise<void>;
}

/** The same tightening: the same articles with the same step. */
function sameFit(a: PageState['fit'], b: PageState['fit']): boolean {
  if (!a || !b) return a === b;
  return a.pitchPt === b.pitchPt && a.chars === b.chars && a.charPt === b.charPt && a.trackingEm === b.trackingEm && a.articles.length === b.articles.length && a.articles.every((id, i) => b.articles[i] === id);
}

export async function paginateIssue(
  page: Page,
  server: DocumentServer,
  issue: Issue,
  /** The document of a page state (called with `start` itself for the first pass). */
  documentFor: (state: PageState) => IssueDocument,
  start: PageState,
  /** The document already loaded in `page` (a preview's previous build): its body is swapped in place. */
  loaded: IssueDocument | undefined,
  /** The series' templates folder as the user knows it, for a template error. */
  templates: string,
  headStart?: HeadStart,
): Promise<PrintedIssue> {
  let current = loaded;
  /** Once the document is in the page, every later print patches it (numbers, offsets, fitting). */
  let inPage = false;
  let pageTocPitch: number | undefined;
  let notes: NotesPlacement | undefined;
  const typeAreaHeightPt = ptFromMm(issue.series.layout.geometry.typeArea.height);
  const keeps = sourceKeeps(issue);
  const steps: PrintSteps<PageState> = {
    async load(state, pass) {
      if ((pass > 1 || inPage) && pageTocPitch === state.tocPitchPt) {
        // Later passes change only numbers and offsets: the loaded page is patched. The templates
        // were checked for the hooks when they loaded, so a failed patch is a bug, not a fallback.
        if (await patchDocument(page, patchFor(issue, state))) return;
        throw new BulletinError(msg('build.hooks.contents', { issue: issue.slug }), ExitCode.RenderFailed, msg('build.hooks.contents.hint'));
      }
      // Made without the tightening too, which is set in the page: a later patch without it (fitting's
      // next try, the pagination after the preview's head start) takes it away again.
      const { fit, ...unfitted } = state;
      const doc = documentFor(fit ? unfitted : state);
      server.set(doc.resources);
      const entry = doc.resources.get(doc.entry);
      const base = inPage ? current : loaded;
      const swapped = base && sameAssets(base, doc) && entry && 'body' in entry && (await replaceBody(page, String(entry.body)));
      if (!swapped) await loadDocument(page, server, doc.entry, { screenLayout: doc.screenLayout });
      noteStandIns(page, doc.standIns);
      // The document is made without the forced breaks: they are set in the page.
      if ((state.keepBreaks?.length || fit) && !(await patchDocument(page, patchFor(issue, state)))) {
        throw new BulletinError(msg('build.hooks.keeps', { issue: issue.slug }), ExitCode.RenderFailed, msg('build.hooks.keeps.hint'));
      }
      // Notes at the page foot (print/placeNotes.ts) are set into the document in the page.
      if (notes) await applyNotes(page, notes.blocks);
      current = doc;
      inPage = true;
      pageTocPitch = state.tocPitchPt;
    },
    read(_pdf, dests, printedWith) {
      const found = startsOf(issue, dests);
      // The contents' own pages, as printed: where an entry begins a page of the cover (under 本期目录（续）).
      const breaks = contentsBreaks(printedWith.toc.map((e) => e.id), (id) => dests.get(tocAnchor(id))?.pageIndex);
      // The blank back of the cover was printed when the body was marked cover-odd and the layout wants it.
      const blank = blankShown(issue, printedWith) ? 1 : 0;
      const next = pageState(issue, found.pages, found.coverPages, distributionOffset(dests, printedWith.distributionOffset, typeAreaHeightPt), printedWith.fit, breaks, blank);
      // A source line printed apart from its table's last row, a contents section label ending a page: the next pass breaks before them.
      const kept = keepBreaks(keeps, printedWith.toc, (id) => dests.get(id), printedWith.keepBreaks);
      return { ...next, ...(printedWith.tocPitchPt ? { tocPitchPt: printedWith.tocPitchPt } : {}), ...(kept.length ? { keepBreaks: kept } : {}) };
    },
    // What the document is made with; where the contents broke (tocBreaks) is only read from the
    // print, so a print whose breaks moved still confirms its state (the breaks kept are its own).
    same: (a, b) => samePages(a.pages, b.pages) && a.coverPages === b.coverPages && (a.blankPages ?? 0) === (b.blankPages ?? 0) && a.distributionOffset === b.distributionOffset && a.fit === b.fit && a.tocPitchPt === b.tocPitchPt && sameBreaks(a.keepBreaks, b.keepBreaks),
    // Without a guess of the pages the first print cannot confirm itself: it is read, never kept.
    draft: (state) => state.pages === undefined,
    // The forced breaks that keep things together (model/keepBreaks.ts) may move what follows: a pass for each.
    maxPasses: (state) => MAX_PASSES + (state.keepBreaks?.length ?? 0),
    what: msg('build.doing.pagination', { issue: issue.slug }),
    name: issue.slug,
    suspects: suspectsOf(issue),
    hint: msg('build.not-settled.issue.hint'),
    server,
    templates,
  };
  const withNotes = issue.series.layout.notes === 'page' && issue.sections.some((sec) => sec.articles.some((a) => a.blocks.some((b) => b.type === 'footnotes')));
  let passes = 0;
  /** The head start's print, when the edited issue held its state. */
  let known: Printed<PageState> | undefined;
  // Not when fitting is now off (the issue or the series was edited so), nor with notes at the page foot (placed after a print).
  if (headStart?.state.fit && headStart.state.pages && !withNotes && issue.series.layout.fit !== 'off' && !issue.fitOff) {
    // One print: whether it confirms its state is noted, and the loop told it does (it stops there).
    let holds = false;
    const once = await printUntilSettled(page, headStart.state, { ...steps, same: (a, b) => ((holds = steps.same(a, b)), true) });
    passes += once.passes;
    if (holds) {
      known = once;
      await headStart.show(once);
    }
  }
  const fitSetting = issue.series.layout.fit;
  /**
   * A first draft whose last page is to be fitted is not printed again to confirm its numbers: fitting
   * prints over it, its settled prints confirm the pagination with the tightening, and only when no
   * tightening works is the draft's state settled as it is. It is so when the draft's reading decides
   * as the confirming print would: the same cover pages, nothing to keep together, contents that do not
   * spill, no notes to place.
   */
  /** A draft as fitting reads it: with the distribution block's offset it was printed with (the only draft is the first print, of `start`). */
  const asPrinted = (draft: Printed<PageState>): Printed<PageState> => ({ ...draft, state: { ...draft.state, distributionOffset: start.distributionOffset } });
  const speculative: PrintSteps<PageState> = {
    ...steps,
    enough: (draft, printedWith) => fitSetting !== 'off' && !issue.fitOff && !withNotes && !known
      && draft.state.coverPages === printedWith.coverPages && (draft.state.blankPages ?? 0) === (printedWith.blankPages ?? 0)
      && !draft.state.keepBreaks?.length && spilledEntries(draft.state, draft.dests) === 0
      && needsFitting(lastPageOf(issue, asPrinted(draft)), fitSetting.minLastPageLines),
  };
  let settled = await printUntilSettled(page, start, speculative);
  passes += settled.passes;
  /** The draft's state, to settle when no tightening works. */
  const unsettled = settled.confirmed ? undefined : settled.state;
  if (!settled.confirmed) settled = asPrinted(settled);
  /** Each page's notes at its foot: placed on the pagination as printed, then the pagination they make settled (the 版记's offset found anew under notes on its page). */
  const placeAndSettle = async (from: typeof settled): Promise<typeof settled> => {
    const placed = await placeNotes(page, issue, async () => {
      const pdf = await PDFDocument.load(await printPage(page, { draft: true }), { updateMetadata: false });
      return { pdf, dests: readDestinations(pdf) };
    });
    notes = placed.placement;
    passes += placed.prints;
    const again = await printUntilSettled(page, placed.onDistributionPage ? { ...from.state, distributionOffset: 0 } : from.state, steps);
    passes += again.passes;
    return again;
  };
  if (withNotes) settled = await placeAndSettle(settled);
  // Contents that spill an entry or two onto a page of their own are tightened to take it back.
  const contents = await fitContents(issue, settled, async (state) => {
    const p = await printUntilSettled(page, state, steps);
    passes += p.passes;
    return p;
  });
  const first = contents.printed === settled ? settled : (contents.printed as typeof settled);
  if (contents.printed === settled && contents.tries > 0) await steps.load(settled.state, 2);
  // Fitting: each try is a settled print of the page patched with the tightening.
  /** The head start's print stands for a try of the same tightening. */
  const reused = (state: PageState) => (known && sameFit(known.state.fit, state.fit) ? known : undefined);
  /** The state the page holds (after a reused try, not the one kept). */
  let inPageState: PageState = first.state;
  const fitted = await fitLastPage(issue, first, {
    async probe(state, fromPage) {
      const again = reused(state);
      if (again) return again;
      inPageState = state;
      // The last pages only, printed once: their destinations are not the whole issue's, so only the
      // distribution block's offset is read from them (its start and end on the last page), which the
      // settled print of the same step then starts from.
      const read = (_pdf: PDFDocument, dests: ReadonlyMap<string, Destination>, printedWith: PageState): PageState =>
        ({ ...printedWith, distributionOffset: distributionOffset(dests, printedWith.distributionOffset, typeAreaHeightPt) });
      const p = await printUntilSettled(page, state, { ...steps, fromPage, read, same: () => true, draft: () => true });
      passes += p.passes;
      return p;
    },
    async settle(state) {
      const again = reused(state);
      if (again) return again;
      const p = await printUntilSettled(page, state, steps);
      inPageState = p.state;
      passes += p.passes;
      return p;
    },
  });
  let printed = fitted.printed === first ? first : (fitted.printed as typeof first);
  if (fitted.printed === first && unsettled) {
    // No tightening works: the draft's pagination is settled after all (the tries are patched away).
    printed = await printUntilSettled(page, unsettled, steps);
    passes += printed.passes;
  } else if (fitted.printed === first && fitted.tries > 0) {
    // Every try failed: the page is put back as it was printed (the PDF kept is that print's).
    await steps.load(first.state, 2);
  } else if (known && printed === known && inPageState !== known.state) {
    // The head start's print is kept: the page is set as it was printed.
    await steps.load(known.state, 2);
  }
  if (notes && printed !== first && unkeptNotes(notes, printed.dests, issue).length) {
    // Fitting moved page breaks under placed notes: they are placed again on the fitted pagination.
    await steps.load(printed.state, 2);
    printed = await placeAndSettle(printed);
  }
  const noteReport = notes
    ? { notesAtEnd: notes.atEnd.map((p) => p.replace(/-note$/, '')), notesUnkept: [...new Set(unkeptNotes(notes, printed.dests, issue).map((u) => u.prefix.replace(/-note$/, '')))] }
    : {};
  return { ...printed, passes, state: printed.state as PrintedIssue['state'], loaded: current!, fitting: fitted.outcome, ...noteReport };
}
