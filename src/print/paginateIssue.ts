// Prints an issue until its contents carry the real page numbers: pass 1 paginates, pass 2 fills the contents.
import { PDFDocument } from './pdfLib.js';
import type { Page } from 'puppeteer';
import type { Issue, Pagination } from '../model/types.js';
import type { DocumentServer } from './documentServer.js';
import type { IssueDocument } from '../render/issueDocument.js';
import { collectGarbage, loadDocument, printPage } from './printPage.js';
import { readDestinations, type Destination } from './readDestinations.js';
import { BulletinError, ExitCode } from '../diagnostics/exitCodes.js';
import { patchDocument, replaceBody, type DocumentPatch } from './patchDocument.js';
import { tableOfContents } from '../model/tableOfContents.js';
import { formatPageNumber } from '../render/pageNumber.js';
import { ptFromMm } from '../layout/presets.js';

/** What one print pass learns and the next one uses. */
export interface LayoutState {
  pages: Pagination | undefined;
  coverPages: number;
  /** Space above the distribution block that puts its last rule on the bottom of the type area (pt). */
  distributionOffset: number;
}

export const DISTRIBUTION_ID = 'distribution';
export const DISTRIBUTION_END_ID = 'distribution-end';

export interface PaginatedIssue {
  bytes: Uint8Array;
  pdf: PDFDocument;
  dests: Map<string, Destination>;
  pages: Pagination;
  coverPages: number;
  state: LayoutState;
  /** How many times the issue was printed. */
  passes: number;
  /** The document last loaded into the page (later passes patch its numbers in place). */
  loaded: IssueDocument;
}

/** The ids whose start pages the contents need: every section and article. */
export function contentIds(issue: Issue): string[] {
  return issue.sections.flatMap((s) => [s.id, ...s.articles.map((a) => a.id)]);
}

function paginationOf(issue: Issue, dests: ReadonlyMap<string, Destination>): { pages: Map<string, number>; coverPages: number } {
  const first = dests.get(issue.sections[0]?.id ?? '');
  const coverPages = first ? first.pageIndex : 1;
  const pages = new Map<string, number>();
  for (const id of contentIds(issue)) {
    const d = dests.get(id);
    if (d) pages.set(id, d.pageIndex - coverPages + 1);
  }
  return { pages, coverPages };
}

function same(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number> | undefined): boolean {
  return b !== undefined && a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

export const MAX_PASSES = 4;

/** From this many pages on, the garbage of one print is collected before the next (see collectGarbage). */
export const LONG_DOCUMENT_PAGES = 100;

/** The offset that moves the block's end onto the bottom of the type area (unchanged when it is there). */
function distributionOffset(dests: ReadonlyMap<string, Destination>, current: number, typeAreaHeightPt: number): number {
  const start = dests.get(DISTRIBUTION_ID);
  const end = dests.get(DISTRIBUTION_END_ID);
  if (!start || !end || end.top === undefined || start.pageIndex !== end.pageIndex) return current;
  // Aim 1 pt short of the bottom: a block ending exactly on it is pushed to the next page by rounding.
  const gap = typeAreaHeightPt - 1 - end.top;
  return gap >= 0 && gap < 1 ? current : Math.max(0, Math.round((current + gap) * 100) / 100);
}

function patchFor(issue: Issue, state: LayoutState): DocumentPatch {
  const form = issue.series.layout.pageNumber;
  const pageText: Record<string, string> = {};
  for (const entry of tableOfContents(issue, state.pages)) pageText[entry.id] = formatPageNumber(form, entry.page ?? 0);
  return { pageText, bodyClass: state.coverPages % 2 === 1 ? 'cover-odd' : 'cover-even', distributionOffset: state.distributionOffset };
}

/**
 * The state the first pass prints with: `initial` is a guess, such as the previous build's in a
 * preview (when it is right, one pass is enough); without one, no page numbers yet.
 */
export function firstState(initial?: LayoutState): LayoutState {
  return { pages: initial?.pages, coverPages: initial?.coverPages ?? 1, distributionOffset: initial?.distributionOffset ?? 0 };
}

/** Same stylesheets, fonts and images: only the page's HTML differs. */
function sameAssets(a: IssueDocument, b: IssueDocument): boolean {
  if (a.resources.size !== b.resources.size) return false;
  for (const [key, ra] of a.resources) {
    if (key === a.entry) continue;
    const rb = b.resources.get(key);
    if (!rb) return false;
    if ('body' in ra !== 'body' in rb) return false;
    if ('body' in ra && 'body' in rb && String(ra.body) !== String(rb.body)) return false;
    if ('file' in ra && 'file' in rb && ra.file !== rb.file) return false;
  }
  return a.entry === b.entry;
}

export async function paginateIssue(
  page: Page,
  server: DocumentServer,
  issue: Issue,
  /** Called with `start` itself for the first pass. */
  documentFor: (state: LayoutState) => IssueDocument,
  start: LayoutState,
  /** The document already loaded in `page` (a preview's previous build): its body is swapped in place. */
  loaded?: IssueDocument,
): Promise<PaginatedIssue> {
  let { pages, coverPages, distributionOffset: offset } = start;
  let printedPages = 0;
  let current = loaded;
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const state: LayoutState = pass === 1 ? start : { pages, coverPages, distributionOffset: offset };
    // Later passes change only numbers and offsets: patch the loaded page when its template allows.
    if (pass === 1 || !(await patchDocument(page, patchFor(issue, state)))) {
      const doc = documentFor(state);
      server.set(doc.resources);
      const entry = doc.resources.get(doc.entry);
      const swapped = pass === 1 && loaded && sameAssets(loaded, doc) && entry && 'body' in entry && (await replaceBody(page, String(entry.body)));
      if (!swapped) await loadDocument(page, doc.entry, { screenLayout: doc.screenLayout });
      current = doc;
    }
    if (printedPages >= LONG_DOCUMENT_PAGES) await collectGarbage(page);
    const bytes = await printPage(page);
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    printedPages = pdf.getPageCount();
    const dests = readDestinations(pdf);
    const found = paginationOf(issue, dests);
    const nextOffset = distributionOffset(dests, offset, ptFromMm(issue.series.layout.geometry.typeArea.height));
    if (same(found.pages, pages) && found.coverPages === coverPages && nextOffset === offset) {
      return { bytes, pdf, dests, pages: found.pages, coverPages, state, passes: pass, loaded: current! };
    }
    pages = found.pages;
    coverPages = found.coverPages;
    offset = nextOffset;
  }
  throw new BulletinError(`the pagination did not settle after ${MAX_PASSES} passes (filling in the contents keeps moving the pages)`, ExitCode.RenderFailed,
    'A series template or stylesheet probably makes the contents or the distribution block change size with the numbers; check it.');
}
