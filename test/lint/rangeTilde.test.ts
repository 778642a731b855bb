import { describe, expect, it } from 'vitest';
import { fixed, found, marked } from './textHelpers.js';

const CODE = 'text-range-tilde';

describe('text-range-tilde', () => {
  it('turns ~ 〜 ∼ between the numbers of a range in Chinese text into ～', () => {
    expect(fixed('参会人数为80~100人', CODE)).toBe('参会人数为80～100人');
    expect(fixed('温度为25 ~ 30℃', CODE)).toBe('温度为25～30℃');
    expect(fixed('占比为25%〜30%', CODE)).toBe('占比为25%～30%');
    expect(fixed('需要三∼五天', CODE)).toBe('需要三～五天');
  });

  it('points at the tilde', () => {
    expect(marked('温度为25 ~ 30℃', CODE)).toEqual(['~']);
  });

  it('leaves English text, approximations, Markdown strike-through and paths alone', () => {
    expect(found('It takes 25~30 minutes.', CODE)).toEqual([]);
    expect(found('约~30人，路径~/bulletin，~~删除~~', CODE)).toEqual([]);
    expect(found('参会人数为80～100人', CODE)).toEqual([]);
  });
});
