// End to end: examples/office, an issue written the way an office writes one (texts pasted from
// Word a line a paragraph, titles of 40+ characters on one line, Ⅲ类, μg/m³, ℃, ①, a rare name
// character 𬍛, bold 一是……。 phrases, an editor's note with bold, the office's fonts played by a
// .ttc face and a CFF .otf), built with the command line as an editor would, and read back with poppler.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESETS, linePitchMm } from '../../src/layout/presets.js';
import { builtCli } from '../builtCli.js';
import { readFont, standaloneFace } from '../../src/model/fontFile.js';
import { issueText } from '../../src/model/issueText.js';
import { validate } from '../../src/validate.js';
import { buildEnv, CHROMIUM, e2eTitle, HAS_CHROMIUM, pdfFonts, readPages, type Page, type Word } from './poppler.js';

const g = PRESETS.standard;
const EXAMPLE = path.resolve(import.meta.dirname, '../../examples/office');
/** The bundled serif's ascent and descent: pdftotext's box of a word is this many times its size. */
const BOX_PER_PT = 1.437;
const sizeOf = (w: Word) => (w.y1 - w.y0) * (72 / 25.4) / BOX_PER_PT;

let dir = '';
let pdf = '';
let output = '';
let status = -1;
let pages: Page[] = [];

beforeAll(() => {
  if (!HAS_CHROMIUM) return;
  dir = mkdtempSync(path.join(tmpdir(), 'bulletin-e2e-office-'));
  try {
    output = execFileSync(process.execPath, [builtCli(), 'build', EXAMPLE, '-o', dir, '--browser', CHROMIUM], { env: { ...buildEnv(), NO_COLOR: '1' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    status = 0;
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    status = e.status;
    output = `${e.stdout}\n${e.stderr}`;
  }
  pdf = path.join(dir, '2026-22.pdf');
  if (status === 0) pages = readPages(pdf);
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('the office example builds the first time'), () => {
  it('builds with no error and no warning', () => {
    expect(output).not.toMatch(/warning|error/i);
    expect(status).toBe(0);
  });

  it('embeds every font as TrueType, the office fonts converted from the .ttc face and the CFF .otf', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.filter((f) => f.type.includes('Type 3') || f.emb !== 'yes')).toEqual([]);
    expect(fonts.map((f) => f.name).join(' ')).toMatch(/NotoSerifCJKsc-Bold/); // the CFF title font, converted
    expect(fonts.map((f) => f.name).join(' ')).toMatch(/UKaiCN/); // the collection's face
  });

  it('prints every character as written: Ⅲ类, μg/m³, ℃, ①, 𬍛, bold phrases without asterisks', () => {
    const text = pages.map((p) => p.compact).join('');
    for (const s of ['Ⅲ类', 'μg/m³', '5℃', '①号', '张𬍛', '一是加强统筹调度。会同', '（清河街道办事处供稿）']) expect(text).toContain(s);
    expect(text).not.toMatch(/[*＊〓]/);
  });

  it('keeps the body at 16 pt on the 22-line grid: no page is scaled', () => {
    const pitch = linePitchMm(g);
    expect(g.grid.lines).toBe(22);
    let steps1 = 0;
    for (const page of pages.slice(1)) {
      const body = page.lines.filter((l) => l.y1 < g.margins.top + g.typeArea.height + 1 && Math.abs(sizeOf(l) - g.sizes.body) < 1.5 && l.text.length > 20);
      // A page the 30-row table fills from top to bottom has no body line.
      if (page !== pages.at(-1) && !page.compact.startsWith('续表')) expect(body.length, `page ${page.number}`).toBeGreaterThan(3);
      const centres = body.map((l) => (l.y0 + l.y1) / 2);
      for (let i = 1; i < centres.length; i++) {
        const steps = (centres[i]! - centres[i - 1]!) / pitch;
        expect(Math.abs(steps - Math.round(steps)), `page ${page.number}, line ${i}`).toBeLessThan(0.05);
        if (Math.round(steps) === 1) steps1++;
      }
    }
    expect(steps1).toBeGreaterThan(10); // two body pages: most lines follow the one before by one pitch
  });

  it('wraps the 43-character title inside the type area, never wider', () => {
    for (const page of pages) {
      for (const line of page.lines) expect(line.x1 - line.x0, `page ${page.number}: ${line.text}`).toBeLessThan(g.typeArea.width + 0.5);
    }
  });

  it('carries every font in the HTML folder as a subset or a slice: the bundled 楷体 (7.2 MB whole) as a subset of the issue\'s characters', async () => {
    const fonts = path.join(dir, '2026-22_files', 'fonts');
    const files = readdirSync(fonts);
    const sizes = files.map((f) => [f, statSync(path.join(fonts, f)).size] as const);
    expect(sizes.filter(([, size]) => size > 400_000)).toEqual([]);
    expect(sizes.reduce((sum, [, size]) => sum + size, 0)).toBeLessThan(3_000_000);
    // The note and captions are set in LXGW WenKai: its subset, with no character the issue does not print.
    expect(files).toContain('lxgw-wenkai-latin-500-normal.woff');
    expect(files.filter((f) => f.endsWith('.woff2') && f.startsWith('lxgw-'))).toEqual([]);
    const read = readFont(standaloneFace(new Uint8Array(readFileSync(path.join(fonts, 'lxgw-wenkai-latin-500-normal.woff'))))!);
    if (!read.ok) throw new Error(read.reason);
    const source = issueText((await validate([EXAMPLE])).issues[0]!);
    const mapped = read.facts.coverage.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, k) => String.fromCodePoint(a + k)));
    expect(mapped.length).toBeGreaterThan(100);
    expect(mapped.filter((ch) => !source.includes(ch) && ch > '~')).toEqual([]);
    expect(pdfFonts(pdf).filter((f) => /LXGWWenKai/.test(f.name)).map((f) => [f.type, f.emb])).toEqual([['CID TrueType', 'yes']]);
  });

  // The tables (issue 15): a pipe table, a 5-column table from an .xlsx with a merged header, a 30-row CSV table.
  const lineOf = (page: Page, start: string) => page.lines.find((l) => l.text.startsWith(start));
  const pageWith = (start: string) => pages.find((p) => lineOf(p, start));

  it('prints each table caption above its table, centred, numbered through the issue', () => {
    for (const [n, caption, header] of [[1, '前三季度主要断面水质', '断面化学需氧量'], [2, '2026年生态环境重点项目进展情况', '街镇'], [3, '入河排污口整治清单', '编号所在街镇']] as const) {
      // The caption's words (表N and its text); on its page the hidden 「续表N」 under it shares its line.
      const page = pages.find((p) => p.words.some((w) => w.text === caption));
      expect(page, caption).toBeDefined();
      const text = page!.words.find((w) => w.text === caption)!;
      const number = page!.words.find((w) => w.text === `表${n}` && Math.abs(w.y0 - text.y0) < 1)!;
      expect(number, `表${n}`).toBeDefined();
      const head = page!.lines.find((l) => l.text.startsWith(header) && l.y0 > text.y1);
      expect(head, `${caption}: its header under it`).toBeDefined();
      expect(head!.y0 - text.y1, caption).toBeLessThan(linePitchMm(g) * 3); // the unit line, then the header (a two-row header centres its tall cells)
      const centre = (number.x0 + text.x1) / 2;
      const left = page!.number % 2 === 1 ? g.margins.inner : g.margins.outer; // sides are physical: odd sheet sides bind on the left
      expect(Math.abs(centre - (left + g.typeArea.width / 2)), caption).toBeLessThan(1);
    }
    expect(pages.some((p) => p.compact.includes('单位：mg/L'))).toBe(true);
  });

  it('breaks the 30-row table across pages with its header repeated under 续表3, each row once and whole', () => {
    const first = pages.find((p) => p.words.some((w) => w.text === '入河排污口整治清单'))!;
    const last = pageWith('QH-030')!;
    expect(last.number).toBeGreaterThan(first.number);
    for (const page of pages.filter((p) => p.number > first.number && p.number <= last.number)) {
      const label = lineOf(page, '续表3');
      const header = lineOf(page, '编号所在街镇排口类型整治措施完成时限');
      expect(label, `page ${page.number}`).toBeDefined();
      expect(header, `page ${page.number}`).toBeDefined();
      const rows = page.lines.filter((l) => /^QH-\d{3}/.test(l.text));
      expect(rows.length, `page ${page.number}`).toBeGreaterThan(0);
      expect(label!.y1).toBeLessThanOrEqual(header!.y0 + 0.5);
      expect(header!.y1).toBeLessThanOrEqual(rows[0]!.y0 + 0.5);
    }
    const rows = pages.flatMap((p) => p.lines.filter((l) => /^QH-\d{3}/.test(l.text)).map((l) => l.text.slice(0, 6)));
    expect(rows).toEqual(Array.from({ length: 30 }, (_, i) => `QH-${String(i + 1).padStart(3, '0')}`));
    // No row is split: each prints on one line, with its completion month.
    for (const page of pages) for (const l of page.lines.filter((x) => /^QH-\d{3}/.test(x.text))) expect(l.text).toMatch(/2026年1[012]月$/);
  });

  it('prints the workbook as Excel shows it (cached formulas, formats, the merged header) and its numbers right-aligned', () => {
    const page = pages.find((p) => p.words.some((w) => w.text === '1,860.50'))!;
    const text = pages.map((p) => p.compact).join('');
    for (const s of ['项目数（个）', '计划完成', '清河街道12121,860.50100.0%', '合计645811,214.4090.6%']) expect(text).toContain(s);
    const money = ['1,860.50', '1,215.00', '2,342.80'].map((m) => page.words.find((w) => w.text === m)!);
    expect(money.every(Boolean)).toBe(true);
    const rights = money.map((w) => w.x1);
    expect(Math.max(...rights) - Math.min(...rights)).toBeLessThan(0.3);
    const short = page.words.find((w) => w.text === '980.20')!;
    expect(short.x0 - money[0]!.x0).toBeGreaterThan(1); // a shorter number starts further right…
    expect(Math.abs(short.x1 - rights[0]!)).toBeLessThan(0.3); // …and ends at the same edge
  });

  it('returns to the body grid after each table', () => {
    const pitch = linePitchMm(g);
    const reference = bodyLineCentre(pages[1]!);
    for (const start of ['会议要求，各街镇', '从进度看', '入河排污口整治方面', '下一步，区生态环境局']) {
      const page = pageWith(start)!;
      const line = lineOf(page, start)!;
      const steps = ((line.y0 + line.y1) / 2 - reference) / pitch;
      expect(Math.abs(steps - Math.round(steps)), start).toBeLessThan(0.05);
    }
  });
});

/** The centre of the first 16 pt body line of a page: a line of the grid. */
function bodyLineCentre(page: Page): number {
  const line = page.lines.find((l) => l.y1 < g.margins.top + g.typeArea.height && Math.abs(sizeOf(l) - g.sizes.body) < 1.5 && l.text.length > 20)!;
  return (line.y0 + line.y1) / 2;
}
