// The self-check's measure of the page (src/check/checkGeometry.ts) on pages made by hand: runs set
// where the preset's grid puts them, then moved, resized, scaled, covered or cut the ways a series
// stylesheet can. test/e2e/self-check-geometry.test.ts provokes the same failures in Chrome.
import { describe, expect, it } from 'vitest';
import { checkGeometry, pagesName } from '../../src/check/checkGeometry.js';
import { render } from '../../src/i18n/message.js';
import { what as whatOf } from './selfCheckWhat.js';
import type { FoundItem, ItemKind } from '../../src/check/checkVisibleText.js';
import type { Box, PageText, TextRun } from '../../src/check/readPdfText.js';
import { PRESETS, linePitchMm, ptFromMm, type PageGeometry } from '../../src/layout/presets.js';

/** A page drawn on the grid of `g`: its runs and pictures are added by the helpers below. */
class Sheet {
  readonly text: PageText;
  constructor(readonly g: PageGeometry, readonly physical: number, readonly body: number | undefined) {
    this.text = { compact: '', runs: [], images: [], page: { x0: 0, y0: 0, x1: ptFromMm(g.paper.width), y1: ptFromMm(g.paper.height) } };
  }

  get left(): number {
    return ptFromMm(this.physical % 2 === 0 ? this.g.margins.inner : this.g.margins.outer); // sides are physical: index 0, the cover, is a right-hand page (docs/duplex.md)
  }

  get top(): number {
    return this.text.page.y1 - ptFromMm(this.g.margins.top);
  }

  /** A run on line `line` (0-based) of the grid: from `from` to `to` characters across, at `size` (the body's). */
  line(text: string, line: number, o: { size?: number; from?: number; to?: number; pitch?: number; dy?: number } = {}): TextRun {
    const g = this.g;
    const size = o.size ?? g.sizes.body;
    const pitch = o.pitch ?? ptFromMm(linePitchMm(g));
    const char = ptFromMm(g.typeArea.width / g.grid.chars);
    const baseline = this.top - pitch * line - pitch * 0.7 - (o.dy ?? 0);
    const run: TextRun = { text, size, baseline, box: { x0: this.left + char * (o.from ?? 0), x1: this.left + char * (o.to ?? g.grid.chars), y0: baseline - 0.2 * size, y1: baseline + 0.9 * size } };
    this.text.runs.push(run);
    return run;
  }

  /** The page number in its band under the type area. */
  number(): TextRun {
    const g = this.g;
    const baseline = this.top - ptFromMm(g.typeArea.height + g.pageNumber.below) - 5;
    const size = g.sizes.pageNumber;
    const run: TextRun = { text: `- ${this.body} -`, size, baseline, box: { x0: this.left + 400 * (g.typeArea.width / 156), x1: this.left + 425 * (g.typeArea.width / 156), y0: baseline - 0.2 * size, y1: baseline + 0.9 * size } };
    this.text.runs.push(run);
    return run;
  }

  /** A picture over lines `from` to `to` (exclusive), `x0`–`x1` characters across. */
  image(from: number, to: number, x0: number, x1: number): Box {
    const g = this.g;
    const pitch = ptFromMm(linePitchMm(g));
    const char = ptFromMm(g.typeArea.width / g.grid.chars);
    const box = { x0: this.left + char * x0, x1: this.left + char * x1, y1: this.top - pitch * from, y0: this.top - pitch * to };
    this.text.images.push(box);
    return box;
  }
}

function item(what: string, kind: ItemKind, sheet: Sheet, runs: TextRun[], figure?: FoundItem['figure']): FoundItem {
  const f: FoundItem = { what: whatOf(what), kind, page: sheet.physical - 1, runs: runs.map((run) => ({ page: sheet.physical - 1, run })) };
  if (figure) f.figure = figure;
  return f;
}

const STANDARD = PRESETS.standard;

/** A cover and a first body page as the default layout prints them: title, two paragraphs, a photo with its caption. */
function goodIssue(g: PageGeometry = STANDARD) {
  const cover = new Sheet(g, 0, undefined);
  cover.line('国家生态工业示范园区', 1, { size: g.sizes.seriesLine, from: 4, to: 24 });
  cover.line('工作动态', 3, { size: g.sizes.masthead, from: 6, to: 22 });
  cover.line('【工作动态】··················', 9, { from: 0, to: 26 });
  const page = new Sheet(g, 1, 1);
  page.number();
  const title = page.line('2018年国家生态工业示范园区建设经验交流会', 1, { size: g.sizes.title, from: 1, to: g.grid.chars - 1 });
  const p1 = [page.line('为学习贯彻党的十九大精', 3, { from: 2, to: 13 }), ...[4, 5, 6, 7].map((l) => page.line('神，落实第八次全国生态环境', l, { to: 13 }))];
  page.image(3, 7, 14, 28);
  const caption = page.line('会议现场', 7, { size: g.sizes.caption, from: 18, to: 24 });
  const p2 = [page.line('杜会杰调研员提出，要充分认识开展国家生态工业示范园区', 9, { from: 2 }), page.line('建设的重要意义。', 10, { to: 8 })];
  const found = [
    item('the title of 「T」', 'title', page, [title]),
    item('paragraph 1 of 「T」', 'paragraph', page, p1),
    item('paragraph 2 of 「T」', 'paragraph', page, p2),
    item('the caption of figure 1 of 「T」', 'caption', page, [caption], { article: 'a', index: 0, svg: false }),
  ];
  return { cover, page, found, pages: () => [cover.text, page.text] };
}

const messages = (g: PageGeometry, pages: PageText[], found: FoundItem[]) => checkGeometry(g, pages, 1, found).map((p) => p.message);

describe('checkGeometry: the page the preset describes passes', () => {
  it.each(Object.keys(PRESETS))('%s: masthead, contents, title, body beside a photo, caption, page number', (preset) => {
    const g = PRESETS[preset as keyof typeof PRESETS];
    const { pages, found } = goodIssue(g);
    expect(messages(g, pages(), found)).toEqual([]);
  });

  it('a left-hand page (body page 1 on the back of a one-page cover) binds on the right: its type area starts at the outer margin', () => {
    const page = new Sheet(STANDARD, 1, 1);
    page.number();
    const lines = [0, 1, 2].map((l) => page.line('正文', l));
    expect(checkGeometry(STANDARD, [new Sheet(STANDARD, 0, undefined).text, page.text], 1, [item('paragraph 1 of 「T」', 'paragraph', page, lines)])).toEqual([]);
    // The same lines set with a right-hand page's margins run past its right edge.
    const right = new Sheet(STANDARD, 2, 1);
    right.line('正文', 0);
    page.text.runs.push({ ...right.text.runs[0]!, text: '错位的一行' });
    expect(checkGeometry(STANDARD, [new Sheet(STANDARD, 0, undefined).text, page.text], 1, []).map((p) => p.message))
      .toEqual([expect.stringMatching(/^page 1: 「错位的一行」 runs 2\.0 mm past the right edge of the type area;/)]);
  });

  it('single-sided (layout.duplex: false), every page is a right-hand page', () => {
    const page = new Sheet(STANDARD, 0, 1);
    const lines = [0, 1].map((l) => page.line('正文', l));
    const pages = [new Sheet(STANDARD, 0, undefined).text, page.text];
    expect(checkGeometry(STANDARD, pages, 1, [item('paragraph 1 of 「T」', 'paragraph', page, lines)], new Map(), false)).toEqual([]);
    expect(checkGeometry(STANDARD, pages, 1, [item('paragraph 1 of 「T」', 'paragraph', page, lines)], new Map(), true).length).toBe(1);
  });
});

describe('checkGeometry: what a stylesheet can do to the page', () => {
  it('the whole page shrunk (Chrome fits something too wide): sizes and pitch smaller by one factor', () => {
    const page = new Sheet(STANDARD, 1, 1);
    page.number();
    const pitch = ptFromMm(linePitchMm(STANDARD)) * 0.7125;
    const runs = [0, 1, 2, 3].map((l) => page.line('缩小的正文', l, { size: 11.4, pitch, to: 20 }));
    expect(messages(STANDARD, [new Sheet(STANDARD, 0, undefined).text, page.text], [item('paragraph 1 of 「T」', 'paragraph', page, runs)]))
      .toEqual([expect.stringMatching(/^page 1: the body text is set at 11\.4 pt; the preset's body text is 16 pt — the whole page is shrunk to 71 %, which Chrome does when something on the page is wider than the type area \(156 mm\)/)]);
  });

  it('the body set at 12 pt on the grid; one paragraph at 12 pt; 16.2 pt is within the tolerance', () => {
    const page = new Sheet(STANDARD, 1, 1);
    const small = [0, 1].map((l) => page.line('小字', l, { size: 12 }));
    const normal = [2, 3].map((l) => page.line('正文', l));
    const slightly = [4].map((l) => page.line('正文', l, { size: 16.2 }));
    const cover = new Sheet(STANDARD, 0, undefined).text;
    expect(messages(STANDARD, [cover, page.text], [item('paragraph 1 of 「T」', 'paragraph', page, small)])).toEqual(["page 1: the body text is set at 12 pt; the preset's body text is 16 pt"]);
    expect(messages(STANDARD, [cover, page.text], [item('paragraph 1 of 「T」', 'paragraph', page, small), item('paragraph 2 of 「T」', 'paragraph', page, [...normal, ...slightly])]))
      .toEqual(["page 1: paragraph 1 of 「T」 is set at 12 pt; the preset's body text is 16 pt (2 of the page's 5 lines of body text)"]);
  });

  it('the same problem on several pages is said once', () => {
    const sheets = [1, 2, 3].map((n) => new Sheet(STANDARD, n, n));
    const found = sheets.map((s, i) => item(`paragraph ${i + 1} of 「T」`, 'paragraph', s, [0, 1].map((l) => s.line('小字', l, { size: 12 }))));
    const problems = checkGeometry(STANDARD, [new Sheet(STANDARD, 0, undefined).text, ...sheets.map((s) => s.text)], 1, found);
    expect(problems.map(({ pages, message }) => ({ pages, message }))).toEqual([{ pages: [2, 3, 4], message: "pages 1–3: the body text is set at 12 pt; the preset's body text is 16 pt" }]);
  });

  it('lines off the grid: a line height of 1.5 lines, or half a line between paragraphs', () => {
    const page = new Sheet(STANDARD, 1, 1);
    const runs = [page.line('正文', 0), page.line('正文', 1), page.line('正文', 2, { dy: 14 })];
    expect(messages(STANDARD, [new Sheet(STANDARD, 0, undefined).text, page.text], [item('paragraph 1 of 「T」', 'paragraph', page, runs.slice(0, 2)), item('paragraph 2 of 「T」', 'paragraph', page, runs.slice(2))]))
      .toEqual(['page 1: the lines of paragraph 1 of 「T」 and paragraph 2 of 「T」 are 15.2 mm apart, not a whole number of lines of the grid (10.23 mm, 22 lines to the page): a stylesheet changed the line height or the space between paragraphs']);
    // Lines a pixel off their place (Chrome puts each on whole pixels), or a blank line apart, are on the grid.
    const ok = new Sheet(STANDARD, 1, 1);
    const fine = [ok.line('正文', 0), ok.line('正文', 1, { dy: 0.35 }), ok.line('正文', 3, { dy: -0.35 })];
    expect(messages(STANDARD, [new Sheet(STANDARD, 0, undefined).text, ok.text], [item('paragraph 1 of 「T」', 'paragraph', ok, fine)])).toEqual([]);
  });

  it('a fitted article (issue 16) is on its own grid, exactly its fitted pitch; the others keep the preset\'s', () => {
    const page = new Sheet(STANDARD, 1, 1);
    const fitted = 27.5;
    const grid = [0, 1, 2].map((l) => page.line('正文', l));
    // The fitted article starts two grid lines lower and runs at 27.5 pt.
    const tight = [0, 1, 2, 3].map((l) => page.line('紧排', 0, { pitch: fitted, dy: ptFromMm(linePitchMm(STANDARD)) * 4 - fitted * l }));
    for (const [i, run] of tight.entries()) run.baseline = grid[2]!.baseline - ptFromMm(linePitchMm(STANDARD)) * 2 - fitted * i;
    const found = () => [
      { ...item('paragraph 1 of 「A」', 'paragraph', page, grid), article: 'a' },
      { ...item('paragraph 1 of 「B」', 'paragraph', page, tight), article: 'b' },
    ];
    const cover = new Sheet(STANDARD, 0, undefined).text;
    expect(checkGeometry(STANDARD, [cover, page.text], 1, found(), new Map([['b', fitted]])).map((p) => p.message)).toEqual([]);
    // Unfitted, the same lines are off the grid; fitted at another pitch, too; and fitting B accepts nothing of A.
    expect(checkGeometry(STANDARD, [cover, page.text], 1, found()).map((p) => p.message)).toEqual([expect.stringMatching(/^page 1: the lines of paragraph 1 of 「B」 are 9\.7 mm apart, not a whole number of lines of the grid/)]);
    expect(checkGeometry(STANDARD, [cover, page.text], 1, found(), new Map([['b', 28.6]])).map((p) => p.message)).toEqual([expect.stringMatching(/^page 1: the lines of paragraph 1 of 「B」 are 9\.7 mm apart, not a whole number of lines of the grid \(10\.23 mm, 22 lines to the page\) \(fitted: 10\.09 mm\)/)]);
    const a = [0, 1, 2].map((l) => page.line('正文', 10, { pitch: fitted, dy: fitted * l }));
    expect(checkGeometry(STANDARD, [cover, page.text], 1, [{ ...item('paragraph 2 of 「A」', 'paragraph', page, a), article: 'a' }], new Map([['b', fitted]])).map((p) => p.message)).toEqual([expect.stringMatching(/^page 1: the lines of paragraph 2 of 「A」 are 9\.7 mm apart/)]);
  });

  it('text past the right edge (cut off there), and text below the type area outside the page number\'s band', () => {
    const { pages, page, found } = goodIssue();
    const wide = page.line('过宽的一行文字', 12, { to: 30 });
    wide.cut = true;
    page.line('页脚之下', 0, { dy: ptFromMm(225 + 20), to: 4 });
    expect(messages(STANDARD, pages(), found)).toEqual([
      'page 1: 「过宽的一行文字」 runs 11.1 mm past the right edge of the type area and is cut off there; text must stay inside the type area (156 × 225 mm) or the page number under it (and 1 more line on this page)',
    ]);
    page.text.runs.splice(page.text.runs.indexOf(wide), 1);
    expect(messages(STANDARD, pages(), found)).toEqual([expect.stringMatching(/^page 1: 「页脚之下」 reaches below the type area \(2\d\d\.\d–2\d\d\.\d mm from the top\)/)]);
  });

  it('on the cover, a masthead above the type area is allowed; text in the left margin is not', () => {
    const { cover, pages, found } = goodIssue();
    cover.line('报头', -2, { size: 60, from: 6, to: 22 });
    expect(messages(STANDARD, pages(), found)).toEqual([]);
    cover.line('页边', 5, { from: -3, to: 1 });
    expect(messages(STANDARD, pages(), found)).toEqual([expect.stringMatching(/^the cover: 「页边」 starts 16\.7 mm left of the type area; .* or the masthead zone above it$/)]);
  });

  it('art behind the masthead on the cover is allowed', () => {
    const { cover, pages, found } = goodIssue();
    cover.image(0, 5, 0, 28);
    expect(messages(STANDARD, pages(), found)).toEqual([]);
  });

  it('a picture over text, two pictures over each other', () => {
    const { pages, page, found } = goodIssue();
    page.image(8, 12, 0, 10);
    expect(messages(STANDARD, pages(), found)).toEqual([expect.stringMatching(/^page 1: the picture 118\.8–159\.7 mm from the top lies over paragraph 2 of 「T」: 「杜会杰调研员提出，要充分认识开展…」 and 1 more line; a figure must sit beside or between the lines of text, never on them$/)]);
    const two = goodIssue();
    two.page.image(4, 6, 20, 28);
    expect(messages(STANDARD, two.pages(), two.found)).toEqual([expect.stringMatching(/^page 1: two pictures overlap \(67\.7–108\.6 mm from the top and 77\.9–98\.4 mm from the top\)$/)]);
  });

  it('a picture no taller than a line, set in a line of text (a template\'s mark or icon), is not a picture over text', () => {
    const { pages, page, found } = goodIssue();
    page.image(8.2, 8.9, 2, 3);
    expect(messages(STANDARD, pages(), found)).toEqual([]);
    const { pages: pages2, page: page2, found: found2 } = goodIssue();
    page2.image(8, 10, 2, 3); // two lines tall: a picture over the text
    expect(messages(STANDARD, pages2(), found2)).toEqual([expect.stringMatching(/lies over/)]);
  });

  it('a caption on another page than its photo; an SVG figure\'s caption is not looked for', () => {
    const { cover, page } = goodIssue();
    const next = new Sheet(STANDARD, 2, 2);
    next.number();
    const caption = next.line('会议现场', 0, { size: 14, from: 18, to: 24 });
    const found = [item('the caption of figure 1 of 「T」', 'caption', next, [caption], { article: 'a', index: 0, svg: false })];
    page.text.runs.splice(page.text.runs.findIndex((r) => r.text === '会议现场'), 1);
    expect(checkGeometry(STANDARD, [cover.text, page.text, next.text], 1, found).map((p) => p.message))
      .toEqual(['page 2: the caption of figure 1 of 「T」 (「会议现场」) is not under its picture (the nearest picture is on page 1); a caption prints right below its photo, on the same page']);
    found[0]!.figure!.svg = true;
    expect(checkGeometry(STANDARD, [cover.text, page.text, next.text], 1, found)).toEqual([]);
  });
});

describe('pagesName', () => {
  it('names pages as the editor counts them', () => {
    expect(render(pagesName([0], 1), 'en')).toBe('the cover');
    expect(render(pagesName([1], 1), 'en')).toBe('page 1');
    expect(render(pagesName([1, 2, 3, 5], 1), 'en')).toBe('pages 1–3 and 5');
    expect(render(pagesName([2, 3, 6, 8], 2), 'en')).toBe('pages 1, 2, 5 and 7');
    expect(render(pagesName([0, 1, 2], 2), 'en')).toBe('the cover (pages 1, 2) and page 1');
  });
});

describe('checkGeometry: an article begun on the cover (singleArticle.cover: article)', () => {
  /** Page 1 of the PDF is body page 1: a masthead reaching into the top margin over its art, then the title and text on their grid, the number. */
  function coverStart() {
    const g = STANDARD;
    const page = new Sheet(g, 0, 1);
    page.number();
    const name = page.line('生态环境工作动态', -1, { size: g.sizes.masthead, from: 2, to: 26 });
    page.image(-1, 2, 0, 28); // the masthead's art, behind its name
    const title = page.line('坚定不移走生态优先绿色发展之路', 6, { size: g.sizes.title, from: 2, to: 26 });
    const p1 = [page.line('同志们：', 8, { from: 2, to: 6 }), page.line('今天，我们召开全区生态环境保护大会', 9, { from: 2 }), page.line('任务。', 10, { to: 3 })];
    // Found on body page 0: the PDF's first page (no cover pages before it).
    const onFirst = (f: FoundItem): FoundItem => ({ ...f, page: 0, runs: f.runs.map((r) => ({ ...r, page: 0 })) });
    const found = [item('the title of 「T」', 'title', page, [title]), item('paragraph 1 of 「T」', 'paragraph', page, p1)].map(onFirst);
    void name;
    return { page, found };
  }

  it('passes: the masthead may reach above the type area and its art is not a picture over text, the number is under it', () => {
    const { page, found } = coverStart();
    expect(checkGeometry(STANDARD, [page.text], 0, found, new Map(), true, true)).toEqual([]);
  });

  it('without the variant the same page is a body page with text above its type area and a picture over text', () => {
    const { page, found } = coverStart();
    const said = checkGeometry(STANDARD, [page.text], 0, found, new Map(), true, false).map((p) => p.message);
    expect(said).toEqual([expect.stringMatching(/「生态环境工作动态」 .*above/), expect.stringMatching(/picture/)]);
  });

  it('still finds a picture over the article’s own text on that page', () => {
    const { page, found } = coverStart();
    page.image(8, 11, 0, 10);
    expect(checkGeometry(STANDARD, [page.text], 0, found, new Map(), true, true).map((p) => p.message)).toEqual([expect.stringMatching(/picture/)]);
  });
});
