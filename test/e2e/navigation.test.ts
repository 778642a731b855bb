// The print page's own behaviour, end to end. A document that takes the print page elsewhere by itself (a template's meta refresh, in any spelling the
// browser's parser accepts) fails the print as a template error (exit 3) naming the series templates, not as a
// browser failure; the navigation is refused (no request leaves, the document stays). These documents are served
// to the print loop directly, past the renderer's own clean-up of the HTML (src/render/hardenHtml.ts), so they
// prove the print side's check on its own. The whole CLI is covered by the hostile fixtures tpl-refresh-*.
import http from 'node:http';
import { msg } from '../../src/i18n/message.js';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../../src/print/browserSession.js';
import { openPrintTarget, clearTarget, type PrintTarget } from '../../src/print/printTarget.js';
import { departure, loadDocument, printPagesFrom } from '../../src/print/printPage.js';
import { PDFDocument, PDFName } from '../../src/print/pdfLib.js';
import { readPageText } from '../../src/check/readPdfText.js';
import { printUntilSettled } from '../../src/print/printLoop.js';
import { BulletinError, ExitCode } from '../../src/diagnostics/exitCodes.js';
import type { Resource } from '../../src/render/issueDocument.js';
import { placeholderPng } from '../../src/scaffold/placeholderPng.js';
import { CHROMIUM, HAS_CHROMIUM, e2eTitle } from './poppler.js';

const TEMPLATES = 'series/templates/';
let session: BrowserSession;
let target: PrintTarget;
let listener: http.Server;
let address = '';
const hits: string[] = [];

function page(head: string, body = '<p>正文</p>'): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;
}

function resources(html: string): Map<string, Resource> {
  return new Map<string, Resource>([
    ['doc.html', { type: 'text/html; charset=utf-8', body: html }],
    ['other.html', { type: 'text/html; charset=utf-8', body: page('', '<p>OTHER DOCUMENT</p>') }],
    ['photo.png', { type: 'image/png', body: placeholderPng(40, 30) }],
  ]);
}

/** Prints `html` through the one print loop (one pass): the error it fails with, or undefined. */
async function print(html: string): Promise<unknown> {
  clearTarget(target);
  target.server.set(resources(html));
  return printUntilSettled(target.page, 0, {
    load: () => loadDocument(target.page, target.server, 'doc.html'),
    read: () => 0,
    same: () => true,
    what: msg('build.doing.pagination', { issue: '2018-01' }),
    hint: msg('build.not-settled.issue.hint'),
    server: target.server,
    templates: TEMPLATES,
  }).then(() => undefined, (error: unknown) => error);
}

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('a document that leaves itself while it is printed'), () => {
  beforeAll(async () => {
    listener = http.createServer((req, res) => {
      hits.push(`${req.method} ${req.url}`);
      res.end('listener');
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    address = `127.0.0.1:${(listener.address() as AddressInfo).port}`;
    session = await openBrowser({ path: CHROMIUM, source: 'test' });
    target = await openPrintTarget(session.browser);
  });

  afterAll(async () => {
    await session?.close();
    await new Promise<void>((resolve) => (listener ? listener.close(() => resolve()) : resolve()));
  });

  const leaving: [string, () => string, RegExp][] = [
    ['a meta refresh to another host', () => page(`<meta http-equiv="refresh" content="0;url=http://${address}/plain">`), /http:\/\/127\.0\.0\.1:\d+\/plain/],
    ['http-equiv spelled with a character reference (&#114;efresh)', () => page(`<meta http-equiv="&#114;efresh" content="0;url=http://${address}/entity">`), /\/entity/],
    ['http-equiv with a hex reference and odd case (&#x52;EFRESH)', () => page(`<meta content="0;URL='http://${address}/hex'" http-equiv="&#x52;EFRESH">`), /\/hex/],
    ['a ">" inside an earlier attribute value', () => page(`<meta name="a>b" http-equiv=refresh content="0;url=http://${address}/gt">`), /\/gt/],
    ['a refresh in the body, due long after the print', () => page('', `<p>正文</p><meta http-equiv="Refresh" content="600; url=http://${address}/late">`), /\/late/],
    ['a refresh due while the page prints (1 s)', () => page(`<meta http-equiv="refresh" content="1;url=http://${address}/during">`), /\/during/],
    ['a refresh inside an inline SVG foreignObject (HTML again)', () => page('', `<svg width="10" height="10"><foreignObject width="10" height="10"><meta http-equiv="refresh" content="0;url=http://${address}/svg"></foreignObject></svg>`), /\/svg/],
    ['a refresh inside <noscript> (parsed, scripts being off)', () => page(`<noscript><meta http-equiv="refresh" content="0;url=http://${address}/noscript"></noscript>`), /\/noscript/],
    ['a refresh of the document itself', () => page('<meta http-equiv="refresh" content="0">'), /itself|doc\.html/],
    ['a refresh to about:blank (no request at all)', () => page('<meta http-equiv="refresh" content="0;url=about:blank">'), /about:blank/],
    ['a refresh to a file the document may load (its own photo)', () => page('<meta http-equiv="refresh" content="0;url=photo.png">'), /photo\.png/],
  ];

  for (const [name, html, url] of leaving) {
    it(`fails as a template error naming the templates: ${name}`, async () => {
      const error = await print(html());
      expect(error).toBeInstanceOf(BulletinError);
      expect(error).toMatchObject({ exitCode: ExitCode.RenderFailed });
      const message = (error as BulletinError).message;
      expect(message).toMatch(/^template error: while printing the pagination of 2018-01, the page tried to leave for /);
      expect(message).toContain(TEMPLATES);
      expect(message).toMatch(url);
      expect(message).not.toMatch(/browser failed|try again/i);
    });
  }

  it('refuses the navigation itself: the document stays in the page and the server records where it was to go', async () => {
    clearTarget(target);
    target.server.set(resources(page('<meta http-equiv="refresh" content="0;url=other.html">')));
    await loadDocument(target.page, target.server, 'doc.html');
    await new Promise((r) => setTimeout(r, 500));
    expect(target.server.navigations).toEqual(['http://bulletin.invalid/other.html']);
    expect(target.page.url()).toBe('http://bulletin.invalid/doc.html');
    expect(await target.page.evaluate(() => document.body.textContent)).toBe('正文');
    expect(await departure(target.page, target.server)).toMatchObject({ url: 'http://bulletin.invalid/other.html' });
  });

  it('prints a document that stays (a refresh in a frame, not the page, included)', async () => {
    expect(await print(page('', '<p>正文</p>'))).toBeUndefined();
    expect(await print(page('', `<iframe srcdoc="<meta http-equiv=refresh content='0;url=http://${address}/frame'>"></iframe><p>正文</p>`))).toBeUndefined();
    expect(await print(page('<meta http-equiv="refresh-not" content="0;url=other.html"><meta name="refresh" content="0;url=other.html">'))).toBeUndefined();
  });

  // The same page prints fitting's probes: the last pages only, from a page on (Chrome's open range).
  it('prints the pages from a page on, or the whole document when it has fewer pages than that', async () => {
    clearTarget(target);
    // A stylesheet of its own: the document server's policy refuses inline styles.
    const three = page('<link rel="stylesheet" href="pages.css">', '<p>一</p><p>二</p><p>三</p>');
    target.server.set(new Map([...resources(three), ['pages.css', { type: 'text/css; charset=utf-8', body: '@page { size: A4 } p { break-after: page }' }]]));
    await loadDocument(target.page, target.server, 'doc.html');
    const count = async (bytes: Uint8Array) => (await PDFDocument.load(bytes)).getPageCount();
    const last = await printPagesFrom(target.page, 1);
    expect([last.firstPage, await count(last.bytes)]).toEqual([1, 2]);
    // Page 3 (index 2) is the last: one page; a range past the end is refused by Chrome, and the whole is printed.
    const one = await printPagesFrom(target.page, 2);
    expect([one.firstPage, await count(one.bytes)]).toEqual([2, 1]);
    const whole = await printPagesFrom(target.page, 5);
    expect([whole.firstPage, await count(whole.bytes)]).toEqual([0, 3]);
  });

  // The pagination's first pass and fitting's probes are only read: drafts, untagged.
  it('prints a draft untagged, with its pictures and everything where the kept print has it', async () => {
    clearTarget(target);
    const doc = page('<link rel="stylesheet" href="pages.css">', '<p id="before">一</p><img src="photo.png" width="400" height="300" alt=""><p id="after">二</p>');
    target.server.set(new Map([...resources(doc), ['pages.css', { type: 'text/css; charset=utf-8', body: '@page { size: A4 }' }]]));
    await loadDocument(target.page, target.server, 'doc.html');
    const read = async (bytes: Uint8Array) => {
      const pdf = await PDFDocument.load(bytes);
      const text = readPageText(pdf, 0);
      return { images: text.images.length, tagged: pdf.catalog.has(PDFName.of('StructTreeRoot')), baselines: text.runs.map((r) => Math.round(r.baseline * 10) / 10) };
    };
    const draft = await read((await printPagesFrom(target.page, 0, { draft: true })).bytes);
    const kept = await read((await printPagesFrom(target.page, 0)).bytes);
    expect([draft.images, draft.tagged]).toEqual([1, false]);
    expect([kept.images, kept.tagged]).toEqual([1, true]);
    expect(kept.baselines).toHaveLength(2); // 一 above the picture, 二 under it
    expect(kept.baselines[0]! - kept.baselines[1]!).toBeGreaterThan(200);
    expect(draft.baselines).toEqual(kept.baselines);
  });

  it('let no request reach the listener', async () => {
    await new Promise((r) => setTimeout(r, 1500)); // the 1 s refresh of a case above, had it survived
    expect(hits).toEqual([]);
  });
});
