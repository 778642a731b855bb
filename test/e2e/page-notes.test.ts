// End to end: notes at the page foot (`layout.notes: page`). examples/speech, whose two notes are
// referred to on different pages, is built with `notes: page` added to its bulletin.yaml, and read
// back with poppler: each note is printed on the page its mark is on, under the last body line of
// that page, at the foot of the type area, numbered as in the text; no 注释 is left at the article's
// end. The HTML page, which has no pages, keeps them there. A second issue has a short article with a
// note, ending early on its page, and a long one with a note on that page: both notes in one block at
// that page's foot (each numbered ① in its article) under the second article's lines, the last page
// fitted with the notes kept on their page, and no warning.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESETS, linePitchMm } from '../../src/layout/presets.js';
import { buildExample, e2eTitle, HAS_CHROMIUM, readPages, TYPE_AREA, type Page } from './poppler.js';

const PITCH = linePitchMm(PRESETS.standard);
const EXAMPLE = path.resolve(import.meta.dirname, '../../examples/speech');
const NOTES = [
  { mark: '①', text: '①全市生态环境保护大会于2026年2月26日召开。', before: '全市生态环境保护大会精神' },
  { mark: '②', text: '②见附件1。', before: '清河区2026年生态环境保护工作要点》' },
];

let series = '';
let dir = '';
let output = '';
let status = -1;
let pages: Page[] = [];
let html = '';
let shared = { dir: '', status: -1, output: '' };
let sharedPages: Page[] = [];

/**
 * Two articles: the first, with a note, ends early on its page; the second, with a note in its first
 * paragraph, goes on over that page and two more (its paragraphs repeat their words, so lines repeat).
 * Long enough that the last page is fitted.
 */
const P1 = '第一篇文章的正文段落，说明本区生态环境保护工作的总体情况和主要做法，各街道和部门认真落实各项任务。第一篇文章的正文段落，说明本区生态环境保护工作的总体情况和主要做法，各街道和部门认真落实各项任务。';
const P2 = '第二篇文章的正文段落，介绍河道治理和大气污染防治工作的进展，各项工作按计划稳步推进并取得成效。第二篇文章的正文段落，介绍河道治理和大气污染防治工作的进展，各项工作按计划稳步推进并取得成效。第二篇文章的正文段落，介绍河道治理和大气污染防治工作的进展，各项工作按计划稳步推进并取得成效。';
/** The fields and its first article's title, for the issues written in place of the speech. */
const HEAD = `year: 2026
number: 5
total: 139
date: 2026-03-20
kind: special
label: 测试专刊
articles:
  - id: first
    title: 第一篇文章
    body: |
`;
const TWO_ON_ONE_PAGE = `${HEAD}      ${P1}

      ${P1}引用了一个文件[^1]。

      [^1]: 第一篇的注释。
  - id: second
    title: 第二篇文章
    body: |
      第二篇文章也引用了一个文件[^1]。${P2}

${Array.from({ length: 7 }, () => `      ${P2}\n`).join('\n')}
      [^1]: 第二篇的注释。
`;

/** Two one-line articles, each with a note: their notes go on the page of the 版记, above it. */
const ON_DISTRIBUTION_PAGE = `${HEAD}      第一篇文章的正文，引用了一个文件[^1]。
      [^1]: 第一篇的注释。
  - id: second
    title: 第二篇文章
    body: |
      第二篇文章的正文，也引用了一个文件[^1]。
      [^1]: 第二篇的注释。
`;
/** A note longer than a page: it cannot stand at a page foot, so its article keeps its notes at its end. */
const LONG_NOTE = ON_DISTRIBUTION_PAGE.replace('      [^1]: 第一篇的注释。', `      [^1]: 第一篇的注释很长。${'这是一条很长的注释，详细说明所引文件的来历、内容和执行情况。'.repeat(60)}`);
let long = { dir: '', status: -1, output: '' };
let longPages: Page[] = [];
let short = { dir: '', status: -1, output: '' };
let shortPages: Page[] = [];

beforeAll(() => {
  if (!HAS_CHROMIUM) return;
  series = mkdtempSync(path.join(tmpdir(), 'bulletin-e2e-page-notes-src-'));
  cpSync(EXAMPLE, series, { recursive: true });
  const yaml = path.join(series, 'bulletin.yaml');
  const text = readFileSync(yaml, 'utf8');
  expect(text).toContain('  pageNumber: "- N -"\n');
  writeFileSync(yaml, text.replace('  pageNumber: "- N -"\n', '  pageNumber: "- N -"\n  notes: page\n'));
  ({ dir, status, output } = buildExample(series, 'bulletin-e2e-page-notes-', ['--pdf', '--html']));
  if (status === 0) {
    pages = readPages(path.join(dir, '2026-05.pdf'));
    const page = readdirSync(dir, { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith('2026-05.html') || f.endsWith(`2026-05${path.sep}index.html`));
    html = page ? readFileSync(path.join(dir, page), 'utf8') : '';
  }
  writeFileSync(path.join(series, 'issues', '2026-05.yaml'), TWO_ON_ONE_PAGE); // in place of the speech
  shared = buildExample(series, 'bulletin-e2e-page-notes-2-', ['--pdf']);
  if (shared.status === 0) sharedPages = readPages(path.join(shared.dir, '2026-05.pdf'));
  writeFileSync(path.join(series, 'issues', '2026-05.yaml'), ON_DISTRIBUTION_PAGE);
  short = buildExample(series, 'bulletin-e2e-page-notes-3-', ['--pdf']);
  if (short.status === 0) shortPages = readPages(path.join(short.dir, '2026-05.pdf'));
  writeFileSync(path.join(series, 'issues', '2026-05.yaml'), LONG_NOTE);
  long = buildExample(series, 'bulletin-e2e-page-notes-4-', ['--pdf']);
  if (long.status === 0) longPages = readPages(path.join(long.dir, '2026-05.pdf'));
}, 300_000);

afterAll(() => {
  for (const d of [dir, series, shared.dir, short.dir, long.dir]) if (d) rmSync(d, { recursive: true, force: true });
});

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('notes at the page foot (layout.notes: page)'), () => {
  it('builds with no error and no warning', () => {
    expect(output).not.toMatch(/warning|error/i);
    expect(status).toBe(0);
  });

  it('prints each note at the foot of the page its mark is on, under that page\'s last body line, numbered ①②', () => {
    const found = NOTES.map((n) => {
      // The mark: raised after the words it explains (on the page of those words).
      const markPage = pages.find((p) => p.compact.includes(`${n.before}${n.mark}`) || p.compact.includes(n.before))!;
      expect(markPage, n.mark).toBeDefined();
      expect(markPage.words.some((w) => w.text.includes(n.mark))).toBe(true);
      const index = markPage.lines.findIndex((l) => l.text === n.text);
      expect(index, `${n.text} on page ${markPage.number}`).toBeGreaterThan(0);
      const note = markPage.lines[index]!;
      // Below every body line of the page (the page number is under the type area).
      const body = markPage.lines.filter((l) => l.y1 <= TYPE_AREA.bottom && l !== note);
      for (const l of body) expect(l.y0, l.text).toBeLessThan(note.y0);
      // The last line of the type area: its foot within a line's pitch of the type area's bottom.
      expect(note.y1).toBeLessThanOrEqual(TYPE_AREA.bottom + 0.5);
      expect(note.y1).toBeGreaterThan(TYPE_AREA.bottom - PITCH);
      // Set one size smaller than the body.
      const bodyLine = body.filter((l) => l.text.length > 20).at(-1)!;
      expect(note.y1 - note.y0).toBeLessThan(bodyLine.y1 - bodyLine.y0);
      return markPage.number;
    });
    // Two notes, two pages.
    expect(new Set(found).size).toBe(2);
    // Nothing is left under 注释 at the article's end.
    expect(pages.map((p) => p.compact).join('')).not.toContain('注释：');
  });

  it('keeps the notes under 注释 at the article\'s end on the HTML page', () => {
    expect(html).toContain('注释');
    const end = html.indexOf('class="article-notes"');
    expect(end).toBeGreaterThan(html.indexOf('奋力开创全区生态环境保护工作新局面！'));
  });

  it('sets the notes of two articles on one page in one block at its foot, under the second article\'s lines, in a fitted issue', () => {
    expect(shared.status).toBe(0);
    expect(shared.output).not.toMatch(/notes-at-end|fit-failed|warning|error/i);
    // Fitted (the last article tightened: 4 body pages → 3, as measured; the build says so on stderr),
    // with the notes still on their marks' page.
    expect(sharedPages).toHaveLength(4);
    const page = sharedPages.find((p) => p.compact.includes('引用了一个文件'))!;
    expect(page).toBeDefined();
    // The second article begins on the page where the first ends, and the page is full of its lines.
    expect(page.compact).toContain('第二篇文章也引用了一个文件');
    const title = page.lines.find((l) => l.text === '第二篇文章')!;
    expect(title).toBeDefined();
    const notes = ['①第一篇的注释。', '①第二篇的注释。'].map((t) => page.lines.find((l) => l.text === t)!);
    for (const n of notes) expect(n).toBeDefined();
    expect(notes[0]!.y0).toBeLessThan(notes[1]!.y0);
    // At the foot, below every body line (the second article's too); the last body line within two
    // lines' pitch of the rule above the notes (no page left half empty).
    expect(notes[1]!.y1).toBeGreaterThan(TYPE_AREA.bottom - PITCH);
    expect(notes[1]!.y1).toBeLessThanOrEqual(TYPE_AREA.bottom + 0.5);
    const body = page.lines.filter((l) => l.y1 <= TYPE_AREA.bottom && !notes.includes(l));
    const lastBody = body.reduce((a, l) => (l.y0 > a.y0 ? l : a));
    expect(lastBody.y0).toBeGreaterThan(title.y0);
    expect(lastBody.y1).toBeLessThan(notes[0]!.y0);
    expect(notes[0]!.y0 - lastBody.y1).toBeLessThan(3 * PITCH);
    // No 注释 left at an end; the 版记 is not alone on its page.
    expect(sharedPages.map((p) => p.compact).join('')).not.toContain('注释：');
    const last = sharedPages.at(-1)!;
    expect(last.compact).toContain('共印');
    expect(last.compact).toContain('第二篇文章的正文段落');
  });

  it('keeps a note longer than a page under 注释 at its article\'s end, with the notes-at-end warning', () => {
    expect(long.status).toBe(0);
    expect(long.output).toContain('notes-at-end');
    const text = longPages.map((p) => p.compact).join('');
    // Under 注释 after the first article's text and before the second article's title; the other
    // article's note still at a page foot (no 注释 of its own).
    const heading = text.indexOf('注释：');
    expect(heading).toBeGreaterThan(text.indexOf('第一篇文章的正文'));
    expect(text.indexOf('①第一篇的注释很长')).toBeGreaterThan(heading);
    expect(text.indexOf('第二篇文章的正文')).toBeGreaterThan(text.indexOf('①第一篇的注释很长'));
    expect(text.indexOf('注释：', heading + 1)).toBe(-1);
    expect(text).toContain('①第二篇的注释。');
  });

  it('sets the notes of the 版记\'s page above the 版记, which stays at the foot of that page', () => {
    expect(short.status).toBe(0);
    expect(short.output).not.toMatch(/notes-at-end|fit-failed|warning|error/i);
    expect(shortPages).toHaveLength(2);
    const page = shortPages[1]!;
    const notes = ['①第一篇的注释。', '①第二篇的注释。'].map((t) => page.lines.find((l) => l.text === t)!);
    for (const n of notes) expect(n).toBeDefined();
    const text = page.lines.find((l) => l.text.includes('第二篇文章的正文'))!;
    const copies = page.lines.find((l) => l.text.includes('共印'))!;
    expect(text.y1).toBeLessThan(notes[0]!.y0);
    expect(notes[1]!.y1).toBeLessThan(copies.y0);
    // The 版记 at the foot of the type area; the notes right above it (no page's worth of space).
    expect(copies.y1).toBeGreaterThan(TYPE_AREA.bottom - PITCH);
    const dist = page.lines.find((l) => l.text.includes('报：'))!;
    expect(dist.y0 - notes[1]!.y1).toBeLessThan(2 * PITCH);
    expect(notes[0]!.y0 - text.y1).toBeGreaterThan(5 * PITCH);
  });
});
