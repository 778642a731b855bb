// text-dash: --, a lone —, ――, ─, －－ in Chinese text → the dash —— (two U+2014, GB/T 15834 4.9).
import { msg } from '../../i18n/message.js';
import { charAt, charBefore, chineseAfter, chineseBefore, isHan } from '../cjkChars.js';
import type { TextContext } from '../textContext.js';
import type { TextFinding } from '../types.js';

const DASHES = /[-\u2013\u2014\u2015\u2500\uff0d]+/g;
const SPACE = /[ \t]/;
const DIGIT = /[0-9]/;
/** After these, a one-em dash before a digit joins a range (2018年—2020年): a 连接号, not a dash. */
const RANGE_BEFORE = /[0-9年月日时号]/;

export function dash(text: string, context: TextContext): TextFinding[] {
  const out: TextFinding[] = [];
  for (const m of text.matchAll(DASHES)) {
    const run = m[0];
    const start = m.index;
    const end = start + run.length;
    if (run === '——' || run.length > 4) continue;
    if (context.touchesProtected(start, end)) continue;
    if (run.length === 1 && (run === '-' || run === '\u2013' || run === '\uff0d')) continue; // hyphens and range marks: text-year-range
    let before = start;
    while (before > 0 && SPACE.test(text[before - 1]!)) before -= 1;
    let after = end;
    while (after < text.length && SPACE.test(text[after]!)) after += 1;
    if (!chineseBefore(text, before) && !chineseAfter(text, after)) continue;
    const prev = charBefore(text, start) ?? '';
    const next = charAt(text, end) ?? '';
    if (DIGIT.test(next) && (RANGE_BEFORE.test(prev) || run.length === 1)) continue; // a range, not a dash
    if (DIGIT.test(prev) && DIGIT.test(next)) continue;
    const lineStart = context.lineStart(start);
    const fixStart = before === lineStart ? start : before;
    const fixEnd = after < text.length && text[after] === '\n' ? end : after;
    const common = { code: 'text-dash' as const, message: msg('text-dash.run', { run }), hint: msg('text-dash.run.hint') };
    if (run.length === 1 && isHan(prev) && isHan(next)) {
      // Between two Han characters a single — may be a 连接号 joining places (北京—上海): only a person knows.
      out.push({ ...common, start, end, message: msg('text-dash.single', { run }), hint: msg('text-dash.single.hint') });
      continue;
    }
    out.push({ ...common, start, end, fix: { start: fixStart, end: fixEnd, replacement: '——' } });
  }
  return out;
}
