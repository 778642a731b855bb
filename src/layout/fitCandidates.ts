// Fitting (GB/T 9704 7.3.5.1: when the last page does not work out, adjust the line and character
// spacing): the tightenings a range of articles may get within the preset's limits, least first.
// Pure numbers; the print side (print/fitLastPage.ts) tries them, the model records the one chosen.
import { charPitchMm, linePitchMm, ptFromMm, type PageGeometry } from './presets.js';

/** One tightening: the paragraphs' line pitch and character pitch (pt). */
export interface FitStep {
  readonly pitchPt: number;
  /** Characters a full line holds (the grid's, or one more). */
  readonly chars: number;
  readonly charPt: number;
  /** The letter-spacing change from the grid's, in ems of the body size (negative: tighter). */
  readonly trackingEm: number;
  /** How much less room the text takes: 1 − (pitch/grid pitch) × (grid chars/chars). */
  readonly squeeze: number;
}

/** Validate's own floor for a character pitch (layout/resolveGeometry.ts): CJK faces touch below it. */
const MIN_CHAR_PITCH_EM = 0.95;

const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

/** The grid's own line and character pitch (pt). */
export function gridPitch(g: PageGeometry): { pitchPt: number; charPt: number } {
  return { pitchPt: ptFromMm(linePitchMm(g)), charPt: ptFromMm(charPitchMm(g)) };
}

/**
 * Every tightening within the preset's limits, the least first: the line pitch at the grid's, half
 * way to the least, and the least; the characters at the grid's count or as many more a line as the
 * tracking limit allows. (Tracking that adds no character to a line changes no line: not a step.)
 */
export function fitSteps(g: PageGeometry): FitStep[] {
  const grid = gridPitch(g);
  const width = ptFromMm(g.typeArea.width);
  const minPitch = Math.min(grid.pitchPt, g.fit.minPitchPt);
  const pitches = [...new Set([grid.pitchPt, round((grid.pitchPt + minPitch) / 2, 2), minPitch])];
  const minChar = Math.max(grid.charPt + g.fit.minTrackingEm * g.sizes.body, MIN_CHAR_PITCH_EM * g.sizes.body);
  const chars: number[] = [];
  for (let c = g.grid.chars; width / c >= minChar - 1e-9; c++) chars.push(c);
  const steps: FitStep[] = [];
  for (const pitchPt of pitches) {
    for (const c of chars) {
      const charPt = width / c;
      const squeeze = 1 - (pitchPt / grid.pitchPt) * (g.grid.chars / c);
      if (squeeze <= 1e-9) continue;
      steps.push({ pitchPt: pitchPt === grid.pitchPt ? pitchPt : round(pitchPt, 2), chars: c, charPt: round(charPt, 3), trackingEm: round((charPt - grid.charPt) / g.sizes.body, 3), squeeze: round(squeeze, 4) });
    }
  }
  return steps.sort((a, b) => a.squeeze - b.squeeze);
}

/** "pitch 28.2 pt, tracking −0.034 em": a step as the summary line and inspect say it. */
export function describeStep(step: Pick<FitStep, 'pitchPt' | 'trackingEm'>): string {
  const tracking = step.trackingEm === 0 ? '0' : `${step.trackingEm < 0 ? '−' : '+'}${Math.abs(step.trackingEm)}`;
  return `pitch ${Math.round(step.pitchPt * 100) / 100} pt, tracking ${tracking} em`;
}
