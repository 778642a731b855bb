// End to end: examples/speech, a speech 专刊 of one article without sections: built once with the
// command line, read back with poppler. The cover shows the title instead of a one-line contents
// list and the sign-off under the issue line; the title has its subtitle and byline centred in 楷体;
// the notes are numbered ①② in the text and printed under 注释 after it; the quoted 批示 is in 楷体,
// two characters in on both sides, on the grid; the attachments are listed with a hanging indent,
// and the one with a body starts a page of its own under 附件1.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESETS, charPitchMm, linePitchMm } from '../../src/layout/presets.js';
import { buildExample, e2eTitle, fontRuns, fontsOf, HAS_CHROMIUM, readPages, TYPE_AREA, type FontRun, type Line, type Page } from './poppler.js';

const g = PRESETS.standard;
const EXAMPLE = path.resolve(import.meta.dirname, '../../examples/speech');
const CHAR = charPitchMm(g);
const PITCH = linePitchMm(g);

let dir = '';
let output = '';
let status = -1;
let pages: Page[] = [];
let runs: FontRun[] = [];

beforeAll(() => {
  if (!HAS_CHROMIUM) return;
  ({ dir, status, output } = buildExample(EXAMPLE, 'bulletin-e2e-speech-', ['--pdf']));
  const pdf = path.join(dir, '2026-05.pdf');
  if (status === 0) {
    pages = readPages(pdf);
    runs = fontRuns(pdf);
  }
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The first line of the pages that holds `text` (white space ignored), with its page. */
/** `from`: the first page (0-based) to look on. */
function lineWith(text: string, exact = false, from = 0): { page: Page; line: Line; index: number } {
  for (const page of pages.slice(from)) {
    const index = page.lines.findIndex((l) => (exact ? l.text === text : l.text.includes(text)));
    if (index >= 0) return { page, line: page.lines[index]!, index };
  }
  throw new Error(`no line holds 「${text}」`);
}
/** The left edge of the type area: sides are physical, odd sheet sides bind on the left (docs/duplex.md). */
const leftOf = (page: Page) => (page.number % 2 === 1 ? TYPE_AREA.leftOdd : TYPE_AREA.leftEven);
const centreOf = (l: Line) => (l.x0 + l.x1) / 2;
const isKai = (text: string) => [...(fontsOf(runs, text) ?? [])].every((f) => /WenKai/i.test(f));

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('a speech 专刊: notes, quotation, subtitle and byline, sign-off, attachments'), () => {
  it('builds with no error and no warning', () => {
    expect(output).not.toMatch(/warning|error/i);
    expect(status).toBe(0);
  });

  it('shows the title and byline on the cover instead of a one-line contents list, and the sign-off under the issue line', () => {
    const cover = pages[0]!;
    expect(cover.compact).not.toContain('本期目录');
    expect(cover.compact).toContain('坚定不移走生态优先绿色发展之路');
    expect(cover.compact).toContain('——在全区生态环境保护大会上的讲话');
    const issue = cover.lines.findIndex((l) => l.text.includes('2026年第5期'));
    const signoff = cover.lines.findIndex((l) => l.text.includes('签发：张建国'));
    expect(signoff).toBe(issue + 1);
    expect(cover.lines[signoff]!.text).toBe('签发：张建国审核：李敏责任编辑：王晓雯');
  });

  it('prints the subtitle and the byline centred in 楷体 right under the title', () => {
    const title = lineWith('奋力开创全区生态环境保护工作新局面', false, 1); // the cover has it too
    expect(title.page.number).toBe(2);
    const [subtitle, speaker, date] = [1, 2, 3].map((k) => title.page.lines[title.index + k]!);
    expect([subtitle!.text, speaker!.text, date!.text]).toEqual(['——在全区生态环境保护大会上的讲话', '区长陈明', '（2026年3月12日）']);
    const middle = leftOf(title.page) + TYPE_AREA.width / 2;
    for (const l of [subtitle!, speaker!, date!]) expect(Math.abs(centreOf(l) - middle)).toBeLessThan(2);
    // One grid line each, straight under the title.
    // (The title is larger, its box taller: about a line apart, not exactly.)
    const below = (subtitle!.y0 - title.line.y0) / PITCH;
    expect(below).toBeGreaterThan(0.8);
    expect(below).toBeLessThan(1.4);
    expect((speaker!.y0 - subtitle!.y0) / PITCH).toBeCloseTo(1, 1);
    expect((date!.y0 - speaker!.y0) / PITCH).toBeCloseTo(1, 1);
    expect(isKai('——在全区生态环境保护大会上的讲话')).toBe(true);
    expect(isKai('（2026年3月12日）')).toBe(true);
  });

  it('numbers the notes ①② in the text, raised and smaller, and prints them under 注释 after the text', () => {
    // In drawing order (pdftotext puts a raised mark on whichever line its centre is nearest).
    const drawn = runs.map((r) => r.text).join('').replace(/\s/g, '');
    expect(drawn).toContain('全市生态环境保护大会精神①，');
    expect(drawn).toContain('工作要点》②中');
    const text = pages.map((p) => p.compact).join('');
    const mark = pages.flatMap((p) => p.words).find((w) => w.text.includes('①'))!;
    const word = pages.flatMap((p) => p.words).find((w) => w.text.includes('全市生态环境保护大会精神'))!;
    expect(mark.y1 - mark.y0).toBeLessThan((word.y1 - word.y0) * 0.75);
    const notes = text.indexOf('注释：');
    expect(notes).toBeGreaterThan(text.indexOf('奋力开创全区生态环境保护工作新局面！'));
    expect(text.slice(notes)).toMatch(/^注释：①全市生态环境保护大会于2026年2月26日召开。②见附件1。/);
  });

  it('sets the quoted 批示 in 楷体, two characters in on both sides, its lines on the grid', () => {
    const first = lineWith('清河区生态环境质量持续改善');
    const end = first.page.lines.findIndex((l) => l.text.includes('我们要认真学习领会'));
    const lines = first.page.lines.slice(first.index, end);
    expect(lines.map((l) => l.text).join('')).toMatch(/^清河区生态环境质量持续改善.*确保年度目标任务全面完成。$/);
    const left = leftOf(first.page);
    // The first line is indented as a paragraph (two more characters); the others start two characters in.
    expect(first.line.x0 - left).toBeCloseTo(4 * CHAR, 0);
    expect(lines[1]!.x0 - left).toBeCloseTo(2 * CHAR, 0);
    expect(left + TYPE_AREA.width - lines[1]!.x1).toBeCloseTo(2 * CHAR, 0);
    for (let i = 1; i < lines.length; i++) expect((lines[i]!.y0 - lines[i - 1]!.y0) / PITCH).toBeCloseTo(1, 1);
    expect(isKai('清河区生态环境质量持续改善')).toBe(true);
    // The paragraph after it is back on the body's grid: a whole number of lines under the last quoted line.
    const after = lineWith('我们要认真学习领会');
    const steps = (after.line.y0 - first.line.y0) / PITCH;
    expect(Math.abs(steps - Math.round(steps))).toBeLessThan(0.1);
    // …and out of the quote: indented as a paragraph of the body, in the body's face, to the right edge.
    expect(after.line.x0 - leftOf(after.page)).toBeCloseTo(2 * CHAR, 0);
    expect(leftOf(after.page) + TYPE_AREA.width - after.line.x1).toBeLessThan(CHAR);
    expect(isKai('我们要认真学习领会')).toBe(false);
  });

  it('lists the attachments as 附件：1. … 2. … two characters in, the second name under the first', () => {
    const one = lineWith('附件：1.清河区2026年生态环境保护工作要点');
    const two = one.page.lines[one.index + 1]!;
    expect(two.text).toBe('2.2025年度各街道（镇）生态环境保护工作考核结果');
    expect(one.line.x0 - leftOf(one.page)).toBeCloseTo(2 * CHAR, 0);
    expect(two.x0 - leftOf(one.page)).toBeCloseTo(5 * CHAR, 0);
  });

  it('prints the attachment with a body on a page of its own: 附件1 flush left on the first line, its title centred on the third', () => {
    const heading = lineWith('附件1', true);
    const page = heading.page;
    expect(heading.index).toBe(0);
    expect(heading.line.text).toBe('附件1');
    expect(heading.line.x0 - leftOf(page)).toBeLessThan(1);
    expect(heading.line.y0 - TYPE_AREA.top).toBeLessThan(PITCH);
    const title = page.lines[1]!;
    expect(title.text).toBe('清河区2026年生态环境保护工作要点');
    expect((title.y0 - heading.line.y0) / PITCH).toBeGreaterThan(1.5);
    expect(Math.abs(centreOf(title) - (leftOf(page) + TYPE_AREA.width / 2))).toBeLessThan(2);
  });
});
