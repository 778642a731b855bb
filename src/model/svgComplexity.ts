// What an SVG figure will cost Chrome to draw, measured before a browser sees it. A few kilobytes of
// SVG can ask for billions of elements: `<use>` elements that each repeat a group of `<use>`
// elements (the "billion laughs" of SVG), patterns, masks and markers that draw other elements again,
// filters run on every copy. The file is parsed with a real XML parser (saxes: well-formedness as
// Chrome's own XML parser checks it, no DTD processing, no entity expansion beyond the five of XML),
// then every element is counted as many times as it would be drawn. Pure: bytes in, verdict out.
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from '../vendor/saxes.js';
import { sniffImage, MAX_IMAGE_PIXELS } from './sniffImage.js';
import { msg, render, type Message } from '../i18n/message.js';
import { xmlProblem } from './sanitizeSvg.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** What a figure may ask of the renderer. Real charts, maps and logos stay far below each. */
export const SVG_LIMITS = {
  /** Elements written in the file. */
  elements: 50_000,
  /** Elements inside elements. */
  depth: 100,
  /** References through references: a `<use>` of a group with a `<use>` of … */
  referenceDepth: 12,
  /** Elements drawn, counting every copy a `<use>`, pattern, mask, clip path or marker makes. */
  drawn: 150_000,
  /** Filter primitives (`<feGaussianBlur>` …) in the file. */
  filterPrimitives: 64,
  /** Filter primitives run, counting every drawn copy of a filtered element. */
  filterRuns: 500,
  /** `numOctaves` of `<feTurbulence>` (each octave is another pass over every pixel). */
  octaves: 10,
  /** `order` of `<feConvolveMatrix>` (order² multiplications per pixel). */
  convolveOrder: 12,
  /** Tiles of one pattern over the figure (a pattern 1/1000 of the figure wide repeats a million times). */
  patternTiles: 250_000,
  /** The largest coordinate of the root's size or viewBox. */
  coordinate: 1e6,
  /** Pixels of the raster images embedded in the file (data: URLs), together. */
  embeddedPixels: MAX_IMAGE_PIXELS,
} as const;

export type SvgCheck =
  | { ok: true; elements: number; drawn: number }
  | { ok: false; code: 'image-svg-invalid' | 'image-svg-complex'; reason: Message; line: number | undefined };

interface SvgNode {
  name: string;
  line: number;
  attrs: Map<string, string>;
  children: SvgNode[];
  /** `href` / `xlink:href`. */
  href: string | undefined;
  /** Ids named by `url(#…)` in attributes and `style`. */
  urls: string[];
  /** A CSS filter function (`filter: blur(…)`) in `style` or the attribute. */
  cssFilter: boolean;
}

class Refused extends Error {
  constructor(readonly code: 'image-svg-invalid' | 'image-svg-complex', readonly reason: Message, readonly line: number | undefined) {
    super(render(reason, 'en'));
  }
}

const FILTER_PRIMITIVES = new Set(['feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix', 'feDiffuseLighting', 'feDisplacementMap', 'feDropShadow', 'feFlood', 'feGaussianBlur', 'feImage', 'feMerge', 'feMorphology', 'feOffset', 'feSpecularLighting', 'feTile', 'feTurbulence']);
/** Elements whose reference draws other content (a gradient's only repeats its stops: nothing to draw). */
const DRAWING_TARGETS = new Set(['g', 'symbol', 'svg', 'pattern', 'mask', 'clipPath', 'marker', 'use', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'image', 'a', 'switch', 'foreignObject']);
const MARKER_PROPS = ['marker-start', 'marker-mid', 'marker-end', 'marker'];

/** The text, decoded as the XML declaration or the byte order mark says (UTF-8 by default). */
function decode(bytes: Uint8Array): string {
  let label = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  else {
    const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
    const declared = /^(?:\uFEFF|\xEF\xBB\xBF)?<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
    if (declared) label = declared[1]!.toLowerCase();
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new Refused('image-svg-invalid', msg('svg.check.encoding', { label }), 1);
  }
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new Refused('image-svg-invalid', msg('svg.check.not-text', { encoding: label.toUpperCase() }), undefined);
  }
}

function numbers(value: string | undefined): number[] {
  if (!value) return [];
  return [...value.matchAll(/[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g)].map((m) => Number(m[0]));
}

/** A length attribute as a number of user units, when it is one (percentages and units other than px: undefined). */
function plainLength(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(px)?\s*$/.exec(value);
  return m ? Number(m[1]) : undefined;
}

function fraction(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const m = /^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(%)?\s*$/.exec(value);
  if (!m) return fallback;
  return m[2] ? Number(m[1]) / 100 : Number(m[1]);
}

/** Roughly how many vertices a shape has (where its markers are drawn). */
function vertices(node: SvgNode): number {
  switch (node.name) {
    case 'path':
      return Math.max(1, (node.attrs.get('d')?.match(/[a-zA-Z]/g)?.length ?? 0) + numbers(node.attrs.get('d')).length / 2);
    case 'polyline':
    case 'polygon':
      return Math.max(1, numbers(node.attrs.get('points')).length / 2);
    case 'line':
      return 2;
    default:
      return 1;
  }
}

const URL_REF = /url\(\s*["']?#([^"')\s]+)["']?\s*\)/g;
const CSS_FILTER_FUNCTION = /(?:^|[;{\s])filter\s*:\s*[^;}]*\b(?:blur|drop-shadow|brightness|contrast|grayscale|hue-rotate|invert|opacity|saturate|sepia)\s*\(/i;

/**
 * Parses `text` into a tree of SVG elements (elements of other namespaces are counted, not kept),
 * refusing malformed XML, a DTD with declarations, a root that is not `<svg>` in the SVG namespace,
 * more elements or deeper nesting than the limits.
 */
function parse(text: string): { root: SvgNode; ids: Map<string, SvgNode>; styleUrls: string[]; styleFilter: boolean; elements: number } {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: SvgNode[] = [];
  const ids = new Map<string, SvgNode>();
  let root: SvgNode | undefined;
  let elements = 0;
  let inStyle = 0;
  let styleText = '';
  parser.on('doctype', (doctype) => {
    if (/\[/.test(doctype)) throw new Refused('image-svg-invalid', msg('svg.check.dtd'), parser.line);
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    elements++;
    if (elements > SVG_LIMITS.elements) throw new Refused('image-svg-complex', msg('svg.check.elements', { max: SVG_LIMITS.elements.toLocaleString('en') }), parser.line);
    if (stack.length >= SVG_LIMITS.depth) throw new Refused('image-svg-complex', msg('svg.check.depth', { max: SVG_LIMITS.depth }), parser.line);
    const inSvg = tag.uri === SVG_NS;
    if (!root && !(inSvg && tag.local === 'svg')) {
      throw new Refused('image-svg-invalid', tag.local === 'svg' ? msg('svg.check.namespace', { name: tag.name, ns: SVG_NS }) : msg('svg.check.root', { name: tag.name }), parser.line);
    }
    const attrs = new Map<string, string>();
    let href: string | undefined;
    const urls: string[] = [];
    let cssFilter = false;
    for (const a of Object.values(tag.attributes) as SaxesAttributeNS[]) {
      if (a.local === 'href' && (a.uri === XLINK_NS || a.uri === '')) href = a.value.trim();
      if (a.uri === '') attrs.set(a.local, a.value);
      for (const m of a.value.matchAll(URL_REF)) urls.push(m[1]!);
      if ((a.local === 'style' && CSS_FILTER_FUNCTION.test(`;${a.value}`)) || (a.local === 'filter' && /\(/.test(a.value) && !/^\s*url\(/.test(a.value))) cssFilter = true;
    }
    const node: SvgNode = { name: inSvg ? tag.local : `{${tag.uri}}${tag.local}`, line: parser.line, attrs, children: [], href, urls, cssFilter };
    const id = attrs.get('id');
    if (id !== undefined && !ids.has(id)) ids.set(id, node);
    if (root) stack.at(-1)?.children.push(node);
    else root = node;
    stack.push(node);
    if (inSvg && tag.local === 'style') inStyle++;
  });
  parser.on('closetag', (tag) => {
    stack.pop();
    if (tag.uri === SVG_NS && tag.local === 'style') inStyle--;
  });
  const onText = (t: string) => {
    if (inStyle > 0) styleText += `${t}\n`;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof Refused) throw error;
    throw new Refused('image-svg-invalid', msg('svg.check.not-xml', { problem: xmlProblem((error as Error).message) }), parser.line);
  }
  if (!root) throw new Refused('image-svg-invalid', msg('svg.check.no-svg'), undefined);
  return { root, ids, styleUrls: [...styleText.matchAll(URL_REF)].map((m) => m[1]!), styleFilter: CSS_FILTER_FUNCTION.test(`;${styleText}`), elements };
}

/** Pixels of a raster image in a data: URL (an SVG inside an SVG is refused: it would need the same checks again). */
function embeddedPixels(node: SvgNode): number {
  const href = node.href ?? '';
  const m = /^data:([^;,]*)((?:;[^;,]*)*),/i.exec(href);
  if (!m) return 0;
  const mime = m[1]!.toLowerCase();
  if (mime.includes('svg')) throw new Refused('image-svg-complex', msg('svg.check.embedded-svg'), node.line);
  const payload = href.slice(m[0].length, m[0].length + 96 * 1024);
  const bytes = /;base64/i.test(m[2]!) ? Buffer.from(payload.replace(/[^A-Za-z0-9+/=]/g, '').replace(/=+$/, ''), 'base64') : Buffer.from(decodeURIComponent(payload.replace(/%(?![0-9a-f]{2})/gi, '%25')), 'latin1');
  const info = sniffImage(bytes);
  if (!info || info.mime === 'image/svg+xml') throw new Refused('image-svg-invalid', msg('svg.check.embedded-type'), node.line);
  if (info.width === undefined || info.height === undefined) throw new Refused('image-svg-invalid', msg('svg.check.embedded-size'), node.line);
  return info.width * info.height;
}

export function checkSvg(bytes: Uint8Array): SvgCheck {
  try {
    return measure(bytes);
  } catch (error) {
    if (error instanceof Refused) return { ok: false, code: error.code, reason: error.reason, line: error.line };
    throw error;
  }
}

function measure(bytes: Uint8Array): SvgCheck {
  const { root, ids, styleUrls, styleFilter, elements } = parse(decode(bytes));

  // The root's size and viewBox: finite, positive, not absurd (everything else is scaled by them).
  const viewBox = numbers(root.attrs.get('viewBox'));
  const size = [plainLength(root.attrs.get('width')), plainLength(root.attrs.get('height'))];
  for (const v of [...viewBox, ...size]) {
    if (v !== undefined && (!Number.isFinite(v) || Math.abs(v) > SVG_LIMITS.coordinate)) {
      throw new Refused('image-svg-complex', msg('svg.check.coordinate', { limit: SVG_LIMITS.coordinate.toExponential(), value: v }), root.line);
    }
  }
  if (root.attrs.has('viewBox') && (viewBox.length !== 4 || viewBox[2]! <= 0 || viewBox[3]! <= 0)) {
    throw new Refused('image-svg-invalid', msg('svg.check.viewbox', { viewBox: root.attrs.get('viewBox') ?? '' }), root.line);
  }
  const figureArea = viewBox.length === 4 ? viewBox[2]! * viewBox[3]! : (size[0] ?? 300) * (size[1] ?? 150);

  // Filters: their primitives, and the parameters that make one primitive expensive.
  let primitives = 0;
  let embedded = 0;
  const walk = (node: SvgNode) => {
    if (FILTER_PRIMITIVES.has(node.name)) {
      primitives++;
      if (primitives > SVG_LIMITS.filterPrimitives) throw new Refused('image-svg-complex', msg('svg.check.filter-primitives', { max: SVG_LIMITS.filterPrimitives }), node.line);
      if (node.name === 'feTurbulence') {
        const octaves = numbers(node.attrs.get('numOctaves'))[0] ?? 1;
        if (!(octaves <= SVG_LIMITS.octaves)) throw new Refused('image-svg-complex', msg('svg.check.octaves', { octaves: node.attrs.get('numOctaves') ?? '', max: SVG_LIMITS.octaves }), node.line);
      }
      if (node.name === 'feConvolveMatrix') {
        const order = numbers(node.attrs.get('order'));
        if (order.some((o) => !(o <= SVG_LIMITS.convolveOrder))) throw new Refused('image-svg-complex', msg('svg.check.convolve', { order: node.attrs.get('order') ?? '', max: SVG_LIMITS.convolveOrder }), node.line);
      }
    }
    if ((node.name === 'image' || node.name === 'feImage') && node.href?.startsWith('data:')) {
      embedded += embeddedPixels(node);
      if (embedded > SVG_LIMITS.embeddedPixels) throw new Refused('image-svg-complex', msg('svg.check.embedded-pixels', { max: SVG_LIMITS.embeddedPixels / 1e6 }), node.line);
    }
    if (node.name === 'pattern') {
      const userSpace = node.attrs.get('patternUnits') === 'userSpaceOnUse';
      const w = Math.abs(fraction(node.attrs.get('width'), 0));
      const h = Math.abs(fraction(node.attrs.get('height'), 0));
      if (w > 0 && h > 0) {
        const tiles = userSpace ? figureArea / (w * h) : 1 / (w * h);
        if (!(tiles <= SVG_LIMITS.patternTiles)) {
          throw new Refused('image-svg-complex', node.attrs.has('id')
            ? msg('svg.check.pattern-id', { id: node.attrs.get('id')!, tiles: Math.round(Math.min(tiles, 1e15)).toLocaleString('en'), max: SVG_LIMITS.patternTiles.toLocaleString('en') })
            : msg('svg.check.pattern', { tiles: Math.round(Math.min(tiles, 1e15)).toLocaleString('en'), max: SVG_LIMITS.patternTiles.toLocaleString('en') }), node.line);
        }
      }
    }
    node.children.forEach(walk);
  };
  walk(root);

  // Every element counted as often as it is drawn: a reference (<use>, url(#…), a pattern's or
  // feImage's href) draws its target once more wherever the referring element is drawn; a marker
  // is drawn at every vertex. A reference to itself (directly or not) is refused as Chrome refuses it.
  const filterPrimitives = (node: SvgNode) => node.children.filter((c) => FILTER_PRIMITIVES.has(c.name)).length;
  /** `hops`: the longest chain of references below the element (memoised with the rest, so it is checked on every path). */
  type Cost = { drawn: number; filterRuns: number; hops: number };
  const drawnMemo = new Map<SvgNode, Cost>();
  const visiting = new Set<SvgNode>();
  const tooMany = (node: SvgNode, drawn: number) => {
    const params = { name: node.name, drawn: drawn >= 1e15 ? msg('svg.check.drawn-huge') : Math.round(drawn).toLocaleString('en'), max: SVG_LIMITS.drawn.toLocaleString('en') };
    return new Refused('image-svg-complex', node.attrs.has('id') ? msg('svg.check.drawn-id', { ...params, id: node.attrs.get('id')! }) : msg('svg.check.drawn', params), node.line);
  };
  const graphic = (node: SvgNode) => DRAWING_TARGETS.has(node.name) && node.name !== 'g' && node.name !== 'svg' && node.name !== 'symbol';
  const target = (id: string | undefined) => (id === undefined ? undefined : ids.get(id));
  const hrefTarget = (node: SvgNode) => (node.href?.startsWith('#') ? target(decodeURIComponent(node.href.slice(1))) : undefined);
  const tooDeep = (node: SvgNode) => new Refused('image-svg-complex', msg('svg.check.references-deep', { max: SVG_LIMITS.referenceDepth }), node.line);
  /** `depth`: references followed on the way here (bounds the recursion before anything is memoised). */
  const cost = (node: SvgNode, depth: number): Cost => {
    const known = drawnMemo.get(node);
    if (known) return known;
    if (visiting.has(node)) throw new Refused('image-svg-complex', node.attrs.has('id') ? msg('svg.check.self-reference-id', { id: node.attrs.get('id')! }) : msg('svg.check.self-reference', { name: node.name }), node.line);
    if (depth > SVG_LIMITS.referenceDepth) throw tooDeep(node);
    visiting.add(node);
    let drawn = 1;
    let filterRuns = 0;
    let hops = 0;
    const add = (c: Cost, times = 1, hop = 0) => {
      drawn += c.drawn * times;
      filterRuns += c.filterRuns * times;
      hops = Math.max(hops, c.hops + hop);
      if (hops > SVG_LIMITS.referenceDepth) throw tooDeep(node);
      if (drawn > SVG_LIMITS.drawn) throw tooMany(node, drawn);
    };
    for (const child of node.children) add(cost(child, depth));
    const refs: SvgNode[] = [];
    if (node.name === 'use' || node.name === 'feImage' || node.name === 'pattern') {
      const t = hrefTarget(node);
      if (t) refs.push(t);
    }
    const urls = graphic(node) || node.name === 'g' ? [...node.urls, ...styleUrls] : node.urls;
    for (const id of urls) {
      const t = target(id);
      if (!t) continue;
      if (t.name === 'filter') {
        filterRuns += Math.max(1, filterPrimitives(t));
        continue;
      }
      if (!DRAWING_TARGETS.has(t.name)) continue;
      const times = t.name === 'marker' && MARKER_PROPS.some((p) => node.attrs.get(p)?.includes(`#${id}`) || styleUrls.includes(id)) ? vertices(node) : 1;
      add(cost(t, depth + 1), times, 1);
    }
    for (const t of refs) add(cost(t, depth + 1), 1, 1);
    if (node.cssFilter || (styleFilter && graphic(node))) filterRuns += 1;
    visiting.delete(node);
    const result = { drawn, filterRuns, hops };
    drawnMemo.set(node, result);
    return result;
  };
  const total = cost(root, 0);
  if (total.filterRuns > SVG_LIMITS.filterRuns) {
    throw new Refused('image-svg-complex', msg('svg.check.filter-runs', { runs: total.filterRuns.toLocaleString('en'), max: SVG_LIMITS.filterRuns.toLocaleString('en') }), undefined);
  }
  return { ok: true, elements, drawn: total.drawn };
}
