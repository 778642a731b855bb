// End to end: a long issue (about 90 pages), which Chrome lays out for paper only (no screen layout,
// every named face loaded on purpose). Read back with poppler: the contents must name the pages
// where the articles really start, every page must carry its number, and the fonts must be in.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.js';
import { validate } from '../../src/validate.js';
import { issueText } from '../../src/model/issueText.js';
import { SCREENLESS_TEXT_LENGTH } from '../../src/render/issueDocument.js';
import { generateLongIssue } from '../../bench/generate.mjs';
import { buildEnv, CHROMIUM, compact, e2eTitle, footerLines, HAS_CHROMIUM, pdfFonts, readPages, SKIP_REASON, type Page } from './poppler.js';

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

let dir = '';
let pages: Page[] = [];
let html = '';
let outDir = '';

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('bulletin build of a 90-page issue, laid out for paper only'), () => {
  beforeAll(async () => {
    dir = await generateLongIssue(mkdtempSync(path.join(tmpdir(), 'bulletin-e2e-long-')), 90);
    outDir = path.join(dir, 'out');
    const checked = await validate([dir], { cwd: dir });
    // The premise: this issue is long enough to be printed without a screen layout.
    expect(issueText(checked.issues[0]!).length).toBeGreaterThanOrEqual(SCREENLESS_TEXT_LENGTH);
    const result = await build([dir], { cwd: dir, outDir, browser: CHROMIUM, env: buildEnv() });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    pages = readPages(path.join(outDir, '2018-02.pdf'));
    html = readFileSync(path.join(outDir, '2018-02.html'), 'utf8');
  }, 180_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const coverPages = () => pages.findIndex((p) => footerLines(p).some((l) => l.text === compact('- 1 -')));

  it('numbers every body page in turn', () => {
    const first = coverPages();
    expect(first).toBeGreaterThan(0);
    expect(pages.length - first).toBeGreaterThan(80);
    pages.slice(first).forEach((page, i) => expect(footerLines(page).map((l) => l.text), `physical page ${page.number}`).toEqual([compact(`- ${i + 1} -`)]));
  });

  it('lists each article in the contents with the body page where its heading is', () => {
    const first = coverPages();
    const cover = compact(pages.slice(0, first).map((p) => p.compact).join(''));
    const entries = [...cover.matchAll(/（(\d+)）(?:在昆明召开|通过国家生态工业示范园区验收)-(\d+)-/g)].map((m) => ({ article: Number(m[1]), page: Number(m[2]) }));
    expect(entries.length).toBeGreaterThan(35);
    for (const { article, page } of entries) {
      const heading = new RegExp(`(?:交流会|4家园区)（${article}）(?:在昆明召开|通过国家生态工业示范园区验收)`);
      const where = pages.slice(first).findIndex((p) => heading.test(p.compact)) + 1;
      expect(where, `article ${article}: contents say page ${page}`).toBe(page);
    }
  });

  it('embeds every font, none of them Type 3', () => {
    const fonts = pdfFonts(path.join(outDir, '2018-02.pdf'));
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.emb, f.name).toBe('yes');
      expect(f.type, f.name).not.toMatch(/Type 3/);
    }
  });

  it('writes an HTML page that shows on screen (the print-only rule stays out of it)', () => {
    expect(html).not.toContain('print-only');
    const files = readdirSync(path.join(outDir, '2018-02_files'));
    expect(files).not.toContain('print-only.css');
    for (const css of files.filter((f) => f.endsWith('.css'))) {
      expect(readFileSync(path.join(outDir, '2018-02_files', css), 'utf8')).not.toMatch(/html\s*{\s*display:\s*none/);
    }
  });
});
