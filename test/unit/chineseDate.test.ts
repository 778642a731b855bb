import { describe, expect, it } from 'vitest';
import { countingNumber, formatDate, hanziYear, parsePlainDate, type PlainDate } from '../../src/model/chineseDate.js';

function date(iso: string): PlainDate {
  const d = parsePlainDate(iso);
  if (!d) throw new Error(`test date ${iso} did not parse`);
  return d;
}

describe('parsePlainDate', () => {
  it('parses an ISO calendar date into its parts', () => {
    expect(parsePlainDate('2018-12-28')).toEqual({ year: 2018, month: 12, day: 28, iso: '2018-12-28' });
    expect(parsePlainDate('2020-10-01')).toEqual({ year: 2020, month: 10, day: 1, iso: '2020-10-01' });
  });

  it('rejects dates that do not exist', () => {
    expect(parsePlainDate('2018-02-30')).toBeUndefined();
    expect(parsePlainDate('2019-02-29')).toBeUndefined();
    expect(parsePlainDate('2018-04-31')).toBeUndefined();
    expect(parsePlainDate('2018-13-01')).toBeUndefined();
    expect(parsePlainDate('2018-00-10')).toBeUndefined();
    expect(parsePlainDate('2018-01-00')).toBeUndefined();
  });

  it('accepts 29 February of a leap year', () => {
    expect(parsePlainDate('2020-02-29')?.day).toBe(29);
    expect(parsePlainDate('2000-02-29')?.day).toBe(29);
    expect(parsePlainDate('1900-02-29')).toBeUndefined();
  });

  it('rejects anything but YYYY-MM-DD', () => {
    for (const text of ['2018-1-5', '18-12-28', '2018/12/28', ' 2018-12-28', '2018-12-28 ', '2018-12-28T00:00:00', '2018-12-28Z', '', '二〇一八年十二月二十八日']) {
      expect(parsePlainDate(text), text).toBeUndefined();
    }
  });

  it('does not depend on the time zone of the machine', () => {
    // Date.UTC based: a date at the turn of the year stays in its year.
    expect(parsePlainDate('2018-12-31')).toMatchObject({ year: 2018, month: 12, day: 31 });
    expect(parsePlainDate('2019-01-01')).toMatchObject({ year: 2019, month: 1, day: 1 });
  });
});

describe('formatDate', () => {
  it.each([
    ['2018-12-28', '二〇一八年十二月二十八日', '2018年12月28日'],
    ['2020-10-01', '二〇二〇年十月一日', '2020年10月1日'],
    ['2019-01-15', '二〇一九年一月十五日', '2019年1月15日'],
    ['2018-06-20', '二〇一八年六月二十日', '2018年6月20日'],
    ['2018-11-30', '二〇一八年十一月三十日', '2018年11月30日'],
    ['2018-12-31', '二〇一八年十二月三十一日', '2018年12月31日'],
    ['2000-01-10', '二〇〇〇年一月十日', '2000年1月10日'],
    ['2026-02-09', '二〇二六年二月九日', '2026年2月9日'],
  ])('%s → %s / %s', (iso, hanzi, arabic) => {
    expect(formatDate(date(iso), 'hanzi')).toBe(hanzi);
    expect(formatDate(date(iso), 'arabic')).toBe(arabic);
  });

  it('writes zero in the year as 〇 (U+3007), not 零 or the letter O', () => {
    const line = formatDate(date('2018-12-28'), 'hanzi');
    expect(line.codePointAt(1)).toBe(0x3007);
    expect(line).not.toMatch(/[零OoＯ0]/);
  });
});

describe('countingNumber and hanziYear', () => {
  it('writes 1–99 in counting form', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 30, 31, 99].map(countingNumber)).toEqual(['一', '九', '十', '十一', '十九', '二十', '二十一', '三十', '三十一', '九十九']);
  });

  it('refuses numbers outside 1–99', () => {
    expect(() => countingNumber(0)).toThrow(RangeError);
    expect(() => countingNumber(100)).toThrow(RangeError);
    expect(() => countingNumber(1.5)).toThrow(RangeError);
  });

  it('writes the year digit by digit', () => {
    expect(hanziYear(2018)).toBe('二〇一八');
    expect(hanziYear(2020)).toBe('二〇二〇');
    expect(hanziYear(1999)).toBe('一九九九');
  });
});
