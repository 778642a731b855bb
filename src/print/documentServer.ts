// Serves one document to the page from a fixed origin, from memory, with a strict CSP; refuses every other request.
import type { Page } from 'puppeteer-core';

export const ORIGIN = 'http://bulletin.invalid';

import type { Resource } from '../render/issueDocument.js';
import { nodeIo, type Io } from '../io.js';

export type { Resource };

/** `default-src 'none'` plus exactly what the layout needs: our stylesheets, fonts and images. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${ORIGIN}`,
  `font-src ${ORIGIN}`,
  `img-src ${ORIGIN}`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface DocumentServer {
  /** Replaces what is served (the next navigation sees it). */
  set(resources: ReadonlyMap<string, Resource>): void;
  /**
   * Says that the print side itself is about to load `url` into the page (printPage.loadDocument).
   * Any other navigation of the page's main frame is the document's own doing (a meta refresh).
   */
  expect(url: string): void;
  /** URLs the document asked for that were refused. */
  blocked: string[];
  /** Paths of served resources the document asked for (fonts it really uses, its images). */
  requested: Set<string>;
  /**
   * Where the document tried to take the page by itself: the URLs of main-frame navigations the
   * print side did not start. Those that come through here are answered with 204 (no content), so
   * the document stays; one that commits all the same (`about:blank`) is recorded too.
   */
  navigations: string[];
  /**
   * Where the page went instead of staying on the document the print side loaded: the first
   * navigation recorded, or the URL the main frame is on now (asked of Chrome itself, not of
   * events that may still be on their way). Undefined while it stays.
   */
  departedTo(): Promise<string | undefined>;
}

/**
 * File contents shared by every page of a batch or a preview session, base64-encoded as the
 * protocol carries them: each font slice is read and encoded once, and can be read ahead (while the
 * browser starts). Keyed by the file's path, size and modification time, so a photo replaced
 * while the preview runs is read again.
 */
const fileCache = new Map<string, Promise<string>>();
/** Entries of the cache at most: a long preview session does not keep every version of every photo. */
const MAX_CACHED_FILES = 2000;

function bodyOf(resource: Resource, io: Io): Promise<string> {
  if ('body' in resource) return Promise.resolve(Buffer.from(resource.body).toString('base64'));
  if ('make' in resource) return resource.make().then((bytes) => Buffer.from(bytes).toString('base64'));
  const file = resource.file;
  return io.stat(file).then((info) => {
    const key = `${file}\0${info.size}\0${info.mtimeMs}`;
    let cached = fileCache.get(key);
    if (!cached) {
      if (fileCache.size >= MAX_CACHED_FILES) fileCache.delete(fileCache.keys().next().value!);
      cached = io.readFile(file).then((bytes) => Buffer.from(bytes).toString('base64'));
      fileCache.set(key, cached);
      cached.catch(() => fileCache.delete(key)); // a missing file is reported when the page asks for it
    }
    return cached;
  });
}

/** Starts reading the files of a document that will be served, so that its requests are answered at once. */
export function readAhead(resources: ReadonlyMap<string, Resource>, io: Io = nodeIo): void {
  for (const resource of resources.values()) if ('file' in resource) bodyOf(resource, io).catch(() => undefined);
}

const HEADERS = [
  { name: 'Content-Security-Policy', value: CONTENT_SECURITY_POLICY },
  { name: 'X-Content-Type-Options', value: 'nosniff' },
  // Every request must come through here (that is how the fonts a page used are known): nothing is cached.
  { name: 'Cache-Control', value: 'no-store' },
];

/** What Chrome's Fetch domain says of a paused request (the parts used here). */
interface RequestPaused {
  requestId: string;
  request: { url: string; method: string };
  resourceType?: string;
  frameId?: string;
}

/** A URL as Chrome writes it, without its fragment (a jump within the document is not leaving it). */
function canonical(url: string): string {
  let href = url;
  try {
    href = new URL(url).href;
  } catch {
    // left as it is: it will not equal ours
  }
  const hash = href.indexOf('#');
  return hash < 0 ? href : href.slice(0, hash);
}

export async function serveDocument(page: Page, io: Io = nodeIo): Promise<DocumentServer> {
  let served: ReadonlyMap<string, Resource> = new Map();
  const blocked: string[] = [];
  const requested = new Set<string>();
  const navigations: string[] = [];
  /** The navigation the print side started and Chrome has not asked for yet. */
  let pending: string | undefined;
  /** The document the print side loaded last (without fragment): the page must stay on it. */
  let current: string | undefined;
  // Whatever the way (a request that came through here, or one Chrome makes without asking, as to
  // about:blank), a main frame that ends up elsewhere is recorded.
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame() || current === undefined) return;
    if (canonical(frame.url()) !== current) navigations.push(frame.url());
  });
  // What the Content-Security-Policy or Chrome's file rules refuse never reaches the interception;
  // Chrome says so in the console ("Loading the image '…' violates …", "Not allowed to load local
  // resource: file:…").
  page.on('console', (message) => {
    const text = message.text();
    const url = /'([^']+)' violates the following Content Security Policy/.exec(text)?.[1] ?? /Not allowed to load local resource: (\S+)/.exec(text)?.[1];
    if (url) blocked.push(url);
  });
  // Every request of the page stops in Chrome's Fetch domain until it is answered from memory or
  // refused. This is the protocol itself rather than puppeteer's request interception, which holds
  // each request back until a second event about it arrives (about 150 ms for a page's fonts).
  const client = await page.createCDPSession();
  const { frameTree } = await client.send('Page.getFrameTree');
  const mainFrame = frameTree.frame.id;
  const answer = (paused: RequestPaused): Promise<unknown> => {
    const url = paused.request.url;
    if (paused.resourceType === 'Document' && paused.frameId === mainFrame) {
      if (pending !== undefined && canonical(url) === pending) {
        pending = undefined;
      } else {
        // Not ours: the page is to stay on its document. A 204 ends a navigation without leaving it.
        navigations.push(url);
        return client.send('Fetch.fulfillRequest', { requestId: paused.requestId, responseCode: 204, responseHeaders: HEADERS });
      }
    }
    const prefix = `${ORIGIN}/`;
    let key = '';
    try {
      key = url.startsWith(prefix) ? decodeURIComponent(url.slice(prefix.length).split(/[?#]/)[0]!) : '';
    } catch {
      key = ''; // malformed percent-encoding (an image named `50%.png`): nothing of ours has that name
    }
    const resource = paused.request.method === 'GET' ? served.get(key) : undefined;
    const refuse = (errorReason: string) => client.send('Fetch.failRequest', { requestId: paused.requestId, errorReason: errorReason as 'BlockedByClient' });
    if (!resource) {
      // Chrome asks for a favicon by itself; that is not the document's doing.
      if (!url.startsWith('data:') && key !== 'favicon.ico') blocked.push(url);
      return refuse('BlockedByClient');
    }
    requested.add(key);
    return bodyOf(resource, io).then(
      (body) => client.send('Fetch.fulfillRequest', {
        requestId: paused.requestId, responseCode: 200, body,
        responseHeaders: [{ name: 'Content-Type', value: resource.type }, ...HEADERS],
      }),
      () => refuse('Failed'),
    );
  };
  // A request still paused when the page closes cannot be answered: that is not an error.
  client.on('Fetch.requestPaused', (event: RequestPaused) => void answer(event).catch(() => undefined));
  await client.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] });
  return {
    set(resources) {
      served = resources;
      readAhead(resources, io);
    },
    expect(url) {
      pending = canonical(url);
      current = pending;
    },
    blocked,
    requested,
    navigations,
    async departedTo() {
      if (navigations.length || current === undefined) return navigations[0];
      const { frameTree: now } = await client.send('Page.getFrameTree');
      const url = now.frame.url;
      return navigations[0] ?? (canonical(url) !== current ? url : undefined);
    },
  };
}
