// text-ellipsis: ..., 。。。, a lone …, ⋯, ··· in Chinese text → the ellipsis …… (two U+2026, GB/T 15834 4.11).
import { msg } from '../../i18n/message.js';
import { chineseAfter, chineseBefore } from '../cjkChars.js';
import type { TextContext } from '../textContext.js';
import type { TextFinding } from '../types.js';

const RUNS = /\.{3,}|。{3,}|．{3,}|·{3,}|\u2026+|\u22ef+/g;

export function ellipsis(text: string, context: TextContext): TextFinding[] {
  const out: TextFinding[] = [];
  for (const m of text.matchAll(RUNS)) {
    const run = m[0];
    const start = m.index;
    const end = start + run.length;
    if (run === '……' || run === '…………') continue; // …… and, for whole omitted lines, twelve dots
    if (run[0] === '…' && run.length > 4) continue;
    if (context.touchesProtected(start, end)) continue;
    if (/[0-9]/.test(text[start - 1] ?? '') && /[0-9]/.test(text[end] ?? '')) continue; // 1...10
    if (!chineseBefore(text, start) && !chineseAfter(text, end)) continue;
    out.push({
      code: 'text-ellipsis',
      start,
      end,
      message: msg('text-ellipsis.run', { run }),
      hint: msg('text-ellipsis.run.hint'),
      fix: { start, end, replacement: '……' },
    });
  }
  return out;
}
