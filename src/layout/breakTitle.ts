// An article title → its printed lines, at the title size, in the measure of the type area. The
// lines are computed here and printed as they are (one line box each), so Chrome has nothing to
// decide: a title is never set smaller and never runs over the type area.
//
// Each line of the source (a title given as a list is broken where its author broke it) that is
// wider than the measure is broken into the fewest lines that fit, as equal as they can be
// (40 characters in a 20-character measure: 20 + 20, not 28 + 12; a shorter line after a longer
// one on a tie), at places the rules of Chinese typesetting allow (breakOpportunities.ts), moved a
// little towards a comma or a bracket when there is one near.
import { breakOpportunities } from './breakOpportunities.js';
import { charEm } from './textEm.js';

export interface TitleLines {
  /** The printed lines, top to bottom. */
  lines: string[];
  /** More lines than `maxLines`: the title is printed whole all the same. */
  tooMany: boolean;
  /** A line is wider than the measure even so (a word longer than the line): the stylesheet wraps it. */
  overfull: boolean;
}

/** Lines tried beyond the fewest that could hold the text, before giving up on the rules. */
const EXTRA_LINES = 4;
/** Weight of the tie-break that puts the longer lines first. */
const TIE = 1e-3;

/**
 * `source`: the title's lines as written (a string title is one line); `measureEm`: the width of the
 * type area in ems of the title size; `maxLines`: how many lines a title may take before it is too long.
 */
export function breakTitle(source: readonly string[], measureEm: number, maxLines: number): TitleLines {
  const lines: string[] = [];
  let overfull = false;
  for (const line of source) {
    const text = line.trim();
    if (text === '') continue;
    const broken = balance([...text], measureEm);
    overfull ||= broken.overfull;
    lines.push(...broken.lines);
  }
  return { lines, tooMany: lines.length > maxLines, overfull };
}

/**
 * How many lines `breakTitle` prints `source` in, without the word segmenter: which number of lines
 * can be set depends only on where a line may end and on the widths, never on how good each place
 * is (the words only move a break within the lines), so the count is the same as breakTitle's.
 */
export function titleLineCount(source: readonly string[], measureEm: number): number {
  let count = 0;
  for (const line of source) {
    const text = line.trim();
    if (text !== '') count += balance([...text], measureEm, false).lines.length;
  }
  return count;
}

/** One line of text → the fewest lines within `measureEm`, balanced (`words: false`: the count of lines right, their breaks not). */
export function balance(chars: readonly string[], measureEm: number, words = true): { lines: string[]; overfull: boolean } {
  const n = chars.length;
  const prefix = [0];
  for (const ch of chars) prefix.push(prefix.at(-1)! + charEm(ch));
  const total = prefix[n]!;
  if (total <= measureEm) return { lines: [chars.join('')], overfull: false };
  const { allowed, bonus } = breakOpportunities(chars, { words });
  const withRules = split(chars, prefix, measureEm, (i) => allowed[i]!, (i) => bonus[i]!);
  if (withRules) return { lines: withRules, overfull: false };
  // A word or number longer than a line: break where the line is full, anywhere.
  const anywhere = split(chars, prefix, measureEm, () => true, () => 0);
  if (anywhere) return { lines: anywhere, overfull: false };
  return { lines: [chars.join('')], overfull: true };
}

/** Width of chars[a..b) as printed: a space that ends a line takes no room. */
function widthOf(chars: readonly string[], prefix: readonly number[], a: number, b: number): number {
  let end = b;
  while (end > a && chars[end - 1] === ' ') end--;
  return prefix[end]! - prefix[a]!;
}

function split(chars: readonly string[], prefix: readonly number[], measureEm: number, allowed: (i: number) => boolean, bonus: (i: number) => number): string[] | undefined {
  const n = chars.length;
  const total = prefix[n]!;
  const stops = [0];
  for (let i = 1; i < n; i++) if (allowed(i)) stops.push(i);
  stops.push(n);
  const fewest = Math.max(2, Math.ceil(total / measureEm));
  for (let k = fewest; k <= Math.min(n, fewest + EXTRA_LINES); k++) {
    const target = total / k;
    // cost[j][s]: the best cost of setting chars[0..stops[s]) in j lines; from[j][s] the stop before.
    const cost: number[][] = [stops.map((_, s) => (s === 0 ? 0 : Infinity))];
    const from: number[][] = [stops.map(() => -1)];
    for (let j = 1; j <= k; j++) {
      const row = stops.map(() => Infinity);
      const back = stops.map(() => -1);
      for (let s = 1; s < stops.length; s++) {
        const end = stops[s]!;
        // The last line ends the text; the others end at a break.
        if ((j === k) !== (end === n)) continue;
        for (let r = s - 1; r >= 0; r--) {
          const start = stops[r]!;
          const w = widthOf(chars, prefix, start, end);
          if (w > measureEm) break;
          const previous = cost[j - 1]![r]!;
          if (previous === Infinity) continue;
          const c = previous + (w - target) ** 2 + TIE * j * w - (end < n ? bonus(end) : 0);
          if (c < row[s]!) {
            row[s] = c;
            back[s] = r;
          }
        }
      }
      cost.push(row);
      from.push(back);
    }
    const last = stops.length - 1;
    if (cost[k]![last] === Infinity) continue;
    const ends: number[] = [];
    for (let j = k, s = last; j > 0; j--) {
      ends.unshift(stops[s]!);
      s = from[j]![s]!;
    }
    const lines: string[] = [];
    let start = 0;
    for (const end of ends) {
      lines.push(chars.slice(start, end).join('').trimEnd());
      start = end;
    }
    return lines;
  }
  return undefined;
}
