// What a font file really is, read from its bytes: the container (TrueType/OpenType, WOFF, WOFF2),
// its tables, its outlines, and the characters its cmap maps (what the glyph check compares the
// printed text with). Pure: bytes in, facts or a reason out. Enough of the format to tell a font
// from something that only starts like one, and to know what Chrome will do with it in a PDF.
import { brotliDecompressSync, inflateSync } from 'node:zlib';
import { msg, render, type Message } from '../i18n/message.js';
import { listOf } from './messageList.js';

export type FontContainer = 'sfnt' | 'woff' | 'woff2' | 'collection';

export interface FontFacts {
  container: FontContainer;
  /** `glyf`: TrueType outlines; `CFF `/`CFF2`: PostScript outlines; undefined: no outlines (bitmaps only). */
  outlines: 'glyf' | 'CFF ' | 'CFF2' | undefined;
  /** Table tags present. */
  tables: Set<string>;
  /** OS/2 fsType (embedding permissions), when the table is there. */
  fsType: number | undefined;
  /** Code point ranges the cmap maps to a glyph, sorted and merged. */
  coverage: [number, number][];
  /** The font's PostScript name (name ID 6), for messages. */
  postscriptName: string | undefined;
  /** The face's family, full and PostScript names, in every language its name table has (宋体 and SimSun). */
  names: string[];
  /** Its family name (typographic family, name ID 16, else ID 1) in every language the name table has. */
  families: string[];
  /** Of a collection (.ttc): which face (from 0) of how many. */
  collection?: { index: number; count: number };
}

export type FontRead = { ok: true; facts: FontFacts } | { ok: false; reason: Message; /** a collection without the face asked for */ faceMissing?: boolean };

const u16 = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const i16 = (b: Uint8Array, i: number) => ((u16(b, i) << 16) >> 16);
const u32 = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
const tagAt = (b: Uint8Array, i: number) => String.fromCharCode(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!);

/** A damaged or foreign file: why, in the catalogue's words. */
export class Damaged extends Error {
  constructor(readonly reason: Message) {
    super(render(reason, 'en'));
  }
}
function need(condition: boolean, what: Message): asserts condition {
  if (!condition) throw new Damaged(what);
}

/** Tables by tag: their bytes, uncompressed (transformed WOFF2 tables are kept as they are: glyf, loca, hmtx are not read). */
type Tables = Map<string, Uint8Array>;

/** The tables of the font whose directory starts at `base` (0, or a face's offset in a collection: its tables' offsets are from the file's start). */
function sfntTables(b: Uint8Array, base = 0): Tables {
  need(base + 12 <= b.length, msg('font.file.short-header'));
  const count = u16(b, base + 4);
  need(count > 0 && base + 12 + count * 16 <= b.length, msg('font.file.directory-past-end'));
  const tables: Tables = new Map();
  for (let k = 0; k < count; k++) {
    const at = base + 12 + k * 16;
    const offset = u32(b, at + 8);
    const length = u32(b, at + 12);
    need(offset + length <= b.length, msg('font.file.table-cut-off', { table: tagAt(b, at).trim() }));
    tables.set(tagAt(b, at), b.subarray(offset, offset + length));
  }
  return tables;
}

function woffTables(b: Uint8Array): { flavor: string; tables: Tables } {
  need(b.length >= 44 && u32(b, 8) === b.length, msg('font.file.header-length', { format: 'WOFF' }));
  const count = u16(b, 12);
  need(count > 0 && 44 + count * 20 <= b.length, msg('font.file.directory-past-end'));
  const tables: Tables = new Map();
  for (let k = 0; k < count; k++) {
    const at = 44 + k * 20;
    const tag = tagAt(b, at);
    const offset = u32(b, at + 4);
    const compressed = u32(b, at + 8);
    const original = u32(b, at + 12);
    need(offset + compressed <= b.length && compressed <= original, msg('font.file.table-past-end', { table: tag.trim() }));
    const data = b.subarray(offset, offset + compressed);
    if (compressed === original) tables.set(tag, data);
    else {
      let inflated: Uint8Array;
      try {
        inflated = inflateSync(data, { maxOutputLength: original });
      } catch {
        throw new Damaged(msg('font.file.table-inflate', { table: tag.trim() }));
      }
      need(inflated.length === original, msg('font.file.table-length', { table: tag.trim() }));
      tables.set(tag, inflated);
    }
  }
  return { flavor: tagAt(b, 4), tables };
}

/** The 63 table tags a WOFF2 directory names by number (WOFF2 specification, 5.1). */
const WOFF2_TAGS = [
  'cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post', 'cvt ', 'fpgm', 'glyf', 'loca', 'prep', 'CFF ', 'VORG', 'EBDT',
  'EBLC', 'gasp', 'hdmx', 'kern', 'LTSH', 'PCLT', 'VDMX', 'vhea', 'vmtx', 'BASE', 'GDEF', 'GPOS', 'GSUB', 'EBSC', 'JSTF', 'MATH',
  'CBDT', 'CBLC', 'COLR', 'CPAL', 'SVG ', 'sbix', 'acnt', 'avar', 'bdat', 'bloc', 'bsln', 'cvar', 'fdsc', 'feat', 'fmtx', 'fvar',
  'gvar', 'hsty', 'just', 'lcar', 'mort', 'morx', 'opbd', 'prop', 'trak', 'Zapf', 'Silf', 'Glat', 'Gloc', 'Feat', 'Sill',
];

/** A WOFF2 file's sum of table sizes may not exceed this (a decompression bomb otherwise). */
const MAX_WOFF2_SFNT_BYTES = 256 * 1024 * 1024;

function woff2Tables(b: Uint8Array): { flavor: string; tables: Tables } {
  need(b.length >= 48 && u32(b, 8) === b.length, msg('font.file.header-length', { format: 'WOFF2' }));
  const flavor = tagAt(b, 4);
  need(flavor !== 'ttcf', msg('font.file.woff2-collection'));
  const count = u16(b, 12);
  const compressedLength = u32(b, 20);
  let i = 48;
  const base128 = (): number => {
    let value = 0;
    for (let k = 0; k < 5; k++) {
      need(i < b.length, msg('font.file.directory-past-end'));
      const byte = b[i++]!;
      need(!(k === 0 && byte === 0x80) && value < 2 ** 25, msg('font.file.directory-damaged'));
      value = value * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) return value;
    }
    throw new Damaged(msg('font.file.directory-damaged'));
  };
  const entries: { tag: string; length: number }[] = [];
  for (let k = 0; k < count; k++) {
    need(i < b.length, msg('font.file.directory-past-end'));
    const flags = b[i++]!;
    let tag: string;
    if ((flags & 0x3f) === 0x3f) {
      need(i + 4 <= b.length, msg('font.file.directory-past-end'));
      tag = tagAt(b, i);
      i += 4;
    } else {
      tag = WOFF2_TAGS[flags & 0x3f]!;
    }
    const version = flags >> 6;
    const original = base128();
    const transformed = tag === 'glyf' || tag === 'loca' ? version === 0 : tag === 'hmtx' ? version === 1 : version !== 0;
    const length = transformed ? base128() : original;
    entries.push({ tag, length });
  }
  need(i + compressedLength <= b.length, msg('font.file.compressed-cut-off'));
  const total = entries.reduce((sum, e) => sum + e.length, 0);
  need(total <= MAX_WOFF2_SFNT_BYTES, msg('font.file.tables-too-large'));
  let stream: Uint8Array;
  try {
    stream = brotliDecompressSync(b.subarray(i, i + compressedLength), { maxOutputLength: Math.max(total, 1) });
  } catch {
    throw new Damaged(msg('font.file.tables-inflate'));
  }
  need(stream.length >= total, msg('font.file.tables-short'));
  const tables: Tables = new Map();
  let offset = 0;
  for (const e of entries) {
    tables.set(e.tag, stream.subarray(offset, offset + e.length));
    offset += e.length;
  }
  return { flavor, tables };
}

/** Merges sorted-or-not ranges into sorted, non-overlapping, non-adjacent ones. */
export function mergeRanges(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [a, z] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], z);
    else out.push([a, z]);
  }
  return out;
}

/** The code points a cmap maps to a glyph other than .notdef: from its best Unicode subtable (format 12/13, or 4). */
function cmapCoverage(cmap: Uint8Array): [number, number][] {
  need(cmap.length >= 4, msg('font.file.cmap-damaged'));
  const count = u16(cmap, 2);
  need(4 + count * 8 <= cmap.length, msg('font.file.cmap-damaged'));
  const subtables: { platform: number; encoding: number; offset: number; format: number }[] = [];
  for (let k = 0; k < count; k++) {
    const at = 4 + k * 8;
    const offset = u32(cmap, at + 4);
    if (offset + 2 > cmap.length) continue;
    subtables.push({ platform: u16(cmap, at), encoding: u16(cmap, at + 2), offset, format: u16(cmap, offset) });
  }
  const unicode = (s: (typeof subtables)[number]) => s.platform === 0 || (s.platform === 3 && (s.encoding === 1 || s.encoding === 10));
  const best = subtables.find((s) => unicode(s) && (s.format === 12 || s.format === 13)) ?? subtables.find((s) => unicode(s) && s.format === 4);
  need(best !== undefined, msg('font.file.cmap-no-unicode'));
  const ranges: [number, number][] = [];
  const t = cmap.subarray(best.offset);
  if (best.format === 12 || best.format === 13) {
    need(t.length >= 16, msg('font.file.cmap-damaged'));
    const groups = u32(t, 12);
    need(16 + groups * 12 <= t.length, msg('font.file.cmap-damaged'));
    for (let g = 0; g < groups; g++) {
      const at = 16 + g * 12;
      const start = u32(t, at);
      const end = Math.min(u32(t, at + 4), 0x10ffff);
      const glyph = u32(t, at + 8);
      if (end < start) continue;
      // Format 12 maps start → glyph, start+1 → glyph+1 …: only the first can be .notdef (0).
      const from = best.format === 12 && glyph === 0 ? start + 1 : start;
      if (best.format === 13 && glyph === 0) continue;
      if (from <= end) ranges.push([from, end]);
    }
  } else {
    need(t.length >= 14, msg('font.file.cmap-damaged'));
    const segments = u16(t, 6) / 2;
    const ends = 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const rangeOffsets = deltas + segments * 2;
    need(rangeOffsets + segments * 2 <= t.length, msg('font.file.cmap-damaged'));
    for (let s = 0; s < segments; s++) {
      const end = u16(t, ends + s * 2);
      const start = u16(t, starts + s * 2);
      const delta = i16(t, deltas + s * 2);
      const rangeOffset = u16(t, rangeOffsets + s * 2);
      if (start > end || start === 0xffff) continue;
      let runStart = -1;
      for (let cp = start; cp <= end; cp++) {
        let glyph: number;
        if (rangeOffset === 0) glyph = (cp + delta) & 0xffff;
        else {
          const at = rangeOffsets + s * 2 + rangeOffset + (cp - start) * 2;
          glyph = at + 2 <= t.length ? u16(t, at) : 0;
          if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
        }
        if (glyph !== 0 && runStart < 0) runStart = cp;
        if (glyph === 0 && runStart >= 0) {
          ranges.push([runStart, cp - 1]);
          runStart = -1;
        }
      }
      if (runStart >= 0) ranges.push([runStart, end]);
    }
  }
  return mergeRanges(ranges);
}

/** A name table's strings: id → the strings under it (Windows/Unicode platforms first; Chinese and English names both). */
function nameStrings(name: Uint8Array | undefined): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (!name || name.length < 6) return out;
  const count = u16(name, 2);
  const storage = u16(name, 4);
  for (let k = 0; k < count && 6 + k * 12 + 12 <= name.length; k++) {
    const at = 6 + k * 12;
    const [platform, encoding, , id, length, offset] = [u16(name, at), u16(name, at + 2), u16(name, at + 4), u16(name, at + 6), u16(name, at + 8), u16(name, at + 10)];
    if (storage + offset + length > name.length || length > 512) continue;
    const bytes = name.subarray(storage + offset, storage + offset + length);
    let text = '';
    if (platform === 3 || platform === 0) {
      for (let j = 0; j + 1 < bytes.length; j += 2) text += String.fromCharCode(u16(bytes, j));
    } else if (platform === 1 && encoding === 0) {
      text = String.fromCharCode(...bytes.filter((c) => c < 0x80));
    } else continue;
    text = text.replace(/[\u0000-\u001f]/g, '').trim();
    if (!text) continue;
    const list = out.get(id) ?? [];
    if (!list.includes(text)) list.push(text);
    out.set(id, list);
  }
  return out;
}

/** A face's names an editor may use for it: family (ID 1, 16), full (4) and PostScript (6) names, in every language it has. */
function faceNames(names: Map<number, string[]>): string[] {
  return [...new Set([16, 1, 4, 6].flatMap((id) => names.get(id) ?? []))];
}

/** The faces of a font collection (.ttc): where each one's table directory starts. */
function collectionOffsets(b: Uint8Array): number[] {
  need(b.length >= 16, msg('font.file.collection-cut-off'));
  const count = u32(b, 8);
  need(count > 0 && count <= 256 && 12 + count * 4 <= b.length, msg('font.file.collection-damaged'));
  return Array.from({ length: count }, (_, k) => {
    const offset = u32(b, 12 + k * 4);
    need(offset + 12 <= b.length, msg('font.file.face-past-end'));
    return offset;
  });
}

/** Which face of a collection: by one of its names, or by its number (from 0). */
export interface FaceChoice {
  face?: string | undefined;
  index?: number | undefined;
}

/** The faces of a collection by number and names: `0: SimSun (宋体)`. */
function faceNamesOf(bytes: Uint8Array): { index: number; first: string | undefined; rest: string[] }[] {
  try {
    return collectionOffsets(bytes).map((at, index) => {
      const names = nameStrings(sfntTables(bytes, at).get('name'));
      const [first, ...rest] = [...new Set([...(names.get(1) ?? []), ...(names.get(16) ?? [])])];
      return { index, first, rest: rest.slice(0, 3) };
    });
  } catch {
    return [];
  }
}

/** The faces of a collection, as the error that lists them says them (in English): `0: SimSun (宋体)`. */
export function faceList(bytes: Uint8Array): string[] {
  return faceNamesOf(bytes).map(({ index, first, rest }) => `${index}: ${first ?? '(no name)'}${rest.length ? ` (${rest.join(', ')})` : ''}`);
}

/** The faces of a collection for a message: each with its names quoted as the font gives them. */
function faceEntries(bytes: Uint8Array): Message[] {
  return faceNamesOf(bytes).map(({ index, first, rest }) => first === undefined ? msg('font.file.face.unnamed', { index })
    : rest.length ? msg('font.file.face.others', { index, name: first, others: rest.join(', ') }) : msg('font.file.face', { index, name: first }));
}

const normalName = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[\s_-]+/g, '');

/** The face of a collection chosen by name or number (the first one without a choice). */
function chooseFace(b: Uint8Array, choice: FaceChoice): { index: number; count: number; base: number } {
  const offsets = collectionOffsets(b);
  if (choice.face !== undefined) {
    const wanted = normalName(choice.face);
    const index = offsets.findIndex((at) => faceNames(nameStrings(sfntTables(b, at).get('name'))).some((n) => normalName(n) === wanted));
    if (index < 0) throw new FaceMissing(msg('font.file.no-face-named', { face: choice.face, faces: listOf(faceEntries(b), 'semicolon') }));
    return { index, count: offsets.length, base: offsets[index]! };
  }
  const index = choice.index ?? 0;
  if (index >= offsets.length) throw new FaceMissing(msg('font.file.no-face-number', { count: offsets.length, index, faces: listOf(faceEntries(b), 'semicolon') }));
  return { index, count: offsets.length, base: offsets[index]! };
}

/** A collection without the face asked for (its own diagnostic: the fix is another name). */
class FaceMissing extends Damaged {}

/**
 * The face as a standalone TrueType/OpenType file (what a converter reads): a collection's face
 * with its tables copied out, a WOFF file decompressed; undefined for WOFF2 (Chrome reads it as
 * it is). Only for a font `readFont` accepted.
 */
export function standaloneFace(bytes: Uint8Array, choice: FaceChoice = {}): Uint8Array | undefined {
  const magic = tagAt(bytes, 0);
  if (magic === 'wOF2') return undefined;
  let flavor: string;
  let tables: Tables;
  if (magic === 'wOFF') ({ flavor, tables } = woffTables(bytes));
  else if (magic === 'ttcf') {
    const { base } = chooseFace(bytes, choice);
    flavor = tagAt(bytes, base);
    tables = sfntTables(bytes, base);
  } else return bytes;
  const entries = [...tables].sort(([a], [b]) => (a < b ? -1 : 1));
  let size = 12 + entries.length * 16;
  for (const [, data] of entries) size += (data.length + 3) & ~3;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  for (let k = 0; k < 4; k++) out[k] = flavor.charCodeAt(k);
  const n = entries.length;
  const power = 2 ** Math.floor(Math.log2(n));
  view.setUint16(4, n);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, n * 16 - power * 16);
  let at = 12 + n * 16;
  entries.forEach(([tag, data], k) => {
    const entry = 12 + k * 16;
    for (let j = 0; j < 4; j++) out[entry + j] = tag.charCodeAt(j);
    // The table's checksum, over its copy (padded with zeros to whole words).
    out.set(data, at);
    const end = at + ((data.length + 3) & ~3);
    let sum = 0;
    for (let j = at; j < end; j += 4) sum = (sum + view.getUint32(j)) >>> 0;
    view.setUint32(entry + 4, sum);
    view.setUint32(entry + 8, at);
    view.setUint32(entry + 12, data.length);
    at = end;
  });
  return out;
}

/** Reads a font file (of a collection, the face chosen). A file that only starts like a font (or is damaged) gives the reason. */
export function readFont(bytes: Uint8Array, choice: FaceChoice = {}): FontRead {
  try {
    need(bytes.length >= 12, msg('font.file.short-header'));
    const magic = tagAt(bytes, 0);
    let container: FontContainer;
    let tables: Tables;
    let flavor: string;
    let collection: FontFacts['collection'];
    if (magic === 'wOF2') {
      container = 'woff2';
      ({ flavor, tables } = woff2Tables(bytes));
    } else if (magic === 'wOFF') {
      container = 'woff';
      ({ flavor, tables } = woffTables(bytes));
    } else if (magic === 'true' || magic === 'OTTO' || u32(bytes, 0) === 0x00010000) {
      container = 'sfnt';
      flavor = magic;
      tables = sfntTables(bytes);
    } else if (magic === 'ttcf') {
      container = 'collection';
      const chosen = chooseFace(bytes, choice);
      collection = { index: chosen.index, count: chosen.count };
      flavor = tagAt(bytes, chosen.base);
      tables = sfntTables(bytes, chosen.base);
    } else {
      return { ok: false, reason: msg('font.file.not-font') };
    }
    need(flavor === 'OTTO' || flavor === 'true' || flavor === '\0\u0001\0\0', msg('font.file.not-sfnt-inside'));
    for (const tag of ['cmap', 'head', 'hhea', 'hmtx', 'maxp']) need(tables.has(tag), msg('font.file.table-missing', { table: tag.trim() }));
    const head = tables.get('head')!;
    need(head.length >= 54 && u32(head, 12) === 0x5f0f3cf5, msg('font.file.head-damaged'));
    const outlines = tables.has('glyf') && tables.has('loca') ? 'glyf' : tables.has('CFF ') ? 'CFF ' : tables.has('CFF2') ? 'CFF2' : undefined;
    const os2 = tables.get('OS/2');
    const names = nameStrings(tables.get('name'));
    return {
      ok: true,
      facts: {
        container, outlines, tables: new Set(tables.keys()),
        fsType: os2 && os2.length >= 10 ? u16(os2, 8) : undefined,
        coverage: cmapCoverage(tables.get('cmap')!),
        postscriptName: names.get(6)?.[0],
        names: faceNames(names),
        families: names.get(16) ?? names.get(1) ?? [],
        ...(collection ? { collection } : {}),
      },
    };
  } catch (error) {
    if (error instanceof FaceMissing) return { ok: false, reason: error.reason, faceMissing: true };
    if (error instanceof Damaged) return { ok: false, reason: error.reason };
    throw error;
  }
}
