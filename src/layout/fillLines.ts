// A text → lines filled one after the other (the contents' entries: each line as full as the rules
// of breakOpportunities.ts allow, the leaders and the page number after the last). Widths in ems.
// A line ends between two words when one ends near the end of the line (within `WORD_REACH`
// characters), rather than inside a word (区建|设, 摘|要).
import { breakOpportunities } from './breakOpportunities.js';
import { charEm } from './textEm.js';

/** How far back a line may end to end between words. */
const WORD_REACH = 4;

/** `firstEm`: the width of the first line; `restEm`: of the lines after it (a hanging indent makes them narrower). */
export function fillLines(text: string, firstEm: number, restEm: number): string[] {
  const chars = [...text.trim()];
  const { allowed, between } = breakOpportunities(chars);
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    const measure = lines.length === 0 ? firstEm : restEm;
    let width = 0;
    let end = start;
    // The widest run that fits (a space that ends a line takes no room).
    while (end < chars.length && (chars[end] === ' ' || width + charEm(chars[end]!) <= measure)) {
      if (chars[end] !== ' ') width += charEm(chars[end]!);
      end++;
    }
    if (end >= chars.length) {
      lines.push(chars.slice(start).join('').trim());
      break;
    }
    // Back to the last place a line may end; a word longer than the line breaks where the line is full.
    let cut = end;
    while (cut > start && !allowed[cut]) cut--;
    if (cut === start) cut = Math.max(end, start + 1);
    else {
      let word = cut;
      while (word > start && word > cut - WORD_REACH && !(allowed[word] && between[word])) word--;
      if (word > start && allowed[word] && between[word]) cut = word;
    }
    lines.push(chars.slice(start, cut).join('').trim());
    start = cut;
    while (chars[start] === ' ') start++;
  }
  return lines;
}
