import { describe, expect, it } from 'vitest';
import { resolveGeometry } from '../../src/layout/resolveGeometry.js';
import { PRESETS, charPitchMm, linePitchMm } from '../../src/layout/presets.js';
import { geometryCss, pageNumberPaddingMm } from '../../src/layout/geometryCss.js';
import { fitMasthead } from '../../src/layout/fitMasthead.js';
import { render } from '../../src/i18n/message.js';

describe('resolveGeometry', () => {
  it('gives each preset as it is, with no problems', () => {
    for (const preset of Object.keys(PRESETS) as (keyof typeof PRESETS)[]) {
      expect(resolveGeometry({ preset })).toEqual({ geometry: PRESETS[preset], problems: [] });
    }
    expect(resolveGeometry().geometry).toEqual(PRESETS.standard);
  });

  it('keeps the GB/T 9704 grid of the standard preset: 22 lines of 28 characters in 156 × 225 mm, margins 37/35/28/26', () => {
    const g = PRESETS.standard;
    expect(linePitchMm(g)).toBeCloseTo(225 / 22, 10);
    expect(charPitchMm(g)).toBeCloseTo(156 / 28, 10);
    expect(g.margins).toEqual({ top: 37, bottom: 35, inner: 28, outer: 26 });
    expect(pageNumberPaddingMm(g)).toBe(4.2);
  });

  it('applies single overrides and derives the bottom and outer margins from the paper', () => {
    const { geometry, problems } = resolveGeometry({ preset: 'standard', grid: { lines: 20 }, bodySize: 15, paper: { width: 185, height: 260 }, typeArea: { width: 150, height: 200 }, margins: { top: 30, inner: 25 } });
    expect(problems).toEqual([]);
    expect(geometry.grid).toEqual({ lines: 20, chars: 28 });
    expect(geometry.sizes.body).toBe(15);
    expect(geometry.margins).toEqual({ top: 30, inner: 25, bottom: 30, outer: 10 });
    expect(geometry.paper).toEqual({ name: '', width: 185, height: 260 });
    expect(geometryCss(geometry, '- N -', fitMasthead('测试园区', '工作动态', geometry))).toContain('size: 185mm 260mm;');
  });

  it('names a paper size by its keyword', () => {
    const { geometry, problems } = resolveGeometry({ preset: 'a5-booklet', paper: 'A5' });
    expect(problems).toEqual([]);
    expect(geometryCss(geometry, '— N —', fitMasthead('测试园区', '工作动态', geometry))).toContain('size: A5;');
  });

  it('refuses what cannot print, pointing at the key the series set', () => {
    expect(resolveGeometry({ paper: 'A5' }).problems.map((p) => p.path)).toEqual([['layout', 'paper'], ['layout', 'paper']]);
    const dense = resolveGeometry({ grid: { chars: 32 } }).problems;
    expect(dense).toHaveLength(1);
    expect(dense[0]!.path).toEqual(['layout', 'grid']);
    expect(render(dense[0]!.hint, 'en')).toContain('29 or fewer');
    expect(render(resolveGeometry({ grid: { lines: 40 } }).problems[0]!.message, 'en')).toContain('too close for 16 pt text');
  });
});

describe('geometryCss: the sides (docs/duplex.md)', () => {
  const geometry = PRESETS.standard;
  const css = (sides: { duplex: boolean; bodyStartsOn: 'next' | 'right' }) => geometryCss(geometry, '- N -', fitMasthead('测试园区', '工作动态', geometry), sides);
  it('double-sided: the physical sides carry the margins and the number (binding left and number right on :right pages)', () => {
    const text = css({ duplex: true, bodyStartsOn: 'next' });
    expect(text).toMatch(/@page body:right \{ margin: 37mm 26mm 35mm 28mm; @bottom-right/);
    expect(text).toMatch(/@page body:left \{ margin: 37mm 28mm 35mm 26mm; @bottom-left/);
    expect(text).not.toContain('> .blank-page { display: block; }');
  });
  it('bodyStartsOn: right shows the blank back of an odd cover; single-sided every page is a right-hand page', () => {
    expect(css({ duplex: true, bodyStartsOn: 'right' })).toContain('.issue-body.cover-odd > .blank-page { display: block; }');
    const simplex = css({ duplex: false, bodyStartsOn: 'right' });
    expect(simplex).toMatch(/@page body \{ margin: 37mm 26mm 35mm 28mm; @bottom-right/);
    expect(simplex).not.toMatch(/:left|blank-page \{ display: block/);
  });
});
