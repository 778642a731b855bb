import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/lint/applyFixes.js';
import type { TextFix } from '../../src/lint/types.js';

const fix = (start: number, end: number, replacement: string): TextFix => ({ start, end, replacement, code: 'text-dash', line: 1, column: start + 1, original: '' });

describe('applyFixes', () => {
  it('applies fixes in any order, from the back, so earlier offsets stay valid', () => {
    expect(applyFixes('a--b...c', [fix(4, 7, '……'), fix(1, 3, '——')]).text).toBe('a——b……c');
    expect(applyFixes('会议,指出.', [fix(5, 6, '。'), fix(2, 3, '，')]).text).toBe('会议，指出。');
  });

  it('skips a fix that overlaps one already taken, and a fix outside the text', () => {
    const result = applyFixes('abcdef', [fix(1, 3, 'X'), fix(2, 4, 'Y'), fix(4, 5, 'Z'), fix(5, 9, 'W')]);
    expect(result.text).toBe('aXdZf');
    expect(result.skipped.map((f) => f.replacement)).toEqual(['Y', 'W']);
  });

  it('takes the same fix twice only once', () => {
    expect(applyFixes('a,b', [fix(1, 2, '，'), fix(1, 2, '，')]).text).toBe('a，b');
  });
});
