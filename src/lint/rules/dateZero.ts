// text-date-zero: a wrong zero (零 ○ ◯ O Ｏ 0) in a year written in Chinese numerals → 〇 (U+3007, GB/T 15835).
import { msg } from '../../i18n/message.js';
import type { TextContext } from '../textContext.js';
import type { TextFinding } from '../types.js';

/** Four characters right before a 年 (tried only there: a scan from every character costs a long body dearly). */
const YEAR = /(?<![〇零○◯OＯ0-9一二三四五六七八九十])([〇零○◯OＯ0一二三四五六七八九]{4})(?=年)/y;
const WRONG_ZERO = /[零○◯OＯ0]/g;

export function dateZero(text: string, context: TextContext): TextFinding[] {
  const out: TextFinding[] = [];
  for (let nian = text.indexOf('年', 4); nian >= 0; nian = text.indexOf('年', nian + 1)) {
    YEAR.lastIndex = nian - 4;
    const m = YEAR.exec(text);
    if (!m) continue;
    const year = m[1]!;
    if (!/[一二三四五六七八九]/.test(year) || !/[零○◯OＯ0]/.test(year)) continue;
    const start = m.index;
    const end = start + year.length;
    if (context.touchesProtected(start, end)) continue;
    const wrong = [...new Set(year.match(WRONG_ZERO) ?? [])].map((z) => `\`${z}\``).join(', ');
    const replacement = year.replace(WRONG_ZERO, '〇');
    out.push({
      code: 'text-date-zero',
      start,
      end,
      message: msg('text-date-zero.year', { wrong, year }),
      hint: msg('text-date-zero.year.hint', { replacement }),
      fix: { start, end, replacement },
    });
  }
  return out;
}
