// Prints an issue until its contents carry the real page numbers: pass 1 paginates, pass 2 fills the contents.
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'puppeteer';
import type { Issue, Pagination } from '../model/types.js';
import type { DocumentServer } from './documentServer.js';
import type { IssueDocument } from '../render/issueDocument.js';
import { loadDocument, printPage } from './printPage.js';
import { readDestinations, type Destination } from './readDestinations.js';

export interface PaginatedIssue {
  bytes: Uint8Array;
  pdf: PDFDocument;
  dests: Map<string, Destination>;
  pages: Pagination;
  coverPages: number;
  /** How many times the issue was printed. */
  passes: number;
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

export async function paginateIssue(page: Page, server: DocumentServer, issue: Issue, documentFor: (pages: Pagination | undefined, coverPages: number) => IssueDocument): Promise<PaginatedIssue> {
  let pages: Pagination | undefined;
  let coverPages = 1;
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const doc = documentFor(pages, coverPages);
    server.set(doc.resources);
    await loadDocument(page, doc.entry);
    const bytes = await printPage(page);
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    const dests = readDestinations(pdf);
    const found = paginationOf(issue, dests);
    if (same(found.pages, pages) && found.coverPages === coverPages) {
      return { bytes, pdf, dests, pages: found.pages, coverPages, passes: pass };
    }
    pages = found.pages;
    coverPages = found.coverPages;
  }
  throw new Error(`the pagination did not settle after ${MAX_PASSES} passes (filling in the contents keeps moving the pages)`);
}
