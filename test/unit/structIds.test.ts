// The ids of the structure elements (print/structIds.ts): numbered in tree order, whatever Chrome
// numbered them by, with the header cells' references and the id tree following.
import { describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, type PDFRef } from '../../src/print/pdfLib.js';
import { renumberStructIds } from '../../src/print/structIds.js';

/** A table as Chrome tags one: the table and its two header cells with ids, a data cell naming them; the id tree one leaf under a root. */
async function taggedTable(ids: { table: string; th1: string; th2: string }) {
  // No dates of its own: two made a second apart are the same bytes.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const ctx = pdf.context;
  const elem = (s: string, extra: Record<string, unknown> = {}) => ctx.register(ctx.obj({ Type: 'StructElem', S: s, ...extra }));
  const th1 = elem('TH', { ID: PDFString.of(ids.th1), K: 0 });
  const th2 = elem('TH', { ID: PDFString.of(ids.th2), K: 1 });
  const td = elem('TD', { K: 2, A: [ctx.obj({ O: 'Table', Headers: [PDFString.of(ids.table), PDFString.of(ids.th1), PDFString.of(ids.th2)] }), ctx.obj({ O: 'Table', RowSpan: 1 })] });
  const table = elem('Table', { ID: PDFString.of(ids.table), K: [th1, th2, td] });
  const doc = elem('Document', { K: [elem('P', { K: 3 }), table] });
  const sorted = ([[ids.table, table], [ids.th1, th1], [ids.th2, th2]] as [string, PDFRef][]).sort(([a], [b]) => (a < b ? -1 : 1));
  const leaf = ctx.register(ctx.obj({ Limits: [PDFString.of(sorted[0]![0]), PDFString.of(sorted[2]![0])], Names: sorted.flatMap(([k, v]) => [PDFString.of(k), v]) }));
  const root = ctx.register(ctx.obj({ Type: 'StructTreeRoot', K: doc, IDTree: ctx.obj({ Kids: [leaf] }) }));
  pdf.catalog.set(PDFName.of('StructTreeRoot'), root);
  return { pdf, refs: { table, th1, th2, td, leaf } };
}

const text = (o: unknown) => (o as PDFString).decodeText();

describe('renumberStructIds', () => {
  it('numbers the elements in tree order, and the headers and the id tree follow', async () => {
    // Chrome's numbers: the table after its cells (it numbered the cells' nodes first).
    const { pdf, refs } = await taggedTable({ table: 'node00000641', th1: 'node00000036', th2: 'node00000037' });
    renumberStructIds(pdf);
    const get = (ref: PDFRef) => pdf.context.lookup(ref, PDFDict);
    expect(text(get(refs.table).get(PDFName.of('ID')))).toBe('node00000001');
    expect(text(get(refs.th1).get(PDFName.of('ID')))).toBe('node00000002');
    expect(text(get(refs.th2).get(PDFName.of('ID')))).toBe('node00000003');
    const headers = ((get(refs.td).get(PDFName.of('A')) as PDFArray).get(0) as PDFDict).get(PDFName.of('Headers')) as PDFArray;
    expect(headers.asArray().map(text)).toEqual(['node00000001', 'node00000002', 'node00000003']);
    const leaf = get(refs.leaf);
    const names = (leaf.get(PDFName.of('Names')) as PDFArray).asArray();
    expect(names.filter((_, i) => i % 2 === 0).map(text)).toEqual(['node00000001', 'node00000002', 'node00000003']);
    expect(names.filter((_, i) => i % 2 === 1)).toEqual([refs.table, refs.th1, refs.th2]);
    expect((leaf.get(PDFName.of('Limits')) as PDFArray).asArray().map(text)).toEqual(['node00000001', 'node00000003']);
  });

  it('gives the same PDF whatever numbers Chrome gave the same tree', async () => {
    const bytes = async (ids: { table: string; th1: string; th2: string }) => {
      const { pdf } = await taggedTable(ids);
      renumberStructIds(pdf);
      return Buffer.from(await pdf.save({ useObjectStreams: false }));
    };
    expect((await bytes({ table: 'node00000641', th1: 'node00000036', th2: 'node00000037' })).equals(await bytes({ table: 'node00000642', th1: 'node00000037', th2: 'node00000038' }))).toBe(true);
  });

  it('leaves a PDF without ids as it is', async () => {
    const pdf = await PDFDocument.create();
    const ctx = pdf.context;
    const p = ctx.register(ctx.obj({ Type: 'StructElem', S: 'P', K: 0 }));
    pdf.catalog.set(PDFName.of('StructTreeRoot'), ctx.register(ctx.obj({ Type: 'StructTreeRoot', K: p })));
    const before = Buffer.from(await pdf.save({ useObjectStreams: false }));
    renumberStructIds(pdf);
    expect(Buffer.from(await pdf.save({ useObjectStreams: false })).equals(before)).toBe(true);
  });
});
