// Serves one document to the page from a fixed origin, from memory, with a strict CSP; refuses every other request.
import type { Page } from 'puppeteer';

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
  /** URLs the document asked for that were refused. */
  blocked: string[];
  /** Paths of served resources the document asked for (fonts it really uses, its images). */
  requested: Set<string>;
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
}

export async function serveDocument(page: Page, io: Io = nodeIo): Promise<DocumentServer> {
  let served: ReadonlyMap<string, Resource> = new Map();
  const blocked: string[] = [];
  const requested = new Set<string>();
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
  const answer = (paused: RequestPaused): Promise<unknown> => {
    const url = paused.request.url;
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
    blocked,
    requested,
  };
}
