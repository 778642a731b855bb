// Every check of an OFD package against the PDF it was converted from (issue 20, "Verification
// without an OFD reader"), for the end-to-end tests that build one: the package rules
// (check/checkOfd.ts), the GB/T 33190 Annex A schemas (ofdSchema.ts), the text of each page as
// pdftotext reads the PDF, every word where pdftotext finds it and every run on the baseline the PDF
// draws it on (within 0.2 mm), the contents' links as click actions, the bookmarks as outlines, and
// each page drawn from the package alone (ofdRender/) beside poppler's drawing of the PDF.
// `ofdChecks(title, get)` adds them as tests of the calling file; `get` gives the build (made in the
// file's beforeAll or in an earlier test), `browser` the file's one browser.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import type { OfdChar, OfdReading } from '../src/check/checkOfd.js';
import { readPdfText } from '../src/check/readPdfText.js';
import { validateOfdSchemas } from './ofdSchema.js';
import { mm, readStructure, type OutlineNode, type Page } from './e2e/poppler.js';
import { ofdToSvg } from './ofdRender/ofdToSvg.js';
import { compare, pdfPages, svgPage, type Comparison } from './ofdRender/compareRender.js';

/** A built package: the PDF's path, the package's bytes, the checker's reading of it, poppler's pages of the PDF. */
export interface BuiltOfd { pdf: string; ofd: Uint8Array; reading: OfdReading; pages: Page[] }

/** How far a character of the OFD may be from where the PDF draws it. */
export const TOLERANCE_MM = 0.2;
/** Resolution of both renderings, dots per inch. */
export const DPI = 100;
/**
 * At most this share more or less ink on an OFD page than on the PDF's. Measured: 1.3-1.9% on the
 * seed's 5 pages, 0.6-2.5% on the office example's 7 (Chromium draws glyph edges a little lighter).
 */
export const MAX_INK_DIFFERENCE = 0.04;
/**
 * At most this share of the dark pixels far apart: more than half the grey scale from every pixel of
 * the other rendering within one pixel (compareRender.ts). Measured: 0 on the seed's pages, at most
 * 0.03% on the office example's; one line of body text (28 characters) left out of a page makes it 5.2%.
 */
export const MAX_STRONG_DIFFERENCE = 0.005;

export const cps = (s: string) => [...s].filter((c) => !/\s/.test(c));

/** The characters of `text` on the page (white space left out), the run of them starting nearest to (x, y) mm. */
export function nearest(all: readonly OfdChar[], text: string, x: number, y: number): OfdChar[] | undefined {
  const chars = all.filter((c) => !/\s/.test(c.text));
  const want = cps(text);
  let best: OfdChar[] | undefined;
  let distance = Infinity;
  for (let i = 0; i + want.length <= chars.length; i++) {
    if (!want.every((c, k) => chars[i + k]!.text === c)) continue;
    const d = Math.hypot(chars[i]!.x - x, chars[i]!.y - y);
    if (d < distance) [best, distance] = [chars.slice(i, i + want.length), d];
  }
  return best;
}

const flat = (nodes: readonly OutlineNode[], depth = 0): { title: string; pageIndex: number | undefined; depth: number }[] =>
  nodes.flatMap((n) => [{ title: n.title, pageIndex: n.pageIndex, depth }, ...flat(n.children, depth + 1)]);

/** Each page drawn from the package beside poppler's drawing of the PDF; the pages beyond the limits. */
export async function renderedApart(browser: Browser, built: BuiltOfd): Promise<(Comparison & { page: number })[]> {
  const rendered = ofdToSvg(built.ofd, { dpi: DPI });
  expect(rendered.unknown).toEqual([]);
  const reference = await pdfPages(built.pdf, DPI);
  expect(rendered.pages).toHaveLength(reference.length);
  const figures: (Comparison & { page: number })[] = [];
  for (const [i, page] of rendered.pages.entries()) {
    const want = reference[i]!;
    figures.push({ page: i + 1, ...compare(want, await svgPage(browser, page, DPI, want.width, want.height)) });
  }
  return figures.filter((f) => f.inkDifference > MAX_INK_DIFFERENCE || f.strongDifference > MAX_STRONG_DIFFERENCE);
}

/**
 * `fonts`: at least this many font files (default 4); `links: false`: the PDF may have no link inside
 * it (then the package must have none); `runs`: more than this many runs of text (default 50).
 */
export function ofdChecks(title: string, get: () => BuiltOfd, browser: () => Promise<Browser>, expectations: { fonts?: number; links?: boolean; runs?: number } = {}): void {
  describe(title, () => {
    it('passes the package rules: parts well-formed, IDs unique, references resolving, fonts parsing, glyph ids in them', () => {
      const { reading } = get();
      expect(reading.problems).toEqual([]);
      expect(reading.files.slice(0, 2)).toEqual(['OFD.xml', 'Doc_0/Document.xml']);
      expect(reading.files.filter((f) => f.endsWith('.ttf')).length).toBeGreaterThanOrEqual(expectations.fonts ?? 4);
    });

    it('validates every XML part against the GB/T 33190-2016 Annex A schemas', async () => {
      const { errors, parts } = await validateOfdSchemas(get().ofd);
      expect(errors).toEqual([]);
      expect(parts.filter((p) => p.endsWith('/Content.xml')).length).toBe(get().pages.length);
    });

    it('has the text of each page as pdftotext reads the PDF', () => {
      const { reading, pages } = get();
      expect(reading.pages).toHaveLength(pages.length);
      pages.forEach((page, i) => {
        const pdfText = cps(page.words.map((w) => w.text).join('')).sort();
        const ofdText = reading.pages[i]!.map((c) => c.text).filter((c) => !/\s/.test(c)).sort();
        expect(ofdText.join(''), `page ${i + 1}`).toBe(pdfText.join(''));
      });
    });

    it('puts every word where pdftotext finds it in the PDF, within 0.2 mm', () => {
      const { reading, pages } = get();
      const off: string[] = [];
      pages.forEach((page, i) => {
        for (const w of page.words) {
          const word = nearest(reading.pages[i]!, w.text, w.x0, w.y1);
          const [at, last] = [word?.[0], word?.at(-1)];
          // x: the first character's origin; the last one's is its advance (a fifth of an em to one
          // em) before the word's end; y: the baseline inside the word's box.
          if (!at || !last || Math.abs(at.x - w.x0) > TOLERANCE_MM || at.y < w.y0 || at.y > w.y1
            || last.x > w.x1 - 0.2 * last.size + TOLERANCE_MM || last.x < w.x1 - 1.05 * last.size - TOLERANCE_MM) off.push(`page ${i + 1} ${w.text} at ${w.x0.toFixed(2)},${w.y1.toFixed(2)}: ${at ? `${at.x.toFixed(2)},${at.y.toFixed(2)}` : 'not found'}`);
        }
      });
      expect(off).toEqual([]);
    });

    it('puts every run of text on the baseline the PDF draws it on, within 0.2 mm', async () => {
      const { reading, pdf } = get();
      const texts = await readPdfText(new Uint8Array(readFileSync(pdf)));
      const off: string[] = [];
      let runs = 0;
      texts.forEach((page, i) => {
        for (const run of page.runs) {
          if (!cps(run.text).length) continue;
          runs++;
          const x = mm(run.box.x0 - page.page.x0);
          const y = mm(page.page.y1 - run.baseline);
          const at = nearest(reading.pages[i]!, run.text, x, y)?.[0];
          if (!at || Math.abs(at.x - x) > TOLERANCE_MM || Math.abs(at.y - y) > TOLERANCE_MM) off.push(`page ${i + 1} ${run.text} at ${x.toFixed(2)},${y.toFixed(2)}: ${at ? `${at.x.toFixed(2)},${at.y.toFixed(2)}` : 'not found'}`);
        }
      });
      expect(runs).toBeGreaterThan(expectations.runs ?? 50);
      expect(off).toEqual([]);
    });

    it('has the PDF\'s links inside the document (the contents) as click actions on the same boxes', async () => {
      const { reading, pdf } = get();
      const { links } = await readStructure(new Uint8Array(readFileSync(pdf)));
      const inside = links.filter((l) => l.pageIndex !== undefined);
      if (expectations.links !== false) expect(inside.length).toBeGreaterThan(0);
      expect(reading.links.map((l) => [l.onPage, l.pageIndex])).toEqual(inside.map((l) => [l.onPage, l.pageIndex]));
      reading.links.forEach((l, k) => {
        for (const side of ['x0', 'y0', 'x1', 'y1'] as const) expect(Math.abs(l.box[side] - inside[k]!.rect[side])).toBeLessThan(0.01);
      });
    });

    it('has the PDF\'s bookmarks as its outline', async () => {
      const { reading, pdf } = get();
      const { outline } = await readStructure(new Uint8Array(readFileSync(pdf)));
      expect(outline.length).toBeGreaterThan(0);
      expect(reading.outlines).toEqual(flat(outline));
    });

    it('looks like the PDF: drawn from the package alone (SVG in Chromium) beside poppler\'s drawing at 100 dpi, each page has within 4% of its ink and under 0.5% of its dark pixels apart', async () => {
      expect(await renderedApart(await browser(), get())).toEqual([]);
    }, 120_000);
  });
}
