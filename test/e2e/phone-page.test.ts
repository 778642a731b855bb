// End to end: the HTML page as a reader opens it, on phones (390 × 844, 320 × 568) and a desktop
// (1366 × 768), for the seed and the office example (tables, photos, notes; given a classification
// 内部资料 here), both as the page with its folder and as the single file (the seed: `--html-single`;
// the office: `output.htmlSingle: true`). Nothing is wider than the screen, every title is whole on
// screen, every photo loads, each contents link lands on its article, the contents show no print page
// numbers, the page loads no font file, and the single file loads nothing at all besides itself. Two
// builds, one browser for the file. The browser gets Chinese "system fonts" (test/e2e/standInFonts.ts),
// as a phone has them.
// UPDATE_SCREENSHOTS=1 also writes the README's screenshots (docs/phone-390.png, docs/desktop-1366.png).
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanScratch, REPO, runCli, scratchDir, SEED, type CliRun } from '../helpers.js';
import { buildEnv, CHROMIUM, e2eTitle, HAS_CHROMIUM } from './poppler.js';
import type { BrowserSession } from '../../src/print/browserSession.js';
import { openBrowserWithSystemFonts } from './standInFonts.js';

const OFFICE = path.join(REPO, 'examples', 'office');
const CLASSIFICATION = '内部资料　注意保存';
const VIEWPORTS = [{ width: 390, height: 844 }, { width: 1366, height: 768 }, { width: 320, height: 568 }] as const;

interface Built { name: string; out: string; slug: string; run: CliRun }
const built: Built[] = [];
let session: BrowserSession;
let root = '';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Opens `file` at a viewport size; the URLs it asked for besides itself. */
async function open(file: string, viewport: { width: number; height: number }): Promise<{ page: Page; requests: string[] }> {
  const page = await session.browser.newPage();
  await page.setViewport({ ...viewport, deviceScaleFactor: 1 });
  const requests: string[] = [];
  const self = pathToFileURL(file).href;
  page.on('request', (request) => {
    if (request.url() !== self && !request.url().startsWith('data:')) requests.push(request.url());
  });
  await page.goto(self, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return { page, requests };
}

/** What a reader would check on screen, measured in the page. */
function measure(page: Page) {
  return page.evaluate(() => {
    const de = document.documentElement;
    const width = de.clientWidth;
    const visible = (el: Element) => el.getClientRects().length > 0;
    const outside = (selector: string) => Array.from(document.querySelectorAll(selector)).filter(visible).flatMap((el) => {
      const box = el.getBoundingClientRect();
      // Inside the screen's width, and not clipped inside its own box.
      return box.left < -0.5 || box.right > width + 0.5 || el.scrollWidth > el.clientWidth + 1 ? [`${el.className}: ${(el.textContent ?? '').slice(0, 20)} [${Math.round(box.left)}, ${Math.round(box.right)}]`] : [];
    });
    const images = Array.from(document.images);
    const cls = document.querySelector('.classification')?.getBoundingClientRect();
    const seriesLine = document.querySelector('.series-line')!.getBoundingClientRect();
    return {
      scrollWidth: de.scrollWidth,
      clientWidth: width,
      titlesOutside: outside('.masthead, .series-line, .article-title, .section-label, .toc-line, .classification'),
      images: images.length,
      imagesNotLoaded: images.filter((img) => !(img.complete && img.naturalWidth > 0)).map((img) => img.alt || img.src.slice(0, 60)),
      imagesWider: images.filter((img) => img.getBoundingClientRect().right > width + 0.5).length,
      widestImage: Math.max(...images.map((img) => img.naturalWidth)),
      tocText: (document.querySelector('.toc') as HTMLElement | null)?.innerText ?? '',
      tocLinks: Array.from(document.querySelectorAll<HTMLAnchorElement>('.toc a.toc-line')).map((a) => a.getAttribute('href')!),
      classificationOverlaps: cls ? cls.bottom > seriesLine.top + 0.5 : undefined,
      classificationText: document.querySelector('.classification')?.textContent ?? undefined,
    };
  });
}

afterAll(async () => {
  await session?.close();
  cleanScratch();
});

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('the HTML page on a phone and a desktop'), () => {
  beforeAll(async () => {
    root = scratchDir('bulletin-e2e-phone-page-');
    for (const [name, example, slug] of [['seed', SEED, '2018-02'], ['office', OFFICE, '2026-22']] as const) {
      const series = path.join(root, name);
      cpSync(example, series, { recursive: true, filter: (from) => !from.includes('.bulletin-cache') });
      // The seed asks for the single file on the command line, the office in its bulletin.yaml.
      if (name === 'office') {
        const issue = path.join(series, 'issues', `${slug}.yaml`);
        writeFileSync(issue, readFileSync(issue, 'utf8').replace(/^date: .*$/m, (line) => `${line}\nclassification: ${CLASSIFICATION}`));
        writeFileSync(path.join(series, 'bulletin.yaml'), `${readFileSync(path.join(series, 'bulletin.yaml'), 'utf8')}\noutput:\n  htmlSingle: true\n`);
      }
      const out = path.join(root, `${name}-out`);
      built.push({ name, out, slug, run: await runCli(['build', series, '-o', out, ...(name === 'seed' ? ['--html-single'] : [])], REPO, { ...buildEnv(), NO_COLOR: '1' }) });
    }
    session = await openBrowserWithSystemFonts(CHROMIUM, path.join(root, 'system-fonts'));
  }, 240_000);

  it('builds both, with the single file\'s size reported and no font file in the HTML folder', () => {
    for (const b of built) {
      expect(b.run.code, b.run.stdout + b.run.stderr).toBe(0);
      const single = path.join(b.out, `${b.slug}.single.html`);
      expect(b.run.stdout).toContain(single);
      const bytes = statSync(single).size;
      expect(b.run.stderr).toContain(`${single}: ${bytes >= 100_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} KB`}`);
      expect(b.run.stderr).not.toMatch(/html-single-over-budget/);
      const files = filesUnder(path.join(b.out, `${b.slug}_files`)).map((f) => path.relative(b.out, f));
      expect(files.filter((f) => /\.(woff2?|ttf|otf)$/.test(f)), b.name).toEqual([]);
      expect(readFileSync(path.join(b.out, `${b.slug}_files`, 'issue.css'), 'utf8')).not.toMatch(/@font-face/);
    }
  });

  for (const kind of ['folder', 'single'] as const) {
    for (const viewport of VIEWPORTS) {
      it(`${kind === 'folder' ? 'the page with its folder' : 'the single file'} at ${viewport.width} × ${viewport.height}: fits, titles whole, photos loaded, contents links land`, async () => {
        for (const b of built) {
          const file = path.join(b.out, kind === 'folder' ? `${b.slug}.html` : `${b.slug}.single.html`);
          const { page, requests } = await open(file, viewport);
          try {
            const m = await measure(page);
            const what = `${b.name} ${kind} at ${viewport.width} px`;
            expect(m.scrollWidth, `${what}: horizontal overflow`).toBeLessThanOrEqual(m.clientWidth);
            expect(m.titlesOutside, what).toEqual([]);
            expect(m.images, what).toBeGreaterThan(0);
            expect(m.imagesNotLoaded, what).toEqual([]);
            expect(m.imagesWider, what).toBe(0);
            // The contents: links, without the printed page numbers (「- 3 -」).
            expect(m.tocLinks.length, what).toBeGreaterThan(1);
            expect(m.tocText, what).not.toMatch(/-\s*\d+\s*-/);
            if (b.name === 'office') {
              expect(m.classificationText, what).toBe(CLASSIFICATION);
              expect(m.classificationOverlaps, `${what}: 内部资料 over the series line`).toBe(false);
            }
            for (const href of m.tocLinks) {
              await page.evaluate(() => window.scrollTo(0, 0));
              await page.click(`.toc a.toc-line[href="${href}"]`);
              const target = await page.evaluate((id) => {
                const box = document.getElementById(id)!.getBoundingClientRect();
                return { top: box.top, bottom: box.bottom, height: window.innerHeight, hash: location.hash };
              }, decodeURIComponent(href.slice(1)));
              expect(target.hash, `${what}: ${href}`).toBe(href);
              expect(target.top, `${what}: ${href} lands in view`).toBeGreaterThanOrEqual(-1);
              expect(target.top, `${what}: ${href} lands in view`).toBeLessThan(target.height / 2);
            }
            // No font file, ever; the single file loads nothing besides itself.
            expect(requests.filter((u) => /\.(woff2?|ttf|otf)(\?|$)/.test(u)), what).toEqual([]);
            if (kind === 'single') {
              expect(requests, what).toEqual([]);
              // The photos in their phone rendition (images/figureRenditions.ts: 480 px).
              expect(m.widestImage, what).toBeLessThanOrEqual(480);
            }
          } finally {
            await page.close();
          }
        }
      });
    }
  }

  it('is dark in dark mode on screen, and keeps the paper layout when printed', async () => {
    const b = built.find((x) => x.name === 'office')!;
    const { page } = await open(path.join(b.out, `${b.slug}.html`), VIEWPORTS[0]);
    try {
      const luminance = () => page.evaluate(() => {
        const lum = (c: string) => {
          const [r, g, bl] = c.match(/[\d.]+/g)!.map(Number);
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
        };
        const body = getComputedStyle(document.body);
        const p = getComputedStyle(document.querySelector('.article-body p')!);
        return { page: lum(body.backgroundColor), text: lum(p.color) };
      });
      const light = await luminance();
      expect(light.page).toBeGreaterThan(light.text);
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      const dark = await luminance();
      expect(dark.text - dark.page, 'light text on a dark page').toBeGreaterThan(100);
      await page.emulateMediaType('print');
      const print = await page.evaluate(() => ({
        tocPage: getComputedStyle(document.querySelector('.toc-page')!).display,
        titleLine: getComputedStyle(document.querySelector('.title-line')!).display,
        pageBreak: getComputedStyle(document.querySelector('.issue-body')!).breakBefore,
      }));
      expect(print).toEqual({ tocPage: 'block', titleLine: 'block', pageBreak: 'page' });
    } finally {
      await page.close();
    }
  });

  it.runIf(process.env.UPDATE_SCREENSHOTS === '1')('writes the README\'s screenshots', async () => {
    const b = built.find((x) => x.name === 'office')!;
    for (const [viewport, name, crop] of [[VIEWPORTS[0], 'phone-390.png', '390x1300+0+0'], [VIEWPORTS[1], 'desktop-1366.png', '1366x900+0+0']] as const) {
      const { page } = await open(path.join(b.out, `${b.slug}.html`), viewport);
      const shot = path.join(root, name);
      await page.screenshot({ path: shot as `${string}.png`, fullPage: true });
      await page.close();
      execFileSync('convert', [shot, '-crop', crop, '+repage', '-resize', viewport.width > 1000 ? '50%' : '70%', '-strip', '-colors', '128', path.join(REPO, 'docs', name)]);
    }
  });
});
