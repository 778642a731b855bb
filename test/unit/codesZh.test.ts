// The Chinese texts of the diagnostic codes keep what the editor types: every key, command and value
// the English sets in backticks is in the Chinese, character for character, and the Chinese adds none.
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/diagnostics/codes.js';
import { codesMessages } from '../../src/i18n/messages/codes.js';

const entries = codesMessages as Record<string, { en: string; zh: string }>;

/** The backtick spans of a text, in order of appearance sorted: `year: 2018`, `bulletin validate --fix` … */
function spans(text: string): string[] {
  return [...text.matchAll(/`([^`]*)`/g)].map((m) => m[1]!).sort();
}

describe('the Chinese texts of the diagnostic codes', () => {
  const ids = Object.keys(DIAGNOSTIC_CODES).flatMap((code) => [code, `${code}.hint`]);

  it('cover every code and its hint', () => {
    for (const id of ids) expect(entries[id]?.zh, id).toMatch(/\p{Script=Han}/u);
  });

  it('keep every backtick span of the English as it is, and add none', () => {
    for (const id of ids) {
      const { en, zh } = entries[id]!;
      expect(en.split('`').length % 2, `${id}: en has an unpaired backtick`).toBe(1);
      expect(zh.split('`').length % 2, `${id}: zh has an unpaired backtick`).toBe(1);
      expect(spans(zh), `${id}: the backtick spans of zh and en`).toEqual(spans(en));
    }
  });

  it('quote GB/T standards in full-width brackets, as the Chinese text around them', () => {
    for (const id of ids) {
      const { en, zh } = entries[id]!;
      for (const m of en.matchAll(/\(GB\/T (\d+)\)/g)) expect(zh, id).toContain(`（GB/T ${m[1]}）`);
      expect(zh, `${id}: a half-width bracket around a GB/T reference`).not.toMatch(/\(GB\/T/);
    }
  });
});
