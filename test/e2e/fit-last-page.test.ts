// Fitting (issue 16), end to end: the series test/fixtures/fit is built once (one browser, four
// issues) and read back with poppler as an editor checks the pages: how many, what the last holds,
// how far apart its lines are, and what the build said.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildEvent, type BuildResult } from '../../src/pipeline.js';
import { REPO } from '../helpers.js';
import { PDFDocument as PdfLibDocument, PDFName } from '../../src/print/pdfLib.js';
import { render } from '../../src/i18n/message.js';
import { bodyLines, buildEnv, CHROMIUM, compact, footerLines, HAS_CHROMIUM, e2eTitle, mm, readPages, SKIP_REASON, type Page } from './poppler.js';

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

const SERIES = path.join(REPO, 'test', 'fixtures', 'fit');
const GRID_MM = 225 / 22;
const FITTED_MM = mm(27.5);

let out: string;
let result: BuildResult;
const events: BuildEvent[] = [];
const pages = (slug: string): Page[] => readPages(path.join(out, `${slug}.pdf`));
/** Distances between consecutive lines of the article on a page (mm): not the 版记's. */
function gaps(page: Page): number[] {
  const ys = bodyLines(page).filter((l) => compact(l.text).length > 10 && !/[：（]/.test(l.text)).map((l) => l.y1);
  return ys.slice(1).map((y, i) => y - ys[i]!);
}

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('fitting the last page (test/fixtures/fit)'), () => {
  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'bulletin-e2e-fit-'));
    result = await build([SERIES], { cwd: REPO, outDir: out, browser: CHROMIUM, env: buildEnv(), onProgress: (e) => events.push(e) });
  }, 240_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('says what it fitted, and warns (naming the page) where nothing within the limits works', () => {
    const fitted = events.filter((e) => e.type === 'fitted').map((e) => e.type === 'fitted' && `${e.issue}: ${render(e.summary, 'en')}`).sort();
    expect(fitted).toEqual([
      '2020-01: fitted the last article (pitch 27.5 pt, tracking 0 em): 4 → 3 body pages',
      '2020-02: fitted the last article (pitch 27.5 pt, tracking 0 em): 3 → 2 body pages',
    ]);
    const expected = JSON.parse(readFileSync(path.join(SERIES, 'expected.json'), 'utf8')) as { code: string; file: string; line: number; column: number; severity: string }[];
    expect(result.diagnostics.map((d) => ({ code: d.code, file: path.relative(SERIES, path.resolve(REPO, d.file)), line: d.line, column: d.column, severity: d.severity }))).toEqual(expected);
    expect(result.diagnostics[0]!.message).toMatch(/^body page 2 holds only 4 lines of text, and tightening .* does not pull them back onto page 1$/);
  });

  it('text ending at the foot of page 3: the 版记 does not fall alone onto page 4 but closes page 3, under the text', () => {
    const p = pages('2020-01');
    expect(p).toHaveLength(1 + 3);
    const last = p[3]!;
    expect(last.compact).toContain('本期增发：示例市人民政府办公室，示例市生态环境局。');
    expect(last.compact).toContain('（共印30份）');
    const lines = bodyLines(last).map((l) => compact(l.text));
    expect(lines.indexOf('本期增发：示例市人民政府办公室，示例市生态环境局。')).toBeGreaterThan(18);
    expect(lines[0]).toMatch(/^[推利完]/);
    expect(footerLines(last).map((l) => compact(l.text))).toEqual(['—3—']);
    // The article is set at the fitted pitch (27.5 pt), every line of it.
    for (const g of gaps(last)) expect(Math.abs(g - FITTED_MM), `${g.toFixed(2)} mm`).toBeLessThan(0.3);
  });

  it('two lines over two pages: pulled back onto page 2, its lines 27.5 pt apart', () => {
    const p = pages('2020-02');
    expect(p).toHaveLength(1 + 2);
    expect(compact(bodyLines(p[2]!).at(-1)!.text)).toMatch(/推进生态工业示范园区建。$/);
    for (const g of gaps(p[2]!)) expect(Math.abs(g - FITTED_MM), `${g.toFixed(2)} mm`).toBeLessThan(0.3);
  });

  it('fit: off prints the same text as it falls: two lines on page 3, on the 22-line grid', () => {
    const p = pages('2020-04');
    expect(p).toHaveLength(1 + 3);
    expect(bodyLines(p[3]!).filter((l) => compact(l.text).length > 0)).toHaveLength(2);
    for (const g of gaps(p[2]!)) expect(Math.abs(g - GRID_MM), `${g.toFixed(2)} mm`).toBeLessThan(0.3);
  });

  it('what fitting cannot do is left as it was: four lines on page 2, in a print of its own, tagged', async () => {
    const p = pages('2020-03');
    expect(p).toHaveLength(1 + 2);
    expect(bodyLines(p[2]!).filter((l) => compact(l.text).length > 0)).toHaveLength(4);
    // Its first print, a draft, showed a last page to fit and was not confirmed; when no tightening
    // worked, the pagination was printed again, whole and tagged, and that print is the one kept.
    const doc = await PdfLibDocument.load(readFileSync(path.join(out, '2020-03.pdf')), { updateMetadata: false });
    expect(doc.catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined();
    expect(footerLines(p[2]!).map((l) => compact(l.text))).toEqual(['—2—']);
  });
});
