// End to end: examples/speech with `singleArticle: { cover: article }` added (a copy in a temp
// folder), built with the command line and read back with poppler. The article begins on the cover
// under the masthead's rule: page 1 has the masthead, the issue line, the title, the byline and the
// first paragraph, and is numbered 「- 1 -」 (the cover is body page 1: README, 专刊); the body goes on
// onto page 2; the distribution block is on the last page; the self-check passes (no warning).
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRESETS, linePitchMm } from '../../src/layout/presets.js';
import { bodyLines, buildExample, e2eTitle, footerLines, HAS_CHROMIUM, readPages, readStructure, TYPE_AREA, type OutlineNode, type Page } from './poppler.js';

const EXAMPLE = path.resolve(import.meta.dirname, '../../examples/speech');
const PITCH = linePitchMm(PRESETS.standard);

let source = '';
let dir = '';
let output = '';
let status = -1;
let pages: Page[] = [];

beforeAll(() => {
  if (!HAS_CHROMIUM) return;
  source = mkdtempSync(path.join(tmpdir(), 'bulletin-e2e-cover-start-src-'));
  cpSync(EXAMPLE, source, { recursive: true });
  appendFileSync(path.join(source, 'bulletin.yaml'), '\nsingleArticle:\n  cover: article\n');
  ({ dir, status, output } = buildExample(source, 'bulletin-e2e-cover-start-', ['--pdf']));
  if (status === 0) pages = readPages(path.join(dir, '2026-05.pdf'));
}, 180_000);

afterAll(() => {
  for (const d of [source, dir]) if (d) rmSync(d, { recursive: true, force: true });
});

const footer = (page: Page) => footerLines(page).map((l) => l.text).join('');

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('a one-article 专刊 begun on the cover (singleArticle.cover: article)'), () => {
  it('builds, and the self-check finds nothing', () => {
    expect(output).not.toMatch(/warning|error|problem/i);
    expect(status).toBe(0);
  });

  it('prints the masthead, the issue line, the title, the byline and the first paragraph on page 1, in that order', () => {
    const first = pages[0]!;
    const order = ['生态环境工作动态', '2026年第5期（总第139期）', '签发：张建国', '坚定不移走生态优先绿色发展之路', '奋力开创全区生态环境保护工作新局面',
      '——在全区生态环境保护大会上的讲话', '同志们：', '今天，我们召开全区生态环境保护大会'];
    const at = order.map((t) => first.compact.indexOf(t));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // No contents: the article itself is the page.
    expect(first.compact).not.toContain('本期目录');
    // The title is printed once, on page 1 (not also on page 2 as when the cover shows it apart).
    expect(pages.filter((p) => p.compact.includes('坚定不移走生态优先绿色发展之路'))).toHaveLength(1);
    // The text fills page 1 to the foot of the type area (within the lines a heading kept with its text may leave).
    const lowest = Math.max(...bodyLines(first).map((l) => l.y1));
    expect(TYPE_AREA.bottom - lowest).toBeLessThan(4 * PITCH);
  });

  it('goes on on page 2 with the text that follows, and keeps the distribution block on the last page', () => {
    expect(pages[1]!.lines[0]!.text).toBe('一、肯定成绩，正视问题');
    const last = pages.at(-1)!;
    expect(last.compact).toContain('（共印80份）');
    expect(pages.slice(0, -1).some((p) => p.compact.includes('（共印80份）'))).toBe(false);
  });

  it('counts the cover as page 1 and prints its number: 「- 1 -」 to 「- N -」 on every page, odd on the right', () => {
    expect(pages.map(footer)).toEqual(pages.map((_, i) => `-${i + 1}-`));
    const number = (p: Page) => footerLines(p)[0]!;
    // Page 1 is a right-hand page (docs/duplex.md): its number on the right, page 2's on the left.
    expect(number(pages[0]!).x1).toBeGreaterThan(TYPE_AREA.leftOdd + TYPE_AREA.width - 10);
    expect(number(pages[1]!).x0).toBeLessThan(TYPE_AREA.leftEven + 10);
  });

  it('knows where the article starts: its bookmark goes to page 1', async () => {
    const { outline } = await readStructure(new Uint8Array(readFileSync(path.join(dir, '2026-05.pdf'))));
    const all = (nodes: OutlineNode[]): OutlineNode[] => nodes.flatMap((n) => [n, ...all(n.children)]);
    const article = all(outline).filter((n) => n.title.startsWith('坚定不移走生态优先绿色发展之路'));
    expect(article.length).toBeGreaterThan(0);
    for (const n of article) expect(n.pageIndex).toBe(0);
  });

  it('refuses a series stylesheet that breaks the page after the masthead, naming the setting and the page', () => {
    mkdirSync(path.join(source, 'templates'), { recursive: true });
    writeFileSync(path.join(source, 'templates', 'extra.css'), '@media print { .cover { break-after: page; } }\n');
    const broken = buildExample(source, 'bulletin-e2e-cover-start-broken-', ['--pdf']);
    rmSync(broken.dir, { recursive: true, force: true });
    expect(broken.status).toBe(3);
    expect(broken.output).toContain('singleArticle.cover: article');
    expect(broken.output).toMatch(/begins on page 2 of the PDF/);
  }, 180_000);
});
