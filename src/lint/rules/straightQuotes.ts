// text-straight-quotes: straight " ' in Chinese text → “ ” outside and ‘ ’ inside (GB/T 15834 4.1.3).
import { msg } from '../../i18n/message.js';
import { chineseAfter, chineseBefore, hasHan } from '../cjkChars.js';
import type { TextContext } from '../textContext.js';
import type { TextFinding } from '../types.js';

type Family = 'double' | 'single';

interface Open {
  index: number;
  family: Family;
  straight: boolean;
  /** Number of quotes this one sits inside. */
  depth: number;
}

const FAMILY: Record<string, Family> = { '"': 'double', "'": 'single', '“': 'double', '”': 'double', '‘': 'single', '’': 'single' };
const CURLY = { double: ['“', '”'], single: ['‘', '’'] } as const;
const ALNUM = /[A-Za-z0-9]/;
const QUOTES = /["'“”‘’]/g;

/** An apostrophe (Xi'an, don't, China’s) or a prime (5'): not a quote. */
export function isApostrophe(text: string, i: number): boolean {
  const before = text[i - 1] ?? '';
  return (text[i] === "'" || text[i] === '’') && ALNUM.test(before) && (ALNUM.test(text[i + 1] ?? '') || /[0-9]/.test(before));
}

function fix(index: number, replacement: string, original: string): TextFinding {
  return {
    code: 'text-straight-quotes',
    start: index,
    end: index + 1,
    message: msg('text-straight-quotes.quote', { quote: original }),
    hint: msg('text-straight-quotes.quote.hint', { replacement }),
    fix: { start: index, end: index + 1, replacement },
  };
}

/** The index of the first of the sorted `positions` at or after `start`. */
function firstAtOrAfter(positions: readonly number[], start: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function straightQuotes(text: string, context: TextContext): TextFinding[] {
  const out: TextFinding[] = [];
  // Every quote of the text, found in one scan: most paragraphs have none, and a search started at
  // each paragraph would run on to the next quote however far it is.
  const quotes: number[] = [];
  QUOTES.lastIndex = 0;
  for (let m = QUOTES.exec(text); m; m = QUOTES.exec(text)) quotes.push(m.index);
  for (const p of context.paragraphs) {
    const marks: number[] = [];
    for (let k = firstAtOrAfter(quotes, p.start); k < quotes.length && quotes[k]! < p.end; k++) {
      const i = quotes[k]!;
      if (!context.isProtected(i) && !isApostrophe(text, i)) marks.push(i);
    }
    const straightLeft = { double: marks.filter((i) => text[i] === '"').length, single: marks.filter((i) => text[i] === "'").length };
    const stack: Open[] = [];
    // Where each family's open quotes sit in the stack, so finding the innermost one costs nothing.
    const at: Record<Family, number[]> = { double: [], single: [] };
    const pairs: { open: Open; close: number; forms: readonly [string, string] }[] = [];
    const push = (open: Open) => {
      at[open.family].push(stack.length);
      stack.push(open);
    };
    const innermost = (family: Family): Open | undefined => stack[at[family].at(-1) ?? -1];
    /** Closes the innermost open quote of a family, and whatever was left open inside it. */
    const closeFamily = (family: Family): Open | undefined => {
      const index = at[family].pop();
      if (index === undefined) return undefined;
      const open = stack[index];
      stack.length = index;
      for (const f of ['double', 'single'] as const) while ((at[f].at(-1) ?? -1) >= index) at[f].pop();
      return open;
    };
    for (const i of marks) {
      const ch = text[i]!;
      const family = FAMILY[ch]!;
      if (ch === '“' || ch === '‘') {
        push({ index: i, family, straight: false, depth: stack.length });
      } else if (ch === '”' || ch === '’') {
        const open = closeFamily(family);
        if (open?.straight) pairs.push({ open, close: i, forms: CURLY[family] });
      } else {
        straightLeft[family] -= 1;
        const top = innermost(family);
        // A straight quote closes an open straight one, or a curly one when no straight partner is left for it.
        if (top && (top.straight || straightLeft[family] % 2 === 0)) {
          const open = closeFamily(family)!;
          pairs.push({ open, close: i, forms: open.straight ? (open.depth % 2 === 0 ? CURLY.double : CURLY.single) : CURLY[family] });
        } else {
          push({ index: i, family, straight: true, depth: stack.length });
        }
      }
    }
    for (const { open, close, forms } of pairs) {
      const chinese = hasHan(text.slice(open.index + 1, close)) || chineseBefore(text, open.index) || chineseAfter(text, close + 1);
      if (!chinese) continue;
      if (open.straight) out.push(fix(open.index, forms[0], text[open.index]!));
      if (text[close] === '"' || text[close] === "'") out.push(fix(close, forms[1], text[close]!));
    }
    for (const open of stack) {
      if (!open.straight || !(chineseBefore(text, open.index) || chineseAfter(text, open.index + 1))) continue;
      out.push({
        code: 'text-straight-quotes',
        start: open.index,
        end: open.index + 1,
        message: msg('text-straight-quotes.alone', { quote: text[open.index]! }),
        hint: msg('text-straight-quotes.alone.hint'),
      });
    }
  }
  return out;
}
