// bulletin preview: serves the series, rebuilds on save, tells open pages to reload, shows errors and recovers.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { preview, type PreviewHandle } from '../../src/preview/preview.js';
import { placeholderPng } from '../../src/scaffold/placeholderPng.js';

const CHROMIUM = '/usr/bin/chromium';
const SEED = path.resolve(__dirname, '../../examples/seed');

/** Collects server-sent events from /__events. */
function listen(url: string): { events: string[]; close(): void; ready: Promise<void> } {
  const events: string[] = [];
  let close = () => undefined as void;
  const ready = new Promise<void>((resolve, reject) => {
    const req = request(`${url}__events`, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        for (const m of chunk.matchAll(/event: rebuilt\ndata: (.*)\n/g)) events.push(m[1]!);
        resolve();
      });
    });
    req.on('error', reject);
    req.end();
    close = () => req.destroy();
  });
  return { events, close: () => close(), ready };
}

async function waitFor(condition: () => boolean, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(!existsSync(CHROMIUM))('bulletin preview', () => {
  let dir: string;
  let handle: PreviewHandle;
  let issueFile: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bulletin-preview-'));
    await cp(SEED, dir, { recursive: true });
    issueFile = path.join(dir, 'issues/2018-02.yaml');
    handle = await preview({ path: dir, port: 0, cwd: dir, env: { ...process.env, BULLETIN_BROWSER: CHROMIUM } });
  }, 120_000);

  afterAll(async () => {
    await handle?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves an index of the series on 127.0.0.1 with links to the issue, its PDF and its HTML', async () => {
    expect(handle.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await (await fetch(handle.url)).text();
    expect(index).toContain('2018年第2期（总第11期）');
    expect(index).toContain('href="/issue/2018-02"');
    expect(index).toContain('href="/2018-02.pdf"');
    const pdf = await fetch(`${handle.url}2018-02.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const html = await (await fetch(`${handle.url}2018-02.html`)).text();
    expect(html).toContain('/__reload.js');
  });

  it('rebuilds on save and tells the open page to reload', async () => {
    const stream = listen(handle.url);
    await stream.ready;
    const before = Buffer.from(await (await fetch(`${handle.url}2018-02.pdf`)).arrayBuffer());
    const text = await readFile(issueFile, 'utf8');
    await writeFile(issueFile, text.replace('- 在昆明召开', '- 在昆明隆重召开'));
    await waitFor(() => stream.events.includes('2018-02'));
    stream.close();
    await handle.settled();
    const after = Buffer.from(await (await fetch(`${handle.url}2018-02.pdf`)).arrayBuffer());
    expect(after.equals(before)).toBe(false);
    const viewer = await (await fetch(`${handle.url}issue/2018-02`)).text();
    expect(viewer).toMatch(/<iframe src="\/2018-02\.pdf\?v=\d+"/);
  }, 90_000);

  it('prints a photo replaced under the same name (not the bytes it read before)', async () => {
    const photo = path.join(dir, 'issues/images/2018-02-kunming.png');
    const before = Buffer.from(await (await fetch(`${handle.url}2018-02.pdf`)).arrayBuffer());
    const original = await readFile(photo);
    // Another picture of the same pixel size: the layout stays, only the bytes differ.
    await writeFile(photo, placeholderPng(800, 630));
    await new Promise((r) => setTimeout(r, 400));
    await handle.settled();
    const after = Buffer.from(await (await fetch(`${handle.url}2018-02.pdf`)).arrayBuffer());
    expect(after.equals(before)).toBe(false);
    await writeFile(photo, original);
    await new Promise((r) => setTimeout(r, 400));
    await handle.settled();
  }, 90_000);

  it('shows the diagnostics of a broken source on the page, keeps serving, and recovers when it is fixed', async () => {
    const text = await readFile(issueFile, 'utf8');
    await writeFile(issueFile, text.replace(/^year: 2018$/m, 'year: 2019'));
    await new Promise((r) => setTimeout(r, 400));
    await handle.settled();
    const broken = await (await fetch(`${handle.url}issue/2018-02`)).text();
    expect(broken).toContain('year-mismatch');
    expect((await fetch(handle.url)).status).toBe(200);
    await writeFile(issueFile, text);
    await new Promise((r) => setTimeout(r, 400));
    await handle.settled();
    const fixed = await (await fetch(`${handle.url}issue/2018-02`)).text();
    expect(fixed).not.toContain('year-mismatch');
    expect(fixed).toContain('<iframe');
  }, 90_000);
});
