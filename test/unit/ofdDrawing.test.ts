// The OFD converter on drawing the seed does not have, each in a small PDF made by hand (pdf-lib with
// content streams written out): dashed lines, turned text, axial and radial shadings (painted with
// `sh` and as a pattern fill), colours in an ICCBased colour space, a JPEG with a soft mask. Each package passes the package rules and
// the Annex A schemas, and nothing is reported as skipped. Each is also drawn from the package alone
// by the test renderer (test/ofdRender/, SVG in Chromium) beside poppler's drawing of the PDF, and
// the same package with that feature taken out must not pass that comparison.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as opentypeModule from 'opentype.js';
import sharp from 'sharp';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openBrowser, type BrowserSession } from '../../src/print/browserSession.js';
import { CHROMIUM, HAS_CHROMIUM } from '../e2e/poppler.js';
import { ofdToSvg } from '../ofdRender/ofdToSvg.js';
import { compare, pdfPages, svgPage, type Comparison } from '../ofdRender/compareRender.js';
import { PDFDocument, PDFName, PDFString, type PDFPage } from '../../src/print/pdfLib.js';
import { checkOfd, parseXml, type XmlElement } from '../../src/check/checkOfd.js';
import { pdfToOfd, type OfdMetadata } from '../../src/ofd/pdfToOfd.js';
import { latinTtf } from '../fontBytes.js';
import { validateOfdSchemas } from '../ofdSchema.js';

const opentype = ((opentypeModule as unknown as { default?: unknown }).default ?? opentypeModule) as { parse(b: ArrayBuffer): { charToGlyphIndex(c: string): number } };
const META: OfdMetadata = { title: 't', author: 'a', subject: 's', keywords: [], date: new Date(Date.UTC(2018, 0, 31, 16)) };
const mm = (pt: number) => (pt * 25.4) / 72;

/** A 100×100 pt page drawing `content`, with `resources` (built on the document). */
async function pdfWith(content: string, resources: (doc: PDFDocument, page: PDFPage) => void = () => undefined): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([100, 100]);
  resources(doc, page);
  page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(content)));
  return doc.save({ useObjectStreams: false });
}

/** Converted, checked (package rules, schemas, nothing skipped), and its first page's elements. */
async function convert(pdf: Uint8Array) {
  const { bytes, problems } = await pdfToOfd(pdf, META);
  expect(problems).toEqual([]);
  const reading = checkOfd(bytes);
  expect(reading.problems).toEqual([]);
  expect((await validateOfdSchemas(bytes)).errors).toEqual([]);
  const files = unzipSync(bytes);
  const all = (el: XmlElement): XmlElement[] => [el, ...el.children.flatMap(all)];
  return { bytes, reading, files, page: all(parseXml(new TextDecoder().decode(files['Doc_0/Pages/Page_0/Content.xml']))) };
}

/** One browser for the file; the pages drawn at this resolution (a 100 pt page: 278 pixels). */
let session: BrowserSession | undefined;
const DPI = 200;
const scratch = mkdtempSync(path.join(tmpdir(), 'bulletin-ofd-drawing-'));
afterAll(async () => {
  await session?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** The package's page drawn by the test renderer beside poppler's drawing of the PDF. */
async function drawn(pdf: Uint8Array, ofd: Uint8Array): Promise<Comparison & { unknown: string[] }> {
  const file = path.join(scratch, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  const [want] = await pdfPages(file, DPI);
  const rendered = ofdToSvg(ofd, { dpi: DPI });
  session ??= await openBrowser({ path: CHROMIUM, source: 'test' });
  return { unknown: rendered.unknown, ...compare(want!, await svgPage(session.browser, rendered.pages[0]!, DPI, want!.width, want!.height)) };
}

/** The package with one edit to its first page's content. */
const edited = (files: Record<string, Uint8Array>, edit: (xml: string) => string, name = 'Doc_0/Pages/Page_0/Content.xml') => {
  const xml = strFromU8(files[name]!);
  const changed = edit(xml);
  expect(changed).not.toBe(xml);
  return zipSync({ ...files, [name]: strToU8(changed) });
};

/**
 * The drawing of the package is the PDF's (within `ink` of its ink, under `strong` of its dark pixels
 * apart: compareRender.ts), and the package without the feature is not.
 */
async function looksLike(pdf: Uint8Array, ofd: Uint8Array, without: Uint8Array, limits: { ink: number; strong: number }) {
  if (!HAS_CHROMIUM) return;
  const good = await drawn(pdf, ofd);
  expect(good.unknown).toEqual([]);
  expect(good.inkDifference, JSON.stringify(good)).toBeLessThan(limits.ink);
  expect(good.strongDifference, JSON.stringify(good)).toBeLessThan(limits.strong);
  const bad = await drawn(pdf, without);
  expect(bad.inkDifference > limits.ink || bad.strongDifference > limits.strong, JSON.stringify(bad)).toBe(true);
  return { good, bad };
}

const numbers = (s: string | undefined) => (s ?? '').split(' ').map(Number);
const near = (got: number[], want: number[]) => {
  expect(got).toHaveLength(want.length);
  got.forEach((v, k) => expect(Math.abs(v - want[k]!), `${got.join(' ')} vs ${want.map((n) => n.toFixed(3)).join(' ')}`).toBeLessThan(0.002));
};

/**
 * The limits of the end-to-end comparison (build-ofd.test.ts). Measured at 200 dpi: 2.6% more ink
 * for the dashed lines, 0.3% for the turned text, 0.1% for the shadings, 0.01% for the ICC colours,
 * 1.9% for the masked JPEG, no pixel strongly apart in any; without the feature 46%, 100%, 38%, 38%
 * and 128% of the ink apart.
 */
const LIMITS = { ink: 0.04, strong: 0.005 };

describe('pdfToOfd: drawing beyond the seed', () => {
  it('draws dashed lines with their dash pattern and phase (PDF `d`)', async () => {
    // Scaled by 2: the pattern is in user space, OFD's in page millimetres. An odd list repeats.
    const pdf = await pdfWith('q 2 0 0 2 0 0 cm [3 1.5] 1 d 1 w 5 25 m 45 25 l S Q [4] 0 d 10 10 m 90 10 l S [] 0 d 10 90 m 90 90 l S');
    const { page, bytes, files } = await convert(pdf);
    const paths = page.filter((e) => e.name === 'PathObject');
    expect(paths).toHaveLength(3);
    near(numbers(paths[0]!.attrs.DashPattern), [mm(6), mm(3)]);
    near(numbers(paths[0]!.attrs.DashOffset), [mm(2)]);
    near(numbers(paths[1]!.attrs.DashPattern), [mm(4), mm(4)]);
    expect(paths[1]!.attrs.DashOffset).toBeUndefined();
    expect(paths[2]!.attrs.DashPattern).toBeUndefined();
    await looksLike(pdf, bytes, edited(files, (xml) => xml.replace(/ Dash(Pattern|Offset)="[^"]*"/g, '')), LIMITS);
  });

  it('turns rotated text with a CTM, every glyph on the turned baseline where the PDF draws it', async () => {
    const ttf = latinTtf();
    const font = opentype.parse(ttf.buffer.slice(ttf.byteOffset, ttf.byteOffset + ttf.byteLength) as ArrayBuffer);
    const [ga, gb] = [font.charToGlyphIndex('A'), font.charToGlyphIndex('B')];
    expect(ga).toBeGreaterThan(0);
    const hex = (n: number) => n.toString(16).padStart(4, '0');
    const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def 1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar <${hex(ga)}> <0041> <${hex(gb)}> <0042> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end`;
    // 30° counter-clockwise, 10 pt, from (20, 30); each glyph 600/1000 em wide.
    const [c, s] = [Math.cos(Math.PI / 6), Math.sin(Math.PI / 6)];
    const pdf = await pdfWith(`BT /F1 10 Tf ${c} ${s} ${-s} ${c} 20 30 Tm <${hex(ga)}${hex(gb)}${hex(ga)}> Tj ET`, (doc, pg) => {
      const file = doc.context.register(doc.context.flateStream(ttf, {}));
      const descriptor = doc.context.obj({ Type: 'FontDescriptor', FontName: 'Latin', Flags: 32, FontBBox: [0, -200, 1000, 900], ItalicAngle: 0, Ascent: 900, Descent: -200, CapHeight: 700, StemV: 80, FontFile2: file });
      const cid = doc.context.obj({ Type: 'Font', Subtype: 'CIDFontType2', BaseFont: 'Latin', CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 }, FontDescriptor: doc.context.register(descriptor), DW: 600, CIDToGIDMap: 'Identity' });
      const type0 = doc.context.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: 'Latin', Encoding: 'Identity-H', DescendantFonts: [doc.context.register(cid)], ToUnicode: doc.context.register(doc.context.stream(cmap)) });
      pg.node.set(PDFName.of('Resources'), doc.context.obj({ Font: { F1: doc.context.register(type0) } }));
    });
    const { reading, page, bytes, files } = await convert(pdf);
    const text = page.find((e) => e.name === 'TextObject')!;
    near(numbers(text.attrs.CTM).slice(0, 4), [c, -s, s, c]);
    // The characters where the PDF puts them: 6 pt apart along the baseline, turned 30° (y down in OFD).
    expect(reading.pages[0]!.map((ch) => ch.text).join('')).toBe('ABA');
    reading.pages[0]!.forEach((ch, k) => near([ch.x, ch.y], [mm(20 + 6 * k * c), mm(100 - (30 + 6 * k * s))]));
    await looksLike(pdf, bytes, edited(files, (xml) => xml.replace(/(<ofd:TextObject[^>]*) CTM="[^"]*"/, '$1')), LIMITS);
  });

  it('fills with axial and radial shadings, painted by `sh` and as a pattern fill', async () => {
    // The axial one under a mirror (y flipped): still an axial shading, its axis where it was.
    const pdf = await pdfWith('q 10 10 80 30 re W n 1 0 0 -1 0 100 cm /Sh0 sh Q /Pattern cs /P0 scn 10 50 80 40 re f', (doc, pg) => {
      const fn = doc.context.obj({ FunctionType: 2, Domain: [0, 1], C0: [1, 0, 0], C1: [0, 0, 1], N: 1 });
      // Stitched: red → green over the first quarter, green → blue over the rest.
      const stitched = doc.context.obj({
        FunctionType: 3, Domain: [0, 1], Bounds: [0.25], Encode: [0, 1, 0, 1],
        Functions: [doc.context.obj({ FunctionType: 2, Domain: [0, 1], C0: [1, 0, 0], C1: [0, 1, 0], N: 1 }), doc.context.obj({ FunctionType: 2, Domain: [0, 1], C0: [0, 1, 0], C1: [0, 0, 1], N: 1 })],
      });
      const axial = doc.context.obj({ ShadingType: 2, ColorSpace: 'DeviceRGB', Coords: [10, 0, 90, 0], Function: fn, Extend: [true, true] });
      const radial = doc.context.obj({ ShadingType: 3, ColorSpace: 'DeviceRGB', Coords: [50, 70, 0, 50, 70, 20], Function: stitched, Extend: [false, true] });
      const pattern = doc.context.obj({ Type: 'Pattern', PatternType: 2, Shading: doc.context.register(radial) });
      pg.node.set(PDFName.of('Resources'), doc.context.obj({ Shading: { Sh0: doc.context.register(axial) }, Pattern: { P0: doc.context.register(pattern) } }));
    });
    const { page, bytes, files } = await convert(pdf);
    const paths = page.filter((e) => e.name === 'PathObject');
    expect(paths).toHaveLength(2);
    const shadingOf = (p: XmlElement, name: string) => p.children.find((e) => e.name === 'FillColor')?.children.find((e) => e.name === name);
    // `sh` fills the clip, 10,10 80×30 pt; the axis from x 10 to 90 pt, in the object's space.
    const b0 = numbers(paths[0]!.attrs.Boundary);
    near(b0, [mm(10), mm(60), mm(80), mm(30)]);
    const axial = shadingOf(paths[0]!, 'AxialShd')!;
    // Mirrored, the axis y = 0 lies on the page's top edge (device y 100 pt): OFD y 0, above the box.
    near([...numbers(axial.attrs.StartPoint), ...numbers(axial.attrs.EndPoint)], [0, -b0[1]!, mm(80), -b0[1]!]);
    expect(axial.attrs.Extend).toBe('3');
    expect(axial.children.map((g) => [g.attrs.Position, g.children[0]!.attrs.Value])).toEqual([['0', '255 0 0'], ['1', '0 0 255']]);
    const radial = shadingOf(paths[1]!, 'RadialShd')!;
    const b1 = numbers(paths[1]!.attrs.Boundary);
    near([...numbers(radial.attrs.EndPoint), Number(radial.attrs.EndRadius)], [mm(50) - b1[0]!, mm(30) - b1[1]!, mm(20)]);
    expect(radial.attrs.Extend).toBe('2');
    expect(radial.children.map((g) => [g.attrs.Position, g.children[0]!.attrs.Value])).toEqual([['0', '255 0 0'], ['0.25', '0 255 0'], ['1', '0 0 255']]);
    // Without its Extend the radial one leaves the box outside its circle white.
    await looksLike(pdf, bytes, edited(files, (xml) => xml.replace(/ Extend="[^"]*"/g, '')), LIMITS);
  });

  it('gives colours in an ICCBased colour space that space, the profile as a resource', async () => {
    // Not a real profile: the converter copies the bytes and reads only N.
    const profile = new TextEncoder().encode('a stand-in ICC profile');
    const pdf = await pdfWith('/CS0 cs 0.2 0.4 0.6 sc 10 10 30 30 re f /CS0 CS 0.5 0.5 0.5 SC 10 80 m 90 80 l S 0 0 1 rg 50 50 20 20 re f', (doc, pg) => {
      const icc = doc.context.register(doc.context.flateStream(profile, { N: 3 }));
      pg.node.set(PDFName.of('Resources'), doc.context.obj({ ColorSpace: { CS0: [PDFName.of('ICCBased'), icc] } }));
    });
    const { page, files, bytes } = await convert(pdf);
    const res = parseXml(new TextDecoder().decode(files['Doc_0/PublicRes.xml']));
    const spaces = res.children.find((e) => e.name === 'ColorSpaces')!.children;
    expect(spaces.map((c) => c.attrs.Type)).toEqual(['RGB']);
    expect(Buffer.from(files[`Doc_0/Res/${spaces[0]!.attrs.Profile}`]!).equals(Buffer.from(profile))).toBe(true);
    const colours = page.filter((e) => e.name === 'FillColor' || e.name === 'StrokeColor').map((e) => [e.name, e.attrs.Value, e.attrs.ColorSpace]);
    expect(colours).toEqual([['FillColor', '51 102 153', spaces[0]!.attrs.ID], ['StrokeColor', '128 128 128', spaces[0]!.attrs.ID], ['FillColor', '0 0 255', undefined]]);
    // The checker follows the reference: a colour in a space that is not there is a problem.
    const name = 'Doc_0/Pages/Page_0/Content.xml';
    const broken = zipSync({ ...files, [name]: strToU8(strFromU8(files[name]!).replace(`ColorSpace="${spaces[0]!.attrs.ID}"`, 'ColorSpace="999"')) });
    expect(checkOfd(broken).problems).toEqual([`${name}: a colour in 999, not a colour space`]);
    // Drawn as sRGB; a space the renderer does not find draws the colours black.
    await looksLike(pdf, bytes, edited(files, (xml) => xml.replace(/(<ofd:ColorSpace ID=")\d+/, '$1999'), 'Doc_0/PublicRes.xml'), LIMITS);
  });

  it('keeps a JPEG with a soft mask unchanged, the mask as an OFD image mask (grey PNG)', async () => {
    const jpeg = new Uint8Array(await sharp({ create: { width: 4, height: 2, channels: 3, background: { r: 200, g: 30, b: 30 } } }).jpeg().toBuffer());
    const alpha = new Uint8Array([0, 64, 128, 255, 255, 128, 64, 0]);
    const pdf = await pdfWith('q 40 0 0 20 30 40 cm /Im0 Do Q', (doc, pg) => {
      const mask = doc.context.register(doc.context.flateStream(alpha, { Type: 'XObject', Subtype: 'Image', Width: 4, Height: 2, ColorSpace: 'DeviceGray', BitsPerComponent: 8 }));
      const image = doc.context.register(doc.context.stream(jpeg, { Type: 'XObject', Subtype: 'Image', Width: 4, Height: 2, ColorSpace: 'DeviceRGB', BitsPerComponent: 8, Filter: 'DCTDecode', SMask: mask }));
      pg.node.set(PDFName.of('Resources'), doc.context.obj({ XObject: { Im0: image } }));
    });
    const { page, files, bytes } = await convert(pdf);
    const image = page.find((e) => e.name === 'ImageObject')!;
    expect(image.attrs.ImageMask).toBeDefined();
    const res = parseXml(new TextDecoder().decode(files['Doc_0/DocumentRes.xml']));
    const media = new Map(res.children[0]!.children.map((m) => [m.attrs.ID, m.children[0]!.text]));
    expect(Buffer.from(files[`Doc_0/Res/${media.get(image.attrs.ResourceID)}`]!).equals(Buffer.from(jpeg))).toBe(true);
    const png = files[`Doc_0/Res/${media.get(image.attrs.ImageMask)}`]!;
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 4, height: 2, channels: 1 });
    expect([...(await sharp(png).extractChannel(0).raw().toBuffer())]).toEqual([...alpha]);
    await looksLike(pdf, bytes, edited(files, (xml) => xml.replace(/ ImageMask="[^"]*"/, '')), LIMITS);
  });
});
