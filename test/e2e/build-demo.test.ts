// End to end: `build()` of the demo series (four issues: regular, editor's note and source line,
// 本期增发, a supplement), built once, read back with pdftotext.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/pipeline.js';
import { REPO } from '../helpers.js';
import { bodyLines, buildEnv, CHROMIUM, fontRuns, fontsOf, footerLines, HAS_CHROMIUM, readPages, SKIP_REASON, TYPE_AREA, e2eTitle, type Page } from './poppler.js';

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

const ISSUES = ['2025-11', '2025-12', '2026-01', '2026-zk1'] as const;
type Slug = (typeof ISSUES)[number];

let outDir = '';
let result: BuildResult;
const pdfs = new Map<Slug, Page[]>();

const pagesOf = (slug: Slug): Page[] => pdfs.get(slug)!;
const lastPage = (slug: Slug): Page => pagesOf(slug).at(-1)!;

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('bulletin build examples/demo (end to end)'), () => {
  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'bulletin-e2e-demo-'));
    result = await build(['examples/demo'], { cwd: REPO, outDir, browser: CHROMIUM, env: buildEnv(), pdf: true });
    for (const slug of ISSUES) pdfs.set(slug, readPages(path.join(outDir, `${slug}.pdf`)));
  }, 120_000);

  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('builds the four issues without errors', () => {
    expect(result.issues.map((i) => i.slug)).toEqual([...ISSUES]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // Plus, for a whole-series build, the series index (index.html) after them.
    expect(result.written.map((f) => path.basename(f)).filter((f) => f !== 'index.html').sort()).toEqual(ISSUES.map((s) => `${s}.pdf`));
  });

  it('prints `**加强统筹调度。**` bold (the heading face) without asterisks, and `1.` lines as typed (2025-12)', () => {
    const runs = fontRuns(path.join(outDir, '2025-12.pdf'));
    // Faces, not the font objects of their unicode-range slices: each text is set in one face.
    const face = (text: string) => {
      const fonts = fontsOf(runs, text);
      expect(fonts, text).toBeDefined();
      expect([...fonts!], text).toHaveLength(1);
      return [...fonts!][0];
    };
    expect(face('加强统筹调度。')).toBe(face('二、存在的主要问题'));
    expect(face('示范区建设办公室将按季度')).not.toBe(face('二、存在的主要问题'));
    for (const page of pagesOf('2025-12')) expect(page.compact, `page ${page.number}`).not.toMatch(/[*＊_]/);
    // Each numbered line is a paragraph of its own, its number printed as typed (no list that renumbers).
    const lines = pagesOf('2025-12').flatMap((p) => bodyLines(p).map((l) => l.text.replace(/\s/g, '')));
    for (const n of ['1.完善', '2.推进', '3.加强', '4.实施']) expect(lines.some((t) => t.startsWith(n)), n).toBe(true);
  });

  describe.each(ISSUES)('%s', (slug) => {
    it('prints the distribution block (报/送/发, copies) on its last page only', () => {
      const copies = slug === '2026-01' ? '（共印100份）' : '（共印80份）';
      const last = lastPage(slug);
      for (const text of ['报：', '送：', '发：', copies]) expect(last.compact, `${slug}: ${text}`).toContain(text);
      // Each row starts a line of its own.
      const starts = bodyLines(last).map((l) => l.text);
      for (const label of ['报：', '送：', '发：']) expect(starts.some((t) => t.startsWith(label)), `${slug}: a line starting ${label}`).toBe(true);
      for (const page of pagesOf(slug).slice(0, -1)) {
        expect(page.compact, `${slug} page ${page.number}`).not.toMatch(/共印\d+份/);
        expect(bodyLines(page).some((l) => /^报：/.test(l.text)), `${slug} page ${page.number}`).toBe(false);
      }
    });

    it('sets the last line of the block in the bottom 15 mm of the type area', () => {
      const lines = bodyLines(lastPage(slug));
      const final = lines.at(-1)!;
      expect(final.text).toMatch(/^（共印\d+份）$/);
      expect(final.y1, `${slug}: last line ends ${final.y1.toFixed(1)} mm from the top`).toBeLessThanOrEqual(TYPE_AREA.bottom + 0.5);
      expect(final.y0, `${slug}: last line starts ${final.y0.toFixed(1)} mm from the top`).toBeGreaterThanOrEqual(TYPE_AREA.bottom - 15);
      // The footer is still below it, on its own.
      expect(footerLines(lastPage(slug))).toHaveLength(1);
    });
  });

  it('2026-01 adds 本期增发 and prints 100 copies', () => {
    const last = lastPage('2026-01');
    expect(last.compact).toContain('本期增发：青禾市消防救援支队（示例）。');
    expect(last.compact).toContain('（共印100份）');
    expect(last.compact).not.toContain('（共印80份）');
    for (const slug of ['2025-11', '2025-12', '2026-zk1'] as const) expect(lastPage(slug).compact).not.toContain('本期增发');
  });

  it('the supplement cover shows 2026年增刊第1期 and no running total', () => {
    const cover = pagesOf('2026-zk1')[0]!.compact;
    expect(cover).toContain('2026年增刊第1期');
    expect(cover).not.toContain('总第');
    expect(pagesOf('2026-01')[0]!.compact).toContain('2026年第1期（总第49期）');
  });

  it('2025-12 prints the editor\'s note and the source line of its second article', () => {
    const text = pagesOf('2025-12').slice(1).map((p) => p.compact).join('');
    expect(text).toContain('编者按：');
    expect(text).toMatch(/（[^（）]*供稿）/);
    expect(text).toContain('（禾丰街道办事处供稿）');
    // The note comes before the article body it introduces.
    expect(text.indexOf('编者按：')).toBeLessThan(text.indexOf('2025年，示范区建设办公室'));
  });
});
