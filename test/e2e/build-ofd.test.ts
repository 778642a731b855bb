// End to end: `build --ofd` of the seed (twice: the same bytes) and of the office example (photos as
// JPEG, tables, a rare character outside the BMP), each package read back by the checker
// (check/checkOfd.ts: well-formed parts, unique IDs, references, fonts that parse, glyph ids that
// exist), every XML part validated against the GB/T 33190 Annex A schemas (test/ofdSchema.ts), and compared with its PDF: the text of each page as pdftotext reads it, every word where
// pdftotext finds it, every run on the baseline the PDF draws it on, the bookmarks as outlines, and
// each page drawn from the package alone (test/ofdRender/) beside poppler's drawing of the PDF.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.js';
import { checkOfd, parseXml, type OfdChar, type OfdReading, type XmlElement } from '../../src/check/checkOfd.js';
import { readPdfText } from '../../src/check/readPdfText.js';
import { REPO } from '../helpers.js';
import { validateOfdSchemas } from '../ofdSchema.js';
import { buildEnv, CHROMIUM, e2eTitle, HAS_CHROMIUM, mm, readPages, readStructure, type OutlineNode, type Page } from './poppler.js';
import { openBrowser, type BrowserSession } from '../../src/print/browserSession.js';
import { ofdToSvg } from '../ofdRender/ofdToSvg.js';
import { compare, pdfPages, svgPage, type Comparison } from '../ofdRender/compareRender.js';

/** How far a character of the OFD may be from where the PDF draws it. */
const TOLERANCE_MM = 0.2;

interface Built { pdf: string; ofd: Uint8Array; reading: OfdReading; pages: Page[] }
const built = new Map<string, Built>();
let again: Uint8Array | undefined;
const dirs: string[] = [];

/** `series`: the example's folder, or a copy of it; `flag`: --ofd, else the series asks for it (output.ofd). */
async function buildOfd(series: string, slug: string, flag = true): Promise<Built> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'bulletin-e2e-ofd-'));
  dirs.push(outDir);
  const result = await build([series], { cwd: REPO, outDir, browser: CHROMIUM, env: buildEnv(), pdf: true, ...(flag ? { ofd: true } : {}) });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(result.written.map((f) => path.basename(f)).sort()).toEqual([`${slug}.ofd`, `${slug}.pdf`]);
  const pdf = path.join(outDir, `${slug}.pdf`);
  const ofd = new Uint8Array(readFileSync(path.join(outDir, `${slug}.ofd`)));
  return { pdf, ofd, reading: checkOfd(ofd), pages: readPages(pdf) };
}

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  built.set('seed', await buildOfd('examples/seed', '2018-02'));
  // The second time through `output.ofd: true` in a copy of the series, without the flag.
  const copy = mkdtempSync(path.join(tmpdir(), 'bulletin-e2e-ofd-seed-'));
  dirs.push(copy);
  cpSync(path.join(REPO, 'examples/seed'), copy, { recursive: true });
  appendFileSync(path.join(copy, 'bulletin.yaml'), '\noutput:\n  ofd: true\n');
  again = (await buildOfd(copy, '2018-02', false)).ofd;
  built.set('office', await buildOfd('examples/office', '2026-22'));
}, 240_000);

afterAll(async () => {
  await session?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** One browser for the file: the OFD's pages drawn as SVG. */
let session: BrowserSession | undefined;
/** Resolution of both renderings, dots per inch. */
const DPI = 100;
/**
 * At most this share more or less ink on an OFD page than on the PDF's. Measured: 1.3-1.9% on the
 * seed's 5 pages, 0.6-2.5% on the office example's 7 (Chromium draws glyph edges a little lighter).
 */
const MAX_INK_DIFFERENCE = 0.04;
/**
 * At most this share of the dark pixels far apart: more than half the grey scale from every pixel of
 * the other rendering within one pixel (compareRender.ts). Measured: 0 on the seed's pages, at most
 * 0.03% on the office example's; one line of body text (28 characters) left out of a page makes it 5.2%.
 */
const MAX_STRONG_DIFFERENCE = 0.005;

function* walkXml(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walkXml(c);
}
const textLength = (el: XmlElement) => el.children.filter((c) => c.name === 'TextCode').reduce((n, c) => n + [...c.text].length, 0);

const cps = (s: string) => [...s].filter((c) => !/\s/.test(c));

/** The characters of `text` on the page (white space left out), the run of them starting nearest to (x, y) mm. */
function nearest(all: readonly OfdChar[], text: string, x: number, y: number): OfdChar[] | undefined {
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

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('build --ofd'), () => {
  it('writes the same bytes on every build (--ofd, then output.ofd in bulletin.yaml)', () => {
    const first = built.get('seed')!.ofd;
    expect(again).toBeDefined();
    expect(Buffer.from(first).equals(Buffer.from(again!))).toBe(true);
  });

  for (const example of ['seed', 'office']) {
    describe(example, () => {
      it('passes the package rules: parts well-formed, IDs unique, references resolving, fonts parsing, glyph ids in them', () => {
        const { reading } = built.get(example)!;
        expect(reading.problems).toEqual([]);
        expect(reading.files.slice(0, 2)).toEqual(['OFD.xml', 'Doc_0/Document.xml']);
        expect(reading.files.filter((f) => f.endsWith('.ttf')).length).toBeGreaterThan(3);
      });

      it('validates every XML part against the GB/T 33190-2016 Annex A schemas', async () => {
        const { errors, parts } = await validateOfdSchemas(built.get(example)!.ofd);
        expect(errors).toEqual([]);
        expect(parts.filter((p) => p.endsWith('/Content.xml')).length).toBe(built.get(example)!.pages.length);
      });

      it('has the text of each page as pdftotext reads the PDF', () => {
        const { reading, pages } = built.get(example)!;
        expect(reading.pages).toHaveLength(pages.length);
        pages.forEach((page, i) => {
          const pdfText = cps(page.words.map((w) => w.text).join('')).sort();
          const ofdText = reading.pages[i]!.map((c) => c.text).filter((c) => !/\s/.test(c)).sort();
          expect(ofdText.join(''), `page ${i + 1}`).toBe(pdfText.join(''));
        });
      });

      it('puts every word where pdftotext finds it in the PDF, within 0.2 mm', () => {
        const { reading, pages } = built.get(example)!;
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
        const { reading, pdf } = built.get(example)!;
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
        expect(runs).toBeGreaterThan(50);
        expect(off).toEqual([]);
      });

      it('has the PDF\'s links inside the document (the contents) as click actions on the same boxes', async () => {
        const { reading, pdf } = built.get(example)!;
        const { links } = await readStructure(new Uint8Array(readFileSync(pdf)));
        const inside = links.filter((l) => l.pageIndex !== undefined);
        expect(inside.length).toBeGreaterThan(0);
        expect(reading.links.map((l) => [l.onPage, l.pageIndex])).toEqual(inside.map((l) => [l.onPage, l.pageIndex]));
        reading.links.forEach((l, k) => {
          for (const side of ['x0', 'y0', 'x1', 'y1'] as const) expect(Math.abs(l.box[side] - inside[k]!.rect[side])).toBeLessThan(0.01);
        });
      });

      it('looks like the PDF: drawn from the package alone (SVG in Chromium) beside poppler\'s drawing at 100 dpi, each page has within 4% of its ink and under 0.5% of its dark pixels apart', async () => {
        const { ofd, pdf } = built.get(example)!;
        session ??= await openBrowser({ path: CHROMIUM, source: 'test' });
        const rendered = ofdToSvg(ofd, { dpi: DPI });
        expect(rendered.unknown).toEqual([]);
        const reference = await pdfPages(pdf, DPI);
        expect(rendered.pages).toHaveLength(reference.length);
        const figures: (Comparison & { page: number })[] = [];
        for (const [i, page] of rendered.pages.entries()) {
          const want = reference[i]!;
          figures.push({ page: i + 1, ...compare(want, await svgPage(session.browser, page, DPI, want.width, want.height)) });
        }
        expect(figures.filter((f) => f.inkDifference > MAX_INK_DIFFERENCE || f.strongDifference > MAX_STRONG_DIFFERENCE)).toEqual([]);
        if (example !== 'seed') return;
        // The comparison sees a loss: page 2 drawn without one line of body text (the text objects on
        // the baseline of its longest one: a line is several objects, one per font slice).
        const content = parseXml(strFromU8(unzipSync(ofd)['Doc_0/Pages/Page_1/Content.xml']!));
        const texts = [...walkXml(content)].filter((e) => e.name === 'TextObject');
        const top = (e: XmlElement) => Number(e.attrs.Boundary!.split(' ')[1]);
        const longest = [...texts].sort((a, b) => textLength(b) - textLength(a))[0]!;
        const line = new Set(texts.filter((e) => Math.abs(top(e) - top(longest)) < 0.05).map((e) => e.attrs.ID));
        expect(texts.filter((e) => line.has(e.attrs.ID)).reduce((k, e) => k + textLength(e), 0)).toBeGreaterThan(20);
        const without = ofdToSvg(ofd, { dpi: DPI, omit: (el, page) => page === 1 && line.has(el.attrs.ID) }).pages[1]!;
        const lost = compare(reference[1]!, await svgPage(session.browser, without, DPI, reference[1]!.width, reference[1]!.height));
        // Measured: 5.2% of the dark pixels apart and 6.6% less ink for the 28 characters of the line.
        expect(lost.strongDifference).toBeGreaterThan(4 * MAX_STRONG_DIFFERENCE);
        expect(lost.inkDifference).toBeGreaterThan(MAX_INK_DIFFERENCE);
      }, 120_000);

      it('has the PDF\'s bookmarks as its outline', async () => {
        const { reading, pdf } = built.get(example)!;
        const { outline } = await readStructure(new Uint8Array(readFileSync(pdf)));
        expect(outline.length).toBeGreaterThan(0);
        expect(reading.outlines).toEqual(flat(outline));
      });
    });
  }

  it('keeps the office example\'s photos as the JPEG files the PDF holds', () => {
    const files = unzipSync(built.get('office')!.ofd);
    const jpegs = Object.keys(files).filter((f) => f.endsWith('.jpg'));
    expect(jpegs).toHaveLength(2);
    const pdf = readFileSync(built.get('office')!.pdf);
    for (const name of jpegs) expect(pdf.includes(Buffer.from(files[name]!)), name).toBe(true);
  });
});
