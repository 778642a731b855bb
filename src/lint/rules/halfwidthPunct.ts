// text-halfwidth-punct: half-width , . ; : ? ! ( ) next to Chinese text → the full-width forms (GB/T 15834).
import { msg } from '../../i18n/message.js';
import { chineseAfter, chineseBefore, hasHan } from '../cjkChars.js';
import type { TextContext } from '../textContext.js';
import type { TextFinding } from '../types.js';

const FULL: Record<string, string> = { ',': '，', '.': '。', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const DIGIT = /[0-9]/;
const ALNUM = /[A-Za-z0-9]/;
const HAN_NUMERAL = /^[一二三四五六七八九十百零〇]+$/;
const SPACE = /[ \t]/;
const MARKS = /[,.;:?!()]/g;
const BRACKETS = /[()]/g;

/** A finding at the mark `i`; its fix replaces [start, end), the mark and the spaces it absorbs. */
function finding(text: string, i: number, start: number, end: number): TextFinding {
  const ch = text[i]!;
  return {
    code: 'text-halfwidth-punct',
    start: i,
    end: i + 1,
    message: msg('text-halfwidth-punct.mark', { mark: ch }),
    hint: msg('text-halfwidth-punct.mark.hint', { full: FULL[ch]! }),
    fix: { start, end, replacement: FULL[ch]! },
  };
}

/** The fix of a closing mark swallows the spaces after it (full-width marks carry their own space). */
function closer(text: string, i: number): TextFinding {
  let end = i + 1;
  while (end < text.length && SPACE.test(text[end]!)) end += 1;
  if (end < text.length && text[end] === '\n') end = i + 1;
  if (end === text.length) end = i + 1;
  return finding(text, i, i, end);
}

/** The fix of an opening bracket swallows the spaces before it, unless they indent the line. */
function opener(text: string, i: number, context: TextContext): TextFinding {
  let start = i;
  while (start > 0 && SPACE.test(text[start - 1]!)) start -= 1;
  if (start === context.lineStart(i)) start = i;
  return finding(text, i, start, i + 1);
}

const adjacent = (text: string, i: number) => chineseBefore(text, i) || chineseAfter(text, i + 1);

export function halfwidthPunct(text: string, context: TextContext): TextFinding[] {
  const out: TextFinding[] = [];
  for (const p of context.paragraphs) {
    // Brackets in pairs: a pair around Chinese text, or next to it, turns full-width as a whole.
    const open: number[] = [];
    const done = new Set<number>();
    BRACKETS.lastIndex = p.start;
    for (let m = BRACKETS.exec(text); m && m.index < p.end; m = BRACKETS.exec(text)) {
      const i = m.index;
      const ch = text[i];
      if (context.isProtected(i)) continue;
      if (ch === '(') {
        open.push(i);
        continue;
      }
      const o = open.pop();
      if (o === undefined) continue;
      if (hasHan(text.slice(o + 1, i)) || adjacent(text, o) || adjacent(text, i)) {
        out.push(opener(text, o, context), closer(text, i));
      }
      done.add(o).add(i);
    }
    // Jump from mark to mark: most of a paragraph has none.
    MARKS.lastIndex = p.start;
    for (let m = MARKS.exec(text); m && m.index < p.end; m = MARKS.exec(text)) {
      const i = m.index;
      const ch = text[i]!;
      if (done.has(i) || context.isProtected(i)) continue;
      const before = text[i - 1] ?? '';
      const after = text[i + 1] ?? '';
      if (ch === '(') {
        if (adjacent(text, i)) out.push(opener(text, i, context));
        continue;
      }
      if (ch === ')') {
        if (adjacent(text, i)) out.push(closer(text, i));
        continue;
      }
      // 3.14, 1,000, 12:30: marks between digits belong to the number.
      if ((ch === '.' || ch === ',' || ch === ':') && DIGIT.test(before) && DIGIT.test(after)) continue;
      if (ch === '.') {
        if (before === '.' || after === '.') continue; // an ellipsis: text-ellipsis
        if (ALNUM.test(after)) continue; // file names, abbreviations: 报告.pdf, No.1
        const lead = text.slice(context.contentStart(context.lineStart(i)), i);
        if (/^[0-9]+$/.test(lead) || HAN_NUMERAL.test(lead)) continue; // an ordinal 1. or 一.: text-ordinal
      }
      if (ch === '!' && after === '[') continue;
      if (adjacent(text, i)) out.push(closer(text, i));
    }
  }
  return out;
}
