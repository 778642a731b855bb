// Loads a served document in a page with JavaScript off, waits for its fonts and images, and prints it.
import type { Page } from 'puppeteer-core';
import { msg, render, type Message } from '../i18n/message.js';
import { ORIGIN, type DocumentServer } from './documentServer.js';
import { urlPath } from '../render/urlPath.js';
import { familyOf, FONT_ROLES } from '../render/fontFaces.js';
import type { FontRole } from '../model/types.js';
import { BulletinError, ExitCode } from '../diagnostics/exitCodes.js';
import { STAND_INS_FOLDER } from '../render/templateContract.js';

export const PRINT_TIMEOUT_MS = 120_000;

export async function preparePage(page: Page): Promise<void> {
  await Promise.all([page.setJavaScriptEnabled(false), page.setCacheEnabled(false)]);
}

/**
 * `screenLayout: false` (a long document that hides itself from the screen): the page is shown as
 * the screen shows it rather than as print, so that it stays hidden until it is printed, and every
 * face its stylesheet names is loaded, since no layout asks for them.
 */
export async function loadDocument(page: Page, server: DocumentServer, entry: string, options: { screenLayout?: boolean } = {}): Promise<void> {
  const screenLayout = options.screenLayout ?? true;
  await page.emulateMediaType(screenLayout ? 'print' : 'screen');
  const url = `${ORIGIN}/${urlPath(entry)}`;
  // This navigation is ours; any other of the page is the document's (see DocumentServer.navigations).
  server.expect(url);
  await page.goto(url, { waitUntil: 'load', timeout: PRINT_TIMEOUT_MS });
  // Runs over CDP, not as page script: fonts must be in before layout is printed.
  if (!screenLayout) {
    await page.evaluate(() => {
      // Iterated, not forEach: with the page's scripts off, Chrome refuses to call back into a function.
      const loads: Promise<unknown>[] = [];
      for (const face of document.fonts as unknown as Iterable<FontFace>) loads.push(face.load().catch(() => undefined));
      return Promise.all(loads).then(() => undefined);
    });
  }
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // A face of the layout's fonts that Chrome refused (its font sanitiser rejects damaged tables that
  // validate cannot see) would print its text in some other font, silently: that is an error naming
  // the role. (A font a series stylesheet declares from elsewhere is refused by the CSP and reported
  // as resource-blocked.)
  const failed = await page.evaluate(() => {
    const out: string[] = [];
    for (const face of document.fonts as unknown as Iterable<FontFace>) if (face.status === 'error') out.push(face.family.replace(/^["']|["']$/g, ''));
    return out;
  });
  const roles = FONT_ROLES.filter((role) => failed.includes(familyOf(role)));
  if (roles.length) throw fontLoadError(roles);
}

/** The roles whose font file Chrome could not load, in words. */
export function fontLoadError(roles: readonly FontRole[]): BulletinError {
  const named = roles.map((role) => msg('build.font-load.file', { role, family: familyOf(role) }));
  const fonts = { en: named.map((m) => render(m, 'en')).join(', '), zh: named.map((m) => render(m, 'zh')).join('、') };
  return new BulletinError(msg('build.font-load', { fonts }), ExitCode.RenderFailed, msg('build.font-load.hint'));
}

/** How a document leaves itself, when it does: where to, and by what. */
export interface Departure {
  url: string | Message;
  /** A message, or the markup that does it. */
  how: string | Message;
}

/**
 * Whether the document in the page takes it elsewhere by itself: a main-frame navigation it
 * started (refused by the server, or committed), or a meta refresh the browser parsed, whatever
 * its spelling in the source (character references, attribute order, in the body) and however
 * long its delay. JavaScript is off, so these are the ways without a reader's click.
 */
export async function departure(page: Page, server: DocumentServer): Promise<Departure | undefined> {
  const how = msg('build.document-left.navigation');
  const gone = await server.departedTo();
  if (gone !== undefined) return { url: gone, how };
  const refresh = await page.evaluate(() => {
    // Loops, not callbacks: with the page's scripts off, Chrome refuses to call back into a function.
    for (const meta of Array.from(document.querySelectorAll('meta'))) {
      if (meta instanceof HTMLMetaElement && meta.httpEquiv.trim().toLowerCase() === 'refresh') return meta.content;
    }
    return undefined;
  });
  const since = await server.departedTo();
  if (since !== undefined) return { url: since, how };
  if (refresh === undefined) return undefined;
  const target = /url\s*=\s*['"]?([^'"]*)/i.exec(refresh)?.[1]?.trim();
  return { url: target || msg('build.document-left.reload'), how: `<meta http-equiv="refresh" content="${refresh.length > 80 ? `${refresh.slice(0, 77)}…` : refresh}">` };
}

/**
 * How a print is made. A draft is only read (where things fell, what is on the pages), never kept, so
 * Chrome leaves out the structure tree of a tagged PDF, which costs it about a fifth of a print (a
 * 579-page issue: 4.4 s instead of 5.5 s; its last two pages alone, 2.5 s instead of 4 s). Tagging
 * changes no position on the page. The photos of a document are stand-ins until a print is to be
 * kept ({@link noteStandIns}). (A draft that hid the pictures instead made the kept print's structure
 * ids depend on timing: when Chrome first paints a picture it numbers its node, and the pictures were
 * then first painted while the tagged print numbered the rest. A stand-in is painted where its photo
 * will be, so every node is numbered by the first print, as before.)
 */
export interface PrintOptions {
  draft?: boolean;
}

export async function printPage(page: Page, options: PrintOptions = {}): Promise<Uint8Array> {
  return (await printPagesFrom(page, 0, options)).bytes;
}

/** A PDF of the pages from `firstPage` (0-based) to the end, and which page it starts with. */
export interface PagesPrinted {
  bytes: Uint8Array;
  firstPage: number;
}

/**
 * Prints the pages from `firstPage` (0-based) on: a probe that needs only the last pages (does a
 * tightening take the last page away?) costs Chrome and the PDF reader those pages only, which for a
 * long issue is a few pages instead of hundreds. When the document has fewer pages than that, Chrome
 * refuses the range, and the whole document is printed instead.
 */
export async function printPagesFrom(page: Page, firstPage: number, options: PrintOptions = {}): Promise<PagesPrinted> {
  if (!options.draft && standIns.get(page)) {
    await showPhotos(page);
    standIns.set(page, false);
  }
  // No `path`: puppeteer would truncate the target before printing; outputs are written atomically elsewhere.
  const print = (pageRanges?: string) =>
    page.pdf({
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: false,
      tagged: !options.draft,
      outline: false,
      timeout: PRINT_TIMEOUT_MS,
      ...(pageRanges ? { pageRanges } : {}),
    });
  if (firstPage <= 0) return { bytes: await print(), firstPage: 0 };
  try {
    // An open range: Chrome prints up to the last page, however many there are now.
    return { bytes: await print(`${firstPage + 1}-`), firstPage };
  } catch (error) {
    if (!(error instanceof Error) || !/exceeds page count/i.test(error.message)) throw error;
    return { bytes: await print(), firstPage: 0 };
  }
}

/** Pages whose document shows its photos as stand-ins (render/issueDocument.ts `standIns`). */
const standIns = new WeakMap<Page, boolean>();

/**
 * Says whether the document just put into `page` shows its photos as stand-ins: flat grey JPEGs of
 * the photos' pixel sizes (images/standInJpeg.ts), which lay the pages out as the photos do. The
 * prints that are only read embed those (five phone photos made each such print some 100 ms longer
 * and its PDF 1.2 MB larger); before the first print that may be kept, the photos are loaded.
 */
export function noteStandIns(page: Page, shown: boolean): void {
  standIns.set(page, shown);
}

/** Pause between two looks at a page that is loading something. */
const POLL_MS = 2;

/**
 * Asks the page (`look`, over CDP) every few milliseconds until `done` says the answer will do. The
 * page's scripts are off, so nothing in it can call back when an image has loaded: an `onload`
 * handler set from outside is never run.
 */
export async function pollPage<T>(look: () => Promise<T>, done: (answer: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + PRINT_TIMEOUT_MS;
  for (;;) {
    const answer = await look();
    if (done(answer)) return answer;
    if (Date.now() > deadline) throw new Error(`${what}: not done in ${PRINT_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * How long a picture may stay its stand-in once its request is done: one a series template names
 * other than by `src` or `srcset` (a CSS background) is not replaced, and the self-check says so.
 */
const STUCK_MS = 1000;

/**
 * Each stand-in of the page replaced by its photo (the same element: its node and its box stay), in
 * the `src` and `srcset` of its `img` (and of a `picture`'s `source`), once all are loaded: their
 * requests done (`complete`) and the photo shown (`currentSrc`, which stays the stand-in while the
 * photo is pending).
 */
async function showPhotos(page: Page): Promise<void> {
  const folder = `/${STAND_INS_FOLDER}/`;
  const swapped = await page.evaluate((f: string) => {
    let count = 0;
    const photos: string[] = [];
    // Loops, not callbacks: with the page's scripts off, Chrome refuses to call back into a function.
    for (const el of Array.from(document.querySelectorAll('img, picture > source'))) {
      for (const name of ['src', 'srcset']) {
        const value = el.getAttribute(name);
        if (value === null || !value.includes(f)) continue;
        el.setAttribute(name, value.split(f).join('/images/'));
        count++;
        if (el instanceof HTMLImageElement && name === 'src') photos.push(el.src);
        // Loaded now, wherever it is on the page (a series template may have asked for lazy loading).
        if (el instanceof HTMLImageElement && el.loading === 'lazy') el.loading = 'eager';
      }
    }
    return { count, photos };
  }, folder);
  if (swapped.count === 0) return;
  let stuckSince: number | undefined;
  const look = () => page.evaluate((f: string, photos: string[]) => {
    const wanted = new Set(photos);
    let loading = 0;
    let standIns = 0;
    const failed: string[] = [];
    // The pictures swapped, and any other still showing a stand-in (one swapped in its srcset).
    for (const img of Array.from(document.images)) {
      const mine = wanted.has(img.src);
      if (!mine && !img.currentSrc.includes(f)) continue;
      if (!img.complete) loading++;
      else if (img.currentSrc.includes(f)) standIns++;
      else if (mine && img.naturalWidth === 0) failed.push(img.src);
    }
    return { loading, standIns, failed };
  }, folder, swapped.photos);
  const state = await pollPage(look, (s) => {
    if (s.failed.length) return true;
    if (s.loading > 0) {
      stuckSince = undefined;
      return false;
    }
    stuckSince ??= Date.now();
    return s.standIns === 0 || Date.now() - stuckSince > STUCK_MS;
  }, 'loading the photos');
  if (state.failed.length) throw new Error(`the print could not load ${state.failed.join(', ')}`);
}

/**
 * A print lays the whole document out again for paper and leaves that layout behind as garbage; with
 * the page's scripts off nothing prompts Chrome to collect it, and the next print would add its own
 * on top (for 600 pages, about 250 MiB each). A full collection costs about a second there, so it is
 * asked for only before printing a long document again.
 */
export async function collectGarbage(page: Page): Promise<void> {
  const client = await page.createCDPSession();
  try {
    await client.send('HeapProfiler.collectGarbage');
  } finally {
    await client.detach().catch(() => undefined);
  }
}
