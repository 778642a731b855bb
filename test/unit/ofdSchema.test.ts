// The Annex A schemas (test/ofd-schema/) and the validator (test/ofdSchema.ts): a package from a
// hand-made PDF passes; parts broken by hand fail, each naming the part and what is wrong.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PDFDocument, rgb } from '../../src/print/pdfLib.js';
import { pdfToOfd, type OfdMetadata } from '../../src/ofd/pdfToOfd.js';
import { validateOfdSchemas } from '../ofdSchema.js';

const META: OfdMetadata = { title: '工作动态', author: '办公室', subject: '工作动态', keywords: ['工作动态'], date: new Date(Date.UTC(2018, 0, 31, 16)) };

async function sample(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([100, 100]);
  page.drawRectangle({ x: 10, y: 20, width: 30, height: 40, color: rgb(1, 0, 0) });
  page.drawLine({ start: { x: 10, y: 90 }, end: { x: 90, y: 90 }, thickness: 2, color: rgb(0, 0, 1) });
  return (await pdfToOfd(await doc.save(), META)).bytes;
}

/** The package with one part's text changed. */
function edit(bytes: Uint8Array, name: string, change: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  const before = strFromU8(files[name]!);
  const after = change(before);
  expect(after).not.toBe(before);
  return zipSync({ ...files, [name]: strToU8(after) });
}

describe('OFD schemas (GB/T 33190-2016 Annex A)', () => {
  it('accepts every part of a package the converter wrote', async () => {
    const { errors, parts } = await validateOfdSchemas(await sample());
    expect(errors).toEqual([]);
    expect(parts.sort()).toEqual(['Doc_0/Document.xml', 'Doc_0/DocumentRes.xml', 'Doc_0/Pages/Page_0/Content.xml', 'Doc_0/PublicRes.xml', 'OFD.xml']);
  });

  it.each([
    ['OFD.xml', (x: string) => x.replace('Version="1.0"', 'Version="2.0"'), /Version/],
    ['OFD.xml', (x: string) => x.replace(/<ofd:CreationDate>[^<]*/, '<ofd:CreationDate>31.1.2018'), /CreationDate/],
    ['Doc_0/Document.xml', (x: string) => x.replace(/<ofd:MaxUnitID>\d+<\/ofd:MaxUnitID>/, ''), /PageArea|MaxUnitID/],
    ['Doc_0/Pages/Page_0/Content.xml', (x: string) => x.replace(/(<ofd:PathObject[^>]*Boundary=")([^"]*)"/, '$1$2 1"'), /Boundary/],
    ['Doc_0/Pages/Page_0/Content.xml', (x: string) => x.replace(/<ofd:AbbreviatedData>/, '<ofd:Bogus/><ofd:AbbreviatedData>'), /Bogus/],
    ['Doc_0/PublicRes.xml', (x: string) => x.replace(' BaseLoc="Res"', ''), /BaseLoc/],
  ])('rejects %s broken by hand (%#)', async (name, change, what) => {
    const { errors } = await validateOfdSchemas(edit(await sample(), name, change));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toContain(name);
    expect(errors.join('\n')).toMatch(what);
  });
});
