// A small PDF made the way Chrome makes bulletin's (a Type 0 font over an embedded TrueType CIDFont
// with ToUnicode and widths, an sRGB image, a graphics state, a link with the Print flag), finished
// by the finishing step as PDF/A-2u. The PDF/A tests break copies of it, one rule at a time.
import { PDFDocument, PDFName, PDFString } from '../../src/print/pdfLib.js';
import { finishPdf, type PdfMetadata } from '../../src/print/finishPdf.js';
import { nodeIo } from '../../src/io.js';
import { SRGB_PROFILE } from '../../src/print/pdfA.js';
import { extFont } from '../extFont.js';

export const META: PdfMetadata = {
  title: '工作动态 2018年第2期 & <增刊>',
  author: '国家生态工业示范园区建设协调领导小组办公室',
  subject: '国家生态工业示范园区工作动态',
  keywords: ['园区动态', '经验交流'],
  language: 'zh-CN',
  date: new Date(Date.UTC(2018, 11, 27, 16)),
  topMargin: 72,
  pdfa: true,
};

/** The document before finishing: what the print loop hands finishPdf. */
export async function printedPdf(): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const ctx = doc.context;
  const descriptor = ctx.register(ctx.obj({ Type: 'FontDescriptor', FontName: 'AAAAAA+BulletinTestExt', Flags: 4, FontBBox: [80, -80, 920, 800], ItalicAngle: 0, Ascent: 880, Descent: -120, CapHeight: 800, StemV: 80,
    FontFile2: ctx.register(ctx.flateStream(extFont())) }));
  const cid = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'CIDFontType2', BaseFont: 'AAAAAA+BulletinTestExt', CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
    FontDescriptor: descriptor, DW: 1000, W: [1, [1000, 1000]], CIDToGIDMap: 'Identity' }));
  const toUnicode = ctx.register(ctx.stream(`/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar
<0001> <3400>
<0002> <D840DC00>
endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end`));
  const font = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: 'AAAAAA+BulletinTestExt', Encoding: 'Identity-H', DescendantFonts: [cid], ToUnicode: toUnicode }));
  const icc = ctx.register(ctx.flateStream(await nodeIo.readFile(SRGB_PROFILE), { N: 3 }));
  const image = ctx.register(ctx.stream(new Uint8Array([200, 30, 30]), { Type: 'XObject', Subtype: 'Image', Width: 1, Height: 1, BitsPerComponent: 8, ColorSpace: ctx.obj([PDFName.of('ICCBased'), icc]) }));
  const gs = ctx.register(ctx.obj({ Type: 'ExtGState', ca: 1, BM: 'Normal' }));
  const page = doc.addPage([595, 842]);
  page.node.set(PDFName.of('Resources'), ctx.obj({ Font: { F1: font }, XObject: { Im1: image }, ExtGState: { G1: gs } }));
  page.node.set(PDFName.of('Contents'), ctx.register(ctx.flateStream('/G1 gs 0 0 0 rg BT /F1 24 Tf 72 700 Td <00010002> Tj ET q 100 0 0 100 72 500 cm /Im1 Do Q')));
  const link = ctx.register(ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 690, 120, 724], Border: [0, 0, 0], F: 4, A: { S: 'URI', URI: PDFString.of('https://example.org/') } }));
  page.node.set(PDFName.of('Annots'), ctx.obj([link]));
  return doc;
}

/** The finished PDF/A-2u bytes. */
export async function finishedPdf(): Promise<Uint8Array> {
  return finishPdf(await printedPdf(), [], new Map(), META);
}
