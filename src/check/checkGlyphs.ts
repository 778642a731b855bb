// Characters no bundled face can print: a warning each, at its first place in the source (no silent tofu).
import type { FontFace } from '../render/fontFaces.js';
import { covers } from '../render/fontFaces.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * Code points of `text` that no face with a declared range covers (faces without ranges cannot tell).
 * `text` is what will be printed (model/issueText.ts): bodies as their block tree prints them, so
 * Markdown syntax and link addresses, which are never printed, raise no warning.
 */
export function uncoveredCharacters(text: string, faces: readonly FontFace[]): string[] {
  const ranged = faces.filter((f) => f.ranges.length > 0);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const ch of text) {
    if (seen.has(ch)) continue;
    seen.add(ch);
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0xfe0f || cp === 0x200b) continue;
    if (!ranged.some((f) => covers(f, cp))) out.push(ch);
  }
  return out;
}

export function glyphWarnings(characters: readonly string[], file: string, source: string | undefined): Diagnostic[] {
  return characters.map((ch) => {
    const cp = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    let line = 1;
    let column = 1;
    const at = source?.indexOf(ch) ?? -1;
    if (source && at >= 0) {
      const before = source.slice(0, at);
      line = before.split('\n').length;
      column = at - before.lastIndexOf('\n');
    }
    return diagnostic(file, { line, column, endLine: line, endColumn: column + ch.length }, 'warning', 'glyph-missing',
      `no font of the layout has the character 「${ch}」 (${cp}); it would print as an empty box`,
      'Replace the character, or name a font file that has it under `fonts:` in bulletin.yaml.');
  });
}
