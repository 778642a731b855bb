// Article titles print one source line per printed line: a line too long for the title size (二号,
// 22 pt, in the standard preset) is set smaller to fit the type area, down to the preset's smallest.
import { ptFromMm, type PageGeometry } from '../layout/presets.js';

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
export function titleLineSize(text: string, g: PageGeometry): number {
  const fit = (ptFromMm(g.typeArea.width) * 0.97) / (estimateEm(text) + 0.5);
  return Math.max(g.sizes.titleMin, Math.min(g.sizes.title, Math.floor(fit * 2) / 2));
}

/** Class of a title line that needs a smaller size, or '' when the title size fits. */
export function titleLineClass(text: string, g: PageGeometry): string {
  const size = titleLineSize(text, g);
  return size < g.sizes.title ? `fit-${Math.round(size * 10)}` : '';
}

export function titleFitCss(lines: readonly string[], g: PageGeometry): string[] {
  const classes = new Set(lines.map((line) => titleLineClass(line, g)).filter(Boolean));
  return [...classes].sort().map((c) => `.title-line.${c} { font-size: ${Number(c.slice(4)) / 10}pt; }`);
}
