// Article titles print one source line per printed line: a line too long for 二号 (22pt) is set smaller to fit.

/** Width of the type area in points (156 mm). */
const MEASURE_PT = (156 / 25.4) * 72;
export const TITLE_SIZE_PT = 22;
const SMALLEST_PT = 14;

/** Estimated advance in em: CJK and full-width forms 1, Latin letters and digits about 0.6. */
export function estimateEm(text: string): number {
  let em = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    em += cp < 0x2e80 ? (ch === ' ' ? 0.3 : 0.6) : 1;
  }
  return em;
}

/** Font size in half points so the line fits the type area with one character to spare. */
export function titleLineSize(text: string): number {
  const fit = (MEASURE_PT * 0.97) / (estimateEm(text) + 0.5);
  return Math.max(SMALLEST_PT, Math.min(TITLE_SIZE_PT, Math.floor(fit * 2) / 2));
}

/** Class of a title line that needs a smaller size, or '' when 二号 fits. */
export function titleLineClass(text: string): string {
  const size = titleLineSize(text);
  return size < TITLE_SIZE_PT ? `fit-${Math.round(size * 10)}` : '';
}

export function titleFitCss(lines: readonly string[]): string[] {
  const classes = new Set(lines.map(titleLineClass).filter(Boolean));
  return [...classes].sort().map((c) => `.title-line.${c} { font-size: ${Number(c.slice(4)) / 10}pt; }`);
}
