// A PDF page's content streams read against an explicit whitelist of operators, as the drawing the
// OFD writer redraws: glyph runs (each glyph with its id, its text and its origin), paths (filled or
// stroked) and images, each with its colour and its clip, in device space (pt, y up). An operator
// outside the whitelist, or a form of one the writer cannot redraw, is a problem with its page and
// name: nothing is dropped silently.
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFDocument } from '../print/pdfLib.js';
import { decoded, parseToUnicode, streamText } from '../check/readPdfText.js';
import { IDENTITY, intersect, multiply, numberOf, stringBytes, type Matrix } from '../check/pdfSyntax.js';

export type Rgb = readonly [number, number, number];
export interface Box { x0: number; y0: number; x1: number; y1: number }

export interface Glyph {
  readonly gid: number;
  /** What the glyph reads as (its ToUnicode entry): one or more characters. */
  readonly text: string;
  /** Origin on the baseline, device space. */
  readonly x: number;
  readonly y: number;
}

export interface FontUse {
  readonly key: PDFDict;
  /** The embedded TrueType program (FontFile2), unchanged. */
  readonly file: PDFRawStream | PDFStream;
  /** BaseFont without the subset tag. */
  readonly name: string;
}

/** An ICC-based colour space (its profile stream and component count) a colour is given in. */
export interface IccSpace { readonly profile: PDFRawStream; readonly n: 1 | 3 }
interface Painted {
  readonly alpha: number;
  /** The fill's (text, filled path) and the stroke's ICC colour space; none: device RGB or grey. */
  readonly fillSpace?: IccSpace;
  readonly strokeSpace?: IccSpace;
  /** Device-space rectangle painting is limited to (the page, narrowed by every clip). */
  readonly clip: Box;
}
export interface TextItem extends Painted {
  readonly kind: 'text';
  readonly font: FontUse;
  readonly size: number;
  readonly fill: Rgb;
  readonly glyphs: Glyph[];
  /** The baseline's direction, radians counter-clockwise from the x axis (0: upright text). */
  readonly angle: number;
}
/** An axial or radial shading (PDF types 2 and 3): device-space geometry, colours by position 0…1. */
export interface Shading {
  readonly type: 'axial' | 'radial';
  /** Axial: x0 y0 x1 y1; radial: x0 y0 r0 x1 y1 r1 (device space). */
  readonly coords: readonly number[];
  readonly stops: readonly { position: number; colour: Rgb }[];
  readonly extendStart: boolean;
  readonly extendEnd: boolean;
}
export type Segment = { op: 'M' | 'L'; x: number; y: number } | { op: 'B'; pts: [number, number, number, number, number, number] } | { op: 'C' };
export interface PathItem extends Painted {
  readonly kind: 'path';
  readonly segments: Segment[];
  readonly fill: Rgb | undefined;
  /** Filled with a shading instead of the colour. */
  readonly shading?: Shading;
  readonly stroke: Rgb | undefined;
  readonly evenOdd: boolean;
  /** Device-space dash lengths and phase (empty: a solid line). */
  readonly dash: readonly number[];
  readonly dashPhase: number;
  /** Device-space line width. */
  readonly lineWidth: number;
  readonly cap: number;
  readonly join: number;
}
export interface ImageItem extends Painted { readonly kind: 'image'; readonly stream: PDFRawStream; readonly box: Box }
export type Item = TextItem | PathItem | ImageItem;

export interface ContentProblem {
  /** 1-based page number. */
  readonly page: number;
  /** The operator (`sh`, `BI`) or the form of one (`Tr 3`, `rotated text`). */
  readonly what: string;
  readonly count: number;
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
const EPS = 1e-6;

/** Operators that draw nothing (marked content, rendering intent, flatness) or are read below. */
const WHITELIST = new Set([
  'q', 'Q', 'cm', 'gs', 'w', 'J', 'j', 'M', 'd', 'ri', 'i',
  'm', 'l', 'c', 'v', 'y', 'h', 're', 'f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'n', 'W', 'W*',
  'g', 'G', 'rg', 'RG', 'k', 'K', 'cs', 'CS', 'sc', 'SC', 'scn', 'SCN',
  'BT', 'ET', 'Tf', 'Tm', 'Td', 'TD', 'T*', 'Tj', 'TJ', "'", '"', 'Tc', 'Tw', 'Tz', 'TL', 'Ts', 'Tr',
  'Do', 'BDC', 'BMC', 'EMC', 'MP', 'DP', 'sh',
]);

const TOKEN = /(<<|>>|\[|\]|<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\)|\/[^\s/<>[\]()]*|%[^\r\n]*|[^\s/<>[\]()%]+)/g;
const isNumber = (t: string) => /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t);

interface FontMap {
  use: FontUse;
  toUnicode: Map<number, string>;
  widths: Map<number, number>;
  defaultWidth: number;
  /** CID → glyph id; undefined: Identity. */
  cidToGid: Uint8Array | undefined;
}

/** A Type 0 font with a TrueType CIDFont and Identity-H, as Chrome writes them; otherwise why not. */
function readFont(doc: PDFDocument, dict: PDFDict): FontMap | string {
  if (dict.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) return `font of type ${String(dict.get(PDFName.of('Subtype')))}`;
  if (dict.get(PDFName.of('Encoding')) !== PDFName.of('Identity-H')) return `font encoding ${String(dict.get(PDFName.of('Encoding')))}`;
  const cid = dict.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookupMaybe(0, PDFDict);
  if (!cid || cid.get(PDFName.of('Subtype')) !== PDFName.of('CIDFontType2')) return 'CIDFont not TrueType';
  const file = cid.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict)?.lookup(PDFName.of('FontFile2'));
  if (!(file instanceof PDFRawStream || file instanceof PDFStream)) return 'font not embedded';
  const unicode = dict.lookup(PDFName.of('ToUnicode'));
  if (!unicode) return 'font without ToUnicode';
  const map = cid.get(PDFName.of('CIDToGIDMap'));
  const mapStream = map instanceof PDFRef ? doc.context.lookup(map) : map;
  const cidToGid = mapStream instanceof PDFRawStream ? decoded(mapStream) : undefined;
  if (mapStream !== undefined && mapStream !== PDFName.of('Identity') && !cidToGid) return 'CIDToGIDMap';
  const widths = new Map<number, number>();
  const defaultWidth = numberOf(cid.lookup(PDFName.of('DW')), 1000);
  const w = cid.lookupMaybe(PDFName.of('W'), PDFArray)?.asArray().map((v) => doc.context.lookup(v) ?? v) ?? [];
  for (let i = 0; i < w.length;) {
    const first = numberOf(w[i], NaN);
    if (!Number.isFinite(first)) break;
    const next = w[i + 1];
    if (next instanceof PDFArray) {
      next.asArray().forEach((v, k) => widths.set(first + k, numberOf(doc.context.lookup(v) ?? v, defaultWidth)));
      i += 2;
    } else {
      const last = numberOf(next, NaN);
      const value = numberOf(w[i + 2], defaultWidth);
      for (let c = first; c <= last && c - first < 0x10000; c++) widths.set(c, value);
      i += 3;
    }
  }
  const base = dict.get(PDFName.of('BaseFont'));
  const name = (base instanceof PDFName ? base.decodeText() : 'font').replace(/^[A-Z]{6}\+/, '');
  return { use: { key: dict, file, name }, toUnicode: parseToUnicode(streamText(unicode)).map, widths, defaultWidth, cidToGid };
}

const dictOf = (v: unknown) => (v instanceof PDFDict ? v : v instanceof PDFStream ? v.dict : undefined);
const numbersOf = (doc: PDFDocument, v: unknown) => (v instanceof PDFArray ? v.asArray().map((x) => numberOf(doc.context.lookup(x) ?? x, NaN)) : undefined);

/** A shading's colour components as RGB: DeviceRGB, DeviceGray, or ICCBased with 1 or 3 components. */
function shadingChannels(doc: PDFDocument, space: unknown): 1 | 3 | undefined {
  if (space === PDFName.of('DeviceRGB')) return 3;
  if (space === PDFName.of('DeviceGray')) return 1;
  const s = space instanceof PDFRef ? doc.context.lookup(space) : space;
  if (s instanceof PDFArray && s.get(0) === PDFName.of('ICCBased')) {
    const n = numberOf(dictOf(doc.context.lookup(s.get(1)))?.get(PDFName.of('N')), 0);
    return n === 3 ? 3 : n === 1 ? 1 : undefined;
  }
  return undefined;
}

/** A type 2 (exponential) or type 3 (stitching of those) function at t, or undefined for another type. */
function evaluate(doc: PDFDocument, fn: unknown, t: number, depth = 0): number[] | undefined {
  const dict = dictOf(fn instanceof PDFRef ? doc.context.lookup(fn) : fn);
  if (!dict || depth > 4) return undefined;
  const domain = numbersOf(doc, dict.lookup(PDFName.of('Domain'))) ?? [0, 1];
  const x = Math.min(Math.max(t, domain[0]!), domain[1]!);
  const type = numberOf(dict.get(PDFName.of('FunctionType')), -1);
  if (type === 2) {
    const c0 = numbersOf(doc, dict.lookup(PDFName.of('C0'))) ?? [0];
    const c1 = numbersOf(doc, dict.lookup(PDFName.of('C1'))) ?? [1];
    const n = numberOf(dict.get(PDFName.of('N')), 1);
    if (c0.length !== c1.length) return undefined;
    return c0.map((v, k) => v + (x ** n) * (c1[k]! - v));
  }
  if (type === 3) {
    const fns = dict.lookupMaybe(PDFName.of('Functions'), PDFArray)?.asArray() ?? [];
    const bounds = numbersOf(doc, dict.lookup(PDFName.of('Bounds'))) ?? [];
    const encode = numbersOf(doc, dict.lookup(PDFName.of('Encode'))) ?? [];
    let k = 0;
    while (k < bounds.length && x >= bounds[k]!) k++;
    const lo = k === 0 ? domain[0]! : bounds[k - 1]!;
    const hi = k === bounds.length ? domain[1]! : bounds[k]!;
    const [e0, e1] = [encode[2 * k] ?? 0, encode[2 * k + 1] ?? 1];
    return evaluate(doc, fns[k], hi > lo ? e0 + ((x - lo) / (hi - lo)) * (e1 - e0) : e0, depth + 1);
  }
  return undefined;
}

/**
 * An axial or radial shading in device space (`m`: the shading space's matrix), its colours sampled at
 * the function's joints (and in between where the function is not linear); a string saying why not.
 */
function readShading(doc: PDFDocument, shading: unknown, m: Matrix): Shading | string {
  const sh = dictOf(shading instanceof PDFRef ? doc.context.lookup(shading) : shading);
  if (!sh) return 'shading missing';
  const type = numberOf(sh.get(PDFName.of('ShadingType')), 0);
  if (type !== 2 && type !== 3) return `shading of type ${type}`;
  const channels = shadingChannels(doc, sh.lookup(PDFName.of('ColorSpace')));
  if (!channels) return 'shading colour space';
  const coords = numbersOf(doc, sh.lookup(PDFName.of('Coords')));
  if (!coords || coords.length !== (type === 2 ? 4 : 6) || coords.some((v) => !Number.isFinite(v))) return 'shading coordinates';
  const domain = numbersOf(doc, sh.lookup(PDFName.of('Domain'))) ?? [0, 1];
  const extend = sh.lookupMaybe(PDFName.of('Extend'), PDFArray)?.asArray() ?? [];
  const fn = sh.get(PDFName.of('Function'));
  // Sample points: the ends, the stitching bounds, and 16 steps for curves (N ≠ 1).
  const fdict = dictOf(fn instanceof PDFRef ? doc.context.lookup(fn) : fn);
  const bounds = numbersOf(doc, fdict?.lookup(PDFName.of('Bounds'))) ?? [];
  const linear = (d: PDFDict | undefined): boolean => {
    if (!d) return false;
    if (numberOf(d.get(PDFName.of('FunctionType')), -1) === 2) return numberOf(d.get(PDFName.of('N')), 1) === 1;
    return (d.lookupMaybe(PDFName.of('Functions'), PDFArray)?.asArray() ?? []).every((f) => linear(dictOf(doc.context.lookup(f) ?? f)));
  };
  const ts = new Set([0, 1, ...bounds.map((b) => (b - domain[0]!) / (domain[1]! - domain[0]! || 1))]);
  if (!linear(fdict)) for (let i = 1; i < 16; i++) ts.add(i / 16);
  const stops: { position: number; colour: Rgb }[] = [];
  for (const position of [...ts].filter((t) => t >= 0 && t <= 1).sort((a, b) => a - b)) {
    const c = evaluate(doc, fn, domain[0]! + position * (domain[1]! - domain[0]!));
    if (!c || c.length !== channels || c.some((v) => !Number.isFinite(v))) return 'shading function';
    stops.push({ position, colour: channels === 1 ? [c[0]!, c[0]!, c[0]!] : [c[0]!, c[1]!, c[2]!] });
  }
  // Axial and radial shadings keep their form under a rotation, a mirror and a uniform scale; an
  // axial one along x or y also under a scale that is not uniform; one of a single colour under any.
  const scale = Math.hypot(m[0], m[1]);
  const conformal = scale > 1e-9 && ((Math.abs(m[0] - m[3]) <= 1e-6 * scale && Math.abs(m[1] + m[2]) <= 1e-6 * scale) || (Math.abs(m[0] + m[3]) <= 1e-6 * scale && Math.abs(m[1] - m[2]) <= 1e-6 * scale));
  const alongAxis = type === 2 && Math.abs(m[1]) < 1e-9 && Math.abs(m[2]) < 1e-9 && (coords[0] === coords[2] || coords[1] === coords[3]);
  const single = stops.every((t) => t.colour.every((v, k) => Math.abs(v - stops[0]!.colour[k]!) < 1e-6));
  if (!conformal && !alongAxis && !single) return 'shading stretched or skewed';
  const [x0, y0] = apply(m, coords[0]!, coords[1]!);
  const out = type === 2
    ? [x0, y0, ...apply(m, coords[2]!, coords[3]!)]
    : [x0, y0, coords[2]! * scale, ...apply(m, coords[3]!, coords[4]!), coords[5]! * scale];
  return { type: type === 2 ? 'axial' : 'radial', coords: out, stops, extendStart: String(extend[0]) === 'true', extendEnd: String(extend[1]) === 'true' };
}

/** The shading a pattern colour space paints with (a shading pattern) in device space, or why not. */
function patternShading(doc: PDFDocument, pattern: unknown, base: Matrix): Shading | string {
  const dict = dictOf(pattern);
  if (!dict || numberOf(dict.get(PDFName.of('PatternType')), 0) !== 2) return 'tiling pattern';
  const matrix = numbersOf(doc, dict.lookup(PDFName.of('Matrix')));
  return readShading(doc, dict.get(PDFName.of('Shading')), multiply(matrix?.length === 6 ? (matrix as Matrix) : IDENTITY, base));
}

/** Two stops of one colour: Chrome paints table borders so, a solid colour in disguise. */
const solidOf = (s: Shading): Rgb | undefined => (s.stops.every((t) => t.colour.every((v, k) => Math.abs(v - s.stops[0]!.colour[k]!) < 1e-6)) ? s.stops[0]!.colour : undefined);

interface State {
  ctm: Matrix;
  clip: Box;
  fill: Rgb | undefined;
  fillShading: Shading | undefined;
  fillSpace: IccSpace | undefined;
  strokeSpace: IccSpace | undefined;
  stroke: Rgb | undefined;
  fillAlpha: number;
  dash: number[];
  dashPhase: number;
  strokeAlpha: number;
  lineWidth: number;
  cap: number;
  join: number;
  font: FontMap | undefined;
  size: number;
  mode: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

function colour(operands: readonly string[]): Rgb | undefined {
  const n = operands.filter(isNumber).map(Number);
  if (n.length === 1) return [n[0]!, n[0]!, n[0]!];
  if (n.length === 3) return [n[0]!, n[1]!, n[2]!];
  if (n.length === 4) return [(1 - n[0]!) * (1 - n[3]!), (1 - n[1]!) * (1 - n[3]!), (1 - n[2]!) * (1 - n[3]!)];
  return undefined;
}

/** The drawing of one page, in painting order, and what could not be read. */
export function readPageContent(doc: PDFDocument, pageIndex: number): { items: Item[]; problems: ContentProblem[]; box: Box } {
  const page = doc.getPages()[pageIndex]!;
  const media = page.getMediaBox();
  const box = { x0: media.x, y0: media.y, x1: media.x + media.width, y1: media.y + media.height };
  const items: Item[] = [];
  const counts = new Map<string, number>();
  const problem = (what: string) => counts.set(what, (counts.get(what) ?? 0) + 1);
  const fontCache = new Map<PDFDict, FontMap | string>();
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  const text = streams.map((s) => streamText(s)).join('\n');
  const start: State = { ctm: IDENTITY, clip: box, fill: [0, 0, 0], fillShading: undefined, fillSpace: undefined, strokeSpace: undefined, stroke: [0, 0, 0], fillAlpha: 1, dash: [], dashPhase: 0, strokeAlpha: 1, lineWidth: 1, cap: 0, join: 0, font: undefined, size: 0, mode: 0, charSpacing: 0, wordSpacing: 0, hScale: 100, leading: 0, rise: 0 };
  run(doc, text, page.node.Resources(), start, 0, { items, problem, fontCache });
  return { items, problems: [...counts].map(([what, count]) => ({ page: pageIndex + 1, what, count })), box };
}

interface Sink { items: Item[]; problem: (what: string) => void; fontCache: Map<PDFDict, FontMap | string> }

function run(doc: PDFDocument, content: string, resources: PDFDict | undefined, start: State, depth: number, sink: Sink): void {
  const { items, problem } = sink;
  const fonts = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
  const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  const extGStates = resources?.lookupMaybe(PDFName.of('ExtGState'), PDFDict);
  const patterns = resources?.lookupMaybe(PDFName.of('Pattern'), PDFDict);
  let gs: State = { ...start };
  const saved: State[] = [];
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let segments: Segment[] = [];
  let hasCurve = false;
  let pendingClip = false;
  let current: [number, number] = [0, 0];
  const point = (x: number, y: number) => apply(gs.ctm, x, y);
  const rectangleOf = (segs: Segment[]): Box | undefined => {
    const pts = segs.filter((s): s is { op: 'M' | 'L'; x: number; y: number } => s.op === 'M' || s.op === 'L');
    if (hasCurve || pts.length < 4 || pts.length > 5 || segs.filter((s) => s.op === 'M').length !== 1) return undefined;
    const xs = [...new Set(pts.map((p) => Math.round(p.x * 1000)))];
    const ys = [...new Set(pts.map((p) => Math.round(p.y * 1000)))];
    if (xs.length !== 2 || ys.length !== 2) return undefined;
    return { x0: Math.min(...xs) / 1000, y0: Math.min(...ys) / 1000, x1: Math.max(...xs) / 1000, y1: Math.max(...ys) / 1000 };
  };
  const scale = () => Math.sqrt(Math.abs(gs.ctm[0] * gs.ctm[3] - gs.ctm[1] * gs.ctm[2]));

  const paint = (fill: boolean, stroke: boolean, evenOdd: boolean) => {
    if (segments.length && (fill || stroke)) {
      items.push({
        kind: 'path', segments, evenOdd, fill: fill ? gs.fill ?? (gs.fillShading ? [0, 0, 0] : undefined) : undefined, stroke: stroke ? gs.stroke : undefined,
        ...(fill && gs.fillShading ? { shading: gs.fillShading } : {}),
        ...(fill && gs.fillSpace && !gs.fillShading ? { fillSpace: gs.fillSpace } : {}), ...(stroke && gs.strokeSpace ? { strokeSpace: gs.strokeSpace } : {}),
        lineWidth: gs.lineWidth * scale(), cap: gs.cap, join: gs.join, alpha: fill ? gs.fillAlpha : gs.strokeAlpha, clip: gs.clip,
        dash: gs.dash.map((d) => d * scale()), dashPhase: gs.dashPhase * scale(),
      });
    }
    if (pendingClip && segments.length) {
      const rect = rectangleOf(segments);
      if (rect) gs.clip = intersect(gs.clip, rect);
      else problem('clip not a rectangle');
    }
    pendingClip = false;
    segments = [];
    hasCurve = false;
  };

  const fontOf = (name: string): FontMap | undefined => {
    const dict = fonts?.lookupMaybe(PDFName.of(name), PDFDict);
    if (!dict) {
      problem(`font /${name} missing`);
      return undefined;
    }
    if (!sink.fontCache.has(dict)) sink.fontCache.set(dict, readFont(doc, dict));
    const font = sink.fontCache.get(dict)!;
    if (typeof font === 'string') {
      problem(font);
      return undefined;
    }
    return font;
  };

  const show = (parts: readonly (string | number)[]) => {
    const font = gs.font;
    if (!font) return;
    if (gs.mode !== 0) problem(`Tr ${gs.mode}`);
    const th = gs.hScale / 100;
    const glyphs: Glyph[] = [];
    let size = 0;
    let angle: number | undefined;
    for (const part of parts) {
      if (typeof part === 'number') {
        tm = multiply([1, 0, 0, 1, -(part / 1000) * gs.size * th, 0], tm);
        continue;
      }
      const bytes = stringBytes(part);
      for (let i = 0; i + 2 <= bytes.length; i += 2) {
        const code = (bytes[i]! << 8) | bytes[i + 1]!;
        const trm = multiply([gs.size * th, 0, 0, gs.size, 0, gs.rise], multiply(tm, gs.ctm));
        // Upright or turned (a rotation and a uniform scale): anything else is mirrored, stretched or skewed.
        const s = Math.hypot(trm[0], trm[1]);
        const a = Math.atan2(trm[1], trm[0]);
        if (s <= EPS || Math.abs(trm[0] - trm[3]) > 1e-3 * s || Math.abs(trm[1] + trm[2]) > 1e-3 * s) problem('text mirrored, stretched or skewed');
        else if (angle !== undefined && Math.abs(angle - a) > 1e-4) problem('text turns within a string');
        else {
          angle = Math.abs(a) < 1e-6 ? 0 : a;
          const chars = font.toUnicode.get(code) ?? '';
          if (!chars) problem('glyph without text (ToUnicode)');
          else {
            const gid = font.cidToGid ? ((font.cidToGid[code * 2] ?? 0) << 8) | (font.cidToGid[code * 2 + 1] ?? 0) : code;
            if (size && Math.abs(size - s) > 1e-4) problem('text size changes in a string');
            size = s;
            glyphs.push({ gid, text: chars, x: trm[4], y: trm[5] });
          }
        }
        const w = (font.widths.get(code) ?? font.defaultWidth) / 1000;
        tm = multiply([1, 0, 0, 1, (w * gs.size + gs.charSpacing) * th, 0], tm);
      }
    }
    if (!glyphs.length) return;
    if (!gs.fill) problem('text colour not RGB, grey or CMYK');
    items.push({ kind: 'text', font: font.use, size, fill: gs.fill ?? [0, 0, 0], glyphs, alpha: gs.fillAlpha, clip: gs.clip, angle: angle ?? 0, ...(gs.fillSpace ? { fillSpace: gs.fillSpace } : {}) });
  };

  let operands: string[] = [];
  const arrays: (string | number)[][] = [];
  let lastArray: (string | number)[] = [];
  let dictDepth = 0;
  for (const [token] of content.matchAll(TOKEN)) {
    if (token.startsWith('%')) continue;
    if (token === '<<') {
      dictDepth++;
      continue;
    }
    if (token === '>>') {
      dictDepth = Math.max(0, dictDepth - 1);
      if (dictDepth === 0) operands.push('<<>>');
      continue;
    }
    if (dictDepth > 0) continue;
    if (token === '[') {
      arrays.push([]);
      continue;
    }
    if (token === ']') {
      lastArray = arrays.pop() ?? [];
      if (arrays.length === 0) operands.push('[]');
      continue;
    }
    if (arrays.length > 0) {
      if (token.startsWith('<') || token.startsWith('(')) arrays.at(-1)!.push(token);
      else if (isNumber(token)) arrays.at(-1)!.push(Number(token));
      continue;
    }
    if (token.startsWith('/') || token.startsWith('<') || token.startsWith('(') || isNumber(token) || token === 'true' || token === 'false' || token === 'null') {
      operands.push(token);
      continue;
    }
    if (!WHITELIST.has(token)) {
      problem(token);
      // Inline image data is binary: nothing after it can be read as operators.
      if (token === 'BI') return;
      operands = [];
      continue;
    }
    const n = (k: number) => Number(operands.at(k) ?? 0) || 0;
    switch (token) {
      case 'q':
        saved.push({ ...gs });
        break;
      case 'Q':
        gs = saved.pop() ?? gs;
        break;
      case 'cm':
        gs.ctm = multiply([n(-6), n(-5), n(-4), n(-3), n(-2), n(-1)], gs.ctm);
        break;
      case 'gs': {
        const dict = extGStates?.lookupMaybe(PDFName.of(operands.at(-1)?.slice(1) ?? ''), PDFDict);
        if (!dict) break;
        for (const [key, value] of dict.entries()) {
          const k = key.decodeText();
          if (k === 'ca') gs.fillAlpha = numberOf(value, 1);
          else if (k === 'CA') gs.strokeAlpha = numberOf(value, 1);
          else if (k === 'LW') gs.lineWidth = numberOf(value, gs.lineWidth);
          else if (k === 'Type' || (k === 'BM' && (value === PDFName.of('Normal') || value === PDFName.of('Compatible'))) || (k === 'SMask' && value === PDFName.of('None'))) continue;
          else if (!['OP', 'op', 'OPM', 'SA', 'FL', 'RI', 'AIS', 'TK'].includes(k)) problem(`graphics state ${k}`);
        }
        break;
      }
      case 'w':
        gs.lineWidth = n(-1);
        break;
      case 'J':
        gs.cap = n(-1);
        break;
      case 'j':
        gs.join = n(-1);
        break;
      case 'd': {
        const dash = operands.includes('[]') ? lastArray.filter((v): v is number => typeof v === 'number') : [];
        // All zeros draws nothing visible as dashes: a solid line, as PDF readers draw it.
        gs.dash = dash.some((v) => v > 0) && dash.every((v) => v >= 0) ? dash : [];
        gs.dashPhase = n(-1);
        break;
      }
      case 'sh': {
        // The shading fills the whole clip (the page, narrowed by every clip so far).
        const shading = readShading(doc, resources?.lookupMaybe(PDFName.of('Shading'), PDFDict)?.get(PDFName.of(operands.at(-1)?.slice(1) ?? '')), gs.ctm);
        if (typeof shading === 'string') {
          problem(shading);
          break;
        }
        const c = gs.clip;
        items.push({
          kind: 'path', segments: [{ op: 'M', x: c.x0, y: c.y0 }, { op: 'L', x: c.x1, y: c.y0 }, { op: 'L', x: c.x1, y: c.y1 }, { op: 'L', x: c.x0, y: c.y1 }, { op: 'C' }],
          evenOdd: false, fill: solidOf(shading) ?? shading.stops[0]!.colour, ...(solidOf(shading) ? {} : { shading }), stroke: undefined,
          lineWidth: 0, cap: 0, join: 0, alpha: gs.fillAlpha, clip: gs.clip, dash: [], dashPhase: 0,
        });
        break;
      }
      case 'scn': case 'SCN':
        if (operands.at(-1)?.startsWith('/')) {
          // A shading pattern: its space is the page's default space (the form's, inside a form).
          const shading = patternShading(doc, patterns?.lookup(PDFName.of(operands.at(-1)!.slice(1))), start.ctm);
          const solid = typeof shading === 'string' ? undefined : solidOf(shading);
          if (typeof shading === 'string') problem(shading === 'tiling pattern' ? 'pattern colour' : shading);
          else if (!solid && token === 'SCN') problem('stroke with a shading');
          if (token === 'scn') {
            gs.fill = solid;
            gs.fillShading = solid || typeof shading === 'string' ? undefined : shading;
          } else gs.stroke = solid;
          break;
        }
      // fall through: scn with numbers
      case 'g': case 'rg': case 'k': case 'sc':
        if (token === 'SCN') {
          gs.stroke = colour(operands);
          if (!gs.stroke) problem(`stroke colour ${token}`);
          break;
        }
        gs.fill = colour(operands);
        gs.fillShading = undefined;
        if (token === 'g' || token === 'rg' || token === 'k') gs.fillSpace = undefined;
        if (!gs.fill && !operands.some((o) => o.startsWith('/'))) problem(`fill colour ${token}`);
        break;
      case 'G': case 'RG': case 'K': case 'SC':
        if (token !== 'SC') gs.strokeSpace = undefined;
        gs.stroke = colour(operands);
        if (!gs.stroke && !operands.some((o) => o.startsWith('/'))) problem(`stroke colour ${token}`);
        break;
      case 'cs': case 'CS': {
        // Device spaces and patterns as before; an ICCBased space (1 or 3 components) is kept with the colour.
        const name = operands.at(-1)?.slice(1) ?? '';
        const named = resources?.lookupMaybe(PDFName.of('ColorSpace'), PDFDict)?.lookup(PDFName.of(name));
        const profile = named instanceof PDFArray && named.get(0) === PDFName.of('ICCBased') ? doc.context.lookup(named.get(1)) : undefined;
        const n = profile instanceof PDFRawStream ? numberOf(profile.dict.get(PDFName.of('N')), 0) : 0;
        const space = profile instanceof PDFRawStream && (n === 1 || n === 3) ? { profile, n: n as 1 | 3 } : undefined;
        if (named !== undefined && !space && !(named instanceof PDFName)) problem(`colour space ${String(named instanceof PDFArray ? named.get(0) : named)}`);
        if (token === 'cs') gs.fillSpace = space;
        else gs.strokeSpace = space;
        break;
      }
      case 'm': {
        const [x, y] = point(n(-2), n(-1));
        segments.push({ op: 'M', x, y });
        current = [n(-2), n(-1)];
        break;
      }
      case 'l': {
        const [x, y] = point(n(-2), n(-1));
        segments.push({ op: 'L', x, y });
        current = [n(-2), n(-1)];
        break;
      }
      case 'c': case 'v': case 'y': {
        const raw = token === 'c' ? [n(-6), n(-5), n(-4), n(-3), n(-2), n(-1)] : token === 'v' ? [current[0], current[1], n(-4), n(-3), n(-2), n(-1)] : [n(-4), n(-3), n(-2), n(-1), n(-2), n(-1)];
        const [a, b] = point(raw[0]!, raw[1]!);
        const [c, d] = point(raw[2]!, raw[3]!);
        const [e, f] = point(raw[4]!, raw[5]!);
        segments.push({ op: 'B', pts: [a, b, c, d, e, f] });
        current = [raw[4]!, raw[5]!];
        hasCurve = true;
        break;
      }
      case 'h':
        segments.push({ op: 'C' });
        break;
      case 're': {
        const [x, y, w, h] = [n(-4), n(-3), n(-2), n(-1)];
        const corners = [point(x, y), point(x + w, y), point(x + w, y + h), point(x, y + h)];
        segments.push({ op: 'M', x: corners[0]![0], y: corners[0]![1] });
        for (const [px, py] of corners.slice(1)) segments.push({ op: 'L', x: px, y: py });
        segments.push({ op: 'C' });
        current = [x, y];
        break;
      }
      case 'W': case 'W*':
        pendingClip = true;
        break;
      case 'f': case 'F': paint(true, false, false); break;
      case 'f*': paint(true, false, true); break;
      case 'S': paint(false, true, false); break;
      case 's': segments.push({ op: 'C' }); paint(false, true, false); break;
      case 'B': paint(true, true, false); break;
      case 'B*': paint(true, true, true); break;
      case 'b': segments.push({ op: 'C' }); paint(true, true, false); break;
      case 'b*': segments.push({ op: 'C' }); paint(true, true, true); break;
      case 'n': paint(false, false, false); break;
      case 'BT':
        tm = IDENTITY;
        tlm = IDENTITY;
        break;
      case 'Tf':
        gs.font = fontOf(operands.at(-2)?.slice(1) ?? '');
        gs.size = n(-1);
        break;
      case 'Tr': gs.mode = n(-1); break;
      case 'Tc': gs.charSpacing = n(-1); break;
      case 'Tw':
        gs.wordSpacing = n(-1);
        // Word spacing applies to the single-byte code 32 only, which a Type 0 font never has.
        break;
      case 'Tz': gs.hScale = n(-1); break;
      case 'TL': gs.leading = n(-1); break;
      case 'Ts': gs.rise = n(-1); break;
      case 'Td': case 'TD':
        if (token === 'TD') gs.leading = -n(-1);
        tlm = multiply([1, 0, 0, 1, n(-2), n(-1)], tlm);
        tm = tlm;
        break;
      case 'Tm':
        tlm = [n(-6), n(-5), n(-4), n(-3), n(-2), n(-1)];
        tm = tlm;
        break;
      case 'T*':
        tlm = multiply([1, 0, 0, 1, 0, -gs.leading], tlm);
        tm = tlm;
        break;
      case 'Tj':
        show([operands.at(-1) ?? '']);
        break;
      case "'": case '"':
        if (token === '"') {
          gs.wordSpacing = n(-3);
          gs.charSpacing = n(-2);
        }
        tlm = multiply([1, 0, 0, 1, 0, -gs.leading], tlm);
        tm = tlm;
        show([operands.at(-1) ?? '']);
        break;
      case 'TJ':
        show(lastArray);
        break;
      case 'Do': {
        const xobject = xobjects?.lookup(PDFName.of(operands.at(-1)?.slice(1) ?? ''));
        if (!(xobject instanceof PDFRawStream)) {
          problem('XObject missing');
          break;
        }
        const subtype = xobject.dict.get(PDFName.of('Subtype'));
        if (subtype === PDFName.of('Image')) {
          const m = gs.ctm;
          if (Math.abs(m[1]) > EPS || Math.abs(m[2]) > EPS || m[0] <= 0 || m[3] <= 0) problem('image rotated or mirrored');
          else items.push({ kind: 'image', stream: xobject, box: { x0: m[4], y0: m[5], x1: m[4] + m[0], y1: m[5] + m[3] }, alpha: gs.fillAlpha, clip: gs.clip });
        } else if (subtype === PDFName.of('Form') && depth < 8) {
          if (xobject.dict.has(PDFName.of('Group'))) problem('transparency group');
          const matrix = xobject.dict.lookupMaybe(PDFName.of('Matrix'), PDFArray)?.asArray().map((v) => numberOf(v, 0));
          const ctm = matrix?.length === 6 ? multiply(matrix as Matrix, gs.ctm) : gs.ctm;
          const bbox = xobject.dict.lookupMaybe(PDFName.of('BBox'), PDFArray)?.asArray().map((v) => numberOf(v, 0));
          let clip = gs.clip;
          if (bbox?.length === 4) {
            const pts = [apply(ctm, bbox[0]!, bbox[1]!), apply(ctm, bbox[2]!, bbox[3]!)];
            clip = intersect(clip, { x0: Math.min(pts[0]![0], pts[1]![0]), y0: Math.min(pts[0]![1], pts[1]![1]), x1: Math.max(pts[0]![0], pts[1]![0]), y1: Math.max(pts[0]![1], pts[1]![1]) });
          }
          run(doc, streamText(xobject), xobject.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) ?? resources, { ...gs, ctm, clip }, depth + 1, sink);
        } else problem(`XObject ${String(subtype)}`);
        break;
      }
      default:
        break;
    }
    operands = [];
  }
}
