// The warning (`figure-scaled`) for a figure the page cannot hold at the size asked: it is printed
// smaller, whole, never clipped (layout/figureGeometry.ts says how much).
import type { Figure } from '../model/types.js';
import { figureBox, groupBox, gridChars } from './figureGeometry.js';
import { charPitchMm, type PageGeometry } from './presets.js';
import { msg, type Message } from '../i18n/message.js';

export interface Scaling {
  readonly message: Message;
  readonly hint: Message;
}

const pct = (part: number, whole: number) => Math.round((100 * part) / whole);

/** A single photo at `widthPercent` of the measure taller than the type area holds with its caption. */
export function figureScaling(figure: Pick<Figure, 'pixels' | 'caption'>, widthPercent: number, g: PageGeometry): Scaling | undefined {
  const box = figureBox({ ...figure, widthPercent }, g);
  if (box.wantedLines === undefined || box.lines === undefined) return undefined;
  const asked = gridChars(widthPercent, g) * charPitchMm(g);
  return {
    message: msg('figure-scaled.photo', { percent: widthPercent, wanted: box.wantedLines, lines: g.grid.lines, printed: box.lines, share: pct(box.widthMm, asked), mm: Math.round(box.widthMm) }),
    hint: msg('figure-scaled.photo.hint', { percent: Math.max(20, Math.floor(pct(box.widthMm, g.grid.chars * charPitchMm(g)) / 5) * 5) }),
  };
}

/** A group whose photos, side by side at the full measure, would be taller than the type area holds. */
export function groupScaling(members: readonly Pick<Figure, 'pixels' | 'caption'>[], sharedCaption: string | undefined, g: PageGeometry): Scaling | undefined {
  const box = groupBox(members, sharedCaption, g);
  if (box.wantedLines === undefined) return undefined;
  const width = box.widthsMm.reduce((a, b) => a + b, 0);
  return {
    message: msg('figure-scaled.group', { count: members.length, wanted: box.wantedLines, lines: g.grid.lines, printed: box.lines, mm: Math.round(width) }),
    hint: msg('figure-scaled.group.hint'),
  };
}
