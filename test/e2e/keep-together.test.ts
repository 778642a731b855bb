// Keeping things together (issue 16), end to end: the series test/fixtures/keep is built once (one
// browser, two issues) and read back with poppler as an editor checks the page breaks: a title at
// the foot of a page, source lines (供稿) and a 版记 that would start a page alone, a photo's caption,
// contents of 6 and of 30 entries (the second over two cover pages, 本期目录（续）), and source lines
// after a table (2021-03).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/pipeline.js';
import { REPO } from '../helpers.js';
import { bodyLines, buildEnv, CHROMIUM, compact, footerLines, HAS_CHROMIUM, e2eTitle, readPages, SKIP_REASON, type Page } from './poppler.js';

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

const SERIES = path.join(REPO, 'test', 'fixtures', 'keep');

let out: string;
let result: BuildResult;
const pages = (slug: string): Page[] => readPages(path.join(out, `${slug}.pdf`));
const lines = (page: Page): string[] => bodyLines(page).map((l) => compact(l.text)).filter((t) => t.length > 0);

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('keeping things together (test/fixtures/keep)'), () => {
  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'bulletin-e2e-keep-'));
    result = await build([SERIES], { cwd: REPO, outDir: out, browser: CHROMIUM, env: buildEnv() });
  }, 240_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('builds the three issues, their self-checks passing, with nothing to say', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.written.filter((f) => f.endsWith('.pdf')).map((f) => path.basename(f)).sort()).toEqual(['2021-01.pdf', '2021-02.pdf', '2021-03.pdf']);
  });

  it('a source line after a table that ends at the foot of a page takes the table\'s last two rows with it, under 续表1', () => {
    const p = pages('2021-03');
    expect(lines(p[1]!).at(-1)).toMatch(/^示例园区4/);
    expect(lines(p[2]!).slice(0, 5)).toEqual(['续表1', '园区企业（家）产值（亿元）', '示例园区514128.5', '示例园区615135.5', '（示例园区统计处供稿）']);
  });

  it('a short table that would leave its source line alone moves to the next page whole, caption first', () => {
    const p = pages('2021-03');
    expect(p[2]!.compact).not.toContain('示例园区7');
    expect(lines(p[3]!)).toEqual(['表2', '园区企业（家）产值（亿元）', '示例园区710100.5', '示例园区811107.5', '示例园区912114.5', '（示例县统计局供稿）']);
  });

  it('a title that would fall on the last line of page 1 opens page 2 with its text', () => {
    const p = pages('2021-01');
    const one = lines(p[1]!);
    expect(one.at(-1)).toBe('（示例园区管理委员会供稿）');
    expect(one.join('')).not.toContain('标题落在页末的文章');
    const two = lines(p[2]!);
    expect(two[0]).toBe('标题落在页末的文章');
    expect(two[1]).toMatch(/^态工业/);
  });

  it('a source line that would start page 3 alone takes the last two lines of its article with it', () => {
    const three = lines(pages('2021-01')[3]!);
    expect(three[2]).toBe('（示例市生态环境局供稿）');
    expect(three[0]!.length).toBeGreaterThan(20);
    expect(three[1]).toMatch(/。$/);
  });

  it('the caption is under its photo, on the photo\'s page', () => {
    const p = pages('2021-01');
    const at = p.findIndex((page) => page.compact.includes('图片说明文字'));
    expect(at).toBeGreaterThan(0);
    const caption = bodyLines(p[at]!).find((l) => compact(l.text).includes('图片说明文字'))!;
    // Text lies above the caption on its page (the photo beside it): the caption does not start the page.
    expect(bodyLines(p[at]!).some((l) => l.y1 < caption.y0 - 10)).toBe(true);
  });

  it('the 版记 after text ending at the foot of a page takes the last two lines and the source line with it', () => {
    const p = pages('2021-01');
    const last = lines(p.at(-1)!);
    expect(last.slice(0, 3).map((l, i) => (i < 2 ? l.length > 10 : l))).toEqual([true, true, '（示例县供稿）']);
    expect(last.join('')).toContain('报：示例市人民政府。');
    expect(last.at(-1)).toBe('（共印30份）');
  });

  it('six contents entries fit the cover: one page, no continuation', () => {
    const p = pages('2021-01');
    expect(p[0]!.compact).toContain('最后一篇文章');
    expect(p[1]!.compact).not.toContain('本期目录');
    expect(footerLines(p[1]!).map((l) => compact(l.text))).toEqual(['—1—']);
  });

  it('thirty entries: the contents run onto a second cover page under 本期目录（续）, no entry split, the numbers right', () => {
    const p = pages('2021-02');
    const cover = [p[0]!, p[1]!];
    expect(compact(bodyLines(p[1]!)[0]!.text)).toBe('本期目录（续）');
    expect(p[0]!.compact).not.toContain('（续）');
    // Every entry whole on one page, each once.
    const titles = [...Array.from({ length: 27 }, (_, i) => (i + 1 === 12 ? '关于进一步加强生态工业示范园区（第12项）建设管理和绩效评估工作的通知' : `示范园区第${i + 1}项工作进展`)), '【工作动态】', '【经验交流】', '【园区风采】'];
    for (const t of titles) expect(cover.filter((c) => c.compact.includes(t)), t).toHaveLength(1);
    // The body starts on the page after the contents, numbered 1; each entry's number is the page its article starts on.
    expect(footerLines(p[2]!).map((l) => compact(l.text))).toEqual(['—1—']);
    const body = p.slice(2);
    for (const k of [1, 12, 27]) {
      const title = titles[k - 1]!;
      const line = cover.flatMap((c) => bodyLines(c)).map((l) => compact(l.text)).find((l) => l.includes(title.slice(-8)))!;
      const number = Number(/—(\d+)—$/.exec(line)![1]);
      const start = body.findIndex((b) => b.compact.includes(title.slice(0, 8).replace('关于进一步加强生态工业示范园区（第12项）', '关于进一步加强生态工业')));
      expect(number, title).toBe(start + 1);
    }
  });
});
