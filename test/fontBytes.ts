// Font files for tests, made from a bundled WOFF slice (OFL): unpacked to a plain TrueType file, then
// changed the way a hostile or unusual font would be (its licence bits, a table renamed or added).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { REPO } from './helpers.js';

/** Noto Serif SC, weight 900, the Latin slice (WOFF 1.0, TrueType outlines, about 20 KB). */
export const LATIN_WOFF = path.join(REPO, 'node_modules', '@fontsource', 'noto-serif-sc', 'files', 'noto-serif-sc-latin-900-normal.woff');
export const LATIN_WOFF2 = LATIN_WOFF.replace(/\.woff$/, '.woff2');

const u16 = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u32 = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;

/** An sfnt from tables (tag → bytes), with a directory in tag order and 4-byte aligned tables. Checksums are left 0. */
export function sfnt(tables: Map<string, Uint8Array>, flavor = 0x00010000): Buffer {
  const tags = [...tables.keys()].sort();
  const header = Buffer.alloc(12 + tags.length * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(tags.length, 4);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tags.forEach((tag, k) => {
    const data = Buffer.from(tables.get(tag)!);
    header.write(tag, 12 + k * 16, 'latin1');
    header.writeUInt32BE(offset, 12 + k * 16 + 8);
    header.writeUInt32BE(data.length, 12 + k * 16 + 12);
    const padded = Buffer.alloc((data.length + 3) & ~3);
    data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

/** The tables of a WOFF 1.0 file, decompressed. */
export function woffTables(woff: Uint8Array): Map<string, Uint8Array> {
  const tables = new Map<string, Uint8Array>();
  for (let k = 0; k < u16(woff, 12); k++) {
    const at = 44 + k * 20;
    const tag = String.fromCharCode(...woff.subarray(at, at + 4));
    const [offset, compressed, original] = [u32(woff, at + 4), u32(woff, at + 8), u32(woff, at + 12)];
    const data = woff.subarray(offset, offset + compressed);
    tables.set(tag, compressed === original ? data : inflateSync(data));
  }
  return tables;
}

/** The bundled Latin slice as a plain .ttf, changed by `change` (which may edit the tables in place). */
export function latinTtf(change: (tables: Map<string, Uint8Array>) => void = () => undefined): Buffer {
  const tables = woffTables(readFileSync(LATIN_WOFF));
  change(tables);
  return sfnt(tables);
}

/** Sets the OS/2 fsType (embedding permissions). */
export function fsType(value: number): (tables: Map<string, Uint8Array>) => void {
  return (tables) => {
    const os2 = Buffer.from(tables.get('OS/2')!);
    os2.writeUInt16BE(value, 8);
    tables.set('OS/2', os2);
  };
}
