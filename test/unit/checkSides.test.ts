// The self-check of the sides (src/check/checkSides.ts) on pages drawn by hand: a body page's number
// and its text block where its sheet side puts them (docs/duplex.md), then on the other side.
import { describe, expect, it } from 'vitest';
import { checkSides } from '../../src/check/checkSides.js';
import type { PageText, TextRun } from '../../src/check/readPdfText.js';
import { PRESETS, ptFromMm } from '../../src/layout/presets.js';

const g = PRESETS.standard;
const W = ptFromMm(g.paper.width);
const H = ptFromMm(g.paper.height);

/** A body page laid out as `layout` ('right': binding margin on the left, number on the right). */
function page(body: number | undefined, layout: 'right' | 'left'): PageText {
  const left = ptFromMm(layout === 'right' ? g.margins.inner : g.margins.outer);
  const top = H - ptFromMm(g.margins.top);
  const runs: TextRun[] = [{ text: '正文一行', size: 16, baseline: top - 20, box: { x0: left, x1: left + ptFromMm(g.typeArea.width), y0: top - 24, y1: top - 8 } }];
  if (body !== undefined) {
    const y = top - ptFromMm(g.typeArea.height + 7);
    const x0 = layout === 'right' ? left + ptFromMm(g.typeArea.width) - 50 : left + 14;
    runs.push({ text: `- ${body} -`, size: 14, baseline: y, box: { x0, x1: x0 + 36, y0: y - 3, y1: y + 12 } });
  }
  return { compact: runs.map((r) => r.text).join('').replace(/\s+/g, ''), runs, images: [], page: { x0: 0, y0: 0, x1: W, y1: H } };
}

describe('checkSides', () => {
  it('passes pages laid out for their physical side: after a one-page cover body page 1 is a left-hand page', () => {
    expect(checkSides(g, '- N -', [page(undefined, 'right'), page(1, 'left'), page(2, 'right'), page(3, 'left')], 1, true)).toEqual([]);
  });

  it('names a body page laid out for the other side by its number', () => {
    const problems = checkSides(g, '- N -', [page(undefined, 'right'), page(1, 'right'), page(2, 'right')], 1, true);
    expect(problems.map((p) => p.page)).toEqual([2]);
    expect(problems[0]!.message).toBe('body page 1 (sheet side 2, a left-hand page in double-sided printing) prints its number - 1 - on the right; GB/T 9704 puts it on the left of a left-hand page');
  });

  it('after a blank back (two sides before the body), body page 1 is a right-hand page', () => {
    expect(checkSides(g, '- N -', [page(undefined, 'right'), { ...page(undefined, 'left'), runs: [], compact: '' }, page(1, 'right'), page(2, 'left')], 2, true)).toEqual([]);
    expect(checkSides(g, '- N -', [page(undefined, 'right'), { ...page(undefined, 'left'), runs: [], compact: '' }, page(1, 'left')], 2, true)).toHaveLength(1);
  });

  it('single-sided, every page is a right-hand page', () => {
    expect(checkSides(g, '- N -', [page(undefined, 'right'), page(1, 'right'), page(2, 'right')], 1, false)).toEqual([]);
    expect(checkSides(g, '- N -', [page(undefined, 'right'), page(1, 'left')], 1, false).map((p) => p.message)[0])
      .toBe('body page 1 (sheet side 2, a right-hand page: single-sided, every page is one) prints its number - 1 - on the left; GB/T 9704 puts it on the right of a right-hand page');
  });
});
