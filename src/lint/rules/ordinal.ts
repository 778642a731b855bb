// text-ordinal: ordinal markers in their standard forms: 1、 → 1.  （一）、 → （一）  一. → 一、 (GB/T 15834 4.5, 4.6).
import { msg } from '../../i18n/message.js';
import type { TextContext } from '../textContext.js';
import type { TextFinding } from '../types.js';

const NUMERAL = '[一二三四五六七八九十]{1,3}';
const FORMS: { pattern: RegExp; fix: (m: RegExpExecArray) => string; wrong: string; right: string }[] = [
  { pattern: /^([0-9]{1,3})、[ \t]*/, fix: (m) => `${m[1]}.`, wrong: '1、', right: '1.' },
  { pattern: new RegExp(`^[（(](${NUMERAL}|[0-9]{1,3})[）)]、[ \\t]*`), fix: (m) => `（${m[1]}）`, wrong: '（一）、', right: '（一）' },
  { pattern: new RegExp(`^(${NUMERAL})[.．][ \\t]*`), fix: (m) => `${m[1]}、`, wrong: '一.', right: '一、' },
];

export function ordinal(text: string, context: TextContext): TextFinding[] {
  if (context.kind === 'plain') return [];
  const out: TextFinding[] = [];
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  for (const lineStart of starts) {
    const start = context.contentStart(lineStart);
    const line = text.slice(start, start + 12);
    for (const form of FORMS) {
      const m = form.pattern.exec(line);
      if (!m) continue;
      const end = start + m[0].length;
      const replacement = form.fix(m);
      if (context.touchesProtected(start, end) || text.slice(start, end) === replacement) break;
      out.push({
        code: 'text-ordinal',
        start,
        end,
        message: msg('text-ordinal.form', { ordinal: m[0].trim() }),
        hint: msg('text-ordinal.form.hint', { replacement }),
        fix: { start, end, replacement },
      });
      break;
    }
  }
  return out;
}
