// A table of an article's `tables:` from its file: a workbook (.xlsx, as Excel and WPS save it) or a
// CSV text (UTF-8, or GBK/GB18030 as Excel saves CSV on Chinese Windows) → a grid of printed texts
// with its merged cells. A workbook is read as data, never run: a formula prints the value Excel last
// computed and saved with it, numbers are formatted as the cell's number format says (0.00, 0%,
// #,##0, dates), and every size is bounded (members inflated with a cap, rows and columns counted).
// Pure: bytes in, grid or problem out.
import { SaxesParser } from '../vendor/saxes.js';
import { readEntry, zipEntries, ZipError } from './readZip.js';
import { msg, render, type Message, type ParamValue } from '../i18n/message.js';
import { decodeGb18030 } from '../source/legacyEncoding.js';
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS } from './tableRules.js';

export interface Merge {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** The printed text of each cell of the range, row by row ('' for an empty cell), and its merged areas (0-based, within the range). */
export interface Grid {
  readonly cells: readonly (readonly string[])[];
  readonly merges: readonly Merge[];
}

export type GridProblemCode = 'table-file-damaged' | 'table-file-type' | 'table-sheet-missing' | 'table-range' | 'table-too-many-rows' | 'table-too-many-columns' | 'table-empty';

/** A failure's `message` and `hint` are English; `text` has them as catalogue messages (for every language). */
export type GridResult = { ok: true; grid: Grid } | { ok: false; code: GridProblemCode; message: string; hint?: string; text: { message: Message; hint?: Message } };

export function gridProblem(code: GridProblemCode, message: Message, hint?: Message): GridResult {
  return { ok: false, code, message: render(message, 'en'), ...(hint ? { hint: render(hint, 'en') } : {}), text: { message, ...(hint ? { hint } : {}) } };
}

/** A table file's size cap (bytes, as stored). */
export const MAX_TABLE_FILE_BYTES = 5 * 1024 * 1024;
/** What one member of a workbook may unpack to, and all the members read together. */
export const MAX_MEMBER_BYTES = 32 * 1024 * 1024;
const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

/** `A1:E9` → 0-based rows and columns, inclusive. */
export function parseRange(range: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const m = /^([A-Za-z]{1,3})([1-9][0-9]{0,6}):([A-Za-z]{1,3})([1-9][0-9]{0,6})$/.exec(range.trim());
  if (!m) return undefined;
  const a = { row: Number(m[2]) - 1, col: columnIndex(m[1]!) };
  const b = { row: Number(m[4]) - 1, col: columnIndex(m[3]!) };
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `C7` → 0-based row and column. */
function cellRef(ref: string): { row: number; col: number } | undefined {
  const m = /^([A-Za-z]{1,3})([1-9][0-9]{0,6})$/.exec(ref);
  return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1]!) } : undefined;
}

function columnName(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function sizeProblem(rows: number, cols: number, range: ParamValue): GridResult | undefined {
  if (cols > MAX_TABLE_COLUMNS) return gridProblem('table-too-many-columns', msg('table-too-many-columns.range', { range, columns: cols, limit: MAX_TABLE_COLUMNS }), msg('table-too-many-columns.range.hint'));
  if (rows > MAX_TABLE_ROWS) return gridProblem('table-too-many-rows', msg('table-too-many-rows.range', { range, rows, limit: MAX_TABLE_ROWS }), msg('table-too-many-rows.range.hint'));
  return undefined;
}

// ---------- CSV ----------

/** RFC 4180 CSV (also `;`-less, quoted fields with line breaks and doubled quotes), UTF-8 with or without BOM, or GBK. */
export function readCsv(bytes: Uint8Array, range?: string): GridResult {
  let text: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = decodeGb18030(bytes);
  }
  if (text === undefined) return gridProblem('table-file-type', msg('table-file-type.csv-encoding'), msg('table-file-type.csv-encoding.hint'));
  text = text.replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) return gridProblem('table-file-type', msg('table-file-type.csv-binary'), msg('table-file-type.csv-binary.hint'));
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (rows.length > MAX_TABLE_ROWS * 10) break;
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  while (rows.length && rows.at(-1)!.every((c) => c.trim() === '')) rows.pop();
  const width = Math.max(0, ...rows.map((r) => r.length));
  const cells = rows.map((r) => Array.from({ length: width }, (_, c) => (r[c] ?? '').trim()));
  return cut({ cells, merges: [] }, range);
}

/** The part of a whole grid a `range:` names (an absent range: all of it), with the size limits. */
function cut(grid: Grid, range: string | undefined): GridResult {
  let cells = grid.cells;
  if (range !== undefined) {
    const r = parseRange(range);
    if (!r) return gridProblem('table-range', msg('table-range', { range }));
    const problem = sizeProblem(r.bottom - r.top + 1, r.right - r.left + 1, range);
    if (problem) return problem;
    if (r.top >= cells.length) return gridProblem('table-range', msg('table-range.below', { range, rows: cells.length }), msg('table-range.below.hint', { rows: cells.length }));
    cells = cells.slice(r.top, r.bottom + 1).map((row) => Array.from({ length: r.right - r.left + 1 }, (_, c) => row[r.left + c] ?? ''));
  }
  const problem = sizeProblem(cells.length, Math.max(0, ...cells.map((r) => r.length)), msg('table-file.the-file'));
  if (problem) return problem;
  if (cells.length === 0 || cells.every((r) => r.every((c) => c === ''))) return gridProblem('table-empty', range ? msg('table-empty.range', { range }) : msg('table-empty.file'));
  return { ok: true, grid: { cells, merges: grid.merges } };
}

// ---------- XLSX ----------

/** Parses an XML member with saxes, calling `open`/`text`/`close` (names without prefix). */
function parseXml(bytes: Uint8Array, handlers: { open?: (name: string, attrs: Record<string, string>) => void; text?: (text: string) => void; close?: (name: string) => void }): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('error', (e: Error) => {
    throw new ZipError(msg('zip.xml-damaged', { reason: e.message }));
  });
  parser.on('doctype', () => {
    throw new ZipError(msg('zip.xml-doctype'));
  });
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag: { name: string; attributes: Record<string, string> }) => open(local(tag.name), tag.attributes));
  }
  if (handlers.text) parser.on('text', handlers.text);
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag: { name: string }) => close(local(tag.name)));
  }
  parser.write(new TextDecoder('utf-8').decode(bytes)).close();
}

/** Built-in number formats of Excel that print differently from their stored value. */
const BUILTIN_FORMATS: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00',
  14: 'yyyy/m/d', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 22: 'yyyy/m/d h:mm',
  31: 'yyyy"年"m"月"d"日"', 55: 'yyyy"年"m"月"', 56: 'm"月"d"日"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

/** A stored number as its format prints it: decimals, thousands separators, per cent, dates as 2026年11月30日. */
export function formatNumber(value: number, format: string | undefined): string {
  const plain = (v: number) => String(Number(v.toPrecision(15)));
  if (!format || /^general$/i.test(format)) return plain(value);
  const section = format.split(';')[value < 0 && format.includes(';') ? 1 : 0] ?? format;
  const bare = section.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  if (/[ymd]/i.test(bare) && !/[0#]/.test(bare)) {
    // A date: Excel's serial day (1900 system) → the date as Chinese text prints it.
    const ms = Math.round((value - 25569) * 86400000);
    const d = new Date(ms);
    if (Number.isNaN(d.getTime())) return plain(value);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth() + 1;
    const day = d.getUTCDate();
    if (/y/i.test(bare) && /d/i.test(bare)) return `${y}年${m}月${day}日`;
    if (/y/i.test(bare)) return `${y}年${m}月`;
    return `${m}月${day}日`;
  }
  const percent = bare.includes('%');
  const decimals = /\.([0#]+)/.exec(bare)?.[1]?.length ?? 0;
  const grouped = bare.includes(',');
  const shown = percent ? value * 100 : value;
  let text = Math.abs(shown).toFixed(decimals);
  if (grouped) {
    const [int, frac] = text.split('.');
    text = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
  }
  const negative = shown < 0 && Number(text.replace(/,/g, '')) !== 0 && !(format.includes(';'));
  return `${negative ? '-' : ''}${text}${percent ? '%' : ''}`;
}

export function readXlsx(bytes: Uint8Array, sheetName: string | undefined, range: string | undefined): GridResult {
  try {
    return readWorkbook(bytes, sheetName, range);
  } catch (error) {
    if (error instanceof ZipError) return gridProblem('table-file-damaged', error.text);
    throw error;
  }
}

function readWorkbook(bytes: Uint8Array, sheetName: string | undefined, range: string | undefined): GridResult {
  const entries = zipEntries(bytes);
  let unpacked = 0;
  const member = (name: string): Uint8Array | undefined => {
    const entry = entries.get(name);
    if (!entry) return undefined;
    const data = readEntry(bytes, entry, Math.min(MAX_MEMBER_BYTES, MAX_UNPACKED_BYTES - unpacked));
    unpacked += data.length;
    return data;
  };
  const workbook = member('xl/workbook.xml');
  if (!workbook) {
    if (entries.has('word/document.xml')) return gridProblem('table-file-type', msg('table-file-type.word'));
    return gridProblem('table-file-type', msg('table-file-type.zip'));
  }
  const sheets: { name: string; rid: string }[] = [];
  parseXml(workbook, {
    open(name, attrs) {
      if (name === 'sheet') sheets.push({ name: attrs.name ?? '', rid: attrs['r:id'] ?? Object.entries(attrs).find(([k]) => k.endsWith(':id'))?.[1] ?? '' });
    },
  });
  const sheet = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === sheetName) ?? sheets.find((s) => s.name.trim() === sheetName.trim());
  if (!sheet) {
    const sheetsFound = sheets.map((s) => `「${s.name}」`).join(' ');
    return gridProblem('table-sheet-missing',
      sheetsFound ? msg('table-sheet-missing.list', { sheet: sheetName ?? '', sheets: sheetsFound }) : msg('table-sheet-missing.none', { sheet: sheetName ?? '' }),
      msg('table-sheet-missing.tab.hint', { first: sheets[0]?.name ?? '…' }));
  }
  const targets = new Map<string, string>();
  const rels = member('xl/_rels/workbook.xml.rels');
  if (rels) {
    parseXml(rels, {
      open(name, attrs) {
        if (name === 'Relationship' && attrs.Id && attrs.Target) targets.set(attrs.Id, attrs.Target);
      },
    });
  }
  const target = targets.get(sheet.rid);
  if (!target) return gridProblem('table-file-damaged', msg('table-file-damaged.no-part', { sheet: sheet.name }));
  const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/');
  // Shared strings: the text of each <si>, its runs joined, without phonetic guides (<rPh>).
  const strings: string[] = [];
  const shared = member('xl/sharedStrings.xml');
  if (shared) {
    let current: string | undefined;
    let inText = false;
    let phonetic = 0;
    parseXml(shared, {
      open(name) {
        if (name === 'si') current = '';
        else if (name === 'rPh') phonetic += 1;
        else if (name === 't' && phonetic === 0) inText = true;
      },
      text(t) {
        if (inText && current !== undefined) current += t;
      },
      close(name) {
        if (name === 't') inText = false;
        else if (name === 'rPh') phonetic -= 1;
        else if (name === 'si') {
          strings.push(current ?? '');
          current = undefined;
        }
      },
    });
  }
  // Number formats: each cell style (xf) → its format code.
  const customFormats = new Map<number, string>();
  const xfFormats: number[] = [];
  const styles = member('xl/styles.xml');
  if (styles) {
    let inCellXfs = false;
    parseXml(styles, {
      open(name, attrs) {
        if (name === 'numFmt' && attrs.numFmtId && attrs.formatCode !== undefined) customFormats.set(Number(attrs.numFmtId), attrs.formatCode);
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) xfFormats.push(Number(attrs.numFmtId ?? 0));
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    });
  }
  const formatOf = (style: number) => {
    const id = xfFormats[style] ?? 0;
    return customFormats.get(id) ?? BUILTIN_FORMATS[id];
  };
  const sheetXml = member(sheetPath);
  if (!sheetXml) return gridProblem('table-file-damaged', msg('table-file-damaged.sheet-missing', { sheet: sheet.name }));
  const wanted = range === undefined ? undefined : parseRange(range);
  if (range !== undefined && !wanted) return gridProblem('table-range', msg('table-range', { range }));
  if (wanted) {
    const problem = sizeProblem(wanted.bottom - wanted.top + 1, wanted.right - wanted.left + 1, range!);
    if (problem) return problem;
  }
  // The cells: only those inside the range are kept; without a range, up to the limits (and a bit, to say how far it goes).
  const values = new Map<number, Map<number, string>>();
  const merges: Merge[] = [];
  let cell: { row: number; col: number; type: string; style: number; value: string; inline: string } | undefined;
  let inValue = false;
  let inInline = false;
  let kept = 0;
  let lastRow = -1;
  let lastCol = -1;
  parseXml(sheetXml, {
    open(name, attrs) {
      if (name === 'c') {
        const at = cellRef(attrs.r ?? '');
        cell = at ? { ...at, type: attrs.t ?? 'n', style: Number(attrs.s ?? 0), value: '', inline: '' } : undefined;
      } else if (name === 'v') inValue = true;
      else if (name === 't' && cell?.type === 'inlineStr') inInline = true;
      else if (name === 'mergeCell' && attrs.ref) {
        const r = parseRange(attrs.ref);
        if (r) merges.push({ row: r.top, col: r.left, rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 });
      }
    },
    text(t) {
      if (!cell) return;
      if (inValue) cell.value += t;
      else if (inInline) cell.inline += t;
    },
    close(name) {
      if (name === 'v') inValue = false;
      else if (name === 't') inInline = false;
      else if (name === 'c' && cell) {
        const c = cell;
        cell = undefined;
        if (wanted && (c.row < wanted.top || c.row > wanted.bottom || c.col < wanted.left || c.col > wanted.right)) return;
        let text: string;
        switch (c.type) {
          case 's':
            text = strings[Number(c.value)] ?? '';
            break;
          case 'inlineStr':
            text = c.inline;
            break;
          case 'str':
          case 'e':
            text = c.value;
            break;
          case 'b':
            text = c.value === '1' ? 'TRUE' : c.value === '0' ? 'FALSE' : '';
            break;
          default:
            text = c.value === '' ? '' : Number.isFinite(Number(c.value)) ? formatNumber(Number(c.value), formatOf(c.style)) : c.value;
        }
        text = text.replace(/\r\n?/g, '\n').trim();
        if (text === '') return;
        if (!wanted && (c.row >= MAX_TABLE_ROWS + 1 || c.col >= MAX_TABLE_COLUMNS + 1)) {
          lastRow = Math.max(lastRow, c.row);
          lastCol = Math.max(lastCol, c.col);
          return;
        }
        let row = values.get(c.row);
        if (!row) values.set(c.row, (row = new Map()));
        row.set(c.col, text);
        kept += 1;
        lastRow = Math.max(lastRow, c.row);
        lastCol = Math.max(lastCol, c.col);
      }
    },
  });
  const box = wanted ?? { top: Math.min(...values.keys()), left: Math.min(...[...values.values()].flatMap((r) => [...r.keys()])), bottom: lastRow, right: lastCol };
  if (kept === 0) return gridProblem('table-empty', wanted ? msg('table-empty.sheet-range', { range: range!, sheet: sheet.name }) : msg('table-empty.sheet', { sheet: sheet.name }));
  const name = `${columnName(box.left)}${box.top + 1}:${columnName(box.right)}${box.bottom + 1}`;
  const problem = sizeProblem(box.bottom - box.top + 1, box.right - box.left + 1, msg('table-file.used-range', { range: name, sheet: sheet.name }));
  if (problem) return problem;
  const cells = Array.from({ length: box.bottom - box.top + 1 }, (_, r) => Array.from({ length: box.right - box.left + 1 }, (_, c) => values.get(box.top + r)?.get(box.left + c) ?? ''));
  // Merged areas inside the range, moved to it (an area across the range's edge is cut to it).
  const inside = merges.flatMap((m): Merge[] => {
    const top = Math.max(m.row, box.top);
    const left = Math.max(m.col, box.left);
    const bottom = Math.min(m.row + m.rows - 1, box.bottom);
    const right = Math.min(m.col + m.cols - 1, box.right);
    if (top > bottom || left > right || (top === bottom && left === right)) return [];
    return [{ row: top - box.top, col: left - box.left, rows: bottom - top + 1, cols: right - left + 1 }];
  });
  return { ok: true, grid: { cells, merges: inside } };
}
