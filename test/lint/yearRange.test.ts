import { describe, expect, it } from 'vitest';
import { fixed, found, marked } from './textHelpers.js';

const CODE = 'text-year-range';

describe('text-year-range', () => {
  it('joins ranges of years and dates with —', () => {
    expect(fixed('2018-2020年是关键时期', CODE)).toBe('2018—2020年是关键时期');
    expect(fixed('2018年-2020年', CODE)).toBe('2018年—2020年');
    expect(fixed('12月6-7日', CODE)).toBe('12月6—7日');
    expect(fixed('3 – 5月', CODE)).toBe('3—5月');
    expect(fixed('2018－2020年', CODE)).toBe('2018—2020年');
  });

  it('points at the hyphen', () => {
    expect(marked('3 - 5月', CODE)).toEqual(['-']);
  });

  it('leaves ISO dates, standard numbers, phone numbers and correct ranges alone', () => {
    expect(found('日期2018-12-28，依据GB/T 9704-2012年版和GB/T 15834-2011，电话010-12345678。', CODE)).toEqual([]);
    expect(found('2018—2020年，第1-3期，1-2人', CODE)).toEqual([]);
  });
});
