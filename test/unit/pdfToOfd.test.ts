// The OFD converter on PDFs written by hand (pdf-lib): rules and images where they were, JPEG
// unchanged, PNG with its alpha, the same bytes in every time zone, and what it cannot redraw named.
// The text of real issues is checked end to end (test/e2e/build-ofd.test.ts).
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, rgb } from '../../src/print/pdfLib.js';
import { checkOfd, parseXml, type XmlElement } from '../../src/check/checkOfd.js';
import { pdfToOfd, type OfdMetadata } from '../../src/ofd/pdfToOfd.js';

const META: OfdMetadata = { title: '工作动态 2018年第2期', author: '办公室', subject: '工作动态', keywords: ['工作动态'], date: new Date(Date.UTC(2018, 0, 31, 16)) };
const mm = (pt: number) => (pt * 25.4) / 72;

/** 4×3 RGBA pixels, each different, some half transparent. */
const PIXELS = Buffer.from(Array.from({ length: 4 * 3 * 4 }, (_, i) => (i % 4 === 3 ? (i % 8 === 3 ? 128 : 255) : (i * 17) % 256)));

async function samplePdf(): Promise<{ pdf: Uint8Array; jpeg: Uint8Array }> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([100, 100]);
  page.drawRectangle({ x: 10, y: 20, width: 30, height: 40, color: rgb(1, 0, 0) });
  page.drawLine({ start: { x: 10, y: 90 }, end: { x: 90, y: 90 }, thickness: 2, color: rgb(0, 0, 1) });
  const jpeg = new Uint8Array(await sharp({ create: { width: 8, height: 6, channels: 3, background: { r: 10, g: 120, b: 200 } } }).jpeg().toBuffer());
  page.drawImage(await doc.embedJpg(jpeg), { x: 50, y: 10, width: 40, height: 30 });
  const png = await sharp(PIXELS, { raw: { width: 4, height: 3, channels: 4 } }).png().toBuffer();
  page.drawImage(await doc.embedPng(png), { x: 50, y: 50, width: 20, height: 15 });
  return { pdf: await doc.save({ useObjectStreams: false }), jpeg };
}

const partOf = (bytes: Uint8Array, name: string): XmlElement => parseXml(new TextDecoder().decode(unzipSync(bytes)[name]));
function* all(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* all(c);
}
const near = (a: string | undefined, b: number[]) => {
  const got = (a ?? '').split(' ').map(Number);
  expect(got.length).toBe(b.length);
  got.forEach((v, k) => expect(Math.abs(v - b[k]!), `${a} vs ${b.map((n) => n.toFixed(3)).join(' ')}`).toBeLessThan(0.002));
};

describe('pdfToOfd', () => {
  it('puts the rules and images where the PDF has them: JPEG unchanged, PNG with its alpha', async () => {
    const { pdf, jpeg } = await samplePdf();
    const { bytes, problems } = await pdfToOfd(pdf, META);
    expect(problems).toEqual([]);
    const reading = checkOfd(bytes);
    expect(reading.problems).toEqual([]);
    const page = partOf(bytes, 'Doc_0/Pages/Page_0/Content.xml');
    const paths = [...all(page)].filter((e) => e.name === 'PathObject');
    expect(paths).toHaveLength(2);
    // The red rectangle: 10,20 30×40 pt from the bottom left → mm from the top left.
    near(paths[0]!.attrs.Boundary, [mm(10), mm(100 - 60), mm(30), mm(40)]);
    expect(paths[0]!.attrs.Fill).toBe('true');
    expect(paths[0]!.children.find((c) => c.name === 'FillColor')?.attrs.Value).toBe('255 0 0');
    // The blue rule, stroked 2 pt wide.
    expect(paths[1]!.attrs.Stroke).toBe('true');
    near(paths[1]!.attrs.LineWidth, [mm(2)]);
    expect(paths[1]!.children.find((c) => c.name === 'StrokeColor')?.attrs.Value).toBe('0 0 255');

    const images = [...all(page)].filter((e) => e.name === 'ImageObject');
    near(images[0]!.attrs.Boundary, [mm(50), mm(100 - 40), mm(40), mm(30)]);
    near(images[0]!.attrs.CTM, [mm(40), 0, 0, mm(30), 0, 0]);
    near(images[1]!.attrs.Boundary, [mm(50), mm(100 - 65), mm(20), mm(15)]);
    const res = partOf(bytes, 'Doc_0/DocumentRes.xml');
    const media = [...all(res)].filter((e) => e.name === 'MultiMedia');
    expect(media.map((m) => m.attrs.Format)).toEqual(['JPEG', 'PNG']);
    const files = unzipSync(bytes);
    const file = (m: XmlElement) => files[`Doc_0/Res/${m.children[0]!.text}`]!;
    expect(Buffer.from(file(media[0]!)).equals(Buffer.from(jpeg))).toBe(true);
    const decodedPng = await sharp(file(media[1]!)).raw().toBuffer({ resolveWithObject: true });
    expect(decodedPng.info).toMatchObject({ width: 4, height: 3, channels: 4 });
    expect(decodedPng.data.equals(PIXELS)).toBe(true);
  });

  it('writes the same bytes every time and in every time zone, dated by the issue in China', async () => {
    const { pdf } = await samplePdf();
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const a = (await pdfToOfd(pdf, META)).bytes;
      process.env.TZ = 'America/Los_Angeles';
      const b = (await pdfToOfd(pdf, META)).bytes;
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
      // The first entry is OFD.xml; its DOS date and time: 2018-02-01 00:00, midnight in China.
      expect(new TextDecoder().decode(a.subarray(30, 37))).toBe('OFD.xml');
      const view = new DataView(a.buffer, a.byteOffset);
      const [time, date] = [view.getUint16(10, true), view.getUint16(12, true)];
      expect([(date >> 9) + 1980, (date >> 5) & 15, date & 31, time >> 11, (time >> 5) & 63]).toEqual([2018, 2, 1, 0, 0]);
      const info = partOf(a, 'OFD.xml');
      expect([...all(info)].find((e) => e.name === 'CreationDate')?.text).toBe('2018-02-01');
      expect([...all(info)].find((e) => e.name === 'Title')?.text).toBe(META.title);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('names what it cannot redraw, with the page, instead of leaving it out silently', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([100, 100]);
    const page = doc.addPage([100, 100]);
    // A function-based shading (type 1), a triangle as a clip with a rectangle painted in it, an inline image.
    page.node.set(PDFName.of('Resources'), doc.context.obj({ Shading: { Sh0: doc.context.obj({ ShadingType: 1, ColorSpace: 'DeviceRGB' }) } }));
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream('/Sh0 sh q 0 0 m 50 0 l 25 50 l h W n 0 0 10 10 re f Q BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 EI')));
    const { problems } = await pdfToOfd(await doc.save(), META);
    expect(problems).toEqual([
      { page: 2, what: 'shading of type 1', count: 1 },
      { page: 2, what: 'clip not a rectangle', count: 1 },
      { page: 2, what: 'BI', count: 1 },
    ]);
  });
});
