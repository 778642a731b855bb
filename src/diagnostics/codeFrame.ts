// A few lines of source around a diagnostic, with a caret line under the span.

/** Display width: CJK and full-width characters take two columns in a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    width += (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd) ? 2 : 1;
  }
  return width;
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
    const entry: FrameLine = { number: n, text: text.length > 160 ? `${text.slice(0, 157)}…` : text };
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
