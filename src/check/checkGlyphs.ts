// Characters no font of the layout can print: a warning each, at its first place in the source (no
// silent tofu), found by `validate` (so `build` reports the same, before anything is printed).
import type { LineCounter } from 'yaml';
import type { FontFace } from '../render/fontFaces.js';
import type { Series } from '../model/types.js';
import { fontFaces } from '../render/fontFaces.js';
import { diagnostic, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import { offsetSpan } from '../source/parseYaml.js';
import type { PrintedField } from '../source/printedFields.js';

/** Whether some face of the layout has a glyph for a code point. */
export type Coverage = (codePoint: number) => boolean;

/** Characters nothing needs a glyph for: controls, format characters, separators, variation selectors (control-character reports the harmful ones). */
const NO_GLYPH = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]$/u;

/** Sets the bits of `from` … `to`: whole bytes at once (a CJK range spans thousands of code points). */
function setRange(bits: Uint8Array, from: number, to: number): void {
  let cp = from;
  for (; cp <= to && (cp & 7) !== 0; cp++) bits[cp >> 3]! |= 1 << (cp & 7);
  const wholeEnd = (to + 1) & ~7; // the first code point after the last whole byte
  if (cp < wholeEnd) {
    bits.fill(0xff, cp >> 3, wholeEnd >> 3);
    cp = wholeEnd;
  }
  for (; cp <= to; cp++) bits[cp >> 3]! |= 1 << (cp & 7);
}

/**
 * The union of what the faces cover: the ranges of a bundled slice, the cmap of a series' own file.
 * A face that tells neither (a series font the validator could not read) covers nothing here. Kept
 * as one bit per code point (139 KB): filled once per series, read in constant time.
 */
export function coverageOf(faces: readonly FontFace[]): Coverage {
  const bits = new Uint8Array((0x10ffff >> 3) + 1);
  const done = new Set<unknown>(); // roles sharing a bundled face share its list of ranges
  for (const face of faces) {
    if (face.ranges.length) {
      const r = face.ranges;
      if (done.has(r)) continue;
      done.add(r);
      for (let i = 0; i < r.length; i += 2) setRange(bits, r[i]!, Math.min(r[i + 1]!, 0x10ffff));
    } else {
      for (const [a, b] of face.coverage ?? []) setRange(bits, Math.max(0, a), Math.min(b, 0x10ffff));
    }
  }
  return (cp) => (bits[cp >> 3]! & (1 << (cp & 7))) !== 0;
}

const coverages = new WeakMap<Series, Coverage>();

/** The coverage of a series' fonts (computed once per resolved series). */
export function seriesCoverage(series: Series): Coverage {
  let coverage = coverages.get(series);
  if (!coverage) coverages.set(series, (coverage = coverageOf(fontFaces(series))));
  return coverage;
}

/** Distinct characters of `text` that need a glyph and that no face covers, in order of first appearance. */
export function uncoveredCharacters(text: string, covers: Coverage): string[] {
  const out: string[] = [];
  let seen: Set<number> | undefined;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    // Most characters are covered: one bit test, and nothing else for them.
    if (covers(cp) || cp < 0x21 || cp === 0x200b) continue;
    const ch = String.fromCodePoint(cp);
    if (NO_GLYPH.test(ch) || seen?.has(cp)) continue;
    (seen ??= new Set()).add(cp);
    out.push(ch);
  }
  return out;
}

export function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function glyphWarning(file: string, span: Span, ch: string, where = ''): Diagnostic {
  return diagnostic(file, span, 'warning', 'glyph-missing',
    `no font of the layout has the character 「${ch}」 (${codePoint(ch)})${where}; it would print as an empty box or in a font of the machine that builds`,
    'Replace the character, or name a font file that has it under `fonts:` in bulletin.yaml.');
}

/**
 * The printed fields of one source file (source/printedFields.ts) against the layout's fonts: a
 * warning per character, where it first appears. A character the Markdown prints but the source
 * does not spell (a character reference, `&#x13000;`) is reported at the start of its field.
 */
export function glyphDiagnostics(fields: readonly PrintedField[], covers: Coverage, display: string, lc: LineCounter): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const field of fields) {
    for (const ch of uncoveredCharacters(field.printed, covers)) {
      if (reported.has(ch)) continue;
      reported.add(ch);
      const { text, at, exact } = field.mapped;
      const i = text.indexOf(ch);
      const start = at[Math.max(i, 0)] ?? at[0] ?? 0;
      const precise = i >= 0 && exact[i] === 1 && exact[i + ch.length - 1] === 1;
      out.push(glyphWarning(display, offsetSpan(lc, start, precise ? at[i + ch.length - 1]! + 1 : start), ch));
    }
  }
  return out;
}
