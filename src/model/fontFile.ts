// What a font file really is, read from its bytes: the container (TrueType/OpenType, WOFF, WOFF2),
// its tables, its outlines, and the characters its cmap maps (what the glyph check compares the
// printed text with). Pure: bytes in, facts or a reason out. Enough of the format to tell a font
// from something that only starts like one, and to know what Chrome will do with it in a PDF.
import { brotliDecompressSync, inflateSync } from 'node:zlib';

export type FontContainer = 'sfnt' | 'woff' | 'woff2';

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
}

export type FontRead = { ok: true; facts: FontFacts } | { ok: false; reason: string };

const u16 = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const i16 = (b: Uint8Array, i: number) => ((u16(b, i) << 16) >> 16);
const u32 = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
const tagAt = (b: Uint8Array, i: number) => String.fromCharCode(b[i]!, b[i + 1]!, b[i + 2]!, b[i + 3]!);

class Damaged extends Error {}
function need(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Damaged(what);
}

/** Tables by tag: their bytes, uncompressed (transformed WOFF2 tables are kept as they are: glyf, loca, hmtx are not read). */
type Tables = Map<string, Uint8Array>;

function sfntTables(b: Uint8Array): Tables {
  need(b.length >= 12, 'the file is shorter than a font header');
  const count = u16(b, 4);
  need(count > 0 && 12 + count * 16 <= b.length, 'the table directory runs past the end of the file');
  const tables: Tables = new Map();
  for (let k = 0; k < count; k++) {
    const at = 12 + k * 16;
    const offset = u32(b, at + 8);
    const length = u32(b, at + 12);
    need(offset + length <= b.length, `the table ${tagAt(b, at).trim()} runs past the end of the file (the file was cut off)`);
    tables.set(tagAt(b, at), b.subarray(offset, offset + length));
  }
  return tables;
}

function woffTables(b: Uint8Array): { flavor: string; tables: Tables } {
  need(b.length >= 44 && u32(b, 8) === b.length, 'the WOFF header does not give the file\'s length (the file was cut off or padded)');
  const count = u16(b, 12);
  need(count > 0 && 44 + count * 20 <= b.length, 'the table directory runs past the end of the file');
  const tables: Tables = new Map();
  for (let k = 0; k < count; k++) {
    const at = 44 + k * 20;
    const tag = tagAt(b, at);
    const offset = u32(b, at + 4);
    const compressed = u32(b, at + 8);
    const original = u32(b, at + 12);
    need(offset + compressed <= b.length && compressed <= original, `the table ${tag.trim()} runs past the end of the file`);
    const data = b.subarray(offset, offset + compressed);
    if (compressed === original) tables.set(tag, data);
    else {
      let inflated: Uint8Array;
      try {
        inflated = inflateSync(data, { maxOutputLength: original });
      } catch {
        throw new Damaged(`the table ${tag.trim()} cannot be decompressed`);
      }
      need(inflated.length === original, `the table ${tag.trim()} decompresses to the wrong length`);
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
  need(b.length >= 48 && u32(b, 8) === b.length, 'the WOFF2 header does not give the file\'s length (the file was cut off or padded)');
  const flavor = tagAt(b, 4);
  need(flavor !== 'ttcf', 'it is a font collection (several fonts in one file)');
  const count = u16(b, 12);
  const compressedLength = u32(b, 20);
  let i = 48;
  const base128 = (): number => {
    let value = 0;
    for (let k = 0; k < 5; k++) {
      need(i < b.length, 'the table directory runs past the end of the file');
      const byte = b[i++]!;
      need(!(k === 0 && byte === 0x80) && value < 2 ** 25, 'the table directory is damaged');
      value = value * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) return value;
    }
    throw new Damaged('the table directory is damaged');
  };
  const entries: { tag: string; length: number }[] = [];
  for (let k = 0; k < count; k++) {
    need(i < b.length, 'the table directory runs past the end of the file');
    const flags = b[i++]!;
    let tag: string;
    if ((flags & 0x3f) === 0x3f) {
      need(i + 4 <= b.length, 'the table directory runs past the end of the file');
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
  need(i + compressedLength <= b.length, 'the compressed tables run past the end of the file (the file was cut off)');
  const total = entries.reduce((sum, e) => sum + e.length, 0);
  need(total <= MAX_WOFF2_SFNT_BYTES, 'its tables are too large');
  let stream: Uint8Array;
  try {
    stream = brotliDecompressSync(b.subarray(i, i + compressedLength), { maxOutputLength: Math.max(total, 1) });
  } catch {
    throw new Damaged('its tables cannot be decompressed (the file is damaged)');
  }
  need(stream.length >= total, 'its tables decompress to less than the directory says (the file is damaged)');
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
  need(cmap.length >= 4, 'its character map (cmap) is damaged');
  const count = u16(cmap, 2);
  need(4 + count * 8 <= cmap.length, 'its character map (cmap) is damaged');
  const subtables: { platform: number; encoding: number; offset: number; format: number }[] = [];
  for (let k = 0; k < count; k++) {
    const at = 4 + k * 8;
    const offset = u32(cmap, at + 4);
    if (offset + 2 > cmap.length) continue;
    subtables.push({ platform: u16(cmap, at), encoding: u16(cmap, at + 2), offset, format: u16(cmap, offset) });
  }
  const unicode = (s: (typeof subtables)[number]) => s.platform === 0 || (s.platform === 3 && (s.encoding === 1 || s.encoding === 10));
  const best = subtables.find((s) => unicode(s) && (s.format === 12 || s.format === 13)) ?? subtables.find((s) => unicode(s) && s.format === 4);
  need(best !== undefined, 'it has no Unicode character map (cmap), so no character can be printed with it');
  const ranges: [number, number][] = [];
  const t = cmap.subarray(best.offset);
  if (best.format === 12 || best.format === 13) {
    need(t.length >= 16, 'its character map (cmap) is damaged');
    const groups = u32(t, 12);
    need(16 + groups * 12 <= t.length, 'its character map (cmap) is damaged');
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
    need(t.length >= 14, 'its character map (cmap) is damaged');
    const segments = u16(t, 6) / 2;
    const ends = 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const rangeOffsets = deltas + segments * 2;
    need(rangeOffsets + segments * 2 <= t.length, 'its character map (cmap) is damaged');
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

function postscriptName(name: Uint8Array | undefined): string | undefined {
  if (!name || name.length < 6) return undefined;
  const count = u16(name, 2);
  const storage = u16(name, 4);
  for (let k = 0; k < count && 6 + k * 12 + 12 <= name.length; k++) {
    const at = 6 + k * 12;
    const [platform, , , id, length, offset] = [u16(name, at), u16(name, at + 2), u16(name, at + 4), u16(name, at + 6), u16(name, at + 8), u16(name, at + 10)];
    if (id !== 6 || storage + offset + length > name.length) continue;
    const bytes = name.subarray(storage + offset, storage + offset + length);
    if (platform === 3 || platform === 0) {
      let text = '';
      for (let j = 0; j + 1 < bytes.length; j += 2) text += String.fromCharCode(u16(bytes, j));
      return text;
    }
    return String.fromCharCode(...bytes);
  }
  return undefined;
}

/** Reads a font file. A file that only starts like a font (or is damaged) gives the reason. */
export function readFont(bytes: Uint8Array): FontRead {
  try {
    need(bytes.length >= 12, 'the file is shorter than a font header');
    const magic = tagAt(bytes, 0);
    let container: FontContainer;
    let tables: Tables;
    let flavor: string;
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
      return { ok: false, reason: 'it is a font collection (.ttc: several fonts in one file), which a web page cannot use' };
    } else {
      return { ok: false, reason: 'it is not a TrueType, OpenType or WOFF font by its content' };
    }
    need(flavor === 'OTTO' || flavor === 'true' || flavor === '\0\u0001\0\0', 'it is not a TrueType or OpenType font inside');
    for (const tag of ['cmap', 'head', 'hhea', 'hmtx', 'maxp']) need(tables.has(tag), `it lacks the \`${tag.trim()}\` table every font has`);
    const head = tables.get('head')!;
    need(head.length >= 54 && u32(head, 12) === 0x5f0f3cf5, 'its `head` table is damaged');
    const outlines = tables.has('glyf') && tables.has('loca') ? 'glyf' : tables.has('CFF ') ? 'CFF ' : tables.has('CFF2') ? 'CFF2' : undefined;
    const os2 = tables.get('OS/2');
    return {
      ok: true,
      facts: {
        container, outlines, tables: new Set(tables.keys()),
        fsType: os2 && os2.length >= 10 ? u16(os2, 8) : undefined,
        coverage: cmapCoverage(tables.get('cmap')!),
        postscriptName: postscriptName(tables.get('name')),
      },
    };
  } catch (error) {
    if (error instanceof Damaged) return { ok: false, reason: error.message };
    throw error;
  }
}
