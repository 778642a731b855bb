// Both layout presets build the seed, pass the self-check, and print the page their PageGeometry
// describes: the stylesheet (page.css, from the same object) and the TypeScript agree. Read back
// with poppler: paper size, where the type area lies on odd and even pages, the line pitch, and
// where the page numbers sit.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.js';
import { PRESETS, linePitchMm, type PageGeometry, type PresetName } from '../../src/layout/presets.js';
import { SEED } from '../helpers.js';
import { buildEnv, CHROMIUM, HAS_CHROMIUM, readPages, e2eTitle, mm, type Line, type Page } from './poppler.js';

const dirs: string[] = [];
const pagesOf = new Map<PresetName, Page[]>();

async function buildSeedWith(preset: PresetName): Promise<Page[]> {
  const dir = mkdtempSync(path.join(tmpdir(), `bulletin-preset-${preset}-`));
  dirs.push(dir);
  cpSync(SEED, path.join(dir, 'seed'), { recursive: true });
  const seriesFile = path.join(dir, 'seed', 'bulletin.yaml');
  writeFileSync(seriesFile, readFileSync(seriesFile, 'utf8').replace('preset: standard', `preset: ${preset}`));
  const result = await build([path.join(dir, 'seed')], { outDir: path.join(dir, 'out'), pdf: true, browser: CHROMIUM, env: buildEnv() });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return readPages(path.join(dir, 'out', '2018-02.pdf'));
}

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  for (const preset of Object.keys(PRESETS) as PresetName[]) pagesOf.set(preset, await buildSeedWith(preset));
}, 120_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Left edge of the type area on a physical page: odd sheet sides (right-hand pages) bind on the left (docs/duplex.md). */
function typeLeft(g: PageGeometry, physical: number): number {
  return physical % 2 === 1 ? g.margins.inner : g.margins.outer;
}

const typeBottom = (g: PageGeometry) => g.margins.top + g.typeArea.height;
const bodyLinesOf = (g: PageGeometry, page: Page): Line[] => page.lines.filter((l) => l.y1 <= typeBottom(g) + 1);

describe.skipIf(!HAS_CHROMIUM).each(Object.keys(PRESETS) as PresetName[])(e2eTitle('the %s preset'), (preset) => {
  const g = PRESETS[preset];
  const pages = () => pagesOf.get(preset)!;

  it('prints on its paper', () => {
    for (const page of pages()) {
      expect(mm(page.widthPt)).toBeCloseTo(g.paper.width, 0);
      expect(mm(page.heightPt)).toBeCloseTo(g.paper.height, 0);
    }
  });

  it('sets body lines at the grid pitch, inside the type area of odd and even pages', () => {
    const body = pages().slice(1, -1); // full pages of text: not the cover, not the last
    expect(body.length).toBeGreaterThanOrEqual(2);
    for (const page of body) {
      const lines = bodyLinesOf(g, page);
      const left = typeLeft(g, page.number);
      const pitch = linePitchMm(g);
      const centres = lines.map((l) => (l.y0 + l.y1) / 2);
      // The first line of the page sits in the first line of the grid, and every other line on a
      // line of the grid (runs in other faces move a line's box by a few tenths of a millimetre).
      expect(Math.abs(centres[0]! - (g.margins.top + pitch / 2))).toBeLessThan(1.5);
      const offGrid = centres.map((c) => (c - centres[0]!) / pitch).filter((k) => Math.abs(k - Math.round(k)) > 0.1);
      expect(offGrid).toEqual([]);
      expect(Math.round((centres.at(-1)! - centres[0]!) / pitch)).toBeLessThan(g.grid.lines);
      // Justified lines run from one edge of the type area to the other.
      expect(Math.min(...lines.map((l) => l.x0))).toBeGreaterThan(left - 0.5);
      expect(Math.max(...lines.map((l) => l.x1))).toBeLessThan(left + g.typeArea.width + 0.5);
      expect(Math.max(...lines.map((l) => l.x1))).toBeGreaterThan(left + g.typeArea.width - 1.5);
    }
  });

  it('puts the page number below the type area, one character inside its outer edge', () => {
    for (const page of pages().slice(1)) {
      const footer = page.lines.filter((l) => l.y0 > typeBottom(g));
      expect(footer).toHaveLength(1);
      const number = footer[0]!;
      const bodyPage = page.number - 1;
      expect(number.text).toBe(`-${bodyPage}-`);
      expect(Math.abs((number.y0 + number.y1) / 2 - (typeBottom(g) + g.pageNumber.below))).toBeLessThan(1);
      const inset = mm(g.pageNumber.inset * g.sizes.pageNumber);
      const left = typeLeft(g, page.number);
      if (page.number % 2 === 1) expect(number.x1).toBeCloseTo(left + g.typeArea.width - inset, 0); // odd sheet sides number on the right (docs/duplex.md)
      else expect(number.x0).toBeCloseTo(left + inset, 0);
    }
  });
});
