// text-issue-number-padded: issue and document numbers with leading zeros (第02期, 〔2018〕05号) → without (GB/T 9704, 15835).
import { msg } from '../../i18n/message.js';
import type { TextContext } from '../textContext.js';
import type { TextFinding } from '../types.js';

const PADDED = /(?<=第|〔[0-9]{4}〕)(0+)(?=[1-9][0-9]*[期号])/g;

export function issueNumberPadded(text: string, context: TextContext): TextFinding[] {
  const out: TextFinding[] = [];
  for (const m of text.matchAll(PADDED)) {
    const start = m.index;
    const end = start + m[0].length;
    if (context.touchesProtected(start, end)) continue;
    const number = /^[0-9]+/.exec(text.slice(start))![0];
    out.push({
      code: 'text-issue-number-padded',
      start,
      end,
      message: msg('text-issue-number-padded.number', { number }),
      hint: msg('text-issue-number-padded.number.hint', { number, plain: Number(number) }),
      fix: { start, end, replacement: '' },
    });
  }
  return out;
}
