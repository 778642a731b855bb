// Chinese "system fonts" for a test browser on a machine that has none (CI, this one): the bundled
// packages' WOFF files unpacked into plain font files (Chrome reads no WOFF from fontconfig), named as
// a phone or a Linux desktop names its own (Noto Serif CJK SC, Noto Sans CJK SC, LXGW WenKai), and
// a fontconfig file that adds them to the machine's. Chrome is started with FONTCONFIG_FILE set to it.
// Nothing is installed: the files live in a scratch folder.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { openBrowser, type BrowserSession } from '../../src/print/browserSession.js';

const require = createRequire(import.meta.url);

/** WOFF 1.0 → the SFNT it wraps (each table inflated when compressed). */
export function unwrapWoff(woff: Uint8Array): Uint8Array {
  const src = Buffer.from(woff);
  if (src.readUInt32BE(0) !== 0x774f4646) throw new Error('not a WOFF file');
  const flavor = src.readUInt32BE(4);
  const numTables = src.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const offset = src.readUInt32BE(at + 4);
    const compLength = src.readUInt32BE(at + 8);
    const origLength = src.readUInt32BE(at + 12);
    const raw = src.subarray(offset, offset + compLength);
    tables.push({ tag: src.readUInt32BE(at), checksum: src.readUInt32BE(at + 16), data: compLength < origLength ? inflateSync(raw) : Buffer.from(raw) });
  }
  let size = 12 + 16 * numTables;
  for (const t of tables) size += (t.data.length + 3) & ~3;
  const out = Buffer.alloc(size);
  const log2 = Math.floor(Math.log2(numTables));
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(16 * 2 ** log2, 6);
  out.writeUInt16BE(log2, 8);
  out.writeUInt16BE(numTables * 16 - 16 * 2 ** log2, 10);
  let offset = 12 + 16 * numTables;
  tables.forEach((t, i) => {
    out.writeUInt32BE(t.tag, 12 + i * 16);
    out.writeUInt32BE(t.checksum, 16 + i * 16);
    out.writeUInt32BE(offset, 20 + i * 16);
    out.writeUInt32BE(t.data.length, 24 + i * 16);
    t.data.copy(out, offset);
    offset += (t.data.length + 3) & ~3;
  });
  return out;
}

const FACES: { pkg: string; file: string; family: string }[] = [
  { pkg: '@fontsource/noto-serif-sc', file: 'noto-serif-sc-chinese-simplified-400-normal.woff', family: 'Noto Serif CJK SC' },
  { pkg: '@fontsource/noto-serif-sc', file: 'noto-serif-sc-chinese-simplified-700-normal.woff', family: 'Noto Serif CJK SC' },
  { pkg: '@fontsource/noto-sans-sc', file: 'noto-sans-sc-chinese-simplified-500-normal.woff', family: 'Noto Sans CJK SC' },
  { pkg: '@fontsource/lxgw-wenkai', file: 'lxgw-wenkai-latin-500-normal.woff', family: 'LXGW WenKai' },
];

/** Writes the fonts and their fontconfig file under `dir`; returns the environment for Chrome. */
function standInSystemFonts(dir: string): { FONTCONFIG_FILE: string } {
  const fonts = path.join(dir, 'fonts');
  mkdirSync(fonts, { recursive: true });
  const renames: string[] = [];
  for (const face of FACES) {
    const woff = readFileSync(path.join(path.dirname(require.resolve(`${face.pkg}/package.json`)), 'files', face.file));
    const name = face.file.replace(/\.woff$/, '.otf');
    writeFileSync(path.join(fonts, name), unwrapWoff(woff));
    // The packages name their faces oddly (「Noto Serif SC ExtraLight」): the family a system has.
    renames.push(`  <match target="scan"><test name="file" compare="contains"><string>${name}</string></test><edit name="family" mode="assign" binding="same"><string>${face.family}</string></edit></match>`);
  }
  const conf = path.join(dir, 'fonts.conf');
  writeFileSync(conf, [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    `  <dir>${fonts}</dir>`,
    `  <cachedir>${path.join(dir, 'cache')}</cachedir>`,
    ...renames,
    '</fontconfig>',
    '',
  ].join('\n'));
  return { FONTCONFIG_FILE: conf };
}

/** A browser started with the stand-in fonts as its system fonts, as a phone has them (Chrome reads FONTCONFIG_FILE when it starts). */
export async function openBrowserWithSystemFonts(chromium: string, dir: string): Promise<BrowserSession> {
  const before = process.env.FONTCONFIG_FILE;
  process.env.FONTCONFIG_FILE = standInSystemFonts(dir).FONTCONFIG_FILE;
  try {
    return await openBrowser({ path: chromium, source: 'test' });
  } finally {
    if (before === undefined) delete process.env.FONTCONFIG_FILE;
    else process.env.FONTCONFIG_FILE = before;
  }
}
