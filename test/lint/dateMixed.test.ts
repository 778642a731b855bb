import { describe, expect, it } from 'vitest';
import { found, marked } from './textHelpers.js';

const CODE = 'text-date-mixed';

describe('text-date-mixed', () => {
  it('reports a date that mixes Chinese and Arabic numerals, without a fix', () => {
    expect(marked('二〇一八年12月28日', CODE)).toEqual(['二〇一八年12月28日']);
    expect(marked('2018年十二月', CODE)).toEqual(['2018年十二月']);
    expect(marked('于十二月28日召开', CODE)).toEqual(['十二月28日']);
    expect(found('二〇一八年12月', CODE)[0]!.fix).toBeUndefined();
  });

  it('accepts a date in one form', () => {
    expect(found('二〇一八年十二月二十八日，2018年12月28日，12月6日、7日，二〇二〇年十月一日，十二月', CODE)).toEqual([]);
  });

  it('leaves month counts and quarters alone', () => {
    expect(found('一年12个月，第三季度12月份', CODE)).toEqual([]);
  });
});
