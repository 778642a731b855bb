// End to end: the sides of double- and single-sided printing (issue 16, docs/duplex.md), read back
// with poppler as a print shop checks a proof: on each sheet side, where the page number lies across
// the page and where the text block starts. One build of two fixture series: `sides` (double-sided,
// `bodyStartsOn: right`: an issue with a one-page cover, whose back is left blank and unnumbered, and
// one with a two-page cover, which needs no blank) and `sides-simplex` (single-sided). The seed's
// one-page cover with `bodyStartsOn: next` (the default) is asserted in build-seed.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/pipeline.js';
import { REPO } from '../helpers.js';
import { bodyLines, buildEnv, CHAR_14PT_MM, CHROMIUM, footerLines, HAS_CHROMIUM, e2eTitle, readPages, SKIP_REASON, TYPE_AREA, type Page } from './poppler.js';

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

const DUPLEX = path.join(REPO, 'test', 'fixtures', 'sides');
const SIMPLEX = path.join(REPO, 'test', 'fixtures', 'sides-simplex');

let out: string;
let result: BuildResult;
const pages = new Map<string, Page[]>();

/** What a sheet side shows: its page number and on which side, and the left edge of its text block (mm). */
function sideOf(page: Page): { number: string | undefined; numberSide: 'left' | 'right' | undefined; left: number | undefined } {
  const footer = footerLines(page);
  const lines = bodyLines(page);
  const middle = 210 / 2;
  const n = footer[0];
  return {
    number: n?.text,
    numberSide: n ? ((n.x0 + n.x1) / 2 > middle ? 'right' : 'left') : undefined,
    left: lines.length ? Math.min(...lines.map((l) => l.x0)) : undefined,
  };
}

/** The pages after the cover as the print shop sees them: right-hand pages bind on the left and number on the right. */
function expectLaidOutAs(page: Page, side: 'right' | 'left', body: number): void {
  const s = sideOf(page);
  const where = `sheet side ${page.number} (body page ${body})`;
  expect(s.number, where).toBe(`—${body}—`); // the default form, — N —
  expect(s.numberSide, where).toBe(side);
  const typeLeft = side === 'right' ? TYPE_AREA.leftOdd : TYPE_AREA.leftEven;
  expect(Math.abs(s.left! - typeLeft), `${where}: text block ${s.left!.toFixed(1)} mm from the left edge`).toBeLessThanOrEqual(1);
  // The number one 四号 character in from the type area's outer edge.
  const n = footerLines(page)[0]!;
  if (side === 'right') expect(Math.abs(n.x1 - (typeLeft + TYPE_AREA.width - CHAR_14PT_MM)), where).toBeLessThanOrEqual(1);
  else expect(Math.abs(n.x0 - (typeLeft + CHAR_14PT_MM)), where).toBeLessThanOrEqual(1);
}

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('sides: double-sided with the body on a right-hand page, and single-sided'), () => {
  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'bulletin-e2e-sides-'));
    result = await build([DUPLEX, SIMPLEX], { cwd: REPO, outDir: out, browser: CHROMIUM, env: buildEnv() });
    for (const slug of ['2020-01', '2020-02', '2021-01']) pages.set(slug, readPages(path.join(out, `${slug}.pdf`)));
  }, 240_000);

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('builds every issue (each passed its self-check of the sides)', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.written.filter((f) => f.endsWith('.pdf')).map((f) => path.basename(f)).sort()).toEqual(['2020-01.pdf', '2020-02.pdf', '2021-01.pdf']);
  });

  it('a one-page cover: its back is blank and unnumbered, body page 1 is sheet side 3, a right-hand page, and the sides alternate from there', () => {
    const p = pages.get('2020-01')!;
    expect(p[1]!.words, 'the back of the cover').toEqual([]);
    p.slice(2).forEach((page, i) => expectLaidOutAs(page, i % 2 === 0 ? 'right' : 'left', i + 1));
    // The contents count from the body: 「- 1 -」 is sheet side 3.
    expect(p[0]!.compact).toContain('示范园区建设工作进展情况之1');
    expect(p[0]!.compact).toMatch(/情况之1[.·…]*—1—/);
  });

  it('a two-page cover: its second page is a left-hand page (binding on the right), body page 1 is sheet side 3 with no blank page', () => {
    const p = pages.get('2020-02')!;
    expect(p[1]!.compact, 'the contents go on on the back of the cover').toContain('情况之');
    expect(footerLines(p[1]!), 'the cover is not numbered').toEqual([]);
    // The contents' numbers end at the type area's right edge: 26 + 156 mm on a left-hand page.
    const coverRight = Math.max(...bodyLines(p[1]!).map((l) => l.x1));
    expect(Math.abs(coverRight - (TYPE_AREA.leftEven + TYPE_AREA.width)), `cover page 2 text ends ${coverRight.toFixed(1)} mm from the left`).toBeLessThanOrEqual(1);
    p.slice(2).forEach((page, i) => expectLaidOutAs(page, i % 2 === 0 ? 'right' : 'left', i + 1));
  });

  it('single-sided: no blank page, every page laid out as a right-hand page', () => {
    const p = pages.get('2021-01')!;
    expect(p[1]!.compact).toContain('【工作动态】');
    p.slice(1).forEach((page, i) => expectLaidOutAs(page, 'right', i + 1));
  });
});
