// text-title-period: a title, section label or Markdown heading ending in a full stop → without it (GB/T 15834 5.1.7).
import { msg } from '../../i18n/message.js';
import { chineseBefore } from '../cjkChars.js';
import type { TextContext } from '../textContext.js';
import type { TextFinding } from '../types.js';

/** The full stop that ends [from, to), past trailing spaces: 。 or ．, or . after Chinese. */
function finalStop(text: string, from: number, to: number): number | undefined {
  let i = to;
  while (i > from && /[ \t]/.test(text[i - 1]!)) i -= 1;
  const ch = text[i - 1];
  if (i <= from || ch === undefined) return undefined;
  if (ch === '。' || ch === '．') return i - 1;
  if (ch === '.' && text[i - 2] !== '.' && chineseBefore(text, i - 1)) return i - 1;
  return undefined;
}

export function titlePeriod(text: string, context: TextContext): TextFinding[] {
  const stops: number[] = [];
  if (context.kind === 'title') {
    const at = finalStop(text, 0, text.length);
    if (at !== undefined) stops.push(at);
  } else if (context.kind === 'markdown') {
    for (const h of context.headings) {
      const at = finalStop(text, h.start, h.end);
      if (at !== undefined) stops.push(at);
    }
  }
  return stops
    .filter((at) => !context.isProtected(at))
    .map((at) => ({
      code: 'text-title-period' as const,
      start: at,
      end: at + 1,
      message: msg('text-title-period.stop', { stop: text[at]! }),
      hint: msg('text-title-period.stop.hint'),
      fix: { start: at, end: at + 1, replacement: '' },
    }));
}
