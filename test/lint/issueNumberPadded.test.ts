import { describe, expect, it } from 'vitest';
import { fixed, found } from './textHelpers.js';

const CODE = 'text-issue-number-padded';

describe('text-issue-number-padded', () => {
  it('removes the zeros that pad issue and document numbers', () => {
    expect(fixed('2018年第02期（总第011期）', CODE)).toBe('2018年第2期（总第11期）');
    expect(fixed('环办〔2018〕05号', CODE)).toBe('环办〔2018〕5号');
  });

  it('leaves numbers without padding and other zeros alone', () => {
    expect(found('2018年第2期（总第11期），第10期，第100号，电话010-123，第0期', CODE)).toEqual([]);
  });
});
