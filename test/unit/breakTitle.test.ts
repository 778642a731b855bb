// The line breaker of article titles (and the contents' filler): the lines an editor would see.
import { describe, expect, it } from 'vitest';
import { breakTitle, titleLineCount } from '../../src/layout/breakTitle.js';
import { fillLines } from '../../src/layout/fillLines.js';
import { textEm } from '../../src/layout/textEm.js';
import { titleMeasureEm } from '../../src/layout/titleMeasureEm.js';
import { PRESETS } from '../../src/layout/presets.js';

/** The standard preset: 156 mm at 22 pt, a little over 20 characters. */
const MEASURE = titleMeasureEm(PRESETS.standard);
const lines = (title: string | string[], measure = MEASURE, max = 3) => breakTitle(Array.isArray(title) ? title : [title], measure, max);
const CLOSING = [...'，。、；：？！」』）》〉】…—%'];
const OPENING = [...'「『（《〈【'];

describe('breakTitle', () => {
  it('measures the standard preset at a little over 20 characters of 22 pt', () => {
    expect(MEASURE).toBeGreaterThan(20);
    expect(MEASURE).toBeLessThan(20.2);
    expect(titleMeasureEm(PRESETS['a5-booklet'])).toBeCloseTo(114 / 25.4 * 72 / 16, 5);
  });

  it('keeps a title that fits on one line as it is', () => {
    expect(lines('园区召开春季工作会议')).toEqual({ lines: ['园区召开春季工作会议'], tooMany: false, overfull: false });
  });

  it('balances the lines: 40 characters in a measure of 28 give 20 + 20, not 28 + 12', () => {
    // One-character words, so only the balance decides.
    expect(lines('国'.repeat(40), 28).lines.map((l) => [...l].length)).toEqual([20, 20]);
    expect(lines('国'.repeat(46), MEASURE).lines.map((l) => [...l].length)).toEqual([16, 15, 15]);
  });

  it('gives the fewest lines, each within the measure, as equal as the text allows', () => {
    const title = '关于进一步加强2018年度国家生态工业示范园区建设与管理工作的通知要求落实情况的汇报（摘要）';
    const r = lines(title);
    expect(r.lines).toHaveLength(3);
    expect(r.lines.join('')).toBe(title);
    const widths = r.lines.map(textEm);
    for (const w of widths) expect(w).toBeLessThanOrEqual(MEASURE);
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThan(3.5);
  });

  it('puts the longer line first on a tie', () => {
    const r = lines('国'.repeat(21), 20);
    expect(r.lines.map((l) => [...l].length)).toEqual([11, 10]);
  });

  it('never starts a line with a closing mark nor ends one with an opening mark', () => {
    // Every place the balanced break would fall on is next to a mark.
    const titles = [
      '一二三四五六七八九十，一二三四五六七八九十', '一二三四五六七八九十。」一二三四五六七八九',
      '一二三四五六七八九十（一二三四五六七八九）', '一二三四五六七八九《一二三四五六七八九十》',
      '一二三四五六七八九十——一二三四五六七八九', '一二三四五六七八九十……一二三四五六七八九',
    ];
    for (const title of titles) {
      const r = lines(title, 12);
      expect(r.lines.join('')).toBe(title);
      for (const line of r.lines.slice(1)) expect(CLOSING, `${r.lines.join(' / ')}`).not.toContain([...line][0]);
      for (const line of r.lines.slice(0, -1)) expect(OPENING, `${r.lines.join(' / ')}`).not.toContain([...line].at(-1));
    }
  });

  it('keeps a dash and an ellipsis whole', () => {
    for (const mark of ['——', '……']) {
      const title = `一二三四五六七八九${mark}一二三四五六七八九`;
      const r = lines(title, 11);
      expect(r.lines.some((l) => l.includes(mark)), r.lines.join(' / ')).toBe(true);
    }
  });

  it('never breaks inside a number with its unit, or inside a Latin word', () => {
    const cases: [string, string[]][] = [
      ['一二三四五六七八2018年一二三四五六七八九十', ['2018年']],
      ['一二三四五六七八九占比3.5%一二三四五六七八九', ['3.5%']],
      ['一二三四五六七八九第12期一二三四五六七八九', ['第12期']],
      ['一二三四五六七八九第四季度一二三四五六七八九', ['第四季']],
      ['一二三四五六七八第十二次一二三四五六七八九', ['第十二次']],
      ['一二三四五六七八九十二〇一九年一二三四五六七八', ['二〇一九年']],
      ['一二三四五六七八PM2.5浓度一二三四五六七八九', ['PM2.5浓']],
      ['一二三四五六七八九COVID-19一二三四五六七八九', ['COVID-19']],
      ['一二三四五六七八Hello World一二三四五六七八', ['Hello', 'World']],
    ];
    for (const [title, whole] of cases) {
      // A measure that would cut the run in the middle if it could.
      for (const measure of [10, 11, 12, 13]) {
        const r = lines(title, measure, 9);
        for (const w of whole) expect(r.lines.some((l) => l.includes(w)), `${w} in ${r.lines.join(' / ')}`).toBe(true);
        for (const l of r.lines) expect(textEm(l)).toBeLessThanOrEqual(measure);
      }
    }
  });

  it('breaks between words rather than inside one, and after a comma when one is near', () => {
    expect(lines('2018年国家生态工业示范园区建设经验交流会在昆明召开', 16).lines).toEqual(['2018年国家生态工业示范园区', '建设经验交流会在昆明召开']);
    expect(lines('我市空气质量持续改善，优良天数比例达到历史最好水平', 20).lines).toEqual(['我市空气质量持续改善，', '优良天数比例达到历史最好水平']);
  });

  it('keeps an ordinal with its measure word in a real title (第四季度, not 第四 / 季度)', () => {
    const r = lines('区生态环境局召开2026年第四季度重点流域水环境质量提升暨入河排污口排查整治工作推进会');
    expect(r.lines.some((l) => l.includes('第四季度')), r.lines.join(' / ')).toBe(true);
    expect(r.lines.some((l) => l.endsWith('暨')), `after 暨, which joins the two meetings: ${r.lines.join(' / ')}`).toBe(true);
  });

  it('breaks where the source breaks, and further only a line that is too wide', () => {
    expect(lines(['2018年国家生态工业示范园区', '建设经验交流会在昆明召开']).lines).toEqual(['2018年国家生态工业示范园区', '建设经验交流会在昆明召开']);
    const r = lines(['2018年国家生态工业示范园区建设经验交流会', '在昆明召开']);
    expect(r.lines).toHaveLength(3);
    expect(r.lines.at(-1)).toBe('在昆明召开');
    expect(r.lines.slice(0, 2).join('')).toBe('2018年国家生态工业示范园区建设经验交流会');
  });

  it('allows three lines, and says when a title takes more', () => {
    const sixty = '北京经济技术开发区深入贯彻落实党的十九大精神，全面推进生态文明建设和环境保护工作取得新进展、新成效的经验交流材料（上册）';
    expect([...sixty]).toHaveLength(60);
    expect(lines(sixty)).toMatchObject({ tooMany: false });
    expect(lines(sixty).lines).toHaveLength(3);
    const longer = lines(`${sixty}及工作安排`);
    expect(longer.tooMany).toBe(true);
    expect(longer.lines).toHaveLength(4);
    expect(lines(['一', '二', '三', '四'])).toMatchObject({ tooMany: true });
    expect(lines(['一', '二', '三', '四'], MEASURE, 4)).toMatchObject({ tooMany: false });
  });

  it('breaks a word longer than the measure where the line is full, and never returns a line wider than it', () => {
    const r = lines('https://www.example.gov.cn/zwgk/tzgg/2018/notice-of-the-office.html', 12);
    expect(r.lines.length).toBeGreaterThan(1);
    for (const l of r.lines) expect(textEm(l)).toBeLessThanOrEqual(12);
    expect(r.overfull).toBe(false);
  });
});

describe('titleLineCount (validate counts lines without the word segmenter)', () => {
  it('counts the lines breakTitle prints, for titles of every kind', () => {
    const titles: string[][] = [
      ['2018年国家生态工业示范园区建设经验交流会', '在昆明召开'],
      ['上海市工业综合开发区等4家园区', '通过国家生态工业示范园区验收'],
      ['关于进一步加强2018年度国家生态工业示范园区建设与管理工作的通知要求落实情况的汇报（摘要）'],
      ['国'.repeat(61)], ['国'.repeat(80)], ['PM2.5浓度同比下降12.3%，COVID-19防控常态化下的园区复工复产情况调研报告与下一步工作建议'],
      ['Supercalifragilisticexpialidocious-and-more-words-without-any-break-at-all-in-them-whatsoever'],
      ['二〇一九年第一季度园区建设情况通报', '——兼谈“十四五”规划前期研究工作的安排与部署（第1期）'],
    ];
    // Random titles from characters with every kind of break rule: Han, digits, Latin, brackets, pauses, spaces.
    const pool = [...'国家园区建设工作会议在召开通过验收的了等第年〇一二三0123456789ABCxyz.,-（）《》「」，。、；： '];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 300; k++) titles.push([Array.from({ length: 10 + Math.floor(random() * 70) }, () => pool[Math.floor(random() * pool.length)]).join('')]);
    for (const measure of [MEASURE, titleMeasureEm(PRESETS['a5-booklet']), 12]) {
      for (const title of titles) expect(titleLineCount(title, measure), title.join('/')).toBe(breakTitle(title, measure, 3).lines.length);
    }
  });
});

describe('fillLines (contents entries)', () => {
  it('fills each line, the lines after the first narrower, and keeps words and marks whole', () => {
    const text = '关于进一步加强2018年度国家生态工业示范园区建设与管理工作的通知要求落实情况的汇报（摘要）';
    const out = fillLines(text, 22.5, 21.5);
    expect(out.join('')).toBe(text);
    expect(out).toEqual(['关于进一步加强2018年度国家生态工业示范园区', '建设与管理工作的通知要求落实情况的汇报', '（摘要）']);
    expect(textEm(out[0]!)).toBeLessThanOrEqual(22.5);
    for (const l of out.slice(1)) expect(textEm(l)).toBeLessThanOrEqual(21.5);
  });

  it('gives a short text one line', () => {
    expect(fillLines('园区召开工作会议', 22.5, 21.5)).toEqual(['园区召开工作会议']);
  });
});
