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

interface Painted {
  readonly alpha: number;
  /** Device-space rectangle painting is limited to (the page, narrowed by every clip). */
  readonly clip: Box;
}
export interface TextItem extends Painted { readonly kind: 'text'; readonly font: FontUse; readonly size: number; readonly fill: Rgb; readonly glyphs: Glyph[] }
export type Segment = { op: 'M' | 'L'; x: number; y: number } | { op: 'B'; pts: [number, number, number, number, number, number] } | { op: 'C' };
export interface PathItem extends Painted {
  readonly kind: 'path';
  readonly segments: Segment[];
  readonly fill: Rgb | undefined;
  readonly stroke: Rgb | undefined;
  readonly evenOdd: boolean;
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
  'Do', 'BDC', 'BMC', 'EMC', 'MP', 'DP',
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

/**
 * Chrome paints table borders with an axial or radial shading whose two colours are the same: a solid
 * colour in disguise. That colour, or undefined for any other pattern.
 */
function solidPattern(pattern: unknown): Rgb | undefined {
  const dict = pattern instanceof PDFDict ? pattern : pattern instanceof PDFStream ? pattern.dict : undefined;
  if (!dict || numberOf(dict.get(PDFName.of('PatternType')), 0) !== 2) return undefined;
  const shading = dict.lookup(PDFName.of('Shading'));
  const sh = shading instanceof PDFDict ? shading : shading instanceof PDFStream ? shading.dict : undefined;
  const type = numberOf(sh?.get(PDFName.of('ShadingType')), 0);
  const space = sh?.get(PDFName.of('ColorSpace'));
  if (!sh || (type !== 2 && type !== 3) || (space !== PDFName.of('DeviceRGB') && space !== PDFName.of('DeviceGray'))) return undefined;
  const fn = sh.lookup(PDFName.of('Function'));
  if (!(fn instanceof PDFDict) || numberOf(fn.get(PDFName.of('FunctionType')), 0) !== 2) return undefined;
  const c0 = fn.lookupMaybe(PDFName.of('C0'), PDFArray)?.asArray().map((v) => numberOf(v, NaN)) ?? [0];
  const c1 = fn.lookupMaybe(PDFName.of('C1'), PDFArray)?.asArray().map((v) => numberOf(v, NaN)) ?? [1];
  if (c0.length !== c1.length || c0.some((v, k) => !Number.isFinite(v) || Math.abs(v - c1[k]!) > 1e-6)) return undefined;
  if (c0.length === 1) return [c0[0]!, c0[0]!, c0[0]!];
  return c0.length === 3 ? [c0[0]!, c0[1]!, c0[2]!] : undefined;
}

interface State {
  ctm: Matrix;
  clip: Box;
  fill: Rgb | undefined;
  stroke: Rgb | undefined;
  fillAlpha: number;
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
  const start: State = { ctm: IDENTITY, clip: box, fill: [0, 0, 0], stroke: [0, 0, 0], fillAlpha: 1, strokeAlpha: 1, lineWidth: 1, cap: 0, join: 0, font: undefined, size: 0, mode: 0, charSpacing: 0, wordSpacing: 0, hScale: 100, leading: 0, rise: 0 };
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
        kind: 'path', segments, evenOdd, fill: fill ? gs.fill : undefined, stroke: stroke ? gs.stroke : undefined,
        lineWidth: gs.lineWidth * scale(), cap: gs.cap, join: gs.join, alpha: fill ? gs.fillAlpha : gs.strokeAlpha, clip: gs.clip,
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
    for (const part of parts) {
      if (typeof part === 'number') {
        tm = multiply([1, 0, 0, 1, -(part / 1000) * gs.size * th, 0], tm);
        continue;
      }
      const bytes = stringBytes(part);
      for (let i = 0; i + 2 <= bytes.length; i += 2) {
        const code = (bytes[i]! << 8) | bytes[i + 1]!;
        const trm = multiply([gs.size * th, 0, 0, gs.size, 0, gs.rise], multiply(tm, gs.ctm));
        if (Math.abs(trm[1]) > EPS || Math.abs(trm[2]) > EPS || trm[0] <= 0 || trm[3] <= 0 || Math.abs(trm[0] - trm[3]) > 1e-3 * trm[3]) problem('text rotated, mirrored or stretched');
        else {
          const chars = font.toUnicode.get(code) ?? '';
          if (!chars) problem('glyph without text (ToUnicode)');
          else {
            const gid = font.cidToGid ? ((font.cidToGid[code * 2] ?? 0) << 8) | (font.cidToGid[code * 2 + 1] ?? 0) : code;
            if (size && Math.abs(size - trm[3]) > 1e-4) problem('text size changes in a string');
            size = trm[3];
            glyphs.push({ gid, text: chars, x: trm[4], y: trm[5] });
          }
        }
        const w = (font.widths.get(code) ?? font.defaultWidth) / 1000;
        tm = multiply([1, 0, 0, 1, (w * gs.size + gs.charSpacing) * th, 0], tm);
      }
    }
    if (!glyphs.length) return;
    if (!gs.fill) problem('text colour not RGB, grey or CMYK');
    items.push({ kind: 'text', font: font.use, size, fill: gs.fill ?? [0, 0, 0], glyphs, alpha: gs.fillAlpha, clip: gs.clip });
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
      case 'd':
        if (lastArray.length && operands.includes('[]')) problem('dashed line');
        break;
      case 'scn': case 'SCN':
        if (operands.at(-1)?.startsWith('/')) {
          const solid = solidPattern(patterns?.lookup(PDFName.of(operands.at(-1)!.slice(1))));
          if (!solid) problem('pattern colour');
          if (token === 'scn') gs.fill = solid;
          else gs.stroke = solid;
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
        if (!gs.fill && !operands.some((o) => o.startsWith('/'))) problem(`fill colour ${token}`);
        break;
      case 'G': case 'RG': case 'K': case 'SC':
        gs.stroke = colour(operands);
        if (!gs.stroke && !operands.some((o) => o.startsWith('/'))) problem(`stroke colour ${token}`);
        break;
      case 'cs': case 'CS':
        break;
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
