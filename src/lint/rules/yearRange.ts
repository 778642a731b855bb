// text-year-range: a hyphen in a range of years or dates (2018-2020年, 6-7日) → the one-em dash — (GB/T 15834 4.13).
import { msg } from '../../i18n/message.js';
import type { TextContext } from '../textContext.js';
import type { TextFinding } from '../types.js';

/**
 * Two numbers joined by a hyphen, the second followed by 年, 月 or 日. Not after letters, a slash or
 * another hyphen, so standard numbers (GB/T 9704-2012) and ISO dates (2018-12-28) are left alone.
 */
const RANGE = /(?<![A-Za-z0-9/.\-]|[A-Za-z/][ \t])([0-9]{1,4})([年月日])?([ \t]*[-\u2013\u2212\uff0d][ \t]*)([0-9]{1,4})(?=[年月日])/g;

export function yearRange(text: string, context: TextContext): TextFinding[] {
  const out: TextFinding[] = [];
  for (const m of text.matchAll(RANGE)) {
    const fixStart = m.index + m[1]!.length + (m[2]?.length ?? 0);
    const fixEnd = fixStart + m[3]!.length;
    if (context.touchesProtected(fixStart, fixEnd)) continue;
    const start = fixStart + m[3]!.search(/\S/);
    out.push({
      code: 'text-year-range',
      start,
      end: start + 1,
      message: msg('text-year-range.mark', { mark: m[3]!.trim() }),
      hint: msg('text-year-range.mark.hint'),
      fix: { start: fixStart, end: fixEnd, replacement: '—' },
    });
  }
  return out;
}
