// A tiny TrueType font made for the tests: two glyphs, 㐀 (U+3400, CJK Extension A) and 𠀀
// (U+20000, Extension B), which none of the bundled faces has. It plays the font an office adds
// under `fonts:` for such characters (README, "Characters beyond the Chinese faces").
import * as fonteditorModule from 'fonteditor-core';

type Point = { x: number; y: number; onCurve: boolean };
const fonteditor = ((fonteditorModule as unknown as { default?: unknown }).default ?? fonteditorModule) as typeof fonteditorModule;

const box = (x0: number, y0: number, x1: number, y1: number): Point[] => [
  { x: x0, y: y0, onCurve: true }, { x: x0, y: y1, onCurve: true }, { x: x1, y: y1, onCurve: true }, { x: x1, y: y0, onCurve: true },
];

/** The characters the font maps. */
export const EXT_CHARACTERS = ['㐀', '𠀀'] as const;

/** The font's bytes (TrueType); PostScript name `BulletinTestExt`. */
export function extFont(): Uint8Array {
  const ttf = fonteditor.Font.create().get() as unknown as Record<string, Record<string, unknown>> & { glyf: unknown[] };
  const glyph = (name: string, cp: number, contours: Point[][]) => ({ contours, xMin: 80, yMin: -80, xMax: 920, yMax: 800, advanceWidth: 1000, leftSideBearing: 80, name, unicode: [cp] });
  ttf.glyf = [
    { contours: [], xMin: 0, yMin: 0, xMax: 0, yMax: 0, advanceWidth: 1000, leftSideBearing: 0, name: '.notdef' },
    glyph('uni3400', 0x3400, [box(80, -80, 920, 800), box(200, 40, 800, 680).reverse()]),
    glyph('u20000', 0x20000, [box(80, 300, 920, 420), box(440, -80, 560, 800)]),
  ];
  // A fixed date (fonteditor stamps the font with the time it is made): the same bytes on every call,
  // as the tests of byte-identical output need.
  Object.assign(ttf.head!, { unitsPerEm: 1000, xMin: 80, yMin: -80, xMax: 920, yMax: 800, created: Date.UTC(2018, 11, 28), modified: Date.UTC(2018, 11, 28) });
  Object.assign(ttf.hhea!, { ascent: 880, descent: -120, lineGap: 0 });
  Object.assign(ttf['OS/2']!, { sTypoAscender: 880, sTypoDescender: -120, usWinAscent: 880, usWinDescent: 120, fsType: 0 });
  Object.assign(ttf.name!, { fontFamily: 'Bulletin Test Ext', fontSubFamily: 'Regular', fullName: 'Bulletin Test Ext', postScriptName: 'BulletinTestExt', uniqueSubFamily: 'BulletinTestExt', version: 'Version 1.0' });
  const written = fonteditor.Font.create(ttf as never, { type: 'ttf' } as never).write({ type: 'ttf' } as never) as unknown as ArrayBuffer | Uint8Array;
  return written instanceof Uint8Array ? written : new Uint8Array(written);
}
