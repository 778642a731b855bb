import { eastAsianWidth } from 'get-east-asian-width';
// A few lines of source around a diagnostic, with a caret line under the span.

/** Marks drawn on the character before them: combining marks, zero-width joiners and spaces, variation selectors. */
const ZERO_WIDTH = /^[\p{Mark}\u200b-\u200f\u2060-\u2064\ufeff]$/u;

/**
 * Display width in a terminal: wide and full-width characters (CJK, emoji) take two columns, marks
 * none, the rest one. Ambiguous ones (“ ” … ①) count as one, as terminals draw them by default.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || ZERO_WIDTH.test(ch)) return 0;
  return eastAsianWidth(cp, { ambiguousAsWide: false });
}

/** The longest start of `text` that fits in `columns` terminal columns (a wide character is not cut in half). */
export function fitWidth(text: string, columns: number): string {
  let width = 0;
  let end = 0;
  for (const ch of text) {
    width += charWidth(ch);
    if (width > columns) break;
    end += ch.length;
  }
  return text.slice(0, end);
}

export interface FrameLine {
  number: number;
  text: string;
  /** Caret line for the line holding the span start. */
  marker?: string;
}

/** Lines `line-1 … line+1` with a marker under the start line (columns are 1-based, in UTF-16 units like yaml's). */
/** The lines of the last source framed: reports come sorted by file, so a file is split once, not once per diagnostic. */
let split: { source: string; lines: string[] } | undefined;

export function codeFrame(source: string, line: number, column: number, endLine: number, endColumn: number): FrameLine[] {
  if (split?.source !== source) split = { source, lines: source.split(/\r?\n/) };
  const lines = split.lines;
  const out: FrameLine[] = [];
  for (let n = Math.max(1, line - 1); n <= Math.min(lines.length, line + 1); n++) {
    const text = (lines[n - 1] ?? '').replace(/\t/g, ' ');
    const entry: FrameLine = { number: n, text: displayWidth(text) > 160 ? `${fitWidth(text, 157)}…` : text };
    if (n === line) {
      const startCol = Math.max(1, column);
      const stopCol = endLine === line && endColumn > startCol ? endColumn : Math.max(startCol + 1, text.length + 1);
      const pad = displayWidth(text.slice(0, startCol - 1));
      const len = Math.max(1, Math.min(displayWidth(text.slice(startCol - 1, stopCol - 1)), 80));
      entry.marker = `${' '.repeat(pad)}${'^'.repeat(len)}`;
    }
    out.push(entry);
  }
  return out;
}
