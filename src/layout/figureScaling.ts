// The warning (`figure-scaled`) for a figure the page cannot hold at the size asked: it is printed
// smaller, whole, never clipped (layout/figureGeometry.ts says how much).
import type { Figure } from '../model/types.js';
import { figureBox, groupBox, gridChars } from './figureGeometry.js';
import { charPitchMm, type PageGeometry } from './presets.js';

export interface Scaling {
  readonly message: string;
  readonly hint: string;
}

const pct = (part: number, whole: number) => Math.round((100 * part) / whole);

/** A single photo at `widthPercent` of the measure taller than the type area holds with its caption. */
export function figureScaling(figure: Pick<Figure, 'pixels' | 'caption'>, widthPercent: number, g: PageGeometry): Scaling | undefined {
  const box = figureBox({ ...figure, widthPercent }, g);
  if (box.wantedLines === undefined || box.lines === undefined) return undefined;
  const asked = gridChars(widthPercent, g) * charPitchMm(g);
  return {
    message: `at ${widthPercent}% of the type area this photo would be ${box.wantedLines} lines tall and a page has ${g.grid.lines}: it is printed at ${box.lines} lines, ${pct(box.widthMm, asked)}% of the width asked (${Math.round(box.widthMm)} mm)`,
    hint: `Give it a smaller \`width:\` (about ${Math.max(20, Math.floor(pct(box.widthMm, g.grid.chars * charPitchMm(g)) / 5) * 5)}%) to silence this, or crop the photo to a wider shape.`,
  };
}

/** A group whose photos, side by side at the full measure, would be taller than the type area holds. */
export function groupScaling(members: readonly Pick<Figure, 'pixels' | 'caption'>[], sharedCaption: string | undefined, g: PageGeometry): Scaling | undefined {
  const box = groupBox(members, sharedCaption, g);
  if (box.wantedLines === undefined) return undefined;
  const width = box.widthsMm.reduce((a, b) => a + b, 0);
  return {
    message: `side by side at the full width these ${members.length} photos would be ${box.wantedLines} lines tall and a page has ${g.grid.lines}: they are printed at ${box.lines} lines, ${Math.round(width)} mm wide together`,
    hint: 'Crop the photos to a wider shape, or put them in figures of their own (`image:`), one under the other.',
  };
}
