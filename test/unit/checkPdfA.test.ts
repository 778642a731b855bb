// The PDF/A-2u checker: the finishing step's output passes every rule, and for each rule one copy of
// it, broken by hand (pdf-lib, or its bytes), fails with that rule's id. One PDF is made for the file.
import { beforeAll, describe, expect, it } from 'vitest';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, PDFNumber, PDFStream, PDFString } from '../../src/print/pdfLib.js';
import { checkPdfA, describePdfAProblems, PDFA_RULES, type PdfARuleId } from '../../src/check/checkPdfA.js';
import { withFileId, xmpPacket } from '../../src/print/pdfA.js';
import { finishedPdf } from './pdfaBase.js';

let base: Uint8Array;
beforeAll(async () => {
  base = await finishedPdf();
});

const load = (bytes: Uint8Array) => PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const N = (n: string) => PDFName.of(n);

/** The first indirect object whose dictionary passes `test`. */
function find(doc: PDFDocument, test: (d: PDFDict) => boolean): PDFDict {
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    const d = obj instanceof PDFStream ? obj.dict : obj instanceof PDFDict ? obj : undefined;
    if (d && test(d)) return d;
  }
  throw new Error('no such object');
}
const is = (key: string, value: string) => (d: PDFDict) => d.get(N(key)) === N(value);
const font = (doc: PDFDocument, subtype: string) => find(doc, (d) => d.get(N('Type')) === N('Font') && d.get(N('Subtype')) === N(subtype));
const image = (doc: PDFDocument) => find(doc, is('Subtype', 'Image'));
const graphicsState = (doc: PDFDocument) => find(doc, is('Type', 'ExtGState'));
const link = (doc: PDFDocument) => find(doc, is('Subtype', 'Link'));
const page = (doc: PDFDocument) => doc.getPage(0).node;
const xmpText = (doc: PDFDocument) => Buffer.from((doc.context.lookup(doc.catalog.get(N('Metadata'))) as PDFStream).getContents()).toString('utf8');
function setXmp(doc: PDFDocument, content: string | Uint8Array): void {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  doc.catalog.set(N('Metadata'), doc.context.register(doc.context.stream(bytes, { Type: 'Metadata', Subtype: 'XML' })));
}
function toUnicode(doc: PDFDocument, entries: string): void {
  font(doc, 'Type0').set(N('ToUnicode'), doc.context.register(doc.context.stream(`begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange\n${entries}\nendcmap`)));
}
function content(doc: PDFDocument, ops: string): void {
  page(doc).set(N('Contents'), doc.context.register(doc.context.stream(ops)));
}
function form(doc: PDFDocument, extra: Record<string, unknown>): void {
  const ref = doc.context.register(doc.context.stream('', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 10, 10], ...extra } as never));
  page(doc).lookup(N('Resources'), PDFDict).lookup(N('XObject'), PDFDict).set(N('Fm1'), ref);
}
const names = (doc: PDFDocument, entries: Record<string, unknown>) => doc.catalog.set(N('Names'), doc.context.obj(entries as never));

/** A copy of the base PDF edited as a document, saved as finishPdf saves it (file identifier included). */
async function edited(edit: (doc: PDFDocument) => void): Promise<Uint8Array> {
  const doc = await load(base);
  edit(doc);
  doc.context.trailerInfo.ID = undefined;
  return withFileId(await doc.save({ useObjectStreams: false }));
}
/** A copy of the base PDF with its bytes edited. */
async function rewritten(edit: (text: string) => string): Promise<Uint8Array> {
  return bytesOf(edit(latin1(base)));
}

const FIXTURES: Record<PdfARuleId, () => Promise<Uint8Array>> = {
  'header': () => rewritten((t) => t.replace('%PDF-1.7', '%PDF-1.9')),
  'header-binary': () => rewritten((t) => t.replace(/^(%PDF-1\.7\n%)..../, '$1abcd')),
  'trailer-id': async () => {
    const doc = await load(base);
    doc.context.trailerInfo.ID = undefined;
    return doc.save({ useObjectStreams: false });
  },
  'encrypt': () => rewritten((t) => t.replace(/trailer\n<<\n/, (m) => `${m}/Encrypt << /Filter /Standard >>\n`)),
  'eof': () => rewritten((t) => `${t}\n% appended\n`),
  'xref': () => rewritten((t) => t.replace(/\nxref\n(\d+ \d+)/, '\nxref\n\n$1')),
  'stream-external': () => edited((doc) => (doc.context.lookup(page(doc).get(N('Contents'))) as PDFStream).dict.set(N('F'), PDFString.of('content.txt'))),
  'filter': () => edited((doc) => image(doc).set(N('Filter'), N('LZWDecode'))),
  'page-size': () => edited((doc) => page(doc).set(N('MediaBox'), doc.context.obj([0, 0, 2, 842]))),
  'output-intent': () => edited((doc) => doc.catalog.delete(N('OutputIntents'))),
  'output-profile': () => edited((doc) => doc.catalog.lookup(N('OutputIntents'), PDFArray).lookup(0, PDFDict).set(N('DestOutputProfile'), doc.context.register(doc.context.stream('not a profile')))),
  'output-intents-same': () => edited((doc) => {
    const intents = doc.catalog.lookup(N('OutputIntents'), PDFArray);
    const first = intents.lookup(0, PDFDict);
    const copy = doc.context.register(doc.context.stream((doc.context.lookup(first.get(N('DestOutputProfile'))) as PDFStream).getContents(), { N: 3 }));
    intents.push(doc.context.obj({ Type: 'OutputIntent', S: 'GTS_PDFX', OutputConditionIdentifier: PDFString.of('other'), DestOutputProfile: copy }));
  }),
  'icc-profile': () => edited((doc) => (doc.context.lookup(image(doc).lookup(N('ColorSpace'), PDFArray).get(1)) as PDFStream).dict.set(N('N'), PDFNumber.of(4))),
  'device-cmyk': () => edited((doc) => image(doc).set(N('ColorSpace'), N('DeviceCMYK'))),
  'extgstate-tr': () => edited((doc) => graphicsState(doc).set(N('TR'), N('Identity'))),
  'extgstate-tr2': () => edited((doc) => graphicsState(doc).set(N('TR2'), N('Identity'))),
  'extgstate-htp': () => edited((doc) => graphicsState(doc).set(N('HTP'), doc.context.obj([0, 0]))),
  'rendering-intent': () => edited((doc) => graphicsState(doc).set(N('RI'), N('Vivid'))),
  'image-alternates': () => edited((doc) => image(doc).set(N('Alternates'), doc.context.obj([]))),
  'image-opi': () => edited((doc) => image(doc).set(N('OPI'), doc.context.obj({}))),
  'image-interpolate': () => edited((doc) => image(doc).set(N('Interpolate'), PDFBool.True)),
  'image-bits': () => edited((doc) => image(doc).set(N('BitsPerComponent'), PDFNumber.of(3))),
  'form-postscript': () => edited((doc) => form(doc, { PS: doc.context.register(doc.context.stream('showpage')) })),
  'reference-xobject': () => edited((doc) => form(doc, { Ref: { F: PDFString.of('other.pdf'), Page: 0 } })),
  'postscript-xobject': () => edited((doc) => { doc.context.register(doc.context.stream('showpage', { Type: 'XObject', Subtype: 'PS' })); }),
  'blend-mode': () => edited((doc) => graphicsState(doc).set(N('BM'), N('Dodge'))),
  'transparency-group': () => edited((doc) => {
    doc.catalog.delete(N('OutputIntents'));
    graphicsState(doc).set(N('ca'), PDFNumber.of(0.5));
  }),
  'font-subtype': () => edited((doc) => { doc.context.register(doc.context.obj({ Type: 'Font', Subtype: 'OpenType', BaseFont: 'Mystery' })); }),
  'font-type3': () => edited((doc) => { doc.context.register(doc.context.obj({ Type: 'Font', Subtype: 'Type3', FontBBox: [0, 0, 1, 1], FontMatrix: [0.001, 0, 0, 0.001, 0, 0], CharProcs: {}, Encoding: { Differences: [] }, FirstChar: 0, LastChar: 0, Widths: [0] })); }),
  'font-embedded': () => edited((doc) => font(doc, 'CIDFontType2').lookup(N('FontDescriptor'), PDFDict).delete(N('FontFile2'))),
  'cid-to-gid': () => edited((doc) => font(doc, 'CIDFontType2').delete(N('CIDToGIDMap'))),
  'cmap-embedded': () => edited((doc) => font(doc, 'Type0').set(N('Encoding'), N('Private-Code-H'))),
  'font-widths': () => edited((doc) => font(doc, 'CIDFontType2').set(N('W'), doc.context.obj([1, [500, 1000]]))),
  'tounicode': () => edited((doc) => toUnicode(doc, '1 beginbfchar\n<0001> <3400>\nendbfchar')),
  'tounicode-value': () => edited((doc) => toUnicode(doc, '2 beginbfchar\n<0001> <3400>\n<0002> <FEFF>\nendbfchar')),
  'notdef': () => edited((doc) => content(doc, 'BT /F1 24 Tf 72 700 Td <00000001> Tj ET')),
  'annot-type': () => edited((doc) => link(doc).set(N('Subtype'), N('Movie'))),
  'annot-flags': () => edited((doc) => link(doc).set(N('F'), PDFNumber.of(4 | 2))),
  'annot-appearance': () => edited((doc) => link(doc).set(N('Subtype'), N('Square'))),
  'form-xfa': () => edited((doc) => doc.catalog.set(N('AcroForm'), doc.context.obj({ Fields: [], XFA: doc.context.register(doc.context.stream('<xdp/>')) }))),
  'needs-rendering': () => edited((doc) => doc.catalog.set(N('NeedsRendering'), PDFBool.True)),
  'need-appearances': () => edited((doc) => doc.catalog.set(N('AcroForm'), doc.context.obj({ Fields: [], NeedAppearances: true }))),
  'action': () => edited((doc) => link(doc).set(N('A'), doc.context.obj({ S: 'Launch', F: PDFString.of('calc.exe') }))),
  'javascript': () => edited((doc) => link(doc).set(N('A'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }))),
  'named-action': () => edited((doc) => link(doc).set(N('A'), doc.context.obj({ S: 'Named', N: 'Print' }))),
  'additional-actions': () => edited((doc) => page(doc).set(N('AA'), doc.context.obj({ O: { S: 'URI', URI: PDFString.of('https://example.org/') } }))),
  'xmp-missing': () => edited((doc) => doc.catalog.delete(N('Metadata'))),
  'xmp-packet-header': () => edited((doc) => setXmp(doc, xmpText(doc).replace('<?xpacket begin="\uFEFF"', '<?xpacket begin="\uFEFF" bytes="2048"'))),
  'xmp-utf8': () => edited((doc) => setXmp(doc, Buffer.concat([Buffer.from(xmpText(doc).replace('</dc:title>', '')), Buffer.from([0xff, 0xfe])]))),
  'xmp-wellformed': () => edited((doc) => setXmp(doc, xmpText(doc).replace('</dc:title>', ''))),
  'xmp-schema': () => edited((doc) => setXmp(doc, xmpText(doc).replace('<pdf:Producer>', '<office:Desk xmlns:office="http://example.org/office/">办公室</office:Desk><pdf:Producer>'))),
  'pdfa-identification': () => edited((doc) => setXmp(doc, xmpText(doc).replace('<pdfaid:conformance>U<', '<pdfaid:conformance>B<'))),
  'xmp-info': () => edited((doc) => doc.setTitle('另一个标题')),
  'embedded-files': () => edited((doc) => names(doc, { EmbeddedFiles: { Names: [PDFString.of('a.txt'), { Type: 'Filespec', F: PDFString.of('a.txt') }] } })),
  'alternate-presentations': () => edited((doc) => names(doc, { AlternatePresentations: { Names: [] } })),
  'pres-steps': () => edited((doc) => page(doc).set(N('PresSteps'), doc.context.obj({}))),
  'requirements': () => edited((doc) => doc.catalog.set(N('Requirements'), doc.context.obj([]))),
};

async function check(bytes: Uint8Array) {
  return checkPdfA(await load(bytes), bytes);
}

describe('the PDF/A-2u checker', () => {
  it('finds nothing to say about what the finishing step writes', async () => {
    expect(await check(base)).toEqual([]);
  });

  it('has one hand-broken PDF for each of its rules', () => {
    expect(Object.keys(FIXTURES).sort()).toEqual(Object.keys(PDFA_RULES).sort());
    for (const rule of Object.values(PDFA_RULES)) expect(rule.clause).toMatch(/^6\.\d+(\.\d+)*(-\d+)?( \(.+\))?$/);
  });

  it.each(Object.keys(FIXTURES) as PdfARuleId[])('fails %s', async (rule) => {
    const problems = await check(await FIXTURES[rule]());
    expect(problems.map((p) => p.rule)).toContain(rule);
  });

  it('names the rule, its clause and the font in a message', async () => {
    const problems = await check(await FIXTURES['font-embedded']());
    expect(describePdfAProblems(problems).en).toBe('the font BulletinTestExt (object 5) is not embedded [font-embedded: ISO 19005-2 6.2.11.4.1-1, every font is embedded]');
    expect(describePdfAProblems(problems).zh).toBe('字体 BulletinTestExt（对象5）没有嵌入［`font-embedded`：ISO 19005-2 第6.2.11.4.1-1条，要求每种字体都已嵌入］');
  });

  it.each(Object.keys(FIXTURES) as PdfARuleId[])('says %s in Chinese', async (rule) => {
    const zh = describePdfAProblems(await check(await FIXTURES[rule]())).zh;
    expect(zh).toMatch(/\p{Script=Han}/u);
    // No English sentence: at most two words of it in a row outside backticks and 「」 (names: Type Metadata, Subtype XML).
    expect(zh.replace(/`[^`]*`/g, '').replace(/「[^「」]*」/g, ''), zh).not.toMatch(/\b[A-Za-z]+ [A-Za-z]+ [A-Za-z]+\b/);
  });

  it('names the .notdef glyph and the annotation without Print the same way', async () => {
    const notdef = (await check(await FIXTURES.notdef())).find((p) => p.rule === 'notdef')!;
    expect(notdef.message).toBe('the font BulletinTestExt (object 7) shows the .notdef glyph (an empty box, where the font lacks a character) on page 1 of the PDF, in “㐀”');
    const hidden = (await check(await FIXTURES['annot-flags']())).find((p) => p.rule === 'annot-flags')!;
    expect(hidden.message).toMatch(/^the Link annotation \(object \d+\) on page 1 is hidden or invisible \(flags 6\)$/);
  });

  it('finds the three things a plain Chrome PDF lacks', async () => {
    const doc = await load(base);
    doc.catalog.delete(N('Metadata'));
    doc.catalog.delete(N('OutputIntents'));
    doc.context.trailerInfo.ID = undefined;
    const plain = await doc.save({ useObjectStreams: false });
    expect((await check(plain)).map((p) => p.rule).sort()).toEqual(['output-intent', 'trailer-id', 'xmp-missing']);
  });

  it('reads the XMP it checks as the finishing step wrote it', async () => {
    const doc = await load(base);
    expect(xmpText(doc)).toBe(xmpPacket({
      title: '工作动态 2018年第2期 & <增刊>', creator: '国家生态工业示范园区建设协调领导小组办公室', description: '国家生态工业示范园区工作动态', language: 'zh-CN',
      keywords: '园区动态 经验交流', producer: 'bulletin', creatorTool: 'bulletin', created: new Date(Date.UTC(2018, 11, 27, 16)), modified: new Date(Date.UTC(2018, 11, 27, 16)),
    }));
  });
});
