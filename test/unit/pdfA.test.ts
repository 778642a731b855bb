// The finishing step's PDF/A-2u parts: the vendored sRGB profile, the XMP packet as written, the file
// identifier made from the content (the same bytes twice), and a plain PDF when PDF/A is off.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from '../../src/print/pdfLib.js';
import { finishPdf } from '../../src/print/finishPdf.js';
import { SRGB_PROFILE } from '../../src/print/pdfA.js';
import { checkPdfA } from '../../src/check/checkPdfA.js';
import { nodeIo } from '../../src/io.js';
import { META, finishedPdf, printedPdf } from './pdfaBase.js';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('PDF/A-2u in the finishing step', () => {
  it('vendors the sRGB profile of icc-profiles-free unchanged', async () => {
    const icc = await nodeIo.readFile(SRGB_PROFILE);
    expect(createHash('sha256').update(icc).digest('hex')).toBe('2a92d4bae450b76d8b0aa42193df974d75f62738ecebf74f01c5e75b12a95796');
    expect(text(icc.subarray(12, 20))).toBe('mntrRGB ');
  });

  it('writes the same bytes twice, with a file identifier that is the hash of the file without it', async () => {
    const [a, b] = [await finishedPdf(), await finishedPdf()];
    expect(Buffer.compare(a, b)).toBe(0);
    const id = /\/ID \[ <([0-9A-F]{32})> <\1> \]\n/.exec(text(a));
    expect(id).not.toBeNull();
    const without = Buffer.from(text(a).replace(id![0], ''), 'latin1');
    expect(createHash('sha256').update(without).digest('hex').slice(0, 32).toUpperCase()).toBe(id![1]);
    // The identifier follows the cross-reference table: every offset still points at its object.
    const doc = await PDFDocument.load(a, { updateMetadata: false, throwOnInvalidObject: true });
    expect(doc.getPageCount()).toBe(1);
  });

  it('writes the XMP packet uncompressed, in UTF-8, with the output intent beside it', async () => {
    const doc = await PDFDocument.load(await finishedPdf(), { updateMetadata: false });
    const xmp = doc.context.lookup(doc.catalog.get(PDFName.of('Metadata'))) as PDFRawStream;
    expect(xmp.dict.has(PDFName.of('Filter'))).toBe(false);
    const packet = Buffer.from(xmp.contents).toString('utf8');
    expect(packet).toContain('<dc:title><rdf:Alt><rdf:li xml:lang="x-default">工作动态 2018年第2期 &amp; &lt;增刊&gt;</rdf:li></rdf:Alt></dc:title>');
    expect(packet).toContain('<xmp:CreateDate>2018-12-27T16:00:00Z</xmp:CreateDate>');
    expect(doc.getCreationDate()?.toISOString()).toBe('2018-12-27T16:00:00.000Z');
    const intent = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray).lookup(0, PDFDict);
    expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFA1'));
  });

  it('leaves keywords out of both the Info dictionary and the XMP when there are none (a speech has no sections)', async () => {
    const bytes = await finishPdf(await printedPdf(), [], new Map(), { ...META, keywords: [] });
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getKeywords()).toBeUndefined();
    expect(text(bytes)).not.toContain('pdf:Keywords');
    expect(checkPdfA(doc, bytes)).toEqual([]);
  });

  it('writes a plain PDF when PDF/A is off: no XMP, no output intent, no identifier', async () => {
    const bytes = await finishPdf(await printedPdf(), [], new Map(), { ...META, pdfa: false });
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.catalog.has(PDFName.of('Metadata'))).toBe(false);
    expect(doc.catalog.has(PDFName.of('OutputIntents'))).toBe(false);
    expect(text(bytes)).not.toContain('/ID');
  });
});
