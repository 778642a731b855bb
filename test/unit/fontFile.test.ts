// Reading font files: a font is told from a file that only starts like one, its cmap gives the
// characters it has, and the fonts Chrome would embed as Type 3 are named (src/model/fontEmbedding.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFont, mergeRanges, type FontFacts } from '../../src/model/fontFile.js';
import { type3Reason as type3Message } from '../../src/model/fontEmbedding.js';
import { render } from '../../src/i18n/message.js';
import { coverageOf, uncoveredCharacters } from '../../src/check/checkGlyphs.js';
import { codeRanges, fontFaces } from '../../src/render/fontFaces.js';
import { makeSeries } from '../helpers.js';
import { fsType, latinTtf, LATIN_WOFF, LATIN_WOFF2 } from '../fontBytes.js';

function facts(bytes: Uint8Array): FontFacts {
  const read = readFont(bytes);
  if (!read.ok) throw new Error(render(read.reason, 'en'));
  return read.facts;
}

/** Why Chrome would embed the font as Type 3, in English. */
function type3Reason(f: FontFacts): string | undefined {
  const reason = type3Message(f);
  return reason && render(reason, 'en');
}

function reason(bytes: Uint8Array): string {
  const read = readFont(bytes);
  if (read.ok) throw new Error('read as a font');
  return render(read.reason, 'en');
}

const covers = (f: FontFacts, cp: number) => f.coverage.some(([a, b]) => cp >= a && cp <= b);

/** A cmap with one subtable (platform 3, encoding `encoding`). */
function cmapTable(encoding: number, subtable: Buffer): Buffer {
  const head = Buffer.alloc(12);
  head.writeUInt16BE(0, 0);
  head.writeUInt16BE(1, 2);
  head.writeUInt16BE(3, 4);
  head.writeUInt16BE(encoding, 6);
  head.writeUInt32BE(12, 8);
  return Buffer.concat([head, subtable]);
}

/** Format 4: segments [start, end, delta, glyphs (through idRangeOffset) or undefined]. */
function format4(segments: [number, number, number, number[] | undefined][]): Buffer {
  const all = [...segments, [0xffff, 0xffff, 1, undefined] as [number, number, number, undefined]];
  const n = all.length;
  const glyphArrays = all.map((s) => s[3] ?? []);
  const size = 16 + n * 8 + glyphArrays.reduce((sum, g) => sum + g.length * 2, 0);
  const t = Buffer.alloc(size);
  t.writeUInt16BE(4, 0);
  t.writeUInt16BE(size, 2);
  t.writeUInt16BE(n * 2, 6);
  const ends = 14;
  const starts = ends + n * 2 + 2;
  const deltas = starts + n * 2;
  const offsets = deltas + n * 2;
  let glyphAt = offsets + n * 2;
  all.forEach(([start, end, delta, glyphs], k) => {
    t.writeUInt16BE(end, ends + k * 2);
    t.writeUInt16BE(start, starts + k * 2);
    t.writeInt16BE(delta > 0x7fff ? delta - 0x10000 : delta, deltas + k * 2);
    if (glyphs) {
      t.writeUInt16BE(glyphAt - (offsets + k * 2), offsets + k * 2);
      for (const g of glyphs) {
        t.writeUInt16BE(g, glyphAt);
        glyphAt += 2;
      }
    }
  });
  return t;
}

function format12(groups: [number, number, number][]): Buffer {
  const t = Buffer.alloc(16 + groups.length * 12);
  t.writeUInt16BE(12, 0);
  t.writeUInt32BE(t.length, 4);
  t.writeUInt32BE(groups.length, 12);
  groups.forEach(([a, b, g], k) => {
    t.writeUInt32BE(a, 16 + k * 12);
    t.writeUInt32BE(b, 20 + k * 12);
    t.writeUInt32BE(g, 24 + k * 12);
  });
  return t;
}

describe('reading a font file', () => {
  it('reads the same TrueType font from .woff2, .woff and .ttf: outlines, licence bits, the characters it maps', () => {
    const all = [readFileSync(LATIN_WOFF2), readFileSync(LATIN_WOFF), latinTtf()].map(facts);
    expect(all.map((f) => f.container)).toEqual(['woff2', 'woff', 'sfnt']);
    for (const f of all) {
      expect(f.outlines).toBe('glyf');
      expect(f.fsType).toBe(0);
      expect(covers(f, 0x41) && covers(f, 0x31) && covers(f, 0x2d)).toBe(true); // A, 1, -
      expect(covers(f, 0x4e2d)).toBe(false); // 中
    }
    expect(all[1]!.coverage).toEqual(all[0]!.coverage);
    expect(all[2]!.coverage).toEqual(all[0]!.coverage);
    expect(type3Reason(all[0]!)).toBeUndefined();
  });

  it('refuses files that only start like a font, cut-off fonts, collections', () => {
    expect(reason(Buffer.from('true, this is a text file that starts like a TrueType font'))).toMatch(/table directory|header/);
    expect(reason(Buffer.from('PK\u0003\u0004 a zip file'))).toMatch(/not a TrueType, OpenType or WOFF font/);
    const woff2 = readFileSync(LATIN_WOFF2);
    expect(reason(woff2.subarray(0, woff2.length - 100))).toMatch(/cut off/);
    const woff = readFileSync(LATIN_WOFF);
    expect(reason(woff.subarray(0, 2000))).toMatch(/cut off|past the end/);
    const ttf = latinTtf();
    expect(reason(ttf.subarray(0, ttf.length >> 1))).toMatch(/cut off/);
    expect(reason(Buffer.concat([Buffer.from('ttcf'), Buffer.alloc(40)]))).toMatch(/collection/);
    expect(reason(latinTtf((t) => t.delete('cmap')))).toMatch(/`cmap`/);
    // Damaged compressed data: the brotli stream of a WOFF2 with its middle overwritten.
    const damaged = Buffer.from(woff2);
    damaged.fill(0x55, 200, 1200);
    expect(readFont(damaged).ok).toBe(false);
  });

  it('gives what a format 4 cmap maps, glyph by glyph (a 0 in the glyph array is a character it lacks)', () => {
    const f = facts(latinTtf((t) => t.set('cmap', cmapTable(1, format4([[0x41, 0x43, 5, undefined], [0x4e00, 0x4e03, 0, [7, 0, 9, 10]]])))));
    expect(f.coverage).toEqual([[0x41, 0x43], [0x4e00, 0x4e00], [0x4e02, 0x4e03]]);
  });

  it('gives what a format 12 cmap maps, beyond the BMP, and not .notdef', () => {
    const f = facts(latinTtf((t) => t.set('cmap', cmapTable(10, format12([[0x20, 0x20, 0], [0x4e00, 0x4e01, 3], [0x1f600, 0x1f602, 10]])))));
    expect(f.coverage).toEqual([[0x4e00, 0x4e01], [0x1f600, 0x1f602]]);
  });

  it('refuses a font with no Unicode character map', () => {
    const symbolOnly = cmapTable(0, format4([[0xf020, 0xf07f, 1, undefined]]));
    expect(reason(latinTtf((t) => t.set('cmap', symbolOnly)))).toMatch(/no Unicode character map/);
  });

  it('merges ranges', () => {
    expect(mergeRanges([[5, 6], [1, 3], [4, 4], [10, 12], [11, 20]])).toEqual([[1, 6], [10, 20]]);
  });
});

describe('fonts Chrome embeds as Type 3', () => {
  it('are the restricted and bitmap-only licences, not the others', () => {
    for (const v of [0x0002, 0x0200, 0x0302, 0x0006]) expect(type3Reason(facts(latinTtf(fsType(v)))), v.toString(16)).toMatch(/licence/);
    for (const v of [0x0000, 0x0004, 0x0008, 0x0100]) expect(type3Reason(facts(latinTtf(fsType(v)))), v.toString(16)).toBeUndefined();
  });

  it('are variable PostScript (CFF2) outlines, variable fonts and fonts without outlines; not CFF, which is converted', () => {
    const outlines = (tag: string) => latinTtf((t) => {
      t.set(tag, t.get('glyf')!);
      t.delete('glyf');
      t.delete('loca');
    });
    expect(type3Reason(facts(outlines('CFF2')))).toMatch(/CFF2/);
    expect(type3Reason(facts(outlines('CFF ')))).toBeUndefined();
    expect(type3Reason(facts(latinTtf((t) => t.set('fvar', Buffer.alloc(16)))))).toMatch(/variable/);
    expect(type3Reason(facts(latinTtf((t) => {
      t.delete('glyf');
      t.delete('loca');
      t.set('CBDT', Buffer.alloc(8));
    })))).toMatch(/no outlines/);
  });
});

describe('glyph coverage', () => {
  it('covers what the bundled faces cover, and what a series font file maps', () => {
    const bundled = coverageOf(fontFaces(makeSeries()));
    expect(uncoveredCharacters('园区召开工作会议，2018年。ABC', bundled)).toEqual([]);
    expect(uncoveredCharacters('园区\u{13000}会议\u{13000}㐀', bundled)).toEqual(['\u{13000}', '㐀']);
    // Controls, format characters and variation selectors need no glyph.
    expect(uncoveredCharacters('园\u202e区\u200b\ufe0f\n\t', bundled)).toEqual([]);
    const series = makeSeries();
    const own = { ...series, fonts: { body: { family: 'x', file: '/series/fonts/x.ttf', coverage: [[0x13000, 0x1342f]] as [number, number][] } } };
    expect(uncoveredCharacters('园区\u{13000}㐀', coverageOf(fontFaces(own)))).toEqual(['㐀']);
  });

  it('covers exactly the code points of each range, whatever their alignment to bytes', () => {
    const ranges: [number, number][] = [[5, 5], [7, 8], [0x10, 0x2f], [0x31, 0x4e], [0x4e00, 0x9fff], [0x10fff0, 0x10ffff]];
    const covers = coverageOf([{ family: 'x', url: 'fonts/x', file: '/x', ranges: codeRanges(ranges), format: 'woff2' }]);
    for (let cp = 0; cp < 0xa100; cp++) expect(covers(cp), `U+${cp.toString(16)}`).toBe(ranges.some(([a, b]) => cp >= a && cp <= b));
    expect(covers(0x10ffff)).toBe(true);
    expect(covers(0x10ffef)).toBe(false);
  });
});

describe('the series\' own files in the HTML folder', () => {
  it('are named after the file (and face), one file for roles naming the same face, numbered when names clash', () => {
    const series = makeSeries();
    const ttc = { family: 'x', file: '/series/fonts/simsun.ttc', embed: 'subset' as const };
    const own = {
      ...series,
      fonts: {
        body: { ...ttc, face: { index: 1 } },
        kai: { ...ttc, face: { index: 1 } },
        heading: { ...ttc, face: { index: 0 } },
        title: { family: 'x', file: '/series/fonts/a/仿宋.ttf', embed: 'subset' as const },
        pageNumber: { family: 'x', file: '/series/fonts/b/仿宋.otf', embed: 'subset' as const },
      },
    };
    const urls = Object.fromEntries(fontFaces(own).map((f) => [f.family, f.url]));
    expect(urls).toEqual({
      'bulletin-title': 'fonts/仿宋.ttf', 'bulletin-body': 'fonts/simsun-1.ttc', 'bulletin-heading': 'fonts/simsun-0.ttc',
      'bulletin-kai': 'fonts/simsun-1.ttc', 'bulletin-page-number': 'fonts/仿宋-2.otf',
    });
  });
});
