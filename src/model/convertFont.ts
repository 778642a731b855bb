// A font face → a small TrueType font (in a WOFF file) with only the glyphs of the given characters:
// what Chrome embeds in a PDF as a (CID) TrueType font. PostScript (CFF) outlines, also CID-keyed
// ones (思源宋体, Adobe 仿宋 Std), become quadratic TrueType outlines; a face of a collection comes
// in as a standalone font (fontFile.ts `standaloneFace`). opentype.js reads the outlines (it knows
// CID-keyed CFF, which fonteditor-core does not); fonteditor-core writes the TrueType font.
//
// Pure and synchronous, and trusting nothing of the input, but a hostile file can still make a
// reader slow or hungry: the build runs this in a worker with a deadline and a memory limit
// (fontConversion.ts), never in the main thread.
import { deflateSync } from 'node:zlib';
import * as opentypeModule from 'opentype.js';
import * as fonteditor from 'fonteditor-core';
import { msg, render, type Message } from '../i18n/message.js';

/** Why a font cannot be converted, in the catalogue's words (the worker passes `reason` on). */
export class ConversionFailed extends Error {
  constructor(readonly reason: Message) {
    super(render(reason, 'en'));
  }
}

type OtPoint = { type: 'M' | 'L' | 'Q' | 'C' | 'Z'; x?: number; y?: number; x1?: number; y1?: number; x2?: number; y2?: number };
interface OtGlyph { index: number; advanceWidth?: number; path: { commands: OtPoint[] }; getPath?: unknown }
interface OtFont {
  unitsPerEm: number;
  numGlyphs: number;
  glyphs: { get(index: number): OtGlyph };
  charToGlyphIndex(ch: string): number;
  tables: Record<string, Record<string, unknown> | undefined>;
  names: Record<string, Record<string, Record<string, string>> | Record<string, string>>;
}
const opentype = ((opentypeModule as unknown as { default?: unknown }).default ?? opentypeModule) as { parse(buffer: ArrayBuffer, options?: object): OtFont };

/**
 * fonteditor-core reads and writes every number of a font through methods it makes by currying
 * (`writeUint8 = curry(write, 'Uint8')`): each call copies its arguments into new arrays, which
 * made writing a subset's glyphs and wrapping them in WOFF most of a conversion's time (half of it
 * collecting the garbage), and it copies a table's bytes one call a byte. The same methods, written
 * out: the bytes written are the same.
 */
const ACCESSOR_SIZES = { Int8: 1, Int16: 2, Int32: 4, Uint8: 1, Uint16: 2, Uint32: 4, Float32: 4, Float64: 8 } as const;
type Accessors = { prototype: Record<string, unknown> };
function directAccessors(): void {
  const { Reader, Writer } = fonteditor as unknown as { Reader?: Accessors; Writer?: Accessors };
  if (!Reader?.prototype || !Writer?.prototype) return;
  // A table's bytes as an array of numbers (what WOFF wrapping reads), copied at once rather than one call a byte.
  Reader.prototype.readBytes = function readBytes(this: { offset: number; length: number; view: DataView }, offset: number, length: number | null = null): number[] {
    if (length === null) [length, offset] = [offset, this.offset];
    if (length < 0 || offset + length > this.length) throw new Error(`a table runs past the end of the font (${offset + length} > ${this.length})`);
    this.offset = offset + length;
    return Array.from(new Uint8Array(this.view.buffer, this.view.byteOffset + offset, length));
  };
  for (const [type, size] of Object.entries(ACCESSOR_SIZES)) {
    const get = (DataView.prototype as unknown as Record<string, (this: DataView, offset: number, littleEndian?: boolean) => number>)[`get${type}`]!;
    const set = (DataView.prototype as unknown as Record<string, (this: DataView, offset: number, value: number, littleEndian?: boolean) => void>)[`set${type}`]!;
    Reader.prototype[`read${type}`] = function read(this: { offset: number; littleEndian: boolean; view: DataView }, offset = this.offset, littleEndian = this.littleEndian): number {
      this.offset = offset + size;
      return get.call(this.view, offset, littleEndian);
    };
    Writer.prototype[`write${type}`] = function write(this: { offset: number; littleEndian: boolean; view: DataView }, value: number, offset = this.offset, littleEndian = this.littleEndian): unknown {
      this.offset = offset + size;
      set.call(this.view, offset, value, littleEndian);
      return this;
    };
  }
}
directAccessors();

interface TtfPoint { x: number; y: number; onCurve: boolean }
interface TtfGlyph { contours: TtfPoint[][]; xMin: number; xMax: number; yMin: number; yMax: number; advanceWidth: number; leftSideBearing: number; name: string; unicode?: number[] }

export interface ConvertedFont {
  /** A WOFF file with TrueType outlines. */
  bytes: Uint8Array;
  /** The characters asked for that the font has no glyph for. */
  missing: number[];
  glyphs: number;
}

/** Largest distance (font units, of some 1000 an em) a quadratic curve may stray from the cubic it replaces. */
const TOLERANCE = 0.5;

type P = { x: number; y: number };
const lerp = (a: P, b: P, t: number): P => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });

/** A cubic Bézier as quadratic ones (control point, end point pairs), split into equal parts until within TOLERANCE. */
export function cubicToQuadratics(p0: P, c1: P, c2: P, p3: P): [P, P][] {
  // Error of one quadratic with control (3(c1 + c2) − p0 − p3)/4 ≤ √3/36 · |p3 − 3c2 + 3c1 − p0|; a part of 1/n has 1/n³ of it.
  const dx = p3.x - 3 * c2.x + 3 * c1.x - p0.x;
  const dy = p3.y - 3 * c2.y + 3 * c1.y - p0.y;
  const error = (Math.sqrt(3) / 36) * Math.hypot(dx, dy);
  const n = Math.min(16, Math.max(1, Math.ceil(Math.cbrt(error / TOLERANCE))));
  const out: [P, P][] = [];
  let rest: [P, P, P, P] = [p0, c1, c2, p3];
  for (let k = 0; k < n; k++) {
    const t = 1 / (n - k);
    let a: P, b: P, c: P, d: P;
    if (k === n - 1) [a, b, c, d] = rest;
    else {
      const [q0, q1, q2, q3] = rest;
      const ab = lerp(q0, q1, t), bc = lerp(q1, q2, t), cd = lerp(q2, q3, t);
      const abc = lerp(ab, bc, t), bcd = lerp(bc, cd, t);
      const mid = lerp(abc, bcd, t);
      [a, b, c, d] = [q0, ab, abc, mid];
      rest = [mid, bcd, cd, q3];
    }
    out.push([{ x: (3 * (b.x + c.x) - a.x - d.x) / 4, y: (3 * (b.y + c.y) - a.y - d.y) / 4 }, d]);
  }
  return out;
}

/** A glyph's path (opentype.js commands) → TrueType contours: on-curve points and quadratic control points, rounded. */
function contoursOf(commands: readonly OtPoint[]): TtfPoint[][] {
  const contours: TtfPoint[][] = [];
  let current: TtfPoint[] = [];
  let pen: P = { x: 0, y: 0 };
  let start: P = pen;
  const point = (p: P, onCurve: boolean) => current.push({ x: Math.round(p.x), y: Math.round(p.y), onCurve });
  const close = () => {
    // TrueType closes a contour itself: a last point on the first one is dropped.
    const first = current[0];
    const last = current.at(-1);
    if (current.length > 1 && first && last && last.onCurve && last.x === first.x && last.y === first.y) current.pop();
    if (current.length >= 2) contours.push(current);
    current = [];
  };
  for (const c of commands) {
    const to = { x: c.x ?? 0, y: c.y ?? 0 };
    if (!Number.isFinite(to.x) || !Number.isFinite(to.y)) throw new Error('a glyph has a point at no finite place');
    switch (c.type) {
      case 'M':
        close();
        point(to, true);
        start = to;
        break;
      case 'L':
        point(to, true);
        break;
      case 'Q':
        point({ x: c.x1!, y: c.y1! }, false);
        point(to, true);
        break;
      case 'C':
        for (const [control, end] of cubicToQuadratics(pen, { x: c.x1!, y: c.y1! }, { x: c.x2!, y: c.y2! }, to)) {
          point(control, false);
          point(end, true);
        }
        break;
      case 'Z':
        close();
        pen = start;
        continue;
    }
    pen = to;
  }
  close();
  return contours;
}

function box(contours: readonly TtfPoint[][]): { xMin: number; xMax: number; yMin: number; yMax: number } {
  let [xMin, xMax, yMin, yMax] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const contour of contours) {
    for (const p of contour) {
      xMin = Math.min(xMin, p.x);
      xMax = Math.max(xMax, p.x);
      yMin = Math.min(yMin, p.y);
      yMax = Math.max(yMax, p.y);
    }
  }
  return xMin === Infinity ? { xMin: 0, xMax: 0, yMin: 0, yMax: 0 } : { xMin, xMax, yMin, yMax };
}

/** A date of the head table in milliseconds since 1970, from opentype.js's seconds; 2000-01-01 when there is none (0 would be "now" to fonteditor). */
const dateOf = (seconds: unknown): number => (typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : Date.UTC(2000, 0, 1));

const int = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : fallback);

/** The font's English name of an id (opentype.js 2 keeps names per platform). */
function nameOf(font: OtFont, key: string): string | undefined {
  const names = font.names as Record<string, Record<string, Record<string, string>>>;
  for (const platform of ['windows', 'unicode', 'macintosh']) {
    const entry = names[platform]?.[key];
    if (entry) return entry.en ?? Object.values(entry)[0];
  }
  const flat = (font.names as Record<string, Record<string, string>>)[key];
  return flat ? (flat.en ?? Object.values(flat)[0]) : undefined;
}

/** Limits of the output: a font for one issue has at most this many glyphs. */
export const MAX_SUBSET_GLYPHS = 30_000;

/**
 * The subsets of `sfnt` (a TrueType or OpenType font, not a collection, not compressed) for each
 * list of code points (one per issue: the font is read once), with TrueType outlines, as WOFF.
 * Throws with a reason an editor can read.
 */
export function convertFont(sfnt: Uint8Array, sets: readonly (readonly number[])[]): ConvertedFont[] {
  const buffer = sfnt.buffer.slice(sfnt.byteOffset, sfnt.byteOffset + sfnt.byteLength) as ArrayBuffer;
  let font: OtFont;
  try {
    font = opentype.parse(buffer, { lowMemory: true });
  } catch (error) {
    throw new ConversionFailed(msg('font.convert.tables', { detail: String((error as Error).message) }));
  }
  const unitsPerEm = int(font.unitsPerEm, 0);
  if (unitsPerEm < 16 || unitsPerEm > 16384) throw new ConversionFailed(msg('font.convert.units'));
  return sets.map((codePoints) => subsetOf(font, unitsPerEm, codePoints));
}

function subsetOf(font: OtFont, unitsPerEm: number, codePoints: readonly number[]): ConvertedFont {
  const head = font.tables.head ?? {};
  const hhea = font.tables.hhea ?? {};
  const os2 = font.tables.os2;
  const post = font.tables.post ?? {};

  const glyphs: TtfGlyph[] = [];
  const byIndex = new Map<number, TtfGlyph>();
  const glyphOf = (index: number, name: string): TtfGlyph => {
    let glyph = byIndex.get(index);
    if (glyph) return glyph;
    const source = font.glyphs.get(index);
    let contours: TtfPoint[][];
    try {
      contours = contoursOf(source.path.commands);
    } catch (error) {
      throw new ConversionFailed(msg('font.convert.glyph', { index, detail: String((error as Error).message) }));
    }
    const b = box(contours);
    glyph = { contours, ...b, advanceWidth: Math.max(0, int(source.advanceWidth, unitsPerEm)), leftSideBearing: b.xMin, name };
    byIndex.set(index, glyph);
    glyphs.push(glyph);
    return glyph;
  };
  glyphOf(0, '.notdef');
  const missing: number[] = [];
  for (const cp of [...new Set(codePoints)].sort((a, b) => a - b)) {
    if (glyphs.length >= MAX_SUBSET_GLYPHS) throw new ConversionFailed(msg('font.convert.too-many-glyphs', { max: MAX_SUBSET_GLYPHS }));
    const index = font.charToGlyphIndex(String.fromCodePoint(cp));
    if (!index || index >= font.numGlyphs) {
      missing.push(cp);
      continue;
    }
    const glyph = glyphOf(index, `uni${cp.toString(16).toUpperCase().padStart(4, '0')}`);
    (glyph.unicode ??= []).push(cp);
  }

  const ttf = fonteditor.Font.create().get() as unknown as Record<string, Record<string, unknown>> & { glyf: TtfGlyph[] };
  const all = box(glyphs.flatMap((g) => g.contours));
  Object.assign(ttf.head!, {
    unitsPerEm, xMin: all.xMin, yMin: all.yMin, xMax: all.xMax, yMax: all.yMax,
    macStyle: int(head.macStyle, 0), fontRevision: typeof head.fontRevision === 'number' ? head.fontRevision : 1, indexToLocFormat: 1,
    // The source's dates (opentype.js: seconds since 1970; fonteditor: milliseconds), never the
    // time of the conversion: a subset is a pure function of the font and the characters, and the
    // PDF that embeds it is the same from one build to the next.
    created: dateOf(head.created), modified: dateOf(head.modified ?? head.created),
  });
  const ascent = int(hhea.ascender, Math.round(unitsPerEm * 0.88));
  const descent = int(hhea.descender, -Math.round(unitsPerEm * 0.12));
  Object.assign(ttf.hhea!, { ascent, descent, lineGap: int(hhea.lineGap, 0) });
  if (os2) {
    const o = ttf['OS/2']!;
    for (const key of Object.keys(o)) {
      if (key in os2 && typeof os2[key] === typeof o[key]) o[key] = os2[key];
    }
    const panose = os2.panose as number[] | undefined;
    if (Array.isArray(panose) && panose.length === 10) {
      ['bFamilyType', 'bSerifStyle', 'bWeight', 'bProportion', 'bContrast', 'bStrokeVariation', 'bArmStyle', 'bLetterform', 'bMidline', 'bXHeight'].forEach((key, k) => (o[key] = int(panose[k], 0)));
    }
    o.version = 4;
  } else {
    Object.assign(ttf['OS/2']!, { sTypoAscender: ascent, sTypoDescender: descent, usWinAscent: ascent, usWinDescent: -descent, fsType: 0 });
  }
  Object.assign(ttf.post!, { italicAngle: int(post.italicAngle, 0), underlinePosition: int(post.underlinePosition, -100), underlineThickness: int(post.underlineThickness, 50), format: 3 });
  const ascii = (text: string | undefined, fallback: string) => (text ?? '').replace(/[^\x21-\x7e]/g, '').replace(/[[\](){}<>/%]/g, '').slice(0, 60) || fallback;
  const family = nameOf(font, 'fontFamily') ?? 'bulletin';
  const postScriptName = ascii(nameOf(font, 'postScriptName'), ascii(family, 'bulletin'));
  Object.assign(ttf.name!, {
    fontFamily: family, fontSubFamily: nameOf(font, 'fontSubfamily') ?? 'Regular', fullName: nameOf(font, 'fullName') ?? family,
    postScriptName, uniqueSubFamily: `${postScriptName} subset`, version: nameOf(font, 'version') ?? 'Version 1.0',
  });
  ttf.glyf = glyphs;
  const written = fonteditor.Font.create(ttf as never, { type: 'ttf' } as never).write({ type: 'woff', deflate: (data: number[]) => Array.from(deflateSync(Uint8Array.from(data))) } as never) as unknown as ArrayBuffer | Uint8Array;
  const bytes = written instanceof Uint8Array ? written : new Uint8Array(written);
  return { bytes, missing, glyphs: glyphs.length };
}
