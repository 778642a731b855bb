import { describe, expect, it } from 'vitest';
import { fixed, found } from './textHelpers.js';
import { render } from '../../src/i18n/message.js';

const CODE = 'text-date-zero';

describe('text-date-zero', () => {
  it('replaces every wrong zero of a year in Chinese numerals by 〇', () => {
    for (const zero of ['零', '○', '◯', 'O', 'Ｏ', '0']) {
      expect(fixed(`二${zero}一八年十二月二十八日`, CODE)).toBe('二〇一八年十二月二十八日');
    }
    expect(fixed('二OO一年', CODE)).toBe('二〇〇一年');
  });

  it('names the wrong zero', () => {
    expect(render(found('二○一八年', CODE)[0]!.message, 'en')).toContain('`○`');
  });

  it('leaves right years, Arabic years and other numbers alone', () => {
    expect(found('二〇一八年，2018年，2O18年，零下十度，一年', CODE)).toEqual([]);
  });
});
