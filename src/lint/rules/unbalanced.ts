// text-unbalanced: quotes and brackets “” ‘’ （） 《》 〈〉 【】 that do not pair up within a paragraph (GB/T 15834).
import { msg, type Message } from '../../i18n/message.js';
import type { TextContext } from '../textContext.js';
import type { TextFinding } from '../types.js';
import { isApostrophe } from './straightQuotes.js';

const PAIRS = [['“', '”'], ['‘', '’'], ['（', '）'], ['《', '》'], ['〈', '〉'], ['【', '】']] as const;

export function unbalanced(text: string, context: TextContext): TextFinding[] {
  const out: TextFinding[] = [];
  const report = (index: number, message: Message, hint: Message) =>
    out.push({ code: 'text-unbalanced', start: index, end: index + 1, message, hint });
  for (const p of context.paragraphs) {
    const paragraph = text.slice(p.start, p.end);
    for (const [open, close] of PAIRS) {
      // （） pair with half-width brackets too (below): a paragraph with none of the four has nothing to check.
      if (!paragraph.includes(open) && !paragraph.includes(close) && (open !== '（' || (!paragraph.includes('(') && !paragraph.includes(')')))) continue;
      // Straight quotes in the paragraph are text-straight-quotes' business: they may be the missing halves.
      if (open === '“' && paragraph.includes('"')) continue;
      if (open === '‘' && [...paragraph].some((c, k) => c === "'" && !isApostrophe(text, p.start + k))) continue;
      // Half-width brackets count as brackets too: （简称…) is text-halfwidth-punct's finding, not a missing bracket.
      const opens = open === '（' ? '（(' : open;
      const closes = close === '）' ? '）)' : close;
      const stack: number[] = [];
      for (let i = p.start; i < p.end; i++) {
        const ch = text[i]!;
        if ((!opens.includes(ch) && !closes.includes(ch)) || context.isProtected(i) || isApostrophe(text, i)) continue;
        if (opens.includes(ch)) stack.push(i);
        else if (stack.length) stack.pop();
        else report(i, msg('text-unbalanced.closes-nothing', { mark: ch, open }), msg('text-unbalanced.closes-nothing.hint', { mark: ch, open, close }));
      }
      for (const i of stack) {
        report(i, msg('text-unbalanced.not-closed', { mark: text[i]! }), msg('text-unbalanced.not-closed.hint', { mark: text[i]!, open, close }));
      }
    }
  }
  return out;
}
