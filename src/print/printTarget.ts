// A browser page ready to print our documents: JavaScript and the cache off, its own document server.
import type { Browser, Page } from 'puppeteer-core';
import { serveDocument, type DocumentServer } from './documentServer.js';
import { preparePage } from './printPage.js';
import type { IssueDocument } from '../render/issueDocument.js';

/** A browser page with its document server, holding the last document it printed. */
export interface PrintTarget {
  page: Page;
  server: DocumentServer;
  /** The document in the page now (its body can be swapped for the next version of the same issue). */
  loaded: IssueDocument | undefined;
}

/**
 * `initialTab`: take the blank tab Chrome opened at its start, if it is still unused, instead of
 * opening another one (each tab keeps a renderer process alive: about 35 MiB).
 */
export async function openPrintTarget(browser: Browser, options: { initialTab?: boolean } = {}): Promise<PrintTarget> {
  const blank = options.initialTab ? (await browser.pages()).find((p) => p.url() === 'about:blank') : undefined;
  const page = blank ?? (await browser.newPage());
  await preparePage(page);
  return { page, server: await serveDocument(page), loaded: undefined };
}

/** Makes a target ready for another issue: what the last one loaded and asked for is forgotten. */
export function clearTarget(target: PrintTarget): void {
  target.loaded = undefined;
  target.server.blocked.length = 0;
  target.server.requested.clear();
  target.server.navigations.length = 0;
}
