// text-date-mixed: a date that mixes Chinese and Arabic numerals (二〇一八年12月) → one form (GB/T 15835).
import { msg } from '../../i18n/message.js';
import type { TextContext } from '../textContext.js';
import type { TextFinding } from '../types.js';

const YEAR = '[〇零○◯OＯ0一二三四五六七八九]{4}|[0-9]{4}';
const MONTH = '十[一二]?|[一二三四五六七八九]|[0-9]{1,2}';
const DAY = '三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九]|[0-9]{1,2}';
// Sticky: tried only where a date can start, at most 7 characters before a 月 (年 and a year of four, a
// month of two). A scan from every character would cost a long body dearly; the matches are the same.
const DATE = new RegExp(`(?<![0-9〇零一二三四五六七八九十])(?:(${YEAR})年)?(${MONTH})月(?:(${DAY})[日号])?`, 'y');
const REACH = 7;

/** The dates of a text, as a global scan of DATE finds them: left to right, none overlapping. */
function dates(text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0; // where the scan stands: the end of the last match
  for (let yue = text.indexOf('月'); yue >= 0; yue = text.indexOf('月', yue + 1)) {
    for (let start = Math.max(from, yue - REACH); start < yue; start++) {
      DATE.lastIndex = start;
      const m = DATE.exec(text);
      if (!m) continue;
      out.push(m);
      from = m.index + m[0].length;
      break;
    }
    if (from > yue) yue = from - 1; // this 月 is inside the match; the next is after it
  }
  return out;
}

const form = (part: string) => (/[一二三四五六七八九十〇零○◯Ｏ]/.test(part) ? 'hanzi' : 'arabic');

export function dateMixed(text: string, context: TextContext): TextFinding[] {
  const out: TextFinding[] = [];
  for (const m of dates(text)) {
    const parts = [m[1], m[2], m[3]].filter((p): p is string => p !== undefined);
    if (parts.length < 2 || new Set(parts.map(form)).size === 1) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (context.touchesProtected(start, end)) continue;
    out.push({
      code: 'text-date-mixed',
      start,
      end,
      message: msg('text-date-mixed.date', { date: m[0] }),
      hint: msg('text-date-mixed.date.hint'),
    });
  }
  return out;
}
