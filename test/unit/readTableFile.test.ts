// Tables from files: a workbook read as data (cached formula values, number formats, merged cells,
// shared strings without their phonetic guides) under limits, and CSV in UTF-8 or GBK.
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { formatNumber, parseRange, readCsv, readXlsx } from '../../src/model/readTableFile.js';
import { tableFromGrid } from '../../src/model/tableFromGrid.js';
import { renderTable } from '../../src/render/renderBlocks.js';
import { PRESETS } from '../../src/layout/presets.js';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const xml = (s: string) => strToU8(`<?xml version="1.0" encoding="UTF-8"?>${s}`);

function workbook(sheet: string, extra: Record<string, string> = {}): Uint8Array {
  return zipSync({
    'xl/workbook.xml': xml(`<workbook ${NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="进展表" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': xml(`<worksheet ${NS}>${sheet}</worksheet>`),
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, xml(v)])),
  });
}

const STRINGS = `<sst ${NS}><si><t>街镇</t></si><si><t>投资</t></si><si><r><t>完成</t></r><r><t>率</t></r><rPh sb="0" eb="1"><t>ワンセイ</t></rPh></si><si><t>清河街道</t></si></sst>`;
const STYLES = `<styleSheet ${NS}><numFmts><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="4"/><xf numFmtId="164"/></cellXfs></styleSheet>`;

describe('readXlsx', () => {
  const sheet = '<sheetData>'
    + '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="s"><v>2</v></c></row>'
    + '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" s="1"><v>1860.5</v></c><c r="C2"><v>3</v></c><c r="D2" s="2"><f>C2/B2</f><v>0.8866666666</v></c></row>'
    + '<row r="3"><c r="A3" t="inlineStr"><is><t>&lt;script&gt;**x**|</t></is></c><c r="B3" s="1"><f>SUM(B2:B2)</f><v>12345.678</v></c></row>'
    + '</sheetData><mergeCells count="1"><mergeCell ref="B1:C1"/></mergeCells>';
  const book = workbook(sheet, { 'xl/sharedStrings.xml': STRINGS, 'xl/styles.xml': STYLES });

  it('prints cached formula values in the cell format, joins rich text without its phonetic guide, keeps merged cells', () => {
    const read = readXlsx(book, '进展表', 'A1:D3');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.grid.cells).toEqual([
      ['街镇', '投资', '', '完成率'],
      ['清河街道', '1,860.50', '3', '88.7%'],
      ['<script>**x**|', '12,345.68', '', ''],
    ]);
    expect(read.grid.merges).toEqual([{ row: 0, col: 1, rows: 1, cols: 2 }]);
  });

  it('without a range, takes the cells that have a value; the first sheet without a name', () => {
    const read = readXlsx(book, undefined, undefined);
    expect(read.ok && read.grid.cells.length).toBe(3);
  });

  it('names the sheets it has when the one asked for is missing', () => {
    const read = readXlsx(book, '进度表', undefined);
    expect(read).toMatchObject({ ok: false, code: 'table-sheet-missing' });
    expect(!read.ok && read.message).toContain('「进展表」');
  });

  it('refuses a range over the limits before reading the sheet, and a sheet with a DOCTYPE', () => {
    expect(readXlsx(book, undefined, 'A1:B1000000')).toMatchObject({ ok: false, code: 'table-too-many-rows' });
    expect(readXlsx(book, undefined, 'A1:Z9')).toMatchObject({ ok: false, code: 'table-too-many-columns' });
    expect(readXlsx(zipSync({ 'xl/workbook.xml': xml('<!DOCTYPE w [<!ENTITY a "aaaa">]><workbook/>') }), undefined, undefined)).toMatchObject({ ok: false, code: 'table-file-damaged' });
  });

  it('says what a ZIP that is no workbook is', () => {
    expect(readXlsx(zipSync({ 'word/document.xml': xml('<w/>') }), undefined, undefined)).toMatchObject({ ok: false, code: 'table-file-type' });
    expect(readXlsx(strToU8('PK not a zip at all'), undefined, undefined)).toMatchObject({ ok: false, code: 'table-file-damaged' });
  });

  it('becomes a table: merged header cells span, numbers right-aligned, cell text escaped and never Markdown', () => {
    const read = readXlsx(book, '进展表', 'A1:D3');
    if (!read.ok) throw new Error(read.message);
    const table = tableFromGrid(read.grid, { header: 1, caption: undefined, unit: '单位：万元', style: undefined, file: 'x.xlsx', lines: { start: 0, end: 1 } });
    expect(table.head[0]!.cells.map((c) => c.colSpan ?? 1)).toEqual([1, 2, 1]);
    expect(table.align).toEqual(['left', 'right', 'right', 'right']);
    let n = 0;
    const html = renderTable(table, { geometry: PRESETS.standard, style: 'three-line', next: () => ({ number: ++n, id: 'a-table-1' }) });
    expect(html).toContain('&lt;script&gt;**x**|');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<th colspan="2" class="head-first head-last">投资</th>');
    expect(html).toContain('续表1');
  });
});

describe('formatNumber', () => {
  it('follows the cell format: decimals, thousands, per cent, dates', () => {
    expect(formatNumber(0.1 + 0.2, undefined)).toBe('0.3');
    expect(formatNumber(1234.5, '#,##0.00')).toBe('1,234.50');
    expect(formatNumber(0.186, '0.0%')).toBe('18.6%');
    expect(formatNumber(46356, 'yyyy"年"m"月"d"日"')).toBe('2026年11月30日');
  });
});

describe('readCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks, a BOM, and a range', () => {
    const read = readCsv(strToU8('\uFEFF项目,说明\r\n污水厂,"截污纳管，""一口一策""\n二期"\r\n'));
    expect(read.ok && read.grid.cells).toEqual([['项目', '说明'], ['污水厂', '截污纳管，"一口一策"\n二期']]);
    expect(parseRange('b2:A1')).toEqual({ top: 0, left: 0, bottom: 1, right: 1 });
  });

  it('reads GBK, as Excel saves CSV on Chinese Windows', () => {
    const gbk = new Uint8Array([0xcf, 0xee, 0xc4, 0xbf, 0x2c, 0x31, 0x0a]); // 项目,1
    expect(readCsv(gbk)).toMatchObject({ ok: true, grid: { cells: [['项目', '1']] } });
  });
});
