// Fitting's steps (src/layout/fitCandidates.ts) and the last-page decision (src/print/fitLastPage.ts)
// on numbers; test/e2e/fit-last-page.test.ts prints the issues it is for.
import { describe, expect, it } from 'vitest';
import { describeStep, fitSteps, gridPitch } from '../../src/layout/fitCandidates.js';
import { PRESETS, ptFromMm } from '../../src/layout/presets.js';
import { resolveGeometry } from '../../src/layout/resolveGeometry.js';
import { needsFitting } from '../../src/print/fitLastPage.js';

describe('fitSteps', () => {
  it('standard: within pitch ≥ 27.5 pt and one character more a line (−0.034 em), least squeeze first', () => {
    const steps = fitSteps(PRESETS.standard);
    const grid = gridPitch(PRESETS.standard);
    expect(steps.map((s) => [Math.round(s.pitchPt * 100) / 100, s.chars])).toEqual([
      [28.25, 28], [28.99, 29], [27.5, 28], [28.25, 29], [27.5, 29],
    ]);
    for (const s of steps) {
      expect(s.pitchPt).toBeGreaterThanOrEqual(27.5);
      expect(s.trackingEm).toBeGreaterThanOrEqual(-0.035);
      // Every step sets its characters in the type area, no tighter than validate allows (0.95 em).
      expect(s.charPt * s.chars).toBeLessThanOrEqual(ptFromMm(156) + 1e-6);
      expect(s.charPt).toBeGreaterThanOrEqual(0.95 * 16);
    }
    expect(steps.map((s) => s.squeeze)).toEqual([...steps.map((s) => s.squeeze)].sort((a, b) => a - b));
    expect(steps[1]!.pitchPt).toBe(grid.pitchPt);
    expect(describeStep(steps[1]!)).toBe('pitch 28.99 pt, tracking −0.034 em');
  });

  it('a grid already at its tightest gains no character: only the pitch is tightened', () => {
    // 29 characters of 16 pt in 156 mm: 15.25 pt each; a 30th would need 14.74 pt (< 0.95 em).
    const { geometry } = resolveGeometry({ grid: { lines: 22, chars: 29 } });
    expect(new Set(fitSteps(geometry).map((s) => s.chars))).toEqual(new Set([29]));
  });
});

describe('needsFitting', () => {
  const page = (o: Partial<{ bodyPages: number; lines: number; distributionLines: number; alone: boolean }>) => ({ bodyPages: 5, lines: 10, distributionLines: 0, alone: false, freeBefore: 0, ...o });
  it('a last page of the 版记 alone, or of 4 lines or fewer (the 版记\'s count); not a full one, not the only page', () => {
    expect(needsFitting(page({ lines: 0, distributionLines: 5, alone: true }), 4)).toBe(true);
    expect(needsFitting(page({ lines: 4, distributionLines: 3 }), 4)).toBe(false);
    expect(needsFitting(page({ lines: 1, distributionLines: 3 }), 4)).toBe(true);
    // The 版记 with only the lines kept with it (the last two and the source line): the page a 版记 alone became.
    expect(needsFitting(page({ lines: 3, distributionLines: 3 }), 4)).toBe(true);
    expect(needsFitting(page({ lines: 3, distributionLines: 3 }), 0)).toBe(true);
    expect(needsFitting(page({ lines: 4 }), 4)).toBe(true);
    expect(needsFitting(page({ lines: 5 }), 4)).toBe(false);
    expect(needsFitting(page({ lines: 2, bodyPages: 1 }), 4)).toBe(false);
    expect(needsFitting(page({ lines: 2 }), 0)).toBe(false);
  });
});
