// The self-check of what stays together (check/checkKeeps.ts), on pages made by hand: each rule
// passes a page laid out right and names the page of one laid out wrong.
import { describe, expect, it } from 'vitest';
import { checkContentsPages, checkKeeps, CONTENTS_CONTINUED } from '../../src/check/checkKeeps.js';
import type { FoundItem } from '../../src/check/checkVisibleText.js';
import type { PageText, TextRun, Box } from '../../src/check/readPdfText.js';
import type { TocEntry } from '../../src/model/types.js';
import { what as whatOf } from './selfCheckWhat.js';

const PAGE: Box = { x0: 0, y0: 0, x1: 595, y1: 842 };
const TYPE_BOTTOM = 100;
/** A run of text whose baseline is at `y` (points from the bottom of the page). */
const run = (text: string, y: number): TextRun => ({ text, box: { x0: 80, y0: y - 3, x1: 500, y1: y + 13 }, size: 16, baseline: y });
const page = (runs: TextRun[], images: Box[] = []): PageText => ({ compact: runs.map((r) => r.text).join(''), runs, images, page: PAGE });
const item = (kind: FoundItem['kind'], what: string, runs: { page: number; run: TextRun }[], extra: Partial<FoundItem> = {}): FoundItem => ({ kind, what: whatOf(what), page: runs[0]!.page, runs, ...extra });

describe('checkKeeps', () => {
  it('a title on the last line of a page is reported; one followed by its text is not', () => {
    const title = run('标题', 110);
    const p0 = page([run('正文', 700), title]);
    const p1 = page([run('正文续', 700)]);
    const found = [item('title', 'the title of 「标题」', [{ page: 0, run: title }]), item('paragraph', 'paragraph 1 of 「讲话标题」', [{ page: 1, run: p1.runs[0]! }])];
    expect(checkKeeps(found, [p0, p1], TYPE_BOTTOM).map((p) => p.message)).toEqual([expect.stringMatching(/^body page 1 ends with the title of 「标题」/)]);
    const ok = page([title, run('正文', 80 + 30)].map((r, i) => (i === 0 ? run('标题', 140) : r)));
    expect(checkKeeps([item('title', 'the title of 「t」', [{ page: 0, run: ok.runs[0]! }])], [ok], TYPE_BOTTOM).map((p) => p.message)).toEqual([]);
  });

  it('a title with its subtitle and byline at the foot of a page, the text on the next, is reported', () => {
    const title = run('讲话标题', 170);
    const sub = run('——在大会上的讲话', 140);
    const date = run('（2026年3月12日）', 110);
    const p0 = page([run('正文', 700), title, sub, date]);
    const p1 = page([run('同志们：', 700)]);
    const found = [
      item('title', 'the title of 「讲话标题」', [{ page: 0, run: title }]),
      item('byline', 'the subtitle of 「讲话标题」', [{ page: 0, run: sub }]),
      item('byline', 'byline 1 of 「讲话标题」', [{ page: 0, run: date }]),
      item('paragraph', 'paragraph 1 of 「讲话标题」', [{ page: 1, run: p1.runs[0]! }]),
    ];
    expect(checkKeeps(found, [p0, p1], TYPE_BOTTOM).map((p) => p.message)).toEqual([expect.stringMatching(/^body page 1 ends with the title of 「讲话标题」/)]);
    const together = page([title, sub, date, run('同志们：', 80 + 0)].map((r, i) => (i === 3 ? run('同志们：', 101) : r)));
    expect(checkKeeps(found.slice(0, 3), [together], TYPE_BOTTOM).map((p) => p.message)).toEqual([]);
  });

  it('the page number below the type area does not count as text after a title', () => {
    const title = run('标题', 110);
    const p0 = page([title, run('—1—', 60)]);
    expect(checkKeeps([item('title', 'the title of 「t」', [{ page: 0, run: title }])], [p0], TYPE_BOTTOM)).toHaveLength(1);
  });

  it('a caption at the top of a page, its photo on the page before, is reported; one under its photo is not', () => {
    const caption = run('会议现场', 740);
    const alone = page([caption, run('正文', 700)]);
    const found = [item('caption', 'the caption of figure 1 of 「标题」', [{ page: 1, run: caption }], { figure: { article: 'a', index: 0, svg: false } })];
    expect(checkKeeps(found, [page([run('x', 700)], [{ x0: 300, y0: 110, x1: 500, y1: 300 }]), alone], TYPE_BOTTOM).map((p) => p.message)).toEqual([expect.stringMatching(/^body page 2 starts with the caption of figure 1/)]);
    const under = page([run('正文', 760), caption], [{ x0: 300, y0: 760, x1: 500, y1: 800 }]);
    expect(checkKeeps(found.map((f) => ({ ...f, page: 0, runs: [{ page: 0, run: caption }] })), [under], TYPE_BOTTOM).map((p) => p.message)).toEqual([]);
  });

  it('a source line alone at the top of a page is reported; one under the last lines is not', () => {
    const last = run('最后一行。', 110);
    const source = run('（某单位供稿）', 740);
    const found = [item('paragraph', 'paragraph 3 of 「标题」', [{ page: 0, run: last }]), item('source', 'the source line of 「标题」', [{ page: 1, run: source }])];
    expect(checkKeeps(found, [page([last]), page([source])], TYPE_BOTTOM).map((p) => p.message)).toEqual([expect.stringMatching(/^the source line of 「标题」 is printed alone at the top of body page 2, the article's last line on page 1/)]);
    const together = [item('paragraph', 'paragraph 3 of 「标题」', [{ page: 0, run: last }, { page: 1, run: run('。', 760) }]), found[1]!];
    expect(checkKeeps(together, [page([last]), page([source])], TYPE_BOTTOM).map((p) => p.message)).toEqual([]);
  });
});

describe('checkContentsPages', () => {
  const toc: TocEntry[] = [
    { kind: 'section', id: 's1', text: '【工作动态】' },
    { kind: 'article', id: 'a1', text: '示范园区建设工作进展' },
    { kind: 'article', id: 'a2', text: '关于进一步加强生态工业示范园区建设管理的通知' },
  ] as TocEntry[];
  const cover = (...texts: string[]) => texts.map((t) => page([run(t, 500)]));

  it('one cover page: nothing to check', () => {
    expect(checkContentsPages(toc, cover('本期目录【工作动态】—1—示范园区建设工作进展—1—'))).toEqual([]);
  });

  it('entries whole, the second page headed 本期目录（续）: no problem', () => {
    expect(checkContentsPages(toc, cover('本期目录【工作动态】—1—示范园区建设工作进展—1—', `${CONTENTS_CONTINUED}关于进一步加强生态工业示范园区建设管理的通知—2—`))).toEqual([]);
  });

  it('an entry split across the pages is reported, and so is a continuation page without its heading', () => {
    const problems = checkContentsPages(toc, cover('本期目录【工作动态】—1—示范园区建设工作进展—1—关于进一步加强生态工业', '示范园区建设管理的通知—2—'));
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/^the contents entry 「关于进一步加强生态工业示范园区建…」 is split across two cover pages/)]);
    expect(checkContentsPages(toc, cover('本期目录【工作动态】—1—示范园区建设工作进展—1—', '关于进一步加强生态工业示范园区建设管理的通知—2—')).map((p) => p.message)).toEqual(['cover page 2 continues the contents without the heading 本期目录（续）']);
  });
});
