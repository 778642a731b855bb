// The masthead on one line each: size and letter-spacing within the preset's limits.
import { describe, expect, it } from 'vitest';
import { fitMasthead, NAME_TRACKING, SERIES_LINE_TRACKING } from '../../src/layout/fitMasthead.js';
import { PRESETS, ptFromMm } from '../../src/layout/presets.js';
import { checkMasthead } from '../../src/check/checkMasthead.js';

const width = (text: string, fit: { size: number; tracking: number }) => fit.size * ([...text].length + ([...text].length + 1) * fit.tracking);

describe.each(Object.keys(PRESETS) as (keyof typeof PRESETS)[])('fitMasthead (%s)', (preset) => {
  const g = PRESETS[preset];
  const measure = ptFromMm(g.typeArea.width);

  it('keeps the preset sizes and spacing when they fit (the seed)', () => {
    const fit = fitMasthead('国家生态工业示范园区', '工作动态', g);
    expect(fit.seriesLine).toEqual({ size: g.sizes.seriesLine, tracking: SERIES_LINE_TRACKING.preferred, fits: true });
    expect(fit.name).toEqual({ size: g.sizes.masthead, tracking: NAME_TRACKING.preferred, fits: true });
  });

  it('fits a name of up to 10 characters and a series line of up to 20 within the type area, no smaller than the floor', () => {
    for (let n = 1; n <= 20; n++) {
      const line = '国'.repeat(n);
      const fit = fitMasthead(line, line.slice(0, Math.min(n, 10)), g);
      expect(fit.seriesLine.fits, `${n} characters`).toBe(true);
      expect(fit.seriesLine.size).toBeGreaterThanOrEqual(g.sizes.seriesLineMin);
      expect(width(line, fit.seriesLine)).toBeLessThanOrEqual(measure);
      const name = line.slice(0, Math.min(n, 10));
      expect(fit.name.fits).toBe(true);
      expect(fit.name.size).toBeGreaterThanOrEqual(g.sizes.mastheadMin);
      expect(width(name, fit.name)).toBeLessThanOrEqual(measure);
      // Less letter-spacing first, then smaller.
      if (fit.name.size < g.sizes.masthead) expect(fit.name.tracking).toBe(NAME_TRACKING.least);
    }
  });

  it('warns beyond that, and still keeps the name within the type area', () => {
    const name = '北京生态环境保护工作动态';
    const fit = fitMasthead('国'.repeat(30), name, g);
    expect(fit.name.fits).toBe(false);
    expect(width(name, fit.name)).toBeLessThanOrEqual(measure);
    expect(fit.seriesLine).toMatchObject({ fits: false, size: g.sizes.seriesLineMin });
    expect(checkMasthead('国'.repeat(30), name, g).map((p) => [p.key, p.code])).toEqual([['series', 'series-line-too-long'], ['name', 'masthead-too-long']]);
    expect(checkMasthead('国'.repeat(20), '国'.repeat(10), g)).toEqual([]);
  });
});
