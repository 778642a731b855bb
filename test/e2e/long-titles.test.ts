// End to end: an issue with titles of 46 and 60 characters, a 10-character name, a 20-character
// series line and a classification, printed with the standard preset and read back with poppler.
// Titles wrap at 22 pt instead of being shrunk, and no line runs over the type area, so Chrome has
// no reason to scale the pages: the body stays at 16 pt on the grid's pitch (fitting, which may
// tighten a last article, is off here).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.js';
import { PRESETS, linePitchMm } from '../../src/layout/presets.js';
import { writeTree } from '../helpers.js';
import { buildEnv, CHROMIUM, e2eTitle, HAS_CHROMIUM, mm, readPages, type Line, type Page, type Word } from './poppler.js';

const g = PRESETS.standard;
const TITLE_46 = '关于进一步加强2018年度国家生态工业示范园区建设与管理工作的通知要求落实情况的汇报（摘要）';
const TITLE_60 = '北京经济技术开发区深入贯彻落实党的十九大精神，全面推进生态文明建设和环境保护工作取得新进展、新成效的经验交流材料（上册）';
const NAME = '生态环境保护工作动态';
const SERIES_LINE = '北京经济技术开发区生态环境保护委员会办公';
const CLASSIFICATION = '内部资料　注意保存';
const PARAGRAPH = '为学习贯彻党的十九大精神，落实第八次全国生态环境保护大会提出的习近平生态文明思想，推动产业生态化和生态产业化为主题的生态经济体系建设，进一步宣传生态工业理念。'.repeat(3);
/** The bundled serif's ascent and descent: pdftotext's box of a word is this many times its size. */
const BOX_PER_PT = 1.437;

let dir = '';
let pages: Page[] = [];
let warnings: string[] = [];

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  dir = mkdtempSync(path.join(tmpdir(), 'bulletin-e2e-titles-'));
  const article = (title: string) => `      - title: ${title}\n        body: |\n          ${PARAGRAPH}\n\n          ${PARAGRAPH}\n`;
  writeTree(dir, {
    'bulletin.yaml': `series: ${SERIES_LINE}\nname: ${NAME}\npublisher: 北京经济技术开发区生态环境保护工作领导小组办公室\n`,
    'issues/2018-01.yaml': [
      'year: 2018', 'number: 1', 'total: 1', 'date: 2018-03-01', `classification: ${CLASSIFICATION}`, 'fit: off', 'sections:', '  - label: 工作动态', '    articles:',
      article(TITLE_46) + article(TITLE_60) + article('园区召开工作会议'),
    ].join('\n'),
  });
  const result = await build([dir], { cwd: dir, outDir: path.join(dir, 'out'), pdf: true, browser: CHROMIUM, env: buildEnv() });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  warnings = result.diagnostics.map((d) => d.code);
  pages = readPages(path.join(dir, 'out', '2018-01.pdf'));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Left edge of the type area: odd sheet sides (right-hand pages) bind on the left (docs/duplex.md). */
const typeLeft = (page: Page) => (page.number % 2 === 1 ? g.margins.inner : g.margins.outer);
/** Font size of a word or line, from the height of its box. */
const sizeOf = (w: Word) => (w.y1 - w.y0) * (72 / 25.4) / BOX_PER_PT;
const bodyPages = () => pages.slice(1);
/** The printed lines of a title on the body pages, in order. */
function titleLines(title: string): Line[] {
  const found: Line[] = [];
  let rest = title;
  for (const page of bodyPages()) {
    for (const line of page.lines) {
      if (rest && rest.startsWith(line.text) && line.text.length >= 2) {
        found.push(line);
        rest = rest.slice(line.text.length);
      }
    }
  }
  expect(rest, `the title 「${title}」 is printed whole`).toBe('');
  return found;
}

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('bulletin build of long titles and a long masthead'), () => {
  it('warns about nothing: 60 characters make three lines, and the masthead fits', () => {
    expect(warnings).toEqual([]);
  });

  it('sets each title in balanced lines of 22 pt, centred in the type area', () => {
    for (const title of [TITLE_46, TITLE_60]) {
      const lines = titleLines(title);
      expect(lines).toHaveLength(3);
      const lengths = lines.map((l) => [...l.text].length);
      expect(Math.max(...lengths) - Math.min(...lengths), lines.map((l) => l.text).join(' / ')).toBeLessThanOrEqual(3);
      for (const line of lines) {
        expect(sizeOf(line)).toBeCloseTo(g.sizes.title, 0);
        const page = bodyPages().find((p) => p.lines.includes(line))!;
        const centre = typeLeft(page) + g.typeArea.width / 2;
        expect(Math.abs((line.x0 + line.x1) / 2 - centre)).toBeLessThan(1);
      }
    }
  });

  it('keeps the body at 16 pt on the grid pitch: no page is scaled', () => {
    const pitch = linePitchMm(g);
    let checked = 0;
    for (const page of bodyPages()) {
      const body = page.lines.filter((l) => l.y1 < g.margins.top + g.typeArea.height + 1 && Math.abs(sizeOf(l) - g.sizes.body) < 1.5 && l.text.length > 20);
      if (page !== pages.at(-1)) expect(body.length, `page ${page.number}`).toBeGreaterThan(3);
      for (const line of body) expect(sizeOf(line)).toBeCloseTo(g.sizes.body, 0);
      const centres = body.map((l) => (l.y0 + l.y1) / 2);
      for (let i = 1; i < centres.length; i++) {
        const steps = (centres[i]! - centres[i - 1]!) / pitch;
        expect(Math.abs(steps - Math.round(steps)), `page ${page.number}, line ${i}`).toBeLessThan(0.05);
        if (Math.round(steps) === 1) checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('prints nothing beyond the edges of the type area', () => {
    for (const page of pages) {
      const left = typeLeft(page);
      for (const line of page.lines) {
        expect(line.x0, `page ${page.number}: ${line.text}`).toBeGreaterThan(left - 0.5);
        expect(line.x1, `page ${page.number}: ${line.text}`).toBeLessThan(left + g.typeArea.width + 0.5);
      }
    }
  });

  it('sets the series line and the name on one line each, and the classification on its own, above them', () => {
    const cover = pages[0]!;
    const lineOf = (text: string) => cover.lines.find((l) => l.text === text.replace(/\s/g, ''));
    const series = lineOf(SERIES_LINE);
    const name = lineOf(NAME);
    const mark = lineOf(CLASSIFICATION);
    expect(series, cover.lines.map((l) => l.text).join('\n')).toBeDefined();
    expect(name).toBeDefined();
    expect(mark).toBeDefined();
    // On the type area's first line, at its left edge, above the series line and not over it.
    expect(mark!.x0).toBeCloseTo(typeLeft(cover), 0);
    expect(mark!.y0).toBeGreaterThan(g.margins.top - 0.5);
    expect(mark!.y1).toBeLessThanOrEqual(series!.y0);
    expect(series!.y1).toBeLessThanOrEqual(name!.y0 + 1);
    expect(sizeOf(name!)).toBeGreaterThanOrEqual(g.sizes.mastheadMin - 0.5);
    expect(sizeOf(series!)).toBeGreaterThanOrEqual(g.sizes.seriesLineMin - 0.5);
  });

  it('wraps a long title in the contents with a hanging indent, the page number at the right of its last line', () => {
    const cover = pages[0]!;
    const start = cover.lines.findIndex((l) => l.text.startsWith('关于进一步加强'));
    expect(start).toBeGreaterThan(0);
    const [first, ...rest] = cover.lines.slice(start, start + 3);
    const last = rest.at(-1)!;
    expect(first!.text + rest.map((l) => l.text).join('')).toMatch(/^关于进一步加强.*（摘要）·*—1—$/);
    for (const line of rest) expect(line.x0 - first!.x0).toBeCloseTo(mm(g.sizes.body * 0.987), 0);
    // The page number ends at the right edge of the type area; the lines above it carry none.
    expect(last.x1).toBeGreaterThan(typeLeft(cover) + g.typeArea.width - 1);
    for (const line of [first!, ...rest.slice(0, -1)]) expect(line.text).not.toMatch(/—\d+—$/);
  });
});
