// Invisible control characters in printed text: bidirectional overrides and isolates reorder what
// is printed (「Trojan Source」), line and paragraph separators and C0/C1 controls break lines or
// print as boxes, and none of them can be seen in an editor. Each is an error at its place.
import { msg } from '../i18n/message.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LineCounter } from 'yaml';
import { offsetSpan } from '../source/parseYaml.js';
import type { PrintedField } from '../source/printedFields.js';

const NAMES: Record<number, string> = {
  0x0085: 'NEXT LINE', 0x061c: 'ARABIC LETTER MARK', 0x200e: 'LEFT-TO-RIGHT MARK', 0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR', 0x2029: 'PARAGRAPH SEPARATOR', 0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING', 0x202d: 'LEFT-TO-RIGHT OVERRIDE', 0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE', 0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfff9: 'INTERLINEAR ANNOTATION ANCHOR', 0xfffa: 'INTERLINEAR ANNOTATION SEPARATOR', 0xfffb: 'INTERLINEAR ANNOTATION TERMINATOR',
};

/**
 * The characters refused: C0 controls but tab and line feed, DEL and the C1 controls (U+0085 among
 * them), the bidirectional marks, embeddings, overrides and isolates, the line and paragraph
 * separators, the deprecated format characters U+206A–206F and the interlinear annotation marks.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u206f\ufff9-\ufffb]/g;

/** A single-line field's C0 controls are refused by the schema already (schema-format); they are not reported twice. */
const C0 = /[\u0000-\u001f]/;

export function codePointName(cp: number): string {
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[cp] ?? (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? 'a control character' : cp >= 0x206a && cp <= 0x206f ? 'a deprecated format character' : undefined);
  return name ? `${hex} (${name})` : hex;
}

export function controlCharacters(fields: readonly PrintedField[], display: string, lc: LineCounter): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const field of fields) {
    const { text, at, exact } = field.mapped;
    for (const m of text.matchAll(CONTROL)) {
      const ch = m[0];
      if (field.as !== 'markdown' && C0.test(ch)) continue;
      const i = m.index;
      const start = at[i]!;
      const span = offsetSpan(lc, start, exact[i] ? start + 1 : start);
      const codePoint = codePointName(ch.codePointAt(0)!);
      out.push(diagnostic(display, span, 'error', 'control-character',
        exact[i] ? msg('control-character', { codePoint }) : msg('control-character.inexact', { codePoint }),
        msg('control-character.delete.hint')));
    }
  }
  return out;
}
