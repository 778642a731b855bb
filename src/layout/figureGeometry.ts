// Figures on the grid: a width of whole characters, an image height of whole lines, so the text
// beside a floated figure stays on the grid.
import type { Figure } from '../model/types.js';
import { charPitchMm, linePitchMm, type PageGeometry } from './presets.js';

/** Whole characters of the grid closest to a percentage of the type-area width (at least three). */
export function gridChars(percent: number, g: PageGeometry): number {
  const chars = g.grid.chars;
  return Math.max(3, Math.min(chars, Math.round((chars * percent) / 100)));
}

/** Lines of the grid the image itself takes, when its pixel size is known (at least two). */
export function imageLines(figure: Figure, g: PageGeometry): number | undefined {
  const pixelSize = figure.pixels;
  if (!pixelSize || pixelSize.width === 0) return undefined;
  const widthMm = gridChars(figure.widthPercent, g) * charPitchMm(g);
  const heightMm = (widthMm * pixelSize.height) / pixelSize.width;
  return Math.max(2, Math.round(heightMm / linePitchMm(g)));
}
