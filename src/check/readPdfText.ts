// Reads the text of PDF pages back as a reader sees it: content streams decoded, glyph codes mapped
// through each font's ToUnicode CMap, and each run of text judged by the graphics state it is drawn
// with. Text a reader cannot see does not count as printed: drawn with invisible render modes,
// (nearly) transparent, smaller than 2 pt, clipped away or off the page, in the colour of what lies
// beneath it, or covered by an opaque box or image painted after it. A series stylesheet can hide a
// paragraph or print another page number over the real one; the self-check believes this reading,
// not the document it gave Chrome. Enough for the PDFs Chrome writes (Type 0 fonts with Identity-H and
// ToUnicode, rectangles and images for what covers text), without loading a whole PDF renderer.
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream, decodePDFRawStream, type PDFPageLeaf } from '../print/pdfLib.js';
import { IDENTITY, intersect, multiply, numberOf, stringBytes, type Box, type Matrix } from './pdfSyntax.js';

/** Why a run of text drawn on a page cannot be seen. */
export type HiddenReason = 'invisible' | 'transparent' | 'tiny' | 'clipped' | 'background' | 'covered';

export const HIDDEN_REASONS: Record<HiddenReason, string> = {
  invisible: 'drawn in an invisible text mode',
  transparent: 'drawn transparent',
  tiny: 'drawn smaller than 2 pt',
  clipped: 'clipped away or off the page',
  background: 'drawn in the colour of what lies beneath it',
  covered: 'covered by a box or picture painted over it',
};

/** Text smaller than this (in points, either way) cannot be read. */
export const MIN_VISIBLE_PT = 2;

export type { Box } from './pdfSyntax.js';

export interface TextRun {
  text: string;
  /** Where the run's glyphs lie on the page (PDF points, origin bottom left). */
  box: Box;
  /** The size its glyphs are seen at on the page (points): the text size times the matrices' vertical scale. */
  size: number;
  /** The height of its baseline on the page (points from the bottom edge; for upright text). */
  baseline: number;
  hidden?: HiddenReason;
  /** Part of it lies outside the clip it is drawn in (it is cut off there). */
  cut?: true;
}

export interface PageText {
  /** The visible text of the page in drawing order, with all white space removed. */
  compact: string;
  /** Every run of text drawn on the page, in drawing order, visible or not. */
  runs: TextRun[];
  /** What each font drew, in drawing order, with the index of the run (in `runs`) it is part of. */
  /** What each text-showing operator set: its font, text, run (index in `runs`) and glyph codes. */
  shown?: { font: PDFDict; text: string; run: number; codes: number[] }[];
  /** Where each image is seen on the page (clipped to what shows), in drawing order. */
  images: Box[];
  /** The page (its crop box, else its media box), in PDF points. */
  page: Box;
  /** Each raster image drawn: the stream, its pixel size and the box it is drawn into (unclipped), in drawing order. */
  placements?: ImagePlacement[];
}

export interface ImagePlacement {
  stream: PDFStream;
  pixels: { width: number; height: number };
  box: Box;
}

interface FontMap {
  /** The font as the page's resources name it. */
  dict: PDFDict;
  bytes: number;
  map: Map<number, string>;
  /** Advance widths in thousandths of the text size, by glyph code. */
  widths: Map<number, number>;
  defaultWidth: number;
}

type Rgb = [number, number, number];

/** The box around the corners of `b` mapped by `m` (no arrays: this runs for every glyph). */
function transformBox(m: Matrix, b: Box): Box {
  const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  extend(box, m[0] * b.x0 + m[2] * b.y0 + m[4], m[1] * b.x0 + m[3] * b.y0 + m[5]);
  extend(box, m[0] * b.x1 + m[2] * b.y0 + m[4], m[1] * b.x1 + m[3] * b.y0 + m[5]);
  extend(box, m[0] * b.x0 + m[2] * b.y1 + m[4], m[1] * b.x0 + m[3] * b.y1 + m[5]);
  extend(box, m[0] * b.x1 + m[2] * b.y1 + m[4], m[1] * b.x1 + m[3] * b.y1 + m[5]);
  return box;
}

function extend(box: Box, x: number, y: number): void {
  if (x < box.x0) box.x0 = x;
  if (x > box.x1) box.x1 = x;
  if (y < box.y0) box.y0 = y;
  if (y > box.y1) box.y1 = y;
}

const width = (b: Box) => Math.max(0, b.x1 - b.x0);
const height = (b: Box) => Math.max(0, b.y1 - b.y0);

function contains(outer: Box, inner: Box, slack = 0.5): boolean {
  return inner.x0 >= outer.x0 - slack && inner.y0 >= outer.y0 - slack && inner.x1 <= outer.x1 + slack && inner.y1 <= outer.y1 + slack;
}

/** Relative luminance (WCAG) of an sRGB colour. */
function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Below this contrast ratio against what lies beneath it, text cannot be told from its ground. */
const MIN_CONTRAST = 1.1;

function contrast(a: Rgb, b: Rgb): number {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/**
 * A stream's decoded bytes. Chrome compresses every stream with Flate alone, which zlib inflates
 * natively (pdf-lib's own decoder, in JavaScript, took most of the self-check's time and memory:
 * about 20 ms a page); other filters, or a stream zlib refuses, go through pdf-lib.
 */
export function decoded(stream: PDFRawStream): Uint8Array {
  if (stream.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms'))) {
    try {
      return inflateSync(stream.contents);
    } catch {
      // damaged or unusual: pdf-lib's decoder says what it can
    }
  }
  return decodePDFRawStream(stream).decode();
}

export function streamText(stream: unknown): string {
  if (stream instanceof PDFRawStream) return latin1(decoded(stream));
  if (stream instanceof PDFStream) return latin1(stream.getContents());
  return '';
}

function utf16(hex: string): string {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
}

/** bfchar and bfrange entries of a ToUnicode CMap. */
export function parseToUnicode(cmap: string): { bytes: number; map: Map<number, string> } {
  const map = new Map<number, string>();
  const space = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(cmap);
  const bytes = space ? space[1]!.length / 2 : 2;
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1]!, 16), utf16(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<([0-9a-fA-F]+)>|\[([^\]]*)\])/g)) {
      const lo = parseInt(m[1]!, 16);
      const hi = Math.min(parseInt(m[2]!, 16), lo + 0xffff);
      if (m[4] !== undefined) {
        const base = utf16(m[4]);
        for (let c = lo; c <= hi; c++) map.set(c, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + (c - lo)));
      } else {
        const targets = [...m[5]!.matchAll(/<([0-9a-fA-F]+)>/g)].map((t) => utf16(t[1]!));
        targets.forEach((t, k) => map.set(lo + k, t));
      }
    }
  }
  return { bytes, map };
}

const TOKEN = /(<<|>>|\[|\]|<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\)|\/[^\s/<>[\]()]+|[^\s/<>[\]()]+)/g;

/** Whether a token is a number (it starts with a sign, a point or a digit). */
const numeric = (token: string) => {
  const c = token.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e;
};

const num = (token: string | undefined, fallback = 0) => {
  const n = Number(token);
  return Number.isFinite(n) ? n : fallback;
};

function fontInfo(doc: PDFDocument, font: PDFDict | undefined): FontMap | undefined {
  if (!font) return undefined;
  const toUnicode = font.get(PDFName.of('ToUnicode'));
  const stream = toUnicode instanceof PDFRef ? doc.context.lookup(toUnicode) : toUnicode;
  if (!stream) return undefined;
  const { bytes, map } = parseToUnicode(streamText(stream));
  const widths = new Map<number, number>();
  let defaultWidth = 1000;
  const descendants = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray);
  const cid = descendants?.lookupMaybe(0, PDFDict);
  if (cid) {
    defaultWidth = numberOf(cid.lookup(PDFName.of('DW')), 1000);
    const w = cid.lookupMaybe(PDFName.of('W'), PDFArray)?.asArray().map((v) => doc.context.lookup(v) ?? v) ?? [];
    for (let i = 0; i < w.length;) {
      const first = numberOf(w[i], NaN);
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
      if (!Number.isFinite(first)) break;
    }
  } else {
    const firstChar = numberOf(font.lookup(PDFName.of('FirstChar')), 0);
    font.lookupMaybe(PDFName.of('Widths'), PDFArray)?.asArray().forEach((v, k) => widths.set(firstChar + k, numberOf(doc.context.lookup(v) ?? v, 500)));
    defaultWidth = 500;
  }
  return { dict: font, bytes, map, widths, defaultWidth };
}

interface GraphicsState {
  ctm: Matrix;
  /** Where painting can land (device space): the page, narrowed by every clip. */
  clip: Box;
  fill: Rgb | undefined;
  stroke: Rgb | undefined;
  fillAlpha: number;
  strokeAlpha: number;
  /** The opacity of the transparency groups (forms) the drawing is inside. */
  groupAlpha: number;
  /** A soft mask is in force: what it lets through cannot be told cheaply. */
  softMask: boolean;
  font: FontMap | undefined;
  size: number;
  mode: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

/** Something opaque painted on the page: a filled shape (with its colour) or an image (colour unknown). */
interface Paint {
  box: Box;
  colour: Rgb | undefined;
}

interface PageState {
  runs: TextRun[];
  shown: NonNullable<PageText['shown']>;
  paints: Paint[];
  images: Box[];
  placements: ImagePlacement[];
  /** The fonts read so far, shared by every page of the document (a CJK font maps thousands of glyphs). */
  cache: Map<PDFDict, FontMap | undefined>;
  /** How many paints there were when the last run was drawn. */
  paintsAtLastRun: number;
}

const FONT_CACHES = new WeakMap<PDFDocument, Map<PDFDict, FontMap | undefined>>();

function colourOf(operands: readonly string[]): Rgb | undefined {
  const values = operands.filter((o) => /^[-+.\d]/.test(o)).map((o) => num(o));
  if (operands.some((o) => o.startsWith('/'))) return undefined; // a pattern
  if (values.length === 1) return [values[0]!, values[0]!, values[0]!];
  if (values.length === 3) return [values[0]!, values[1]!, values[2]!];
  if (values.length === 4) {
    const [c, m, y, k] = values as [number, number, number, number];
    return [(1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)];
  }
  return undefined;
}

const PAGE_BACKGROUND: Rgb = [1, 1, 1];

function judge(state: GraphicsState, box: Box, page: PageState): HiddenReason | undefined {
  const mode = state.mode;
  if (mode === 3 || mode === 7) return 'invisible';
  const fills = [0, 2, 4, 6].includes(mode);
  const strokes = [1, 2, 5, 6].includes(mode);
  const alpha = Math.max(fills ? state.fillAlpha : 0, strokes ? state.strokeAlpha : 0) * state.groupAlpha;
  if (alpha < 0.05) return 'transparent';
  const seen = intersect(box, state.clip);
  if (width(seen) <= 0.01 || height(seen) < 0.3 * height(box)) return 'clipped';
  // The colour beneath: the last opaque paint under the middle of the run, or the white paper.
  const cx = (seen.x0 + seen.x1) / 2;
  const cy = (seen.y0 + seen.y1) / 2;
  const under = page.paints.findLast((p) => cx >= p.box.x0 && cx <= p.box.x1 && cy >= p.box.y0 && cy <= p.box.y1);
  const ground = under ? under.colour : PAGE_BACKGROUND;
  const ink = fills ? state.fill : state.stroke;
  if (ground && ink && !state.softMask) {
    const seenInk: Rgb = [0, 1, 2].map((i) => alpha * ink[i]! + (1 - alpha) * ground[i]!) as Rgb;
    if (contrast(seenInk, ground) < MIN_CONTRAST) return 'background';
  }
  return undefined;
}

function pageText(doc: PDFDocument, content: string, resources: PDFDict | undefined, start: GraphicsState, page: PageState, depth: number): void {
  const fonts = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
  const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  const extGStates = resources?.lookupMaybe(PDFName.of('ExtGState'), PDFDict);
  const fontMap = (name: string): FontMap | undefined => {
    const dict = fonts?.lookupMaybe(PDFName.of(name), PDFDict);
    if (!dict) return undefined;
    if (!page.cache.has(dict)) page.cache.set(dict, fontInfo(doc, dict));
    return page.cache.get(dict);
  };
  let gs: GraphicsState = { ...start };
  const saved: GraphicsState[] = [];
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  /** The current path's box in device space (empty: x0 > x1). */
  let path: Box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  const point = (x: number, y: number) => extend(path, gs.ctm[0] * x + gs.ctm[2] * y + gs.ctm[4], gs.ctm[1] * x + gs.ctm[3] * y + gs.ctm[5]);
  let pendingClip = false;

  const show = (items: readonly (string | number)[]) => {
    const font = gs.font;
    if (!font) return;
    let text = '';
    let advance = 0;
    const codes: number[] = [];
    const th = gs.hScale / 100;
    for (const item of items) {
      if (typeof item === 'number') {
        advance -= (item / 1000) * gs.size * th;
        continue;
      }
      const bytes = stringBytes(item);
      for (let i = 0; i + font.bytes <= bytes.length; i += font.bytes) {
        let code = 0;
        for (let k = 0; k < font.bytes; k++) code = (code << 8) | bytes[i + k]!;
        codes.push(code);
        const chars = font.map.get(code) ?? '';
        text += chars;
        const w = (font.widths.get(code) ?? font.defaultWidth) / 1000;
        advance += (w * gs.size + gs.charSpacing + (font.bytes === 1 && code === 32 ? gs.wordSpacing : 0)) * th;
      }
    }
    // Text space → device: [size·Th 0 0 size 0 rise] × Tm × CTM.
    const trm = multiply([gs.size * th, 0, 0, gs.size, 0, gs.rise], multiply(tm, gs.ctm));
    const unitsAcross = gs.size * th === 0 ? 0 : advance / (gs.size * th);
    const box = transformBox(trm, { x0: 0, y0: -0.2, x1: Math.max(unitsAcross, 0.01), y1: 0.9 });
    const across = Math.hypot(trm[0], trm[1]);
    const up = Math.hypot(trm[2], trm[3]);
    const hidden = text.trim() === '' ? undefined : across < MIN_VISIBLE_PT || up < MIN_VISIBLE_PT ? 'tiny' : judge(gs, box, page);
    tm = multiply([1, 0, 0, 1, advance, 0], tm);
    // Chrome draws a glyph or two per run: one that goes on the line of the last run, the same way,
    // with nothing painted between them, joins it.
    // Cut off: more than a quarter of an em outside its clip (the box is estimated from the advances and the size).
    const cut = !hidden && text.trim() !== '' && !contains(gs.clip, box, up / 4);
    const last = page.runs.at(-1);
    if (last && page.paintsAtLastRun === page.paints.length && last.hidden === hidden && Math.abs(last.box.y0 - box.y0) < 0.5 && Math.abs(last.box.y1 - box.y1) < 0.5
      && box.x0 >= last.box.x0 && box.x0 - last.box.x1 < box.y1 - box.y0) {
      last.text += text;
      last.box.x1 = Math.max(last.box.x1, box.x1);
      page.shown.push({ font: font.dict, text, run: page.runs.length - 1, codes });
      if (cut) last.cut = true;
      return;
    }
    page.shown.push({ font: font.dict, text, run: page.runs.length, codes });
    const run: TextRun = { text, box, size: up, baseline: trm[5] };
    if (hidden) run.hidden = hidden;
    if (cut) run.cut = true;
    page.runs.push(run);
    page.paintsAtLastRun = page.paints.length;
  };

  const paint = (fill: boolean) => {
    const drawn = path.x0 <= path.x1;
    if (fill && drawn && gs.fillAlpha * gs.groupAlpha >= 0.999 && !gs.softMask) {
      const box = intersect(path, gs.clip);
      if (width(box) > 0 && height(box) > 0) addPaint({ box, colour: gs.fill });
    }
    if (pendingClip && drawn) gs.clip = intersect(gs.clip, path);
    pendingClip = false;
    path = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  };
  const addPaint = (p: Paint) => {
    page.paints.push(p);
    for (const run of page.runs) if (!run.hidden && contains(p.box, run.box)) run.hidden = 'covered';
  };

  const operands: string[] = [];
  const arrays: (string | number)[][] = [];
  let lastArray: (string | number)[] = [];
  for (const [token] of content.matchAll(TOKEN)) {
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
      else if (numeric(token)) arrays.at(-1)!.push(num(token));
      continue;
    }
    const c = token.charCodeAt(0);
    if (c === 0x2f /* / */ || c === 0x3c /* < */ || c === 0x28 /* ( */ || numeric(token)) {
      operands.push(token);
      continue;
    }
    const n = (k: number) => num(operands.at(k));
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
        if (dict) {
          gs.fillAlpha = numberOf(dict.lookup(PDFName.of('ca')), gs.fillAlpha);
          gs.strokeAlpha = numberOf(dict.lookup(PDFName.of('CA')), gs.strokeAlpha);
          const mask = dict.get(PDFName.of('SMask'));
          if (mask !== undefined) gs.softMask = mask !== PDFName.of('None');
        }
        break;
      }
      case 'g': case 'rg': case 'k': case 'sc': case 'scn':
        gs.fill = colourOf(operands);
        break;
      case 'G': case 'RG': case 'K': case 'SC': case 'SCN':
        gs.stroke = colourOf(operands);
        break;
      case 'cs':
        gs.fill = operands.at(-1) === '/Pattern' ? undefined : [0, 0, 0];
        break;
      case 'CS':
        gs.stroke = operands.at(-1) === '/Pattern' ? undefined : [0, 0, 0];
        break;
      case 'm': case 'l':
        point(n(-2), n(-1));
        break;
      case 'c':
        point(n(-6), n(-5));
        point(n(-4), n(-3));
        point(n(-2), n(-1));
        break;
      case 'v': case 'y':
        point(n(-4), n(-3));
        point(n(-2), n(-1));
        break;
      case 're': {
        const [x, y, w, h] = [n(-4), n(-3), n(-2), n(-1)];
        point(x, y);
        point(x + w, y);
        point(x, y + h);
        point(x + w, y + h);
        break;
      }
      case 'W': case 'W*':
        pendingClip = true;
        break;
      case 'f': case 'F': case 'f*': case 'B': case 'B*': case 'b': case 'b*':
        paint(true);
        break;
      case 'S': case 's': case 'n':
        paint(false);
        break;
      case 'BT':
        tm = IDENTITY;
        tlm = IDENTITY;
        break;
      case 'Tf':
        gs.font = fontMap(operands.at(-2)?.slice(1) ?? '');
        gs.size = n(-1);
        break;
      case 'Tr':
        gs.mode = n(-1);
        break;
      case 'Tc':
        gs.charSpacing = n(-1);
        break;
      case 'Tw':
        gs.wordSpacing = n(-1);
        break;
      case 'Tz':
        gs.hScale = n(-1);
        break;
      case 'TL':
        gs.leading = n(-1);
        break;
      case 'Ts':
        gs.rise = n(-1);
        break;
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
      case "'":
      case '"':
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
        if (!(xobject instanceof PDFStream)) break;
        const subtype = xobject.dict.get(PDFName.of('Subtype'));
        if (subtype === PDFName.of('Image')) {
          const seen = intersect(transformBox(gs.ctm, { x0: 0, y0: 0, x1: 1, y1: 1 }), gs.clip);
          if (width(seen) > 0 && height(seen) > 0 && gs.fillAlpha * gs.groupAlpha >= 0.05) page.images.push(seen);
          page.placements.push({ stream: xobject, pixels: { width: numberOf(xobject.dict.get(PDFName.of('Width')), 0), height: numberOf(xobject.dict.get(PDFName.of('Height')), 0) }, box: transformBox(gs.ctm, { x0: 0, y0: 0, x1: 1, y1: 1 }) });
          const opaque = !xobject.dict.has(PDFName.of('SMask')) && !xobject.dict.has(PDFName.of('Mask')) && xobject.dict.get(PDFName.of('ImageMask')) === undefined;
          if (opaque && gs.fillAlpha * gs.groupAlpha >= 0.999 && !gs.softMask) {
            const box = intersect(transformBox(gs.ctm, { x0: 0, y0: 0, x1: 1, y1: 1 }), gs.clip);
            if (width(box) > 0 && height(box) > 0) addPaint({ box, colour: undefined });
          }
        } else if (subtype === PDFName.of('Form') && depth < 8) {
          const matrix = xobject.dict.lookupMaybe(PDFName.of('Matrix'), PDFArray)?.asArray().map((v) => numberOf(v, 0));
          const ctm = matrix?.length === 6 ? multiply(matrix as Matrix, gs.ctm) : gs.ctm;
          const bbox = xobject.dict.lookupMaybe(PDFName.of('BBox'), PDFArray)?.asArray().map((v) => numberOf(v, 0));
          const clip = bbox?.length === 4 ? intersect(gs.clip, transformBox(ctm, { x0: bbox[0]!, y0: bbox[1]!, x1: bbox[2]!, y1: bbox[3]! })) : gs.clip;
          const group = xobject.dict.has(PDFName.of('Group'));
          const inner: GraphicsState = { ...gs, ctm, clip, groupAlpha: group ? gs.groupAlpha * gs.fillAlpha : gs.groupAlpha, fillAlpha: group ? 1 : gs.fillAlpha, strokeAlpha: group ? 1 : gs.strokeAlpha };
          pageText(doc, streamText(xobject), xobject.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) ?? resources, inner, page, depth + 1);
        }
        break;
      }
      default:
        break;
    }
    operands.length = 0;
  }
}

function pageBox(node: PDFPageLeaf): Box {
  for (const box of [node.CropBox(), node.MediaBox()]) {
    const values = box?.asArray().map((v) => numberOf(v, NaN));
    if (values?.length === 4 && values.every(Number.isFinite)) {
      return { x0: Math.min(values[0]!, values[2]!), y0: Math.min(values[1]!, values[3]!), x1: Math.max(values[0]!, values[2]!), y1: Math.max(values[1]!, values[3]!) };
    }
  }
  return { x0: 0, y0: 0, x1: 595.28, y1: 841.89 };
}

/** Reads one page (index from 0). */
export function readPageText(doc: PDFDocument, index: number): PageText {
  const node = doc.getPages()[index]!.node;
  const contents = node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((c) => doc.context.lookup(c)) : [contents];
  let cache = FONT_CACHES.get(doc);
  if (!cache) FONT_CACHES.set(doc, (cache = new Map()));
  const paper = pageBox(node);
  const page: PageState = { runs: [], shown: [], paints: [], images: [], placements: [], cache, paintsAtLastRun: 0 };
  const start: GraphicsState = {
    ctm: IDENTITY, clip: paper, fill: [0, 0, 0], stroke: [0, 0, 0], fillAlpha: 1, strokeAlpha: 1, groupAlpha: 1, softMask: false,
    font: undefined, size: 0, mode: 0, charSpacing: 0, wordSpacing: 0, hScale: 100, leading: 0, rise: 0,
  };
  pageText(doc, streams.map(streamText).join('\n'), node.Resources(), start, page, 0);
  return { compact: page.runs.filter((r) => !r.hidden).map((r) => r.text).join('').replace(/\s+/g, ''), runs: page.runs, shown: page.shown, images: page.images, page: paper, placements: page.placements };
}

export async function readPdfText(bytes: Uint8Array | PDFDocument, pageIndexes?: readonly number[]): Promise<PageText[]> {
  const doc = bytes instanceof PDFDocument ? bytes : await PDFDocument.load(bytes, { updateMetadata: false });
  return (pageIndexes ?? doc.getPages().map((_, i) => i)).map((index) => readPageText(doc, index));
}
