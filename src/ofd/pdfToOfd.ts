// A finished PDF → an OFD package (GB/T 33190-2016): OFD.xml, Doc_0/Document.xml, PublicRes.xml
// (fonts), DocumentRes.xml (images), Doc_0/Pages/Page_N/Content.xml, the PDF's embedded TrueType
// subsets unchanged and its images (JPEG unchanged, others as PNG, with their soft mask as alpha).
// Every glyph is given explicitly (TextCode with DeltaX, CGTransform with the glyph ids), so the text
// does not depend on the reader's fonts. The zip is deterministic: fixed entry order, one fixed time,
// IDs numbered in reading order, the document's ID from a hash of the PDF.
import { createHash } from 'node:crypto';
import { zipSync, type ZipOptions } from 'fflate';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, type PDFStream } from '../print/pdfLib.js';
import { decoded } from '../check/readPdfText.js';
import { intersect } from '../check/pdfSyntax.js';
import { readPageContent, type Box, type ContentProblem, type FontUse, type IccSpace, type ImageItem, type Item, type PathItem, type Rgb, type Shading, type TextItem } from './readPageContent.js';
import { encodePng } from './encodePng.js';

export interface OfdMetadata {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords: readonly string[];
  /** Creation date of the document and time of every zip entry: the issue date or SOURCE_DATE_EPOCH. */
  readonly date: Date;
}

export interface OfdResult {
  readonly bytes: Uint8Array;
  /** What the PDF held that the package does not (an operator outside the whitelist …), by page. */
  readonly problems: readonly ContentProblem[];
}

export const OFD_NS = 'http://www.ofdspec.org/2016';
const MM_PER_PT = 25.4 / 72;
const mm = (pt: number) => pt * MM_PER_PT;
/** Numbers in the XML: at most 3 decimals (a micrometre), no trailing zeros, never `-0`. */
export const fmt = (n: number): string => {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) || r === 0 ? '0' : String(r);
};
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const colourValue = (c: Rgb) => c.map((v) => Math.round(Math.min(1, Math.max(0, v)) * 255)).join(' ');
/** A colour; `space`: its OFD colour space (an ICC profile), with one component for a grey one. */
const colourElement = (tag: string, c: Rgb, alpha: number, space?: { id: number; n: 1 | 3 }) => `<ofd:${tag} Value="${space?.n === 1 ? colourValue(c).split(' ')[0] : colourValue(c)}"${space ? ` ColorSpace="${space.id}"` : ''}${alpha < 1 ? ` Alpha="${Math.round(alpha * 255)}"` : ''}/>`;

/** Code points, as OFD counts the characters of a TextCode. */
const codePoints = (s: string) => [...s];

class Ids {
  private next = 1;
  take(): number {
    return this.next++;
  }
  get max(): number {
    return this.next - 1;
  }
}

interface Resources {
  /** ICC profiles of the colours, each an OFD ColorSpace with the profile as a file. */
  spaces: Map<PDFRawStream, { id: number; file: string; n: 1 | 3 }>;
  fonts: Map<PDFRawStream | PDFStream, { id: number; file: string; use: FontUse }>;
  images: Map<PDFRawStream, { id: number; file: string; format: string; bytes: Uint8Array; mask?: { id: number; file: string; bytes: Uint8Array } } | undefined>;
}

/** The image as a file of the package, or why it cannot be. */
function imageFile(doc: PDFDocument, stream: PDFRawStream): { format: 'JPEG' | 'PNG'; ext: string; bytes: Uint8Array; mask?: Uint8Array } | string {
  const dict = stream.dict;
  const filter = dict.get(PDFName.of('Filter'));
  const filters = filter instanceof PDFArray ? filter.asArray() : filter ? [filter] : [];
  const mask = dict.lookup(PDFName.of('SMask'));
  if (dict.has(PDFName.of('Mask')) || dict.get(PDFName.of('ImageMask')) !== undefined) return 'image with a stencil or colour-key mask';
  if (filters.length === 1 && filters[0] === PDFName.of('DCTDecode')) {
    if (!mask) return { format: 'JPEG', ext: 'jpg', bytes: stream.contents };
    // The JPEG unchanged, its soft mask as a grey PNG: OFD's ImageMask (white shows, black hides).
    const soft = softMask(mask);
    return typeof soft === 'string' ? soft : { format: 'JPEG', ext: 'jpg', bytes: stream.contents, mask: soft };
  }
  if (filters.length > 1 || (filters.length === 1 && filters[0] !== PDFName.of('FlateDecode'))) return `image filter ${filters.map(String).join(' ')}`;
  if (dict.has(PDFName.of('DecodeParms')) || dict.has(PDFName.of('Decode'))) return 'image with DecodeParms or Decode';
  const width = (dict.get(PDFName.of('Width')) as PDFNumber | undefined)?.asNumber() ?? 0;
  const height = (dict.get(PDFName.of('Height')) as PDFNumber | undefined)?.asNumber() ?? 0;
  const bpc = (dict.get(PDFName.of('BitsPerComponent')) as PDFNumber | undefined)?.asNumber();
  if (bpc !== 8 || width <= 0 || height <= 0) return `image of ${bpc} bits per component`;
  const channels = colourChannels(doc, dict.lookup(PDFName.of('ColorSpace')));
  if (channels === undefined) return 'image colour space';
  const pixels = decoded(stream);
  let alpha: Uint8Array | undefined;
  if (mask instanceof PDFRawStream) {
    const m = mask.dict;
    const mw = (m.get(PDFName.of('Width')) as PDFNumber | undefined)?.asNumber();
    const mh = (m.get(PDFName.of('Height')) as PDFNumber | undefined)?.asNumber();
    if (mw !== width || mh !== height || (m.get(PDFName.of('BitsPerComponent')) as PDFNumber | undefined)?.asNumber() !== 8 || m.has(PDFName.of('DecodeParms'))) return 'soft mask of another size or depth';
    alpha = decoded(mask);
  } else if (mask) return 'soft mask';
  if (pixels.length < width * height * channels || (alpha && alpha.length < width * height)) return 'image data shorter than its size';
  if (!alpha) return { format: 'PNG', ext: 'png', bytes: encodePng(width, height, channels, pixels) };
  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    for (let k = 0; k < 3; k++) rgba[p * 4 + k] = pixels[p * channels + (channels === 1 ? 0 : k)]!;
    rgba[p * 4 + 3] = alpha[p]!;
  }
  return { format: 'PNG', ext: 'png', bytes: encodePng(width, height, 4, rgba) };
}

/** A PDF soft mask (8-bit grey, Flate or none) as a grey PNG, or why not. */
function softMask(mask: unknown): Uint8Array | string {
  if (!(mask instanceof PDFRawStream)) return 'soft mask';
  const m = mask.dict;
  const filter = m.get(PDFName.of('Filter'));
  const w = (m.get(PDFName.of('Width')) as PDFNumber | undefined)?.asNumber() ?? 0;
  const h = (m.get(PDFName.of('Height')) as PDFNumber | undefined)?.asNumber() ?? 0;
  if ((filter !== undefined && filter !== PDFName.of('FlateDecode')) || m.has(PDFName.of('DecodeParms')) || m.has(PDFName.of('Decode')) || m.has(PDFName.of('Matte'))) return 'soft mask encoding';
  if ((m.get(PDFName.of('BitsPerComponent')) as PDFNumber | undefined)?.asNumber() !== 8 || w <= 0 || h <= 0) return 'soft mask of another depth';
  const grey = decoded(mask);
  if (grey.length < w * h) return 'image data shorter than its size';
  return encodePng(w, h, 1, grey.subarray(0, w * h));
}

function colourChannels(doc: PDFDocument, space: unknown): 1 | 3 | undefined {
  if (space === PDFName.of('DeviceRGB')) return 3;
  if (space === PDFName.of('DeviceGray')) return 1;
  if (space instanceof PDFArray && space.get(0) === PDFName.of('ICCBased')) {
    const profile = doc.context.lookup(space.get(1));
    const n = profile instanceof PDFRawStream ? (profile.dict.get(PDFName.of('N')) as PDFNumber | undefined)?.asNumber() : undefined;
    return n === 3 ? 3 : n === 1 ? 1 : undefined;
  }
  return undefined;
}

/** A device-space box (pt, y up) as OFD's top-left-origin millimetres. */
function toPage(pageBox: Box) {
  return {
    x: (x: number) => mm(x - pageBox.x0),
    y: (y: number) => mm(pageBox.y1 - y),
  };
}

function boxAttr(b: { x: number; y: number; w: number; h: number }): string {
  return `${fmt(b.x)} ${fmt(b.y)} ${fmt(b.w)} ${fmt(b.h)}`;
}

/** Consecutive items of one text object: same font, size, colour, clip and baseline, left to right. */
function joinText(items: Item[]): Item[] {
  const out: Item[] = [];
  for (const item of items) {
    const last = out.at(-1);
    if (item.kind === 'text' && last?.kind === 'text' && item.angle === 0 && last.angle === 0 && last.font === item.font && Math.abs(last.size - item.size) < 1e-4 && colourValue(last.fill) === colourValue(item.fill)
      && last.alpha === item.alpha && last.fillSpace === item.fillSpace && last.clip === item.clip && Math.abs(last.glyphs[0]!.y - item.glyphs[0]!.y) < 1e-3 && item.glyphs[0]!.x > last.glyphs.at(-1)!.x) {
      out[out.length - 1] = { ...last, glyphs: [...last.glyphs, ...item.glyphs] };
    } else out.push(item);
  }
  return out;
}

/** A fill with an axial or radial shading: its geometry in the object's space (`px`, `py`: device pt → object mm). */
function shadingColour(s: Shading, px: (x: number) => string, py: (y: number) => string, alpha: number): string {
  const extend = (s.extendStart ? 1 : 0) + (s.extendEnd ? 2 : 0);
  const segments = s.stops.map((t) => `<ofd:Segment Position="${fmt(t.position)}">${colourElement('Color', t.colour, 1)}</ofd:Segment>`).join('');
  const c = s.coords;
  const shd = s.type === 'axial'
    ? `<ofd:AxialShd StartPoint="${px(c[0]!)} ${py(c[1]!)}" EndPoint="${px(c[2]!)} ${py(c[3]!)}"${extend ? ` Extend="${extend}"` : ''}>${segments}</ofd:AxialShd>`
    : `<ofd:RadialShd StartPoint="${px(c[0]!)} ${py(c[1]!)}" StartRadius="${fmt(mm(c[2]!))}" EndPoint="${px(c[3]!)} ${py(c[4]!)}" EndRadius="${fmt(mm(c[5]!))}"${extend ? ` Extend="${extend}"` : ''}>${segments}</ofd:RadialShd>`;
  return `<ofd:FillColor${alpha < 1 ? ` Alpha="${Math.round(alpha * 255)}"` : ''}>${shd}</ofd:FillColor>`;
}

/**
 * The page's links inside the document (the contents page's entries) as OFD actions: a click in the
 * link's rectangle goes to the page and height it names. Links that leave the document are not
 * carried over (OFD-A, GB/T 42133, allows no external reference); `dropped` counts them.
 */
function pageActions(doc: PDFDocument, index: number, pageIds: readonly number[], to: ReturnType<typeof toPage>): { xml: string; dropped: number } {
  const annots = doc.getPages()[index]!.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  const actions: string[] = [];
  let dropped = 0;
  for (let i = 0; i < (annots?.size() ?? 0); i++) {
    const annot = annots!.lookupMaybe(i, PDFDict);
    if (!annot || annot.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
    const dest = destinationOf(doc, annot);
    const rect = annot.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asArray().map((n) => numberOrNaN(n));
    if (!dest || !rect || rect.length !== 4 || rect.some((n) => !Number.isFinite(n))) {
      dropped++;
      continue;
    }
    const [x0, x1] = [to.x(Math.min(rect[0]!, rect[2]!)), to.x(Math.max(rect[0]!, rect[2]!))];
    const [y0, y1] = [to.y(Math.max(rect[1]!, rect[3]!)), to.y(Math.min(rect[1]!, rect[3]!))];
    actions.push(`<ofd:Action Event="CLICK"><ofd:Region><ofd:Area Start="${fmt(x0)} ${fmt(y0)}"><ofd:Line Point1="${fmt(x1)} ${fmt(y0)}"/><ofd:Line Point1="${fmt(x1)} ${fmt(y1)}"/><ofd:Line Point1="${fmt(x0)} ${fmt(y1)}"/><ofd:Close/></ofd:Area></ofd:Region>`
      + `<ofd:Goto><ofd:Dest Type="XYZ" PageID="${pageIds[dest.page]}" Left="0" Top="${fmt(mm(dest.top))}"/></ofd:Goto></ofd:Action>`);
  }
  return { xml: actions.length ? `<ofd:Actions>${actions.join('')}</ofd:Actions>` : '', dropped };
}
const numberOrNaN = (n: unknown) => (n instanceof PDFNumber ? n.asNumber() : NaN);

function pageXml(doc: PDFDocument, index: number, ids: Ids, res: Resources, problems: ContentProblem[], pageIds: readonly number[]): string {
  const { items, problems: found, box } = readPageContent(doc, index);
  problems.push(...found);
  const to = toPage(box);
  const width = mm(box.x1 - box.x0);
  const height = mm(box.y1 - box.y0);
  const layerId = ids.take();
  const body: string[] = [];
  const note = (what: string) => {
    const known = problems.find((p) => p.page === index + 1 && p.what === what);
    if (known) (known as { count: number }).count++;
    else problems.push({ page: index + 1, what, count: 1 });
  };
  /** The object's box in page mm, narrowed by its clip; undefined when nothing of it shows. */
  const placed = (b: Box, clip: Box) => {
    const c = intersect(b, clip);
    if (c.x1 - c.x0 <= 1e-6 || c.y1 - c.y0 <= 1e-6) return undefined;
    return { x: to.x(c.x0), y: to.y(c.y1), w: mm(c.x1 - c.x0), h: mm(c.y1 - c.y0), clipped: c.x0 > b.x0 + 1e-6 || c.y0 > b.y0 + 1e-6 || c.x1 < b.x1 - 1e-6 || c.y1 < b.y1 - 1e-6 };
  };
  const clips = (b: { w: number; h: number; clipped: boolean }) => (b.clipped
    ? `<ofd:Clips><ofd:Clip><ofd:Area><ofd:Path Boundary="0 0 ${fmt(b.w)} ${fmt(b.h)}"><ofd:AbbreviatedData>M 0 0 L ${fmt(b.w)} 0 L ${fmt(b.w)} ${fmt(b.h)} L 0 ${fmt(b.h)} C</ofd:AbbreviatedData></ofd:Path></ofd:Area></ofd:Clip></ofd:Clips>`
    : '');

  const spaceOf = (s: IccSpace | undefined) => {
    if (!s) return undefined;
    let space = res.spaces.get(s.profile);
    if (!space) {
      const id = ids.take();
      space = { id, file: `colorspace_${id}.icc`, n: s.n };
      res.spaces.set(s.profile, space);
    }
    return space;
  };

  const text = (t: TextItem) => {
    const file = t.font.file;
    let font = res.fonts.get(file);
    if (!font) {
      const id = ids.take();
      font = { id, file: `font_${id}.ttf`, use: t.font };
      res.fonts.set(file, font);
    }
    const size = t.size;
    const xs = t.glyphs.map((g) => g.x);
    const ys = t.glyphs.map((g) => g.y);
    // Generous: the glyph box is not known here, and OFD clips an object to its Boundary.
    const bounds: Box = t.angle === 0
      ? { x0: Math.min(...xs) - size * 0.5, x1: Math.max(...xs) + size * 1.5, y0: t.glyphs[0]!.y - size * 0.5, y1: t.glyphs[0]!.y + size * 1.25 }
      : { x0: Math.min(...xs) - size * 1.5, x1: Math.max(...xs) + size * 1.5, y0: Math.min(...ys) - size * 1.5, y1: Math.max(...ys) + size * 1.5 };
    // Turned text: the glyphs along the baseline in the object's own space, turned by the CTM.
    const [cos, sin] = [Math.cos(t.angle), Math.sin(t.angle)];
    const along = (g: { x: number; y: number }) => (g.x - t.glyphs[0]!.x) * cos + (g.y - t.glyphs[0]!.y) * sin;
    const b = placed(bounds, t.clip);
    if (!b) return;
    const chars: string[] = [];
    const deltas: number[] = [];
    const transforms: string[] = [];
    let singles: { position: number; glyphs: number[] } | undefined;
    const flush = () => {
      if (singles) transforms.push(`<ofd:CGTransform CodePosition="${singles.position}" CodeCount="${singles.glyphs.length}" GlyphCount="${singles.glyphs.length}"><ofd:Glyphs>${singles.glyphs.join(' ')}</ofd:Glyphs></ofd:CGTransform>`);
      singles = undefined;
    };
    t.glyphs.forEach((g, k) => {
      const cps = codePoints(g.text);
      if (k > 0) deltas.push(mm(along(g) - along(t.glyphs[k - 1]!)), ...cps.slice(1).map(() => 0));
      else deltas.push(...cps.slice(1).map(() => 0));
      const position = chars.length;
      chars.push(...cps);
      if (cps.length === 1) {
        singles ??= { position, glyphs: [] };
        singles.glyphs.push(g.gid);
      } else {
        flush();
        transforms.push(`<ofd:CGTransform CodePosition="${position}" CodeCount="${cps.length}" GlyphCount="1"><ofd:Glyphs>${g.gid}</ofd:Glyphs></ofd:CGTransform>`);
      }
    });
    flush();
    const x = to.x(t.glyphs[0]!.x) - b.x;
    const y = to.y(t.glyphs[0]!.y) - b.y;
    // PDF turns counter-clockwise with y up; on OFD's page, y down, the same turn is clockwise.
    const turned = t.angle !== 0;
    const ctm = turned ? ` CTM="${[cos, -sin, sin, cos].map((v) => fmt(Math.round(v * 1e6) / 1e6)).join(' ')} ${fmt(x)} ${fmt(y)}"` : '';
    body.push(`<ofd:TextObject ID="${ids.take()}" Boundary="${boxAttr(b)}"${ctm} Font="${font.id}" Size="${fmt(mm(size))}">${clips(b)}${colourElement('FillColor', t.fill, t.alpha, spaceOf(t.fillSpace))}${transforms.join('')}`
      + `<ofd:TextCode X="${turned ? 0 : fmt(x)}" Y="${turned ? 0 : fmt(y)}"${deltas.length ? ` DeltaX="${deltas.map(fmt).join(' ')}"` : ''}>${esc(chars.join(''))}</ofd:TextCode></ofd:TextObject>`);
  };

  const path = (p: PathItem) => {
    const pts: [number, number][] = [];
    for (const s of p.segments) {
      if (s.op === 'M' || s.op === 'L') pts.push([s.x, s.y]);
      else if (s.op === 'B') pts.push([s.pts[0], s.pts[1]], [s.pts[2], s.pts[3]], [s.pts[4], s.pts[5]]);
    }
    if (!pts.length) return;
    const pad = p.stroke ? p.lineWidth / 2 + 0.5 : 0;
    const bounds: Box = { x0: Math.min(...pts.map((q) => q[0])) - pad, y0: Math.min(...pts.map((q) => q[1])) - pad, x1: Math.max(...pts.map((q) => q[0])) + pad, y1: Math.max(...pts.map((q) => q[1])) + pad };
    if (bounds.x1 - bounds.x0 <= 0 || bounds.y1 - bounds.y0 <= 0) return;
    const b = placed(bounds, p.clip);
    if (!b) return;
    const px = (x: number) => fmt(to.x(x) - b.x);
    const py = (y: number) => fmt(to.y(y) - b.y);
    const data = p.segments.map((s) => (s.op === 'C' ? 'C' : s.op === 'B' ? `B ${px(s.pts[0])} ${py(s.pts[1])} ${px(s.pts[2])} ${py(s.pts[3])} ${px(s.pts[4])} ${py(s.pts[5])}` : `${s.op} ${px(s.x)} ${py(s.y)}`)).join(' ');
    const cap = ['Butt', 'Round', 'Square'][p.cap] ?? 'Butt';
    const dash = p.stroke && p.dash.length ? ` DashPattern="${(p.dash.length % 2 ? [...p.dash, ...p.dash] : p.dash).map((d) => fmt(mm(d))).join(' ')}"${p.dashPhase ? ` DashOffset="${fmt(mm(p.dashPhase))}"` : ''}` : '';
    const fill = p.fill ? (p.shading ? shadingColour(p.shading, px, py, p.alpha) : colourElement('FillColor', p.fill, p.alpha, spaceOf(p.fillSpace))) : '';
    const join = ['Miter', 'Round', 'Bevel'][p.join] ?? 'Miter';
    body.push(`<ofd:PathObject ID="${ids.take()}" Boundary="${boxAttr(b)}" LineWidth="${fmt(mm(p.lineWidth))}"${cap !== 'Butt' ? ` Cap="${cap}"` : ''}${join !== 'Miter' ? ` Join="${join}"` : ''}${dash}`
      + ` Stroke="${p.stroke ? 'true' : 'false'}" Fill="${p.fill ? 'true' : 'false'}"${p.evenOdd ? ' Rule="Even-Odd"' : ''}>${clips(b)}`
      + `${p.stroke ? colourElement('StrokeColor', p.stroke, p.alpha, spaceOf(p.strokeSpace)) : ''}${fill}<ofd:AbbreviatedData>${data}</ofd:AbbreviatedData></ofd:PathObject>`);
  };

  const image = (i: ImageItem) => {
    const b = placed(i.box, i.clip);
    if (!b) return;
    if (!res.images.has(i.stream)) {
      const file = imageFile(doc, i.stream);
      if (typeof file === 'string') {
        note(file);
        res.images.set(i.stream, undefined);
      } else {
        const id = ids.take();
        const maskId = file.mask ? ids.take() : 0;
        res.images.set(i.stream, { id, file: `image_${id}.${file.ext}`, format: file.format, bytes: file.bytes, ...(file.mask ? { mask: { id: maskId, file: `image_${maskId}.png`, bytes: file.mask } } : {}) });
      }
    }
    const media = res.images.get(i.stream);
    if (!media) return;
    // The image fills the unit square; the CTM scales it to its size and moves it by what the clip cut off.
    const w = mm(i.box.x1 - i.box.x0);
    const h = mm(i.box.y1 - i.box.y0);
    const dx = to.x(i.box.x0) - b.x;
    const dy = to.y(i.box.y1) - b.y;
    body.push(`<ofd:ImageObject ID="${ids.take()}" Boundary="${boxAttr(b)}" CTM="${fmt(w)} 0 0 ${fmt(h)} ${fmt(dx)} ${fmt(dy)}" ResourceID="${media.id}"${media.mask ? ` ImageMask="${media.mask.id}"` : ''}${i.alpha < 1 ? ` Alpha="${Math.round(i.alpha * 255)}"` : ''}/>`);
  };

  for (const item of joinText(items)) {
    if (item.kind === 'text') text(item);
    else if (item.kind === 'path') path(item);
    else image(item);
  }
  // Links that leave the document are left out on purpose (OFD-A); their text is on the page.
  const actions = pageActions(doc, index, pageIds, to);
  return `${XML_HEAD}<ofd:Page xmlns:ofd="${OFD_NS}"><ofd:Area><ofd:PhysicalBox>0 0 ${fmt(width)} ${fmt(height)}</ofd:PhysicalBox></ofd:Area>`
    + `<ofd:Content><ofd:Layer ID="${layerId}" Type="Body">${body.join('\n')}</ofd:Layer></ofd:Content>${actions.xml}</ofd:Page>\n`;
}

interface Outline { title: string; page: number; top: number; children: Outline[] }

const textOf = (v: unknown): string | undefined => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined);

/** Where a bookmark or a link goes: the page (0-based) and the top of the window (pt from the page's top). */
function destinationOf(doc: PDFDocument, item: PDFDict): { page: number; top: number } | undefined {
  const pages = doc.getPages();
  let d = item.lookup(PDFName.of('Dest'));
  if (!d) {
    const action = item.lookupMaybe(PDFName.of('A'), PDFDict);
    if (action?.get(PDFName.of('S')) === PDFName.of('GoTo')) d = action.lookup(PDFName.of('D'));
  }
  if (d instanceof PDFName) d = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict)?.lookup(d);
  else if (d instanceof PDFString || d instanceof PDFHexString) d = undefined; // named trees: Chrome writes /Dests
  if (d instanceof PDFDict) d = d.lookup(PDFName.of('D'));
  if (!(d instanceof PDFArray)) return undefined;
  const page = pages.findIndex((p) => p.ref === d.get(0));
  if (page < 0) return undefined;
  const y = d.get(1) === PDFName.of('XYZ') ? d.lookup(3) : undefined;
  const box = pages[page]!.getMediaBox();
  return { page, top: y instanceof PDFNumber ? Math.max(0, box.y + box.height - y.asNumber()) : 0 };
}

/** The PDF's bookmarks: title, page (0-based) and the top of the window (pt from the page's top). */
function readOutlines(doc: PDFDocument): Outline[] {
  const walk = (first: unknown, depth: number): Outline[] => {
    const out: Outline[] = [];
    let item = first instanceof PDFRef ? doc.context.lookup(first) : first;
    for (let n = 0; item instanceof PDFDict && n < 10_000 && depth < 16; n++) {
      const dest = destinationOf(doc, item);
      const title = textOf(item.lookup(PDFName.of('Title')));
      if (title !== undefined && dest) out.push({ title, ...dest, children: walk(item.get(PDFName.of('First')), depth + 1) });
      item = item.lookup(PDFName.of('Next'));
    }
    return out;
  };
  return walk(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.get(PDFName.of('First')), 0);
}

/** A moment as the wall clock in China (UTC+8) shows it: the issue date is a date there. */
const chinaTime = (date: Date) => new Date(date.getTime() + 8 * 3600 * 1000);

/**
 * The zip's time: DOS times have no time zone and fflate fills them from the local fields of a Date,
 * so the local fields are set to China's wall clock (the same bytes in every time zone).
 */
function zipTime(date: Date): Date {
  const d = chinaTime(date).getUTCFullYear() < 1980 ? new Date(Date.UTC(1980, 0, 1)) : chinaTime(date);
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}

export async function pdfToOfd(pdf: Uint8Array, meta: OfdMetadata): Promise<OfdResult> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const ids = new Ids();
  const res: Resources = { spaces: new Map(), fonts: new Map(), images: new Map() };
  const problems: ContentProblem[] = [];
  const pageCount = doc.getPageCount();
  const pageIds = Array.from({ length: pageCount }, () => ids.take());
  const pages = Array.from({ length: pageCount }, (_, i) => pageXml(doc, i, ids, res, problems, pageIds));
  const first = doc.getPages()[0]?.getMediaBox();

  const outlineXml = (items: Outline[]): string => items.map((o) => `<ofd:OutlineElem Title="${esc(o.title)}"${o.children.length ? ' Expanded="true"' : ''}><ofd:Actions><ofd:Action Event="CLICK"><ofd:Goto>`
    + `<ofd:Dest Type="XYZ" PageID="${pageIds[o.page]}" Left="0" Top="${fmt(mm(o.top))}"/></ofd:Goto></ofd:Action></ofd:Actions>${outlineXml(o.children)}</ofd:OutlineElem>`).join('');
  const outlines = readOutlines(doc);
  // ID of every action: none (Action has no ID); the outline adds no unit.
  const fonts = [...res.fonts.values()];
  const spaces = [...res.spaces.entries()];
  const images = [...res.images.values()].filter((i): i is NonNullable<typeof i> => i !== undefined)
    .flatMap((i) => [i, ...(i.mask ? [{ ...i.mask, format: 'PNG' }] : [])]);
  const hash = createHash('sha256').update(pdf).digest('hex');
  const local = chinaTime(meta.date);
  const day = `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}-${String(local.getUTCDate()).padStart(2, '0')}`;

  const files: [string, Uint8Array | string][] = [];
  files.push(['OFD.xml', `${XML_HEAD}<ofd:OFD xmlns:ofd="${OFD_NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>`
    + `<ofd:DocID>${hash.slice(0, 32)}</ofd:DocID><ofd:Title>${esc(meta.title)}</ofd:Title><ofd:Author>${esc(meta.author)}</ofd:Author>`
    + `<ofd:Subject>${esc(meta.subject)}</ofd:Subject><ofd:CreationDate>${day}</ofd:CreationDate><ofd:ModDate>${day}</ofd:ModDate>`
    + `${meta.keywords.length ? `<ofd:Keywords>${meta.keywords.map((k) => `<ofd:Keyword>${esc(k)}</ofd:Keyword>`).join('')}</ofd:Keywords>` : ''}`
    + `<ofd:Creator>bulletin</ofd:Creator></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>\n`]);
  files.push(['Doc_0/Document.xml', `${XML_HEAD}<ofd:Document xmlns:ofd="${OFD_NS}"><ofd:CommonData><ofd:MaxUnitID>${ids.max}</ofd:MaxUnitID>`
    + `<ofd:PageArea><ofd:PhysicalBox>0 0 ${fmt(mm(first?.width ?? 595.28))} ${fmt(mm(first?.height ?? 841.89))}</ofd:PhysicalBox></ofd:PageArea>`
    + `<ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData>`
    + `<ofd:Pages>${pageIds.map((id, i) => `<ofd:Page ID="${id}" BaseLoc="Pages/Page_${i}/Content.xml"/>`).join('')}</ofd:Pages>`
    + `${outlines.length ? `<ofd:Outlines>${outlineXml(outlines)}</ofd:Outlines>` : ''}</ofd:Document>\n`]);
  files.push(['Doc_0/PublicRes.xml', `${XML_HEAD}<ofd:Res xmlns:ofd="${OFD_NS}" BaseLoc="Res">`
    + `${spaces.length ? `<ofd:ColorSpaces>${spaces.map(([, c]) => `<ofd:ColorSpace ID="${c.id}" Type="${c.n === 1 ? 'GRAY' : 'RGB'}" Profile="${c.file}"/>`).join('')}</ofd:ColorSpaces>` : ''}${fonts.length ? `<ofd:Fonts>${fonts.map((f) => `<ofd:Font ID="${f.id}" FontName="${esc(f.use.name)}" FamilyName="${esc(f.use.name)}"><ofd:FontFile>${f.file}</ofd:FontFile></ofd:Font>`).join('')}</ofd:Fonts>` : ''}</ofd:Res>\n`]);
  files.push(['Doc_0/DocumentRes.xml', `${XML_HEAD}<ofd:Res xmlns:ofd="${OFD_NS}" BaseLoc="Res">${images.length ? `<ofd:MultiMedias>${images.map((m) => `<ofd:MultiMedia ID="${m.id}" Type="Image" Format="${m.format}"><ofd:MediaFile>${m.file}</ofd:MediaFile></ofd:MultiMedia>`).join('')}</ofd:MultiMedias>` : ''}</ofd:Res>\n`]);
  pages.forEach((xml, i) => files.push([`Doc_0/Pages/Page_${i}/Content.xml`, xml]));
  for (const [profile, c] of spaces) files.push([`Doc_0/Res/${c.file}`, decoded(profile)]);
  for (const f of fonts) files.push([`Doc_0/Res/${f.file}`, f.use.file instanceof PDFRawStream ? decoded(f.use.file) : f.use.file.getContents()]);
  for (const m of images) files.push([`Doc_0/Res/${m.file}`, m.bytes]);

  const mtime = zipTime(meta.date);
  const entries: Record<string, [Uint8Array, ZipOptions]> = {};
  const encoder = new TextEncoder();
  for (const [name, data] of files) {
    const bytes = typeof data === 'string' ? encoder.encode(data) : data;
    // Already compressed (JPEG, PNG) stored as they are.
    entries[name] = [bytes, { level: name.endsWith('.jpg') || name.endsWith('.png') ? 0 : 6, mtime }];
  }
  return { bytes: zipSync(entries), problems };
}
