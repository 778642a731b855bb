// End to end: `bulletin build --wechat` on the office example, and its preview `wechat.html` as an
// editor opens it, at a phone's 390 px in Chromium: nothing wider than the screen, both photos
// (the numbered files beside it) loaded, and the copy button puts the article on the clipboard as
// HTML (with its inline styles and photos) and as text. The folder's files are answered by request
// interception at an https address (a secure origin, where the Clipboard API may be granted, as a
// person grants it to a page opened from disk; bulletin's browser sends nothing to the network).
import { cpSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanScratch, REPO, runCli, scratchDir, type CliRun } from '../helpers.js';
import { buildEnv, CHROMIUM, e2eTitle, HAS_CHROMIUM } from './poppler.js';
import type { BrowserSession } from '../../src/print/browserSession.js';
import { openBrowserWithSystemFonts } from './standInFonts.js';

const OFFICE = path.join(REPO, 'examples', 'office');
let session: BrowserSession | undefined;
let run: CliRun;
let folder = '';

afterAll(async () => {
  await session?.close();
  cleanScratch();
});

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('the WeChat article and its preview'), () => {
  beforeAll(async () => {
    const root = scratchDir('bulletin-e2e-wechat-');
    const series = path.join(root, 'office');
    cpSync(OFFICE, series, { recursive: true, filter: (from) => !from.includes('.bulletin-cache') });
    const out = path.join(root, 'out');
    run = await runCli(['build', series, '-o', out, '--wechat'], REPO, { ...buildEnv(), NO_COLOR: '1' });
    folder = path.join(out, '2026-22.wechat');
    session = await openBrowserWithSystemFonts(CHROMIUM, path.join(root, 'system-fonts'));
  }, 240_000);

  it('writes the article, its preview and the photos numbered for upload', () => {
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(['01.jpg', '02.jpg', 'article.html', 'wechat.html']);
    expect(run.stdout).toContain(path.join(folder, 'wechat.html'));
    const article = readFileSync(path.join(folder, 'article.html'), 'utf8');
    expect(article).not.toMatch(/<script|<style|<link|\sclass=|\sid=/);
    // The photos in their phone rendition: JPEGs 480 px wide.
    for (const name of ['01.jpg', '02.jpg']) {
      const bytes = readFileSync(path.join(folder, name));
      expect(bytes.subarray(0, 3).toString('hex'), name).toBe('ffd8ff');
    }
  });

  it('shows the preview at 390 px without overflow, photos loaded, and copies the article as HTML', async () => {
    const origin = 'https://wechat.test';
    const context = await session!.browser.createBrowserContext();
    try {
      await context.overridePermissions(origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
      const page = await context.newPage();
      // The output folder, read-only, at that address.
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const url = new URL(request.url());
        const name = decodeURIComponent(url.pathname).slice(1);
        if (name === 'favicon.ico') {
          void request.respond({ status: 204, body: '' });
          return;
        }
        if (url.origin !== origin || request.method() !== 'GET' || !readdirSync(folder).includes(name)) {
          void request.respond({ status: 404, body: '' });
          return;
        }
        void request.respond({ status: 200, contentType: name.endsWith('.html') ? 'text/html; charset=utf-8' : 'image/jpeg', body: readFileSync(path.join(folder, name)) });
      });
      const errors: string[] = [];
      page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
      page.on('pageerror', (error) => void errors.push(String(error)));
      await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 1 });
      await page.goto(`${origin}/wechat.html`, { waitUntil: 'load' });
      const m = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        images: Array.from(document.images).map((img) => ({ src: img.getAttribute('src'), loaded: img.complete && img.naturalWidth > 0, right: img.getBoundingClientRect().right })),
        scripts: document.querySelectorAll('#article script').length,
      }));
      expect(m.scrollWidth, 'horizontal overflow at 390 px').toBeLessThanOrEqual(m.clientWidth);
      expect(m.images.map((i) => i.src)).toEqual(['01.jpg', '02.jpg']);
      expect(m.images.filter((i) => !i.loaded || i.right > 390)).toEqual([]);
      expect(m.scripts).toBe(0);

      await page.click('#copy');
      await page.waitForFunction(() => document.getElementById('status')!.textContent !== '');
      expect(await page.$eval('#status', (el) => el.textContent)).toMatch(/^已复制/);
      const copied = await page.evaluate(async () => {
        const out: Record<string, string> = {};
        for (const item of await navigator.clipboard.read()) for (const type of item.types) out[type] = await (await item.getType(type)).text();
        return { html: out['text/html'] ?? '', text: out['text/plain'] ?? '', selected: getSelection()!.toString().length, article: document.getElementById('article')!.innerText.length };
      });
      expect(copied.html).toMatch(/^<section style="font-family:/);
      expect(copied.html).toContain('2026年第22期（总第156期）');
      // Chrome writes the photos' addresses whole (https://…/01.jpg, file:///…/01.jpg from disk).
      expect(copied.html.match(/<img src="[^"]*"/g)).toEqual([`<img src="${origin}/01.jpg"`, `<img src="${origin}/02.jpg"`]);
      expect(copied.text).toContain('编者按：本期聚焦第四季度水环境质量提升');
      // What is selected is the article (so Ctrl+C copies the same when a browser refuses the button).
      expect(copied.selected).toBeGreaterThan(copied.article * 0.95);
      expect(errors).toEqual([]);
      if (process.env.UPDATE_SCREENSHOTS === '1') {
        // The README's picture: the top of the preview, as a phone shows it.
        await page.evaluate(() => getSelection()!.removeAllRanges());
        await page.screenshot({ path: path.join(REPO, 'docs', 'wechat-390.png') });
      }
    } finally {
      await context.close();
    }
  });
});
