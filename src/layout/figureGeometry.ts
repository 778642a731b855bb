// Figures on the grid: a width of whole characters, an image height of whole lines, so the text
// beside a floated figure stays on the grid. A figure whose photo would be taller than the type
// area (with its caption) is scaled down to fit, never clipped; a group of photos side by side
// takes the full measure at one height of whole lines.
import type { Figure } from '../model/types.js';
import { charPitchMm, linePitchMm, ptFromMm, type PageGeometry } from './presets.js';
import { textEm } from './textEm.js';

/** Whole characters of the grid closest to a percentage of the type-area width (at least three). */
export function gridChars(percent: number, g: PageGeometry): number {
  const chars = g.grid.chars;
  return Math.max(3, Math.min(chars, Math.round((chars * percent) / 100)));
}

/** Lines a caption takes at the caption size in a box `widthMm` wide (0 without a caption). */
export function captionLines(caption: string | undefined, widthMm: number, g: PageGeometry): number {
  if (!caption) return 0;
  const perLine = Math.max(1, Math.floor(ptFromMm(widthMm) / g.sizes.caption));
  return Math.ceil(textEm(caption) / perLine);
}

/** Width over height of a photo (4:3 when its pixel size is not known). */
function aspectOf(pixels: Figure['pixels']): number {
  return pixels && pixels.width > 0 && pixels.height > 0 ? pixels.width / pixels.height : 4 / 3;
}

export interface FigureBox {
  /** Printed width of the photo (and its caption), mm. */
  readonly widthMm: number;
  /** Lines of the grid the photo takes; undefined when its pixel size is not known. */
  readonly lines: number | undefined;
  /** Lines it would take at its width, when that is more than a page holds (it is then scaled down). */
  readonly wantedLines?: number;
}

/** A single figure's printed size: `widthPercent` of the measure, or less when it would be taller than the type area. */
export function figureBox(figure: Pick<Figure, 'pixels' | 'widthPercent' | 'caption'>, g: PageGeometry): FigureBox {
  const widthMm = gridChars(figure.widthPercent, g) * charPitchMm(g);
  const pixelSize = figure.pixels;
  if (!pixelSize || pixelSize.width === 0) return { widthMm, lines: undefined };
  const lines = Math.max(2, Math.round((widthMm * pixelSize.height) / pixelSize.width / linePitchMm(g)));
  const most = g.grid.lines - captionLines(figure.caption, widthMm, g);
  if (lines <= most) return { widthMm, lines };
  // Scaled to the lines the page has: the width follows the photo's proportions (the caption, narrower, may take a line more).
  const fit = Math.max(2, most - 1);
  return { widthMm: (fit * linePitchMm(g) * pixelSize.width) / pixelSize.height, lines: fit, wantedLines: lines };
}

/** Lines of the grid the image itself takes, when its pixel size is known (at least two). */
export function imageLines(figure: Figure, g: PageGeometry): number | undefined {
  return figureBox(figure, g).lines;
}

export interface GroupBox {
  /** The lines the photos' row takes on the grid (the photos, and the space above them that rounds them up to whole lines). */
  readonly lines: number;
  /** The photos' one height, mm: at most `lines` lines. */
  readonly heightMm: number;
  /** Each photo's printed width, mm: with a gutter of one character between them, the measure. */
  readonly widthsMm: readonly number[];
  /** Lines the group would take at the full measure, when that is more than a page holds. */
  readonly wantedLines?: number;
}

/**
 * Two or three photos side by side: one height, together the full measure with a one-character
 * gutter; the row takes whole lines of the grid (what the height lacks of a whole line is left above
 * the photos), so the text after it stays on the grid.
 */
export function groupBox(members: readonly Pick<Figure, 'pixels' | 'caption'>[], sharedCaption: string | undefined, g: PageGeometry): GroupBox {
  const gutter = charPitchMm(g);
  const aspects = members.map((m) => aspectOf(m.pixels));
  const room = g.grid.chars * charPitchMm(g) - gutter * (members.length - 1);
  const sum = aspects.reduce((a, b) => a + b, 0);
  const heightMm = room / sum;
  const lines = Math.max(2, Math.ceil(heightMm / linePitchMm(g) - 1e-6));
  const widths = (h: number) => aspects.map((a) => h * a);
  const captions = (ws: readonly number[]) => Math.max(0, ...members.map((m, i) => captionLines(m.caption, ws[i]!, g))) + captionLines(sharedCaption, g.grid.chars * charPitchMm(g), g);
  const most = g.grid.lines - captions(widths(heightMm));
  if (lines <= most) return { lines, heightMm, widthsMm: widths(heightMm) };
  // Too tall for a page: whole lines, the widths following (the captions, narrower, may take a line more).
  const fit = Math.max(2, most - 1);
  return { lines: fit, heightMm: fit * linePitchMm(g), widthsMm: widths(fit * linePitchMm(g)), wantedLines: lines };
}

/** The members of the group `figure` belongs to, in order (itself alone when it is not in a group). */
export function groupOf(figure: Figure, figures: readonly Figure[]): Figure[] {
  if (!figure.group) return [figure];
  return figures.filter((f) => f.group?.entry === figure.group!.entry);
}

/** A photo's printed width, mm: its own, or its share of its group's. */
export function printedWidthMm(figure: Figure, figures: readonly Figure[], g: PageGeometry): number {
  if (!figure.group) return figureBox(figure, g).widthMm;
  const members = groupOf(figure, figures);
  return groupBox(members, figure.group.caption, g).widthsMm[members.indexOf(figure)] ?? figureBox(figure, g).widthMm;
}
