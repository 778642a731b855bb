// Fitting the contents (print/fitContents.ts): a try is made only when closer lines could take the
// spilled entries back, judged from where the entries were printed.
import { describe, expect, it } from 'vitest';
import { couldTakeBack } from '../../src/print/fitContents.js';
import { tocAnchor, type PageState } from '../../src/model/pagination.js';
import type { Destination } from '../../src/print/readDestinations.js';

const TYPE_AREA = 637.8; // 225 mm
const PITCH = 28.99; // 22 lines
const RATIO = 27.5 / PITCH; // the standard preset's least pitch

/** A two-page cover whose contents entries were printed at these (page index, top) places. */
function printed(places: [number, number][]): { state: PageState; dests: Map<string, Destination> } {
  const toc = places.map((_, i) => ({ kind: 'article' as const, id: `a${i + 1}`, text: `第${i + 1}篇`, page: i + 1 }));
  const dests = new Map<string, Destination>(places.map(([pageIndex, top], i) => [tocAnchor(`a${i + 1}`), { pageIndex, top }]));
  const state: PageState = { pages: undefined, coverPages: 2, distributionOffset: 0, toc };
  return { state, dests };
}

describe('couldTakeBack', () => {
  it('refuses when two-line entries spill two: 5 % closer lines free well under the four lines they need', () => {
    // The photo issue of the bench: entries two lines high under the masthead, two on the second page.
    const { state, dests } = printed([[0, 291], [0, 320], [0, 378], [0, 437], [0, 494], [0, 552], [1, 43], [1, 101]]);
    expect(couldTakeBack(state, dests, RATIO, TYPE_AREA, PITCH)).toBe(false);
  });

  it('tries when one one-line entry spilled from a page of one-line entries', () => {
    const tops: [number, number][] = Array.from({ length: 11 }, (_, i) => [0, 300 + i * PITCH] as [number, number]);
    const { state, dests } = printed([...tops, [1, 43]]);
    expect(couldTakeBack(state, dests, RATIO, TYPE_AREA, PITCH)).toBe(true);
  });

  it('tries when it cannot tell (no entry printed on the page before)', () => {
    const { state, dests } = printed([[1, 43], [1, 72]]);
    expect(couldTakeBack(state, dests, RATIO, TYPE_AREA, PITCH)).toBe(true);
  });
});
