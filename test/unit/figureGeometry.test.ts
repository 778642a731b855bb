// Figures on the grid: a group of photos at one height across the measure, a photo too tall for the
// page scaled down (and warned about), and the print renditions sized to each photo's own width.
import { describe, expect, it } from 'vitest';
import { captionLines, figureBox, groupBox } from '../../src/layout/figureGeometry.js';
import { figureScaling, groupScaling } from '../../src/layout/figureScaling.js';
import { renditionWidths } from '../../src/images/figureRenditions.js';
import { charPitchMm, linePitchMm, PRESETS } from '../../src/layout/presets.js';
import { render } from '../../src/i18n/message.js';

const g = PRESETS.standard;
const measure = g.grid.chars * charPitchMm(g);
const photo = (width: number, height: number, caption?: string) => ({ pixels: { width, height }, caption });

describe('groupBox', () => {
  it('sets two photos of different shapes at one height, together with a one-character gutter the measure, on whole lines', () => {
    const box = groupBox([photo(640, 480), photo(600, 400)], undefined, g);
    expect(box.wantedLines).toBeUndefined();
    // Each photo's width follows its shape at the shared height.
    expect(box.widthsMm[0]! / box.heightMm).toBeCloseTo(640 / 480, 6);
    expect(box.widthsMm[1]! / box.heightMm).toBeCloseTo(600 / 400, 6);
    expect(box.widthsMm.reduce((a, b) => a + b, 0) + charPitchMm(g)).toBeCloseTo(measure, 6);
    // The row takes the whole lines the height needs, no more.
    expect(box.lines).toBe(Math.ceil(box.heightMm / linePitchMm(g)));
  });

  it('fits three photos with two gutters', () => {
    const box = groupBox([photo(400, 300), photo(400, 300), photo(300, 400)], '三张照片', g);
    expect(box.widthsMm).toHaveLength(3);
    expect(box.widthsMm.reduce((a, b) => a + b, 0) + 2 * charPitchMm(g)).toBeCloseTo(measure, 6);
  });

  it('scales a group of tall photos down to the lines a page has, with their captions, and says so', () => {
    const members = [photo(60, 240), photo(60, 200, '监测杆')];
    const box = groupBox(members, '说明', g);
    expect(box.wantedLines).toBeGreaterThan(g.grid.lines);
    expect(box.lines + captionLines('监测杆', box.widthsMm[1]!, g) + 1).toBeLessThanOrEqual(g.grid.lines);
    expect(render(groupScaling(members, '说明', g)!.message, 'en')).toMatch(/would be \d+ lines tall and a page has 22: they are printed at \d+ lines/);
    expect(groupScaling([photo(640, 480), photo(600, 400)], undefined, g)).toBeUndefined();
  });
});

describe('figureBox', () => {
  it('keeps a photo that fits at its width of whole characters', () => {
    const box = figureBox({ ...photo(640, 480), widthPercent: 50 }, g);
    expect(box.widthMm).toBeCloseTo(14 * charPitchMm(g), 6);
    expect(box.lines).toBe(Math.round((14 * charPitchMm(g) * 0.75) / linePitchMm(g)));
    expect(box.wantedLines).toBeUndefined();
  });

  it('scales a photo taller than the type area to fit it with its caption, narrower, never clipped', () => {
    const box = figureBox({ ...photo(60, 240), widthPercent: 100, caption: '园区新建的观测塔' }, g);
    expect(box.wantedLines).toBe(Math.round((measure * 4) / linePitchMm(g)));
    expect(box.lines! + captionLines('园区新建的观测塔', box.widthMm, g)).toBeLessThanOrEqual(g.grid.lines);
    // The photo keeps its proportions at the smaller size.
    expect(box.widthMm / (box.lines! * linePitchMm(g))).toBeCloseTo(60 / 240, 6);
    const warning = figureScaling(photo(60, 240, '园区新建的观测塔'), 100, g);
    expect(render(warning!.message, 'en')).toContain('would be 61 lines tall and a page has 22');
    expect(render(warning!.hint, 'en')).toMatch(/smaller `width:` \(about \d+%\)/);
  });
});

describe('renditionWidths', () => {
  it('sizes the print rendition by the printed width given (a photo of a group), not the figure\'s percentage', () => {
    const box = groupBox([photo(4000, 3000), photo(4000, 3000)], undefined, g);
    const own = renditionWidths({ widthPercent: 100, place: 'centre' }, g, 300, box.widthsMm[0]);
    expect(own.print).toBe(Math.ceil((box.widthsMm[0]! / 25.4) * 300));
    expect(own.print).toBeLessThan(renditionWidths({ widthPercent: 100, place: 'centre' }, g, 300).print * 0.55);
    expect(own.screenCss).toBeLessThan(360);
  });
});

describe('captionLines', () => {
  it('counts the lines of a caption at the caption size', () => {
    expect(captionLines(undefined, 50, g)).toBe(0);
    expect(captionLines('会议现场', 50, g)).toBe(1);
    expect(captionLines('区生态环境局会同各街镇召开项目调度会', 61, g)).toBe(2);
  });
});
