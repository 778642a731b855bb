// Characters no font of the layout can print: a warning each, at its first place in the source (no
// silent tofu), found by `validate` (so `build` reports the same, before anything is printed).
import type { LineCounter } from 'yaml';
import type { FontFace } from '../render/fontFaces.js';
import type { FontRole, Series } from '../model/types.js';
import { familyOf, fontFaces, FONT_ROLES, STACK_ROLES } from '../render/fontFaces.js';
import { diagnostic, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import { msg, type Message } from '../i18n/message.js';
import { offsetSpan } from '../source/parseYaml.js';
import type { PrintedField } from '../source/printedFields.js';

/**
 * Whether some face of the layout has a glyph for a code point. `bits`, when given, is the same as
 * one bit per code point (see coverageOf): a scan of a long text tests it without a call per character.
 */
export type Coverage = ((codePoint: number) => boolean) & { readonly bits?: Uint8Array };

const BITMAP_BYTES = (0x10ffff >> 3) + 1;

/** The coverage of a bitmap: one bit test. */
function bitCoverage(bits: Uint8Array): Coverage {
  return Object.assign((cp: number) => (bits[cp >> 3]! & (1 << (cp & 7))) !== 0, { bits });
}

/** What either covers (`every`: what both cover), as one bitmap when both have one. */
function combine(a: Coverage, b: Coverage, every: boolean): Coverage {
  if (!a.bits || !b.bits) return every ? (cp) => a(cp) && b(cp) : (cp) => a(cp) || b(cp);
  const bits = new Uint8Array(BITMAP_BYTES);
  const x = a.bits;
  const y = b.bits;
  if (every) for (let i = 0; i < bits.length; i++) bits[i] = x[i]! & y[i]!;
  else for (let i = 0; i < bits.length; i++) bits[i] = x[i]! | y[i]!;
  return bitCoverage(bits);
}

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
  const bits = new Uint8Array(BITMAP_BYTES);
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
  return bitCoverage(bits);
}

const coverages = new WeakMap<Series, Map<FontRole | 'all', Coverage>>();

/**
 * What the faces of one role print: its family's faces (the series' own file, the bundled face and
 * its fallbacks). Kai and page numbers fall back to the body's family in the stylesheet
 * (`--font-kai`, `--font-number`), so theirs adds the body's.
 */
export function roleCoverage(series: Series, role: FontRole): Coverage {
  let map = coverages.get(series);
  if (!map) coverages.set(series, (map = new Map()));
  let coverage = map.get(role);
  if (!coverage) {
    const own = coverageOf(fontFaces(series).filter((f) => f.family === familyOf(role)));
    const body = STACK_ROLES.includes(role) ? undefined : roleCoverage(series, 'body');
    coverage = body ? combine(own, body, false) : own;
    map.set(role, coverage);
  }
  return coverage;
}

/** What every role prints (a character outside it is printed as 〓 by the build, see render/missingGlyphs.ts). */
export function seriesCoverage(series: Series): Coverage {
  let map = coverages.get(series);
  if (!map) coverages.set(series, (map = new Map()));
  let coverage = map.get('all');
  if (!coverage) {
    coverage = FONT_ROLES.map((role) => roleCoverage(series, role)).reduce((all, role) => combine(all, role, true));
    map.set('all', coverage);
  }
  return coverage;
}

/** Distinct characters of `text` that need a glyph and that no face covers, in order of first appearance. */
export function uncoveredCharacters(text: string, covers: Coverage): string[] {
  const out: string[] = [];
  let seen: Set<number> | undefined;
  const bits = covers.bits;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    // Most characters are covered: one bit test, and nothing else for them.
    if ((bits ? (bits[cp >> 3]! & (1 << (cp & 7))) !== 0 : covers(cp)) || cp < 0x21 || cp === 0x200b) continue;
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

/** Which texts each role prints, in an editor's words, and the key that names its font. */
export const ROLE_WORDS: Record<FontRole, Message> = {
  title: msg('font-role.title'),
  body: msg('font-role.body'),
  heading: msg('font-role.heading'),
  kai: msg('font-role.kai'),
  pageNumber: msg('font-role.pageNumber'),
};

/** `where` for the characters the layout itself prints (src/source/loadSeries.ts). */
export const GLYPH_IN_LAYOUT = msg('glyph-missing.in-layout');

/** `where`: after the character in English (" (in a cell of `t.xlsx`)"); a string is a value, the same in both languages. */
export function glyphWarning(file: string, span: Span, ch: string, roles: readonly FontRole[], where: Message | string = ''): Diagnostic {
  const named = roles.map((role): Message => msg('glyph-missing.role', { texts: ROLE_WORDS[role], role }));
  const list = named.reduceRight<Message | undefined>((rest, first) => (rest ? msg('glyph-missing.roles', { first, rest }) : first), undefined);
  const whose = !list ? msg('glyph-missing.none') : roles.length === 1 ? msg('glyph-missing.one', { named: list }) : msg('glyph-missing.many', { named: list });
  return diagnostic(file, span, 'warning', 'glyph-missing',
    msg('glyph-missing.lack', { whose, char: ch, codePoint: codePoint(ch), where }),
    msg('glyph-missing.key.hint', { key: `fonts:${roles.length ? ` ${roles[0]}:` : ''}` }));
}

/**
 * The printed fields of one source file (source/printedFields.ts) against the fonts of the roles
 * that print them: a warning per character, where it first appears, naming the roles whose fonts
 * lack it (a character only the heading's font lacks is reported where it is bold or a heading). A
 * character the Markdown prints but the source does not spell (a character reference, `&#x13000;`)
 * is reported at the start of its field.
 */
export function glyphDiagnostics(fields: readonly PrintedField[], covers: (role: FontRole) => Coverage, display: string, lc: LineCounter): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const field of fields) {
    const lacking = new Map<string, FontRole[]>();
    for (const [role, printed] of Object.entries(field.byRole) as [FontRole, string][]) {
      for (const ch of uncoveredCharacters(printed, covers(role))) {
        if (reported.has(`${role}\0${ch}`)) continue;
        reported.add(`${role}\0${ch}`);
        lacking.set(ch, [...(lacking.get(ch) ?? []), role]);
      }
    }
    for (const [ch, roles] of lacking) {
      const { text, at, exact } = field.mapped;
      const i = text.indexOf(ch);
      const start = at[Math.max(i, 0)] ?? at[0] ?? 0;
      const precise = i >= 0 && exact[i] === 1 && exact[i + ch.length - 1] === 1;
      out.push(glyphWarning(display, offsetSpan(lc, start, precise ? at[i + ch.length - 1]! + 1 : start), ch, roles));
    }
  }
  return out;
}
