// bulletin preview: serves the series, rebuilds on save, tells open pages to reload, shows errors and recovers;
// answers only requests addressed to itself (DNS rebinding) and well-formed ones; a bad option, path or port is a
// usage error with no browser left running, and a failure or Ctrl-C while it starts closes the browser it started.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { preview, type PreviewHandle } from '../../src/preview/preview.js';
import { placeholderPng } from '../../src/scaffold/placeholderPng.js';
import { BulletinError, ExitCode } from '../../src/diagnostics/exitCodes.js';
import { builtCli } from '../builtCli.js';
import { cleanScratch, runCli, scratchDir, SERIES_YAML } from '../helpers.js';
import sharp from 'sharp';
import { carriesMetadata } from '../../src/images/imageMetadata.js';
import { validate } from '../../src/validate.js';
import { diagnosticsText, indexPage, viewerPage, type IssueStatus } from '../../src/preview/previewPages.js';
import { checkRequest } from '../../src/preview/requestGuard.js';
import { localize } from '../../src/diagnostics/diagnostic.js';

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

/** A request to the preview with the headers given (a forged Host among them): status, headers and body. */
function get(url: string, pathname: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathname, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('no answer within 10 s')));
    req.end();
  });
}

/** Bytes written as they are (a NUL in the request line, a target Node's client would refuse): the status line of the answer. */
function raw(url: string, text: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', reject);
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer within 10 s')));
  });
}

/** Chromium processes started by this process (Chrome is spawned directly by bulletin). */
function chromiumChildren(): string[] {
  const ps = execFileSync('ps', ['-eo', 'pid=,ppid=,stat=,args='], { encoding: 'utf8' });
  return ps.split('\n').map((l) => l.trim().split(/\s+/)).filter(([, ppid, stat, cmd]) => ppid === String(process.pid) && !stat?.startsWith('Z') && /chrom/i.test(cmd ?? '')).map(([pid, , , cmd]) => `${pid} ${cmd}`);
}

/** Waits (a little) for the Chromium children not in `before` to be gone, and returns those left. */
async function chromiumLeft(before: readonly string[], ms = 5000): Promise<string[]> {
  const until = Date.now() + ms;
  let left = chromiumChildren().filter((c) => !before.includes(c));
  while (left.length && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    left = chromiumChildren().filter((c) => !before.includes(c));
  }
  return left;
}

/** A port that is taken: a listener of this process holds it. */
async function busyPort(): Promise<{ port: number; close(): Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as net.AddressInfo).port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Runs bin/bulletin.js as a real process: its exit code, stderr and time, or exit null when it had to be killed. */
function runBuilt(args: string[], cwd: string, ms = 60_000): Promise<{ exit: number | null; stderr: string; seconds: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [builtCli(), ...args], { cwd, env: { ...process.env, BULLETIN_BROWSER: CHROMIUM, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('error', reject);
    child.on('close', (exit) => {
      clearTimeout(timer);
      resolve({ exit, stderr, seconds: (Date.now() - started) / 1000 });
    });
  });
}

describe('the preview\'s pages in the language of the command', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bulletin-preview-lang-'));
    await cp(SEED, dir, { recursive: true });
    const file = path.join(dir, 'issues/2018-02.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^year: 2018$/m, 'year: 2019'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const statuses: IssueStatus[] = [
    { slug: '2018-01', issueLine: '2018年第1期（总第10期）', dateLine: '二〇一八年十一月一日', titles: ['甲'], state: 'queued', version: 0, message: undefined },
    { slug: '2018-02', issueLine: '2018年第2期（总第11期）', dateLine: '二〇一八年十二月二十八日', titles: ['乙'], state: 'failed', version: 0, message: undefined },
  ];

  it('shows the index and the diagnostics overlay in Chinese under lang zh', async () => {
    const checked = await validate([dir], { cwd: dir });
    const errors = checked.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code)).toContain('year-mismatch');
    const overlay = diagnosticsText(errors, checked.sources, 'zh');
    const broken = errors.find((d) => d.code === 'year-mismatch')!;
    // The labels in Chinese, the message and the hint as the diagnostic gives them in Chinese (localize);
    // the code and the code frame as they are.
    const zh = localize(broken, 'zh');
    expect(overlay).toMatch(/issues\/2018-02\.yaml:\d+:\d+: 错误 .*\[year-mismatch\]/);
    expect(overlay).toContain(`: 错误 ${zh.message} [year-mismatch]`);
    expect(overlay).toContain(`提示：${zh.hint}`);
    expect(overlay).toMatch(/\| year: 2019/);
    expect(overlay).not.toMatch(/: error |hint: /);
    const index = indexPage('示例单位工作动态', statuses, overlay, false, 'zh');
    expect(index).toContain('<html lang="zh-CN">');
    expect(index).toContain('<title>示例单位工作动态 — 预览</title>');
    expect(index).toContain('<header>示例单位工作动态 · 预览</header>');
    expect(index).toContain('等待生成…');
    expect(index).toContain('有错误');
    expect(index).toContain('正在生成：共2期，已完成1期；本页会自动更新');
    expect(index).toContain('<pre id="problems">');
    expect(index).toContain('错误');
    expect(index).not.toMatch(/preview|waiting to be built|has errors|issues ready/);
    expect(indexPage('示例单位工作动态', [], '', true, 'zh')).toContain('正在检查源文件…');
    const viewer = viewerPage(statuses[1], '2018-02', overlay, false, 'zh');
    expect(viewer).toContain('<html lang="zh-CN">');
    expect(viewer).toContain('◀ 返回各期列表');
    expect(viewer).toContain('[year-mismatch]');
    expect(viewerPage(undefined, '2030-01', '', false, 'zh')).toContain('没有这一期');
    expect(checkRequest({ method: 'POST', url: '/', headers: { host: '127.0.0.1:4000' } }, 4000, 'zh')).toMatchObject({ status: 405, message: '只接受 GET 和 HEAD 请求' });
  });

  it('shows them in English under lang en, as before', async () => {
    const checked = await validate([dir], { cwd: dir });
    const errors = checked.diagnostics.filter((d) => d.severity === 'error');
    const overlay = diagnosticsText(errors, checked.sources, 'en');
    expect(overlay).toMatch(/issues\/2018-02\.yaml:\d+:\d+: error year 2019 does not match the date 2018-\d\d-\d\d \[year-mismatch\]/);
    expect(overlay).toContain('hint: The issue line prints the year of publication');
    expect(diagnosticsText(errors, checked.sources)).toBe(overlay);
    const index = indexPage('示例单位工作动态', statuses, overlay, false, 'en');
    expect(index).toContain('<html lang="en">');
    expect(index).toContain('<header>示例单位工作动态 · preview</header>');
    expect(index).toContain('waiting to be built…');
    expect(index).toContain('has errors');
    expect(index).toContain('building: 1 of 2 issues ready; this page updates itself');
    expect(index).not.toMatch(/预览|等待生成|有错误/);
    expect(viewerPage(statuses[1], '2018-02', overlay, false, 'en')).toContain('◀ all issues');
  });
});

describe.skipIf(!existsSync(CHROMIUM))('bulletin preview', () => {
  let dir: string;
  let handle: PreviewHandle;
  let issueFile: string;
  /** What the preview showed (onShown), in order. */
  const shown: { slug: string; provisional: boolean }[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bulletin-preview-'));
    await cp(SEED, dir, { recursive: true });
    issueFile = path.join(dir, 'issues/2018-02.yaml');
    handle = await preview({ path: dir, port: 0, cwd: dir, env: { ...process.env, BULLETIN_BROWSER: CHROMIUM }, onShown: (s) => shown.push(s) });
    // The port is bound and the page answers at once; the issue builds in the background.
    const first = await (await fetch(handle.url)).text();
    expect(first).toMatch(/checking the sources…|waiting to be built…|building…/);
    expect(first).not.toContain('href="/2018-02.pdf"');
    await handle.settled();
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

  it('answers a request with another Host (DNS rebinding) with 421, on every path, the event stream included', async () => {
    const port = new URL(handle.url).port;
    for (const pathname of ['/', '/__events', '/__reload.js', '/2018-02.pdf', '/2018-02.html', '/issue/2018-02', '/2018-02_files/bulletin.css', '/nothing', '/%E0%A4%A']) {
      for (const host of [`rebound.example:${port}`, `127.0.0.1.nip.io:${port}`, 'rebound.example', `127.0.0.1:${Number(port) + 1}`]) {
        const r = await get(handle.url, pathname, { Host: host });
        expect(r.status, `${host} ${pathname}`).toBe(421);
        expect(r.body).not.toContain('2018年');
        expect(r.body).not.toContain('%PDF');
      }
    }
    // Its own names still work, localhost included.
    expect((await get(handle.url, '/', { Host: `localhost:${port}` })).status).toBe(200);
    expect((await get(handle.url, '/2018-02.pdf', { Host: `127.0.0.1:${port}` })).status).toBe(200);
    // HTTP/1.0 without a Host is not addressed to it either.
    expect(await raw(handle.url, 'GET / HTTP/1.0\r\n\r\n')).toMatch(/^HTTP\/1\.1 421 /);
  });

  it('answers a malformed request with 400 (405 for other methods), never 500, and keeps serving', async () => {
    const port = new URL(handle.url).port;
    for (const pathname of ['/%E0%A4%A', '/%', '/%ZZ.pdf', '/issue/%ED%A0%80', '/2018-02%00.pdf', '/%0d%0aSet-Cookie:%20x=1', `/${'a'.repeat(5000)}`, `/issue/${'%25'.repeat(3000)}`]) {
      const r = await get(handle.url, pathname, { Host: `127.0.0.1:${port}` });
      expect(r.status, pathname.slice(0, 40)).toBe(400);
    }
    expect((await get(handle.url, '/', { Host: `127.0.0.1:${port}` }, 'POST')).status).toBe(405);
    // What Node's own parser refuses (a raw NUL, a bare CR in the request line, a header 64 KiB long) is 400 or 431, not a crash.
    expect(await raw(handle.url, `GET /a\0b HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400 /);
    expect(await raw(handle.url, `GET /\r HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400 /);
    expect(await raw(handle.url, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Long: ${'a'.repeat(65_536)}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 (400|431) /);
    expect(await raw(handle.url, `GET http://rebound.example/ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400 /);
    expect((await fetch(handle.url)).status).toBe(200);
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

  it('shows an edit that keeps the pages at once, fitted as before, and keeps showing it when fitting decides the same', async () => {
    const pdfText = async () => {
      const file = path.join(dir, 'shown.pdf');
      writeFileSync(file, Buffer.from(await (await fetch(`${handle.url}2018-02.pdf`)).arrayBuffer()));
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '') };
    };
    const text = await readFile(issueFile, 'utf8');
    // The seed's last article is fitted (5 body pages → 4): a character changed for another keeps its lines.
    shown.length = 0;
    await writeFile(issueFile, text.replace('至此，我国', '至此，全国'));
    await waitFor(() => shown.length > 0);
    expect(shown[0]).toEqual({ slug: '2018-02', provisional: true });
    const early = await pdfText();
    expect(early.text).toContain('至此，全国');
    await handle.settled();
    // Fitting decided the same: nothing new to show, and the same PDF is served.
    expect(shown).toEqual([{ slug: '2018-02', provisional: true }]);
    expect(await pdfText()).toEqual(early);
    expect(early.pages).toBe(5);
    // A paragraph more takes the fitting's page back: what the head start printed does not hold, the build's PDF is shown.
    shown.length = 0;
    await writeFile(issueFile, text.replace('          专家组一致同意', `          ${'验收会议包括收看创建国家生态工业示范园区宣传片、听取园区建设工作报告和验收报告。'.repeat(8)}\n\n          专家组一致同意`));
    await waitFor(() => shown.length > 0);
    await handle.settled();
    expect(shown.at(-1)).toEqual({ slug: '2018-02', provisional: false });
    const longer = await pdfText();
    expect(longer.pages).toBe(6);
    await writeFile(issueFile, text);
    await new Promise((r) => setTimeout(r, 400));
    await handle.settled();
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

describe.skipIf(!existsSync(CHROMIUM))('bulletin preview of a series with several issues', () => {
  it('builds the issue edited last first, and the one saved first on a change', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bulletin-preview-order-'));
    try {
      await cp(path.resolve(__dirname, '../../examples/demo'), dir, { recursive: true });
      const old = new Date('2026-01-01T00:00:00Z');
      for (const name of ['2025-11', '2025-12', '2026-01', '2026-zk1']) await utimes(path.join(dir, 'issues', `${name}.yaml`), old, old);
      // The oldest issue of the series is the one being edited.
      await utimes(path.join(dir, 'issues', '2025-11.yaml'), new Date(), new Date());
      const handle = await preview({ path: dir, port: 0, cwd: dir, env: { ...process.env, BULLETIN_BROWSER: CHROMIUM } });
      try {
        const stream = listen(handle.url);
        await stream.ready;
        await waitFor(() => stream.events.some((e) => e !== '*'));
        expect(stream.events.find((e) => e !== '*')).toBe('2025-11');
        await handle.settled();
        // The last events of the first round may still be on their way.
        await new Promise((r) => setTimeout(r, 500));
        stream.events.length = 0;
        // A save of another issue (and of none other): that one is built, first.
        const file = path.join(dir, 'issues', '2026-01.yaml');
        await writeFile(file, (await readFile(file, 'utf8')).replace(/\n$/, '\n# saved\n'));
        await waitFor(() => stream.events.some((e) => e !== '*'));
        expect(stream.events.find((e) => e !== '*')).toBe('2026-01');
        stream.close();
      } finally {
        await handle.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe.skipIf(!existsSync(CHROMIUM))('bulletin preview of an issue with a phone photo', () => {
  const CANARY = 'ZhangSan-Canary-preview';
  /** Every file of the cache with its modification time. */
  const cacheFiles = (dir: string): Map<string, number> => {
    const files = new Map<string, number>();
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) (e.isDirectory() ? walk(path.join(d, e.name)) : files.set(path.join(d, e.name), statSync(path.join(d, e.name)).mtimeMs));
    };
    if (existsSync(dir)) walk(dir);
    return files;
  };

  it('serves and prints the renditions (upright, print-sized, no metadata), reuses them on a save, and a build beside it triggers no rebuild', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bulletin-preview-photo-'));
    const series = path.join(dir, 'series');
    mkdirSync(path.join(series, 'issues', 'images'), { recursive: true });
    // 2400 × 1800 as stored, sideways (orientation 6), with a GPS position and the author's name.
    const photo = await sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#4070a0', noise: { type: 'gaussian', mean: 110, sigma: 35 } } })
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Model: 'iPhone 13', Artist: CANARY }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 0/1' } })
      .jpeg({ quality: 90 }).toBuffer();
    writeFileSync(path.join(series, 'issues', 'images', 'IMG_0001.jpg'), photo);
    writeFileSync(path.join(series, 'bulletin.yaml'), SERIES_YAML);
    const issueFile = path.join(series, 'issues', '2018-01.yaml');
    const source = [
      'year: 2018', 'number: 1', 'total: 1', 'date: 2018-03-01',
      'sections:', '  - label: 工作动态', '    articles:', '      - title: 园区召开工作会议', '        body: |',
      `          ${'3月1日，园区召开工作会议，总结上年工作，部署本年任务。'.repeat(6)}`,
      '        figures:', '          - image: images/IMG_0001.jpg', '            width: "50%"', '            caption: 会议现场', '',
    ].join('\n');
    writeFileSync(issueFile, source);
    const updates: string[][] = [];
    const handle = await preview({ path: series, port: 0, cwd: series, env: { ...process.env, BULLETIN_BROWSER: CHROMIUM }, onUpdate: (u) => updates.push(u.rebuilt) });
    try {
      await handle.settled();
      expect(updates.at(-1)).toEqual(['2018-01']);
      // The PDF carries the print rendition: upright (portrait), far fewer pixels than the phone's, no metadata.
      const pdf = Buffer.from(await (await fetch(`${handle.url}2018-01.pdf`)).arrayBuffer());
      expect(pdf.includes(CANARY)).toBe(false);
      const pdfFile = path.join(dir, 'preview.pdf');
      writeFileSync(pdfFile, pdf);
      const list = execFileSync('pdfimages', ['-list', pdfFile], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
      expect(list).toHaveLength(1);
      const [, , , width, height] = list[0]!.trim().split(/\s+/);
      expect(Number(height)).toBeGreaterThan(Number(width));
      expect(Number(height)).toBeLessThan(2400);
      // The HTML page shows the screen renditions; the original is not served.
      const html = await (await fetch(`${handle.url}2018-01.html`)).text();
      const sources = [...html.matchAll(/(?:src|srcset)="([^"]+)"/g)].flatMap((m) => m[1]!.split(',').map((x) => x.trim().split(/\s+/)[0]!)).filter((u) => /\.(jpe?g|png)$/.test(u));
      expect(sources.length).toBeGreaterThan(0);
      for (const url of sources) {
        expect(url).not.toMatch(/IMG_0001\.jpg$/);
        const bytes = Buffer.from(await (await fetch(new URL(url, handle.url))).arrayBuffer());
        expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
        expect(carriesMetadata(bytes)).toEqual([]);
        expect(bytes.includes(CANARY)).toBe(false);
      }
      expect((await fetch(`${handle.url}2018-01_files/images/IMG_0001.jpg`)).status).toBe(404);

      // A save of the issue's text: rebuilt, its photo read from the cache (no entry written again).
      const cache = path.join(series, '.bulletin-cache');
      const before = cacheFiles(cache);
      expect(before.size).toBeGreaterThan(0);
      const saved = updates.length;
      await writeFile(issueFile, source.replace('园区召开工作会议', '园区召开年度工作会议'));
      await new Promise((r) => setTimeout(r, 400));
      await handle.settled();
      // Rebuilt once (a late second event of the same write, on a loaded machine, is a round with nothing to do).
      expect(updates.slice(saved).flat()).toEqual(['2018-01']);
      expect(cacheFiles(cache)).toEqual(before);

      // A build of the series while the preview runs writes the cache again (in the watched folder):
      // the preview does not rebuild for it.
      await rm(cache, { recursive: true, force: true });
      const rounds = updates.length;
      const build = await runCli(['build', 'series', '-o', path.join(dir, 'out')], dir, { BULLETIN_BROWSER: CHROMIUM, NO_COLOR: '1' });
      expect(build.code, build.stderr).toBe(0);
      expect(cacheFiles(cache).size).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 800));
      await handle.settled();
      expect(updates.length).toBe(rounds);
    } finally {
      await handle.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('bulletin preview that cannot start', () => {
  afterAll(() => cleanScratch());

  it('rejects bad options and a bad path with a usage error, before a browser starts', async () => {
    const before = chromiumChildren();
    const series = scratchDir('bulletin-preview-noseries-');
    for (const [options, message] of [
      [{ path: SEED, port: -1 }, /^option port: -1/],
      [{ path: SEED, port: 65536 }, /^option port: 65536/],
      [{ path: SEED, port: 1.5 }, /^option port: 1\.5/],
      [{ path: '' }, /^option path: /],
      [{ path: path.join(series, 'missing') }, /^path not found: /],
      [{ path: series }, /is not in a bulletin series/],
    ] as const) {
      const error = await preview({ ...options, browser: CHROMIUM } as Parameters<typeof preview>[0]).then(() => undefined, (e: unknown) => e);
      expect(error, String(message)).toBeInstanceOf(BulletinError);
      expect(error).toMatchObject({ exitCode: ExitCode.Usage, message: expect.stringMatching(message) });
    }
    expect(await chromiumLeft(before, 0)).toEqual([]);
  });

  it('rejects a busy port with a usage error naming it, before a browser starts', async () => {
    const before = chromiumChildren();
    const busy = await busyPort();
    try {
      const error = await preview({ path: SEED, port: busy.port, browser: CHROMIUM }).then((h) => h.close(), (e: unknown) => e);
      expect(error).toBeInstanceOf(BulletinError);
      expect(error).toMatchObject({ exitCode: ExitCode.Usage, message: expect.stringContaining(`port ${busy.port} on 127.0.0.1 is already in use`) });
    } finally {
      await busy.close();
    }
    expect(await chromiumLeft(before, 0)).toEqual([]);
  });

  it.skipIf(!existsSync(CHROMIUM))('closes the browser it started when the first round fails (an onUpdate that throws), when it is aborted, and ends when the browser cannot start', async () => {
    const before = chromiumChildren();
    // A series with no issue yet: the first round is quick, and onUpdate is called once the sources are checked.
    const series = scratchDir('bulletin-preview-empty-');
    writeFileSync(path.join(series, 'bulletin.yaml'), SERIES_YAML);
    mkdirSync(path.join(series, 'issues'));
    const failing = await preview({ path: series, port: 0, browser: CHROMIUM, onUpdate: () => { throw new Error('onUpdate failed'); } });
    expect(await failing.stopped).toMatchObject({ message: 'onUpdate failed' });
    expect(await chromiumLeft(before)).toEqual([]);
    await failing.close();

    // Aborted the moment Chrome is seen running (Ctrl-C while the first round runs).
    const controller = new AbortController();
    const started = await preview({ path: series, port: 0, browser: CHROMIUM, signal: controller.signal });
    await waitFor(() => chromiumChildren().some((c) => !before.includes(c)), 30_000).catch(() => undefined);
    controller.abort(new Error('stopped by the test'));
    await started.close();
    expect(await chromiumLeft(before)).toEqual([]);
    expect((await fetch(started.url).then(() => 'answered', () => 'closed'))).toBe('closed');

    // A browser that is not there: the page says so, and the preview stops with the browser's error (exit 4).
    const missing = await preview({ path: series, port: 0, browser: path.join(series, 'no-chrome') });
    const error = await missing.stopped;
    expect(error).toBeInstanceOf(BulletinError);
    expect(error).toMatchObject({ exitCode: ExitCode.BrowserFailed });
    await missing.close();
  }, 60_000);

  it('serves its pages in Chinese under lang zh: the index with the diagnostics of a broken issue', async () => {
    const series = await mkdtemp(path.join(os.tmpdir(), 'bulletin-preview-zh-'));
    try {
      await cp(SEED, series, { recursive: true });
      const file = path.join(series, 'issues/2018-02.yaml');
      await writeFile(file, (await readFile(file, 'utf8')).replace(/^year: 2018$/m, 'year: 2019'));
      const started = await preview({ path: series, port: 0, cwd: series, lang: 'zh', env: { ...process.env, BULLETIN_BROWSER: CHROMIUM } });
      try {
        await started.settled();
        const index = await (await fetch(started.url)).text();
        expect(index).toContain('<html lang="zh-CN">');
        expect(index).toContain('· 预览</header>');
        expect(index).toMatch(/: 错误 [^\n]*\[year-mismatch\]/);
        expect(index).toContain('提示：');
        const missing = await fetch(`${started.url}2030-01.pdf`);
        expect(missing.status).toBe(404);
        expect(await missing.text()).toBe('这一期尚未生成');
      } finally {
        await started.close();
      }
    } finally {
      await rm(series, { recursive: true, force: true });
    }
  }, 60_000);

  it('bulletin preview exits 2 with a clear message on a busy port or a bad path, without hanging (a real process)', async () => {
    const busy = await busyPort();
    try {
      const r = await runBuilt(['preview', SEED, '--port', String(busy.port)], os.tmpdir());
      expect(r.exit, r.stderr).toBe(ExitCode.Usage);
      expect(r.stderr).toContain(`port ${busy.port} on 127.0.0.1 is already in use`);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    } finally {
      await busy.close();
    }
    const missing = await runBuilt(['preview', 'no-such-series', '--port', '0'], os.tmpdir());
    expect(missing.exit, missing.stderr).toBe(ExitCode.Usage);
    expect(missing.stderr).toContain('path not found: no-such-series');
    // In Chinese: the usage error and its hint.
    const busyZh = await busyPort();
    try {
      const r = await runBuilt(['--lang', 'zh', 'preview', SEED, '--port', String(busyZh.port)], os.tmpdir());
      expect(r.exit, r.stderr).toBe(ExitCode.Usage);
      expect(r.stderr).toContain(`127.0.0.1 上的端口${busyZh.port}已被占用`);
      expect(r.stderr).toContain('请用 `--port` 换一个端口');
    } finally {
      await busyZh.close();
    }
    const port = await runCli(['preview', SEED, '--port', '80a']);
    expect(port.code).toBe(ExitCode.Usage);
    expect(port.stderr).toContain('--port 80a is not a port number');
  }, 120_000);
});
