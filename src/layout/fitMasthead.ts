// The masthead (报头) on one line each: the red series line and the name under it, at the preset's
// sizes and letter-spacing when they fit the type area, else with less letter-spacing, then smaller
// down to the preset's floor (`seriesLineMin`, `mastheadMin`). A text that does not fit even then is
// reported (validate: `masthead-too-long`, `series-line-too-long`) and printed all the same: the name
// smaller still, on its one line; the series line at its floor, in balanced lines.
import { ptFromMm, type PageGeometry } from './presets.js';
import { textEm } from './textEm.js';

/** Letter-spacing of the name and of the series line, in em, as the seed prints them, and the least they may take. */
export const NAME_TRACKING = { preferred: 0.35, least: 0.02 } as const;
export const SERIES_LINE_TRACKING = { preferred: 0.3, least: 0.02 } as const;

/** Room left at the sides, in parts of the type area's width (rounding of the letter-spacing). */
const SAFETY = 0.99;

export interface LineFit {
  /** Font size, pt. */
  size: number;
  /** Letter-spacing, em (also the line's text-indent, so the spaced characters stay centred). */
  tracking: number;
  /** The text fits on one line at `size` without going under the floor. */
  fits: boolean;
}

export interface MastheadFit {
  seriesLine: LineFit;
  name: LineFit;
}

/** Width of a letter-spaced line, in em of its size: each character's advance and spacing, and the indent that balances the last one's. */
function spacedEm(text: string, tracking: number): number {
  return textEm(text) + ([...text].length + 1) * tracking;
}

export function fitLine(text: string, measurePt: number, size: { preferred: number; least: number }, tracking: { preferred: number; least: number }): LineFit {
  const em = textEm(text);
  const count = [...text].length;
  if (size.preferred * spacedEm(text, tracking.preferred) <= measurePt) return { size: size.preferred, tracking: tracking.preferred, fits: true };
  const spacing = Math.floor(((measurePt / size.preferred - em) / (count + 1)) * 100) / 100;
  if (spacing >= tracking.least) return { size: size.preferred, tracking: spacing, fits: true };
  const fitted = Math.floor((measurePt / spacedEm(text, tracking.least)) * 2) / 2;
  return { size: fitted, tracking: tracking.least, fits: fitted >= size.least };
}

export function fitMasthead(seriesLine: string, name: string, g: PageGeometry): MastheadFit {
  const measure = ptFromMm(g.typeArea.width) * SAFETY;
  const line = fitLine(seriesLine, measure, { preferred: g.sizes.seriesLine, least: g.sizes.seriesLineMin }, SERIES_LINE_TRACKING);
  return {
    // Too long for its line at the floor: set at the floor and wrapped (balanced) by the stylesheet.
    seriesLine: line.fits ? line : { ...line, size: g.sizes.seriesLineMin },
    name: fitLine(name, measure, { preferred: g.sizes.masthead, least: g.sizes.mastheadMin }, NAME_TRACKING),
  };
}
