#!/usr/bin/env node
// Writes the office example's spreadsheet, examples/office/issues/data/2026-22-progress.xlsx, as
// Excel saves one: shared strings, a merged two-row header, formulas with their cached values (what
// bulletin prints), a percentage format. Run once (`node scripts/make-office-tables.mjs`); the file is
// committed. The workbook is written with fflate, the ZIP library bulletin reads workbooks with.
import { writeFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';

const towns = [
  ['清河街道', 12, 12, 1860.5],
  ['河东街道', 9, 8, 1215.0],
  ['城关镇', 15, 13, 2342.8],
  ['北湖镇', 7, 7, 980.2],
  ['南岭镇', 11, 9, 1533.6],
  ['新区管委会', 6, 5, 2870.0],
  ['西山乡', 4, 4, 412.3],
];
const strings = ['街镇', '项目数（个）', '完成投资（万元）', '完成率', '计划', '完成', ...towns.map((t) => t[0]), '合计'];
const si = (s) => strings.indexOf(s);
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const cells = [];
const str = (ref, s) => cells.push([ref, `<c r="${ref}" t="s"><v>${si(s)}</v></c>`]);
const num = (ref, v, style = 0) => cells.push([ref, `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${v}</v></c>`]);
const formula = (ref, f, v, style = 0) => cells.push([ref, `<c r="${ref}"${style ? ` s="${style}"` : ''}><f>${f}</f><v>${v}</v></c>`]);
str('A1', '街镇'); str('B1', '项目数（个）'); str('D1', '完成投资（万元）'); str('E1', '完成率');
str('B2', '计划'); str('C2', '完成');
towns.forEach(([name, plan, done, money], i) => {
  const r = i + 3;
  str(`A${r}`, name); num(`B${r}`, plan); num(`C${r}`, done); num(`D${r}`, money, 1);
  formula(`E${r}`, `C${r}/B${r}`, done / plan, 2);
});
const last = towns.length + 2;
const total = (k) => towns.reduce((a, t) => a + t[k], 0);
str(`A${last + 1}`, '合计');
formula(`B${last + 1}`, `SUM(B3:B${last})`, total(1));
formula(`C${last + 1}`, `SUM(C3:C${last})`, total(2));
formula(`D${last + 1}`, `SUM(D3:D${last})`, Math.round(total(3) * 10) / 10, 1);
formula(`E${last + 1}`, `C${last + 1}/B${last + 1}`, total(2) / total(1), 2);
const rows = new Map();
for (const [ref, xml] of cells) {
  const r = Number(ref.replace(/^[A-Z]+/, ''));
  rows.set(r, [...(rows.get(r) ?? []), xml]);
}
const sheetData = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([r, cs]) => `<row r="${r}">${cs.join('')}</row>`).join('');
const xml = (s) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`;
const files = {
  '[Content_Types].xml': xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'),
  '_rels/.rels': xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
  'xl/workbook.xml': xml('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="说明" sheetId="2" r:id="rId2"/><sheet name="进展表" sheetId="1" r:id="rId1"/></sheets></workbook>'),
  'xl/_rels/workbook.xml.rels': xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'),
  'xl/worksheets/sheet1.xml': xml(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:E${last + 1}"/><sheetData>${sheetData}</sheetData><mergeCells count="4"><mergeCell ref="A1:A2"/><mergeCell ref="B1:C1"/><mergeCell ref="D1:D2"/><mergeCell ref="E1:E2"/></mergeCells></worksheet>`),
  'xl/worksheets/sheet2.xml': xml('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>数据截至2026年10月31日，由区发展改革局汇总。</t></is></c></row></sheetData></worksheet>'),
  'xl/sharedStrings.xml': xml(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`),
  'xl/styles.xml': xml('<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>'),
};
const zip = zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])), { level: 9, mtime: new Date('2026-11-30T00:00:00Z') });
writeFileSync(new URL('../examples/office/issues/data/2026-22-progress.xlsx', import.meta.url), zip);

// The 30 outfalls of the second table: a CSV as Excel saves “CSV UTF-8” (with a BOM).
const kinds = ['雨水排口', '混合排口', '工业排口', '生活排口'];
const places = ['清河街道', '河东街道', '城关镇', '北湖镇', '南岭镇', '新区管委会'];
const lines = ['编号,所在街镇,排口类型,整治措施,完成时限'];
for (let i = 0; i < 30; i++) {
  const measure = ['截污纳管', '雨污分流改造', '规范化设置标识牌', '封堵并纳入管网', '在线监测安装'][i % 5];
  lines.push(`QH-${String(i + 1).padStart(3, '0')},${places[i % places.length]},${kinds[(i * 7) % kinds.length]},${measure},2026年${10 + (i % 3)}月`);
}
writeFileSync(new URL('../examples/office/issues/data/2026-22-outfalls.csv', import.meta.url), `\uFEFF${lines.join('\r\n')}\r\n`);
console.log('wrote examples/office/issues/data/2026-22-progress.xlsx and 2026-22-outfalls.csv');
