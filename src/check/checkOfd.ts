// Reading an OFD package back (ofd/pdfToOfd.ts writes them): the package rules an XML schema cannot
// express (every part well-formed and in the OFD namespace, IDs unique and within MaxUnitID, every
// reference resolving: pages, resources, fonts, images and their masks, colour spaces and their
// profiles, outline destinations), every font parsing
// (opentype.js) with every glyph id it is asked for, the glyph and character counts of each text
// agreeing; and the text of each page with the position of each character, for comparing with the PDF.
import { unzipSync } from 'fflate';
import * as opentypeModule from 'opentype.js';
import { SaxesParser } from '../vendor/saxes.js';

const opentype = ((opentypeModule as unknown as { default?: unknown }).default ?? opentypeModule) as { parse(buffer: ArrayBuffer, options?: object): { numGlyphs: number } };
const OFD_NS = 'http://www.ofdspec.org/2016';

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

/** An XML part as a tree of OFD elements (local names); throws on anything not well-formed. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (tag) => {
    if (tag.uri !== OFD_NS) error ??= new Error(`<${tag.name}> is not in the OFD namespace`);
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) if (!a.prefix) attrs[a.local] = a.value;
    const el: XmlElement = { name: tag.local, attrs, children: [], text: '' };
    stack.at(-1)?.children.push(el);
    root ??= el;
    stack.push(el);
  });
  parser.on('text', (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  if (error) throw error;
  if (!root) throw new Error('no root element');
  return root;
}

function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}
const child = (el: XmlElement | undefined, name: string) => el?.children.find((c) => c.name === name);
const numbers = (s: string | undefined) => (s ?? '').trim().split(/\s+/).filter(Boolean).map(Number);

/** A path inside the package: `base` is the folder of the part that names it. */
function resolve(base: string, name: string): string {
  const parts = (name.startsWith('/') ? name.slice(1) : `${base}/${name}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
}
const folderOf = (file: string) => file.split('/').slice(0, -1).join('/');

/** One character drawn: its text, its origin (mm from the page's top left) and the size (mm). */
export interface OfdChar { readonly text: string; readonly x: number; readonly y: number; readonly size: number }

export interface OfdReading {
  /** Every broken rule, in words (empty: the package passes). */
  readonly problems: string[];
  /** Per page, the characters of its text objects in their order. */
  readonly pages: OfdChar[][];
  readonly outlines: { title: string; pageIndex: number; depth: number }[];
  /** The pages' click actions: on which page (0-based), the region's box (mm) and the page it goes to. */
  readonly links: { onPage: number; box: { x0: number; y0: number; x1: number; y1: number }; pageIndex: number }[];
  readonly files: readonly string[];
}

export function checkOfd(bytes: Uint8Array): OfdReading {
  const problems: string[] = [];
  const pages: OfdChar[][] = [];
  const outlines: OfdReading['outlines'] = [];
  const links: OfdReading['links'] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    return { problems: [`not a zip: ${(e as Error).message}`], pages, outlines, links, files: [] };
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts = new Map<string, XmlElement>();
  for (const [name, data] of Object.entries(files)) {
    if (!name.endsWith('.xml')) continue;
    try {
      parts.set(name, parseXml(decoder.decode(data)));
    } catch (e) {
      problems.push(`${name}: ${(e as Error).message}`);
    }
  }
  const part = (name: string, what: string): XmlElement | undefined => {
    const p = parts.get(name);
    if (!p) problems.push(`${what} ${name} is missing`);
    return p;
  };
  const ofd = part('OFD.xml', 'the entry');
  if (!ofd) return { problems, pages, outlines, links, files: Object.keys(files) };
  if (ofd.name !== 'OFD' || ofd.attrs.Version !== '1.0' || ofd.attrs.DocType !== 'OFD') problems.push('OFD.xml: root is not <ofd:OFD Version="1.0" DocType="OFD">');
  const body = child(ofd, 'DocBody');
  if (!child(body, 'DocInfo') || !/^[0-9a-f]{32}$/i.test(child(child(body, 'DocInfo'), 'DocID')?.text ?? '')) problems.push('OFD.xml: DocInfo without a 32-digit DocID');
  const rootName = resolve('', child(body, 'DocRoot')?.text.trim() ?? '');
  const doc = part(rootName, 'the document');
  if (!doc) return { problems, pages, outlines, links, files: Object.keys(files) };
  const docDir = folderOf(rootName);
  const common = child(doc, 'CommonData');
  const maxId = Number(child(common, 'MaxUnitID')?.text);
  if (!Number.isInteger(maxId) || maxId <= 0) problems.push('Document.xml: MaxUnitID is not a positive integer');

  const ids = new Map<number, string>();
  const noteIds = (el: XmlElement, where: string) => {
    for (const e of walk(el)) {
      if (e.attrs.ID === undefined) continue;
      const id = Number(e.attrs.ID);
      if (!Number.isInteger(id) || id <= 0) problems.push(`${where}: ID "${e.attrs.ID}" is not a positive integer`);
      else if (ids.has(id)) problems.push(`${where}: ID ${id} used twice (also ${ids.get(id)})`);
      else ids.set(id, `${where} <${e.name}>`);
      if (id > maxId) problems.push(`${where}: ID ${id} above MaxUnitID ${maxId}`);
    }
  };

  // Resources: fonts (each parsed) and images.
  const fonts = new Map<number, number>(); // id → number of glyphs
  const images = new Set<number>();
  const spaces = new Set<number>();
  for (const key of ['PublicRes', 'DocumentRes']) {
    for (const ref of common?.children.filter((c) => c.name === key) ?? []) {
      const name = resolve(docDir, ref.text.trim());
      const res = part(name, `the resource file`);
      if (!res) continue;
      noteIds(res, name);
      const base = resolve(folderOf(name), res.attrs.BaseLoc ?? '');
      for (const font of child(res, 'Fonts')?.children ?? []) {
        const file = resolve(base, child(font, 'FontFile')?.text.trim() ?? '');
        const data = files[file];
        if (!data) {
          problems.push(`${name}: font ${font.attrs.ID} file ${file} is missing`);
          continue;
        }
        try {
          const parsed = opentype.parse(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer, { lowMemory: true });
          fonts.set(Number(font.attrs.ID), parsed.numGlyphs);
        } catch (e) {
          problems.push(`${name}: font ${font.attrs.ID} (${file}) does not parse: ${(e as Error).message}`);
        }
      }
      for (const space of child(res, 'ColorSpaces')?.children ?? []) {
        const file = space.attrs.Profile === undefined ? undefined : resolve(base, space.attrs.Profile);
        if (file !== undefined && !files[file]) problems.push(`${name}: colour space ${space.attrs.ID} profile ${file} is missing`);
        else spaces.add(Number(space.attrs.ID));
      }
      for (const media of child(res, 'MultiMedias')?.children ?? []) {
        const file = resolve(base, child(media, 'MediaFile')?.text.trim() ?? '');
        const data = files[file];
        const format = media.attrs.Format;
        if (!data) problems.push(`${name}: image ${media.attrs.ID} file ${file} is missing`);
        else if (format === 'JPEG' ? !(data[0] === 0xff && data[1] === 0xd8) : format === 'PNG' ? !(data[0] === 0x89 && data[1] === 0x50) : true) problems.push(`${name}: image ${media.attrs.ID} is not the ${format} it says`);
        images.add(Number(media.attrs.ID));
      }
    }
  }

  const pageIds = (child(doc, 'Pages')?.children ?? []).map((p) => Number(p.attrs.ID));
  for (const [index, page] of (child(doc, 'Pages')?.children ?? []).entries()) {
    noteIds(page, rootName);
    const name = resolve(docDir, page.attrs.BaseLoc ?? '');
    const content = part(name, `page ${index + 1}`);
    const chars: OfdChar[] = [];
    pages.push(chars);
    if (!content) continue;
    noteIds(content, name);
    for (const el of walk(content)) {
      const boundary = numbers(el.attrs.Boundary);
      if (el.attrs.Boundary !== undefined && (boundary.length !== 4 || boundary.some((n) => !Number.isFinite(n)) || boundary[2]! <= 0 || boundary[3]! <= 0)) problems.push(`${name}: <${el.name} ID="${el.attrs.ID}"> Boundary "${el.attrs.Boundary}"`);
      if (el.name === 'Action') {
        const dest = [...walk(el)].find((e) => e.name === 'Dest');
        const points = [...walk(el)].filter((e) => e.name === 'Area' || e.name === 'Line').map((e) => numbers(e.attrs.Start ?? e.attrs.Point1));
        const pageIndex = pageIds.indexOf(Number(dest?.attrs.PageID));
        if (pageIndex < 0) problems.push(`${name}: an action goes to ${dest?.attrs.PageID}, not a page`);
        if (!points.length || points.some((p) => p.length !== 2 || p.some((n) => !Number.isFinite(n)))) problems.push(`${name}: an action's region is not a list of points`);
        else links.push({ onPage: index, pageIndex, box: { x0: Math.min(...points.map((p) => p[0]!)), y0: Math.min(...points.map((p) => p[1]!)), x1: Math.max(...points.map((p) => p[0]!)), y1: Math.max(...points.map((p) => p[1]!)) } });
      }
      if (el.name === 'ImageObject' && !images.has(Number(el.attrs.ResourceID))) problems.push(`${name}: image object ${el.attrs.ID} refers to ${el.attrs.ResourceID}, not an image`);
      if ((el.name === 'FillColor' || el.name === 'StrokeColor') && el.attrs.ColorSpace !== undefined && !spaces.has(Number(el.attrs.ColorSpace))) problems.push(`${name}: a colour in ${el.attrs.ColorSpace}, not a colour space`);
      if (el.name === 'ImageObject' && el.attrs.ImageMask !== undefined && !images.has(Number(el.attrs.ImageMask))) problems.push(`${name}: image object ${el.attrs.ID} has mask ${el.attrs.ImageMask}, not an image`);
      if (el.name !== 'TextObject') continue;
      const glyphCount = fonts.get(Number(el.attrs.Font));
      if (glyphCount === undefined) problems.push(`${name}: text object ${el.attrs.ID} refers to font ${el.attrs.Font}, not a font that parses`);
      const size = Number(el.attrs.Size);
      let length = 0;
      for (const code of el.children.filter((c) => c.name === 'TextCode')) {
        const text = [...code.text];
        const deltas = numbers(code.attrs.DeltaX);
        if (deltas.length > Math.max(0, text.length - 1)) problems.push(`${name}: text object ${el.attrs.ID}: ${deltas.length} DeltaX for ${text.length} characters`);
        // The object's CTM (turned text) maps its own space into the boundary's.
        const m = numbers(el.attrs.CTM);
        const [a, b, c, d, e, f] = m.length === 6 ? m : [1, 0, 0, 1, 0, 0];
        let x = Number(code.attrs.X);
        const y = Number(code.attrs.Y);
        text.forEach((t, k) => {
          if (k > 0) x += deltas[k - 1] ?? 0;
          chars.push({ text: t, x: boundary[0]! + a! * x + c! * y + e!, y: boundary[1]! + b! * x + d! * y + f!, size });
        });
        length += text.length;
      }
      for (const cg of el.children.filter((c) => c.name === 'CGTransform')) {
        const glyphs = numbers(child(cg, 'Glyphs')?.text);
        const [position, codes, count] = [Number(cg.attrs.CodePosition), Number(cg.attrs.CodeCount ?? 1), Number(cg.attrs.GlyphCount ?? 1)];
        if (glyphs.length !== count) problems.push(`${name}: text object ${el.attrs.ID}: GlyphCount ${count} with ${glyphs.length} glyphs`);
        if (position + codes > length) problems.push(`${name}: text object ${el.attrs.ID}: CGTransform beyond its ${length} characters`);
        if (glyphCount !== undefined) for (const g of glyphs) if (!Number.isInteger(g) || g < 0 || g >= glyphCount) problems.push(`${name}: text object ${el.attrs.ID}: glyph ${g} not in font ${el.attrs.Font} (${glyphCount} glyphs)`);
      }
    }
  }
  const visit = (list: XmlElement[], depth: number) => {
    for (const item of list.filter((c) => c.name === 'OutlineElem')) {
      const dest = [...walk(item)].find((e) => e.name === 'Dest');
      const pageIndex = pageIds.indexOf(Number(dest?.attrs.PageID));
      if (pageIndex < 0) problems.push(`Document.xml: outline "${item.attrs.Title}" goes to ${dest?.attrs.PageID}, not a page`);
      outlines.push({ title: item.attrs.Title ?? '', pageIndex, depth });
      visit(item.children, depth + 1);
    }
  };
  visit(child(doc, 'Outlines')?.children ?? [], 0);
  return { problems, pages, outlines, links, files: Object.keys(files) };
}
