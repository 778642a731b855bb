// Serves one document to the page from a fixed origin, from memory, with a strict CSP; refuses every other request.
import { readFile } from 'node:fs/promises';
import type { HTTPRequest, Page } from 'puppeteer';

export const ORIGIN = 'http://bulletin.invalid';

/** A served file: its bytes in memory, or a file read when first asked for (fonts, images). */
export type Resource = { type: string; body: Uint8Array | string } | { type: string; file: string; /** a font slice (has a unicode-range) */ ranged?: boolean };

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

/** File contents shared by every page of a batch: each font slice is read from disk once. */
const fileCache = new Map<string, Promise<Buffer>>();
function bodyOf(resource: Resource): Promise<Buffer> {
  if ('body' in resource) return Promise.resolve(Buffer.from(resource.body));
  let cached = fileCache.get(resource.file);
  if (!cached) {
    cached = readFile(resource.file);
    fileCache.set(resource.file, cached);
  }
  return cached;
}

export async function serveDocument(page: Page): Promise<DocumentServer> {
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
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const url = request.url();
    const prefix = `${ORIGIN}/`;
    let key = '';
    try {
      key = url.startsWith(prefix) ? decodeURIComponent(url.slice(prefix.length).split(/[?#]/)[0]!) : '';
    } catch {
      key = ''; // malformed percent-encoding (an image named `50%.png`): nothing of ours has that name
    }
    const resource = request.method() === 'GET' ? served.get(key) : undefined;
    if (!resource) {
      // Chrome asks for a favicon by itself; that is not the document's doing.
      if (!url.startsWith('data:') && key !== 'favicon.ico') blocked.push(url);
      void request.abort('blockedbyclient').catch(() => undefined);
      return;
    }
    requested.add(key);
    void bodyOf(resource)
      .then((body) =>
        request.respond({
          status: 200,
          contentType: resource.type,
          headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
          body,
        }),
      )
      .catch(() => request.abort('failed').catch(() => undefined));
  });
  return {
    set(resources) {
      served = resources;
    },
    blocked,
    requested,
  };
}
