// A photo's stand-in (images/standInJpeg.ts): a JPEG any decoder reads at the photo's pixel size,
// a few hundred bytes whatever that size; and the self-check that refuses one in a finished PDF.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isStandIn, standInJpeg } from '../../src/images/standInJpeg.js';
import { pdfImageProblems } from '../../src/check/checkImages.js';
import { PDFDocument } from '../../src/print/pdfLib.js';
import { render } from '../../src/i18n/message.js';

describe('standInJpeg', () => {
  it.each([[1, 1], [7, 9], [856, 642], [856, 1141], [4000, 3000]])('is a grey JPEG of %i × %i pixels that decodes', async (width, height) => {
    const bytes = standInJpeg(width, height);
    const meta = await sharp(bytes).metadata();
    expect([meta.format, meta.width, meta.height, meta.channels]).toEqual(['jpeg', width, height, 1]);
    const { data } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
    expect(new Set(data)).toEqual(new Set([128]));
    // Two bits a block of 8 × 8 pixels and the headers: 47 kB for 12 megapixels, a few hundred bytes for a printed photo.
    expect(bytes.length).toBeLessThan(200 + Math.ceil(width / 8) * Math.ceil(height / 8) / 4 + 1);
  });

  it('is recognised only at its own size', () => {
    const bytes = standInJpeg(856, 642);
    expect(isStandIn(bytes, 856, 642)).toBe(true);
    expect(isStandIn(bytes, 642, 856)).toBe(false);
    expect(isStandIn(standInJpeg(857, 642), 856, 642)).toBe(false);
    expect(isStandIn(bytes, 0, 642)).toBe(false);
  });

  it('refuses a size a JPEG cannot state', () => {
    for (const [w, h] of [[0, 10], [10, 70_000], [2.5, 10]] as const) expect(() => standInJpeg(w, h)).toThrow(RangeError);
  });
});

describe('the self-check of a finished PDF', () => {
  const pdfWith = async (jpeg: Uint8Array) => {
    const doc = await PDFDocument.create();
    const image = await doc.embedJpg(jpeg);
    doc.addPage([595, 842]).drawImage(image, { x: 100, y: 400, width: 200, height: 150 });
    return PDFDocument.load(await doc.save(), { updateMetadata: false });
  };

  it('refuses a photo printed as its stand-in, naming the image object', async () => {
    const problems = pdfImageProblems(await pdfWith(standInJpeg(856, 642)));
    expect(problems).toHaveLength(1);
    expect(render(problems[0]!.text, 'en')).toMatch(/^the image object \d+ of the PDF is a photo's grey stand-in, not the photo/);
  });

  it('passes the photo itself', async () => {
    const photo = await sharp({ create: { width: 856, height: 642, channels: 3, background: '#808080' } }).jpeg().toBuffer();
    expect(pdfImageProblems(await pdfWith(photo))).toEqual([]);
  });
});
