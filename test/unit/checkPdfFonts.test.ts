// The self-check's font messages name the font, the characters it set, the page and the text around
// them. Pages are made by hand: an embedded-looking TrueType font beside a Type 3 font (what Chrome
// writes for a PostScript-outline font of the machine) and a font that is not embedded.
import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFName } from '../../src/print/pdfLib.js';
import { checkPdfFonts } from '../../src/check/checkPdfFonts.js';
import { render } from '../../src/i18n/message.js';

const cmap = (pairs: [number, string][]) => `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <00> <FF> endcodespacerange
1 beginbfrange <20> <7E> <0020> endbfrange
${pairs.length} beginbfchar
${pairs.map(([code, ch]) => `<${code.toString(16).padStart(2, '0')}> <${Array.from(ch, (c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('')}>`).join('\n')}
endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end`;

async function pdf(): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const ctx = doc.context;
  // F1: the body's face (embedded: a FontFile2 in its descriptor); F3: Type 3, as Chrome writes one (no name).
  const descriptor = ctx.obj({ Type: 'FontDescriptor', FontName: 'AAAAAA+NotoSerifSC', FontFile2: ctx.register(ctx.stream('x')) });
  const body = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'TrueType', BaseFont: 'AAAAAA+NotoSerifSC', FirstChar: 1, Widths: Array(126).fill(1000), FontDescriptor: descriptor,
    ToUnicode: ctx.register(ctx.stream(cmap([[1, '全'], [2, '市'], [3, '类'], [4, '水'], [5, '体']]))) }));
  const type3 = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type3', FontBBox: [0, 0, 1000, 1000], FontMatrix: [0.001, 0, 0, 0.001, 0, 0], CharProcs: ctx.obj({}), FirstChar: 1, Widths: [600, 600],
    ToUnicode: ctx.register(ctx.stream(cmap([[1, 'Ⅲ'], [2, 'μ']]))) }));
  const plain = ctx.register(ctx.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Helvetica', FirstChar: 32, Widths: Array(95).fill(500), ToUnicode: ctx.register(ctx.stream(cmap([]))) }));
  doc.addPage([595, 842]);
  const page = doc.addPage([595, 842]);
  page.node.set(PDFName.of('Resources'), ctx.obj({ Font: ctx.obj({ F1: body, F3: type3, F4: plain }) }));
  // 全市 … 水体 <Ⅲ> 类, on one line; "g/m" in Helvetica lower down.
  page.node.set(PDFName.of('Contents'), ctx.register(ctx.stream('BT /F1 12 Tf 72 700 Td <0102040501020405> Tj /F3 12 Tf <01> Tj /F1 12 Tf <03> Tj ET\nBT /F4 12 Tf 72 600 Td (g/m) Tj ET')));
  return PDFDocument.load(await doc.save());
}

describe('the self-check of fonts', () => {
  it('names a Type 3 font, the characters it set, its page and the text around them', async () => {
    const problems = checkPdfFonts(await pdf()).problems.map((p) => p.message);
    expect(problems).toContain('a font without a name is a Type 3 font: it set 「Ⅲ」 on page 2 of the PDF, in “全市水体全市水体Ⅲ类”');
  });

  it('names a font that is not embedded the same way', async () => {
    const problems = checkPdfFonts(await pdf()).problems.map((p) => p.message);
    expect(problems).toContain('Helvetica is not embedded: it set 「g / m」 on page 2 of the PDF, in “g/m”');
    expect(problems).toHaveLength(2); // the embedded face is fine
  });

  it('says the same in Chinese', async () => {
    const problems = checkPdfFonts(await pdf()).problems.map((p) => render(p.text, 'zh'));
    expect(problems).toContain('一种没有名称的字体是 Type 3 字体：用它印出了「Ⅲ」，见 PDF 第2页的「全市水体全市水体Ⅲ类」');
    expect(problems).toContain('字体 Helvetica 没有嵌入：用它印出了「g / m」，见 PDF 第2页的「g/m」');
  });
});
