// A character no font of the layout has (validate's glyph-missing) is printed as 〓, the mark a
// typesetter sets for a character the type case lacks, rather than left to Chrome: Chrome would take
// it from a font of the machine that builds (a PDF that differs from machine to machine, often with a
// Type 3 font print shops refuse) or print an empty box. The warning names the character and where it is.
import type { Coverage } from '../check/checkGlyphs.js';
import { uncoveredCharacters } from '../check/checkGlyphs.js';

/** What is printed in place of a character no font has (U+3013 GETA MARK, which every bundled face has). */
export const MISSING_MARK = '〓';

/**
 * The page with every character of its text (not of its markup, its styles or its attributes) that
 * `covers` lacks replaced by 〓, and the characters replaced. The page is returned as it was, without
 * a copy, when nothing needs replacing (the usual case).
 */
export function markMissingGlyphs(html: string, covers: Coverage): { html: string; replaced: string[] } {
  const replaced = new Set<string>();
  let out = '';
  let last = 0;
  // Text runs: between a tag's end and the next tag; the contents of style and script are skipped.
  const text = /<(style|script)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<[^>]*>|[^<]+/gi;
  for (let m = text.exec(html); m; m = text.exec(html)) {
    if (m[0].startsWith('<')) continue;
    const missing = uncoveredCharacters(m[0], covers);
    if (missing.length === 0) continue;
    for (const ch of missing) replaced.add(ch);
    const set = new Set(missing);
    out += html.slice(last, m.index) + Array.from(m[0], (c) => (set.has(c) ? MISSING_MARK : c)).join('');
    last = m.index + m[0].length;
  }
  return replaced.size ? { html: out + html.slice(last), replaced: [...replaced] } : { html, replaced: [] };
}
