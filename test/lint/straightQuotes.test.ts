import { describe, expect, it } from 'vitest';
import { fixed, found } from './textHelpers.js';
import { render } from '../../src/i18n/message.js';

const CODE = 'text-straight-quotes';

describe('text-straight-quotes', () => {
  it('turns straight double quotes in Chinese text into “ ”', () => {
    expect(fixed('会议强调"绿色发展"理念。', CODE)).toBe('会议强调“绿色发展”理念。');
    expect(fixed('他说了一句"Hello"。', CODE)).toBe('他说了一句“Hello”。');
  });

  it('nests: ‘ ’ inside “ ”, whichever straight quote was typed', () => {
    expect(fixed('他说："我们要\'实事求是\'。"', CODE)).toBe('他说：“我们要‘实事求是’。”');
    expect(fixed('他说：“要坚持\'实事求是\'。”', CODE)).toBe('他说：“要坚持‘实事求是’。”');
    expect(fixed('他说：“要坚持"实事求是"。”', CODE)).toBe('他说：“要坚持‘实事求是’。”');
    expect(fixed('简称\'领导小组\'。', CODE)).toBe('简称“领导小组”。');
  });

  it('closes a curly quote with the straight one that has no other partner', () => {
    expect(fixed('（简称“领导小组办公室")委托', CODE)).toBe('（简称“领导小组办公室”)委托');
  });

  it('pairs within a paragraph only, and reports a straight quote left alone without fixing it', () => {
    const text = '会议强调"绿色发展。\n\n另一段"理念"。';
    expect(fixed(text, CODE)).toBe('会议强调"绿色发展。\n\n另一段“理念”。');
    const lone = found(text, CODE).find((f) => f.start === 4)!;
    expect(lone.fix).toBeUndefined();
    expect(render(lone.message, 'en')).toContain('without its partner');
  });

  it('leaves English quotations, apostrophes and primes alone', () => {
    expect(found('He said "yes" and left. It\'s Xi\'an, don\'t worry.', CODE)).toEqual([]);
    expect(found('西安（Xi\'an）的高度为5\'。', CODE)).toEqual([]);
  });

  it('leaves inline code, URLs and curly quotes that are already right alone', () => {
    expect(found('代码`a = "x"`与网址https://example.org/?q=a&b=c，以及“正确”与‘正确’。', CODE)).toEqual([]);
  });
});
