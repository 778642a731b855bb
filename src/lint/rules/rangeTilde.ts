// text-range-tilde: ~ 〜 ∼ between numbers in Chinese text → the wave dash ～ (U+FF5E, GB/T 15834 4.13).
import { msg } from '../../i18n/message.js';
import { hasHan } from '../cjkChars.js';
import type { TextContext } from '../textContext.js';
import type { TextFinding } from '../types.js';

/** A number (Arabic, with a unit sign, or in Chinese numerals), a tilde, a number. */
const TILDE = /[~\u301c\u223c]/;
const RANGE = /(?<=[0-9%％一二三四五六七八九十百千万])[ \t]*([~\u301c\u223c])[ \t]*(?=[0-9一二三四五六七八九十])/g;

export function rangeTilde(text: string, context: TextContext): TextFinding[] {
  const out: TextFinding[] = [];
  for (const p of context.paragraphs) {
    const paragraph = text.slice(p.start, p.end);
    if (!TILDE.test(paragraph) || !hasHan(paragraph)) continue; // English text keeps its ~
    for (const m of paragraph.matchAll(RANGE)) {
      const fixStart = p.start + m.index;
      const fixEnd = fixStart + m[0].length;
      const tilde = m[1]!;
      if (text[fixStart - 1] === '~' || text[fixEnd] === '~') continue; // ~~ is Markdown, not a range
      if (context.touchesProtected(fixStart, fixEnd)) continue;
      const start = fixStart + m[0].indexOf(tilde);
      out.push({
        code: 'text-range-tilde',
        start,
        end: start + 1,
        message: msg('text-range-tilde.mark', { tilde }),
        hint: msg('text-range-tilde.mark.hint'),
        fix: { start: fixStart, end: fixEnd, replacement: '～' },
      });
    }
  }
  return out;
}
