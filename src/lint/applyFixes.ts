// A text and fixes in its offsets → the fixed text: non-overlapping fixes, applied from the back to the front.
import type { TextFix } from './types.js';

export interface AppliedFixes {
  text: string;
  /** The fixes made, in file order. */
  applied: TextFix[];
  /** Fixes left out because they overlap one made (a second run of --fix picks them up). */
  skipped: TextFix[];
}

export function applyFixes(text: string, fixes: readonly TextFix[]): AppliedFixes {
  const applied: TextFix[] = [];
  const skipped: TextFix[] = [];
  const ordered = [...fixes].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const fix of ordered) {
    const previous = applied.at(-1);
    if (fix.start < 0 || fix.end > text.length || fix.end < fix.start) skipped.push(fix);
    else if (previous && fix.start < previous.end) {
      if (!(previous.start === fix.start && previous.end === fix.end && previous.replacement === fix.replacement)) skipped.push(fix);
    } else applied.push(fix);
  }
  // From the back: each fix leaves the offsets of the ones before it valid.
  const pieces: string[] = [];
  let tail = text.length;
  for (const fix of [...applied].reverse()) {
    pieces.push(text.slice(fix.end, tail), fix.replacement);
    tail = fix.start;
  }
  pieces.push(text.slice(0, tail));
  return { text: pieces.reverse().join(''), applied, skipped };
}
