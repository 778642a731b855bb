// What a failed build says about the printed PDF, in both languages: each check of src/check/ run on
// small pages made by hand, each problem rendered in Chinese (one Chinese sentence: Han characters, no
// run of English words outside backticks and 「」) and in English as before.
import { describe, expect, it } from 'vitest';
import { render, type Message } from '../../src/i18n/message.js';
import { checkGeometry, pagesName } from '../../src/check/checkGeometry.js';
import { checkSides } from '../../src/check/checkSides.js';
import { checkContentsPages, checkKeeps } from '../../src/check/checkKeeps.js';
import { checkContents } from '../../src/check/checkContents.js';
import { checkVisibleText, type FoundItem } from '../../src/check/checkVisibleText.js';
import type { PageText, TextRun } from '../../src/check/readPdfText.js';
import { PRESETS, ptFromMm } from '../../src/layout/presets.js';
import { fitSummary } from '../../src/model/pagination.js';
import { outputClash } from '../../src/model/outputNames.js';
import { parseBody } from '../../src/model/parseBody.js';
import type { Issue, TocEntry } from '../../src/model/types.js';
import { what } from './selfCheckWhat.js';

/** Chinese as a Chinese reader gets it: Han characters, and no three English words in a row outside `…` and 「…」. */
function expectChinese(message: Message): void {
  const zh = render(message, 'zh');
  expect(zh).toMatch(/\p{Script=Han}/u);
  const outside = zh.replace(/`[^`]*`/g, '').replace(/「[^「」]*」/g, '').replace(/「[^「」]*」/g, '');
  expect(outside, zh).not.toMatch(/\b[A-Za-z]+ [A-Za-z]+ [A-Za-z]+\b/);
}

const g = PRESETS.standard;
const W = ptFromMm(g.paper.width);
const H = ptFromMm(g.paper.height);
const PAGE = { x0: 0, y0: 0, x1: W, y1: H };
const LEFT = ptFromMm(g.margins.inner);
const TOP = H - ptFromMm(g.margins.top);
const sheet = (runs: TextRun[], images: PageText['images'] = []): PageText => ({ compact: runs.map((r) => r.text).join('').replace(/\s+/g, ''), runs, images, page: PAGE });
const line = (text: string, y: number, o: { x0?: number; x1?: number; size?: number } = {}): TextRun => {
  const size = o.size ?? g.sizes.body;
  return { text, size, baseline: y, box: { x0: o.x0 ?? LEFT, x1: o.x1 ?? LEFT + 100, y0: y - 0.2 * size, y1: y + 0.9 * size } };
};

describe('the self-check in Chinese', () => {
  it('the measure of the page: text past the type area, a body at another size, pictures over each other and over text', () => {
    const cover = sheet([]);
    const past = line('越界的一行文字', TOP - 40, { x0: LEFT, x1: LEFT + ptFromMm(g.typeArea.width) + 20 });
    const small = [line('小字一', TOP - 80, { size: 12 }), line('小字二', TOP - 110, { size: 12 })];
    const body = sheet([past, ...small], [{ x0: LEFT, y0: TOP - 400, x1: LEFT + 200, y1: TOP - 200 }, { x0: LEFT + 50, y0: TOP - 350, x1: LEFT + 250, y1: TOP - 250 }]);
    const body2 = sheet([line('被图片压住的一行', TOP - 300)], [{ x0: LEFT, y0: TOP - 400, x1: LEFT + 200, y1: TOP - 200 }]);
    const found: FoundItem[] = [
      { what: what('paragraph 1 of 「标题」'), kind: 'paragraph', page: 0, runs: [{ page: 0, run: past }] },
      { what: what('paragraph 2 of 「标题」'), kind: 'paragraph', page: 0, runs: small.map((run) => ({ page: 0, run })) },
    ];
    const problems = checkGeometry(g, [cover, body, body2], 1, found);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^page 1: paragraph 1 of 「标题」: 「越界的一行文字」 runs \d+\.\d mm past the right edge of the type area; text must stay inside the type area \(156 × 225 mm\) or the page number under it$/),
      "page 1: paragraph 2 of 「标题」 is set at 12 pt; the preset's body text is 16 pt (2 of the page's 3 lines of body text)",
      expect.stringMatching(/^page 1: two pictures overlap \([\d.]+–[\d.]+ mm from the top and [\d.]+–[\d.]+ mm from the top\)$/),
      expect.stringMatching(/^page 2: the picture [\d.]+–[\d.]+ mm from the top lies over 「被图片压住的一行」; a figure must sit beside/),
    ]);
    if (process.env.PEEK) for (const p of problems) console.log(render(p.text, 'zh'));
    for (const p of problems) expectChinese(p.text);
    expect(render(problems[1]!.text, 'zh')).toBe('第1页上，「标题」的第2段的字号为12 pt，版式预设的正文字号为16 pt（本页3行正文中有2行）');
    expect(render(problems[0]!.text, 'zh')).toMatch(/^第1页上，「标题」的第1段中的「越界的一行文字」超出版心右边缘\d+\.\d mm；文字必须排在版心（156 × 225 mm）或版心下方的页码区以内$/);
    expect(render(pagesName([0, 1, 2, 3, 5], 1), 'zh')).toBe('封面和第1–3、5页');
    expect(render(pagesName([0, 1, 2, 3, 5], 1), 'en')).toBe('the cover and pages 1–3 and 5');
  });

  it('the sides: a page number on the wrong side', () => {
    const number = (body: number, right: boolean) => line(`- ${body} -`, TOP - ptFromMm(g.typeArea.height + 7), right ? { x0: W - 120, x1: W - 84 } : { x0: 90, x1: 126 });
    const problems = checkSides(g, '- N -', [sheet([]), sheet([number(1, true)])], 1, true);
    expect(problems.map((p) => p.message)).toEqual(['body page 1 (sheet side 2, a left-hand page in double-sided printing) prints its number - 1 - on the right; GB/T 9704 puts it on the left of a left-hand page']);
    expect(render(problems[0]!.text, 'zh')).toBe('正文第1页（第2面，双面印刷时为左页）的页码- 1 -印在右侧；GB/T 9704 规定左页的页码居左');
    for (const p of problems) expectChinese(p.text);
  });

  it('what stays together, the contents, and text a reader does not see', () => {
    const title = line('标题', 110);
    const keeps = checkKeeps([{ what: what('the title of 「标题」'), kind: 'title', page: 0, runs: [{ page: 0, run: title }] }], [sheet([line('正文', 700), title])], 100);
    expect(keeps.map((p) => p.message)).toEqual(['body page 1 ends with the title of 「标题」 (「标题」): a title goes onto the page of the text it heads']);
    const toc = [{ kind: 'article', id: 'a', text: '关于进一步加强生态工业示范园区建设管理的通知', page: '- 2 -' }] as unknown as TocEntry[];
    const split = checkContentsPages(toc, [sheet([line('本期目录关于进一步加强生态工业', 700)]), sheet([line('示范园区建设管理的通知—2—', 700)])]);
    expect(split.map((p) => p.message)).toEqual([expect.stringMatching(/^the contents entry 「关于进一步加强生态工业示范园区建…」 is split across two cover pages/)]);
    const contents = checkContents(toc, '- N -', [sheet([line('关于进一步加强生态工业示范园区建设管理的通知—9—', 700)])], new Map([['a', 2]]), [sheet([]), sheet([])]);
    expect(contents.length).toBeGreaterThan(0);
    const issue = {
      slug: 'test',
      sections: [{ id: 's1', label: '工作动态', articles: [{ id: 'a0', title: '第一篇', titleLines: ['第一篇'], note: undefined, blocks: parseBody('甲段落第一段文字。\n\n乙段落第二段文字。').blocks, figures: [], source: undefined, subtitle: undefined, byline: [], attachments: [] }] }],
    } as unknown as Issue;
    const hidden = (text: string, how?: 'transparent'): TextRun => ({ ...line(text, 500), ...(how ? { hidden: how } : {}) });
    const visible = checkVisibleText(issue, [sheet([hidden('工作动态'), hidden('第一篇'), hidden('甲段落第一段文字。'), hidden('乙段落第二段文字。', 'transparent')])]);
    expect(visible.map((p) => p.message)).toEqual(['paragraph 2 of 「第一篇」 (「乙段落第二段文字。」) is not visible in the PDF: it is drawn transparent']);
    expect(render(visible[0]!.text, 'zh')).toBe('「第一篇」的第2段（「乙段落第二段文字。」）在 PDF 中看不到：它绘制成了透明');
    for (const p of [...keeps, ...split, ...contents, ...visible]) expectChinese(p.text);
  });

  it('the build\'s other words: the fitting summary and two series writing the same names', () => {
    const fitted = fitSummary({ status: 'fitted', fit: { chars: 29, trackingEm: -0.034, pitchPt: 28.99, articles: ['a'] }, range: 'the last 2 articles', bodyPagesBefore: 5, bodyPagesAfter: 4, tries: 3 } as never)!;
    expect(render(fitted, 'en')).toBe('fitted the last 2 articles (pitch 28.99 pt, tracking −0.034 em): 5 → 4 body pages');
    expect(render(fitted, 'zh')).toBe('已调整最后2篇文章（行距 28.99 pt，字距 −0.034 em）：正文由5页减为4页');
    const failed = fitSummary({ status: 'failed', page: 3, lines: 2, alone: false } as never)!;
    expect(render(failed, 'en')).toBe('could not fit: body page 3 holds only 2 lines');
    const clash = outputClash([{ file: 'a/2018-01.yaml', slug: '2018-01' }, { file: 'b/2018-01.yaml', slug: '2018-01' }], (f) => f)!;
    expect(render(clash, 'en')).toBe('a/2018-01.yaml and b/2018-01.yaml would both write `2018-01.pdf` and `2018-01.html` into the output folder');
    for (const m of [fitted, failed, clash]) expectChinese(m);
  });
});
