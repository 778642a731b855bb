// A small OFD renderer for the tests: each page of a package (GB/T 33190-2016) as an SVG, drawn from
// the package alone, the way an OFD reader draws it. Text: each glyph by the id the package gives
// (CGTransform), else by the font's cmap, its outline taken from the font file in the package
// (opentype.js) and placed at the position the TextCode gives (X, Y, DeltaX); paths from their
// AbbreviatedData (M L Q B A C), filled and stroked in the colours given (in the default colour space
// or an RGB or GRAY ColorSpace of the package, its ICC profile taken as sRGB or grey), with their
// DashPattern, or filled with an axial or radial shading (AxialShd, RadialShd: SVG gradients); images
// from their files, placed by the object's CTM, with their ImageMask (a luminance mask) and Alpha; every object clipped to its Boundary and its Clips. What this renderer
// does not know (an element or an operator it has no drawing for) is listed in `unknown`, so that a
// test can fail on it rather than pass a page that lost something.
import { unzipSync } from 'fflate';
import * as opentypeModule from 'opentype.js';
import { parseXml, type XmlElement } from '../../src/check/checkOfd.js';

interface Glyph { getPath(x: number, y: number, size: number): { toPathData(decimals?: number): string } }
interface Font { unitsPerEm: number; glyphs: { get(index: number): Glyph }; charToGlyph(c: string): Glyph }
const opentype = ((opentypeModule as unknown as { default?: unknown }).default ?? opentypeModule) as { parse(buffer: ArrayBuffer): Font };

export interface SvgPage {
  /** Page size, mm. */
  readonly width: number;
  readonly height: number;
  /** The page as an SVG document whose user unit is the millimetre. */
  readonly svg: string;
}

export interface RenderedOfd {
  readonly pages: SvgPage[];
  /** Elements and path operators the renderer cannot draw, with where (empty: it drew everything). */
  readonly unknown: string[];
}

const child = (el: XmlElement | undefined, name: string) => el?.children.find((c) => c.name === name);
const numbers = (s: string | undefined) => (s ?? '').trim().split(/\s+/).filter(Boolean).map(Number);
const n = (v: number) => String(Math.round(v * 10000) / 10000);
const attr = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function resolve(base: string, name: string): string {
  const out: string[] = [];
  for (const p of (name.startsWith('/') ? name.slice(1) : `${base}/${name}`).split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
}
const folderOf = (file: string) => file.split('/').slice(0, -1).join('/');

/** A DeltaX or DeltaY list with its `g N v` abbreviations (N times the value v) written out. */
function deltas(s: string | undefined): number[] {
  const words = (s ?? '').trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 'g') {
      const [count, value] = [Number(words[i + 1]), Number(words[i + 2])];
      for (let k = 0; k < count; k++) out.push(value);
      i += 2;
    } else out.push(Number(words[i]));
  }
  return out;
}

/** An OFD colour space of the package: its type (RGB or GRAY, an ICC profile drawn as sRGB or grey). */
type Spaces = ReadonlyMap<string, string>;

/**
 * An OFD colour as CSS, with its opacity: its Value in the default colour space (RGB, 0-255 per
 * channel) or in the RGB or GRAY space its ColorSpace names (an ICC profile taken as sRGB or grey).
 * A value that does not fit its space, or a space that is not there, goes to `unknown`.
 */
function colour(el: XmlElement | undefined, fallback: string, spaces: Spaces, unknown: (what: string) => void): { css: string; opacity: number } {
  if (!el) return { css: fallback, opacity: 1 };
  const v = numbers(el.attrs.Value);
  const type = el.attrs.ColorSpace === undefined ? 'RGB' : spaces.get(el.attrs.ColorSpace);
  let css = fallback;
  if (type === 'RGB' && v.length === 3) css = `rgb(${v.join(',')})`;
  else if (type === 'GRAY' && v.length === 1) css = `rgb(${v[0]},${v[0]},${v[0]})`;
  else if (el.attrs.Value !== undefined || el.attrs.ColorSpace !== undefined) unknown(`colour ${el.attrs.Value ?? ''} in ${type ?? `colour space ${el.attrs.ColorSpace}`}`);
  return { css, opacity: el.attrs.Alpha === undefined ? 1 : Number(el.attrs.Alpha) / 255 };
}

/** OFD's AbbreviatedData as SVG path data; operators it does not know go to `unknown`. */
function pathData(data: string, unknown: (what: string) => void): string {
  const words = data.trim().split(/\s+/).filter(Boolean);
  const out: string[] = [];
  const take: Record<string, [string, number]> = { S: ['M', 2], M: ['M', 2], L: ['L', 2], Q: ['Q', 4], B: ['C', 6], A: ['A', 7], C: ['Z', 0] };
  for (let i = 0; i < words.length;) {
    const op = take[words[i]!];
    if (!op) {
      unknown(`path operator ${words[i]}`);
      i++;
      continue;
    }
    const args = words.slice(i + 1, i + 1 + op[1]).map(Number);
    out.push(`${op[0]}${args.map(n).join(' ')}`);
    i += 1 + op[1];
  }
  return out.join(' ');
}

/** The rectangle an AbbreviatedData draws (M and three L, closed, sides along the axes), else undefined. */
function rectangleOf(data: string): { x0: number; y0: number; x1: number; y1: number } | undefined {
  const m = /^\s*M (\S+) (\S+) L (\S+) (\S+) L (\S+) (\S+) L (\S+) (\S+)(?: L \1 \2)? C\s*$/.exec(data);
  if (!m) return undefined;
  const [x0, y0, x1, y1, x2, y2, x3, y3] = m.slice(1, 9).map(Number) as [number, number, number, number, number, number, number, number];
  const alongAxes = (x0 === x1 && y1 === y2 && x2 === x3 && y3 === y0) || (y0 === y1 && x1 === x2 && y2 === y3 && x3 === x0);
  return alongAxes ? { x0: Math.min(x0, x2), y0: Math.min(y0, y2), x1: Math.max(x0, x2), y1: Math.max(y0, y2) } : undefined;
}

/**
 * `dpi`: the resolution the pages will be drawn at. A rectangular clip (an object's Boundary, or a
 * Clip that is a rectangle along the axes) is then widened to whole pixels, as PDF and OFD renderers
 * do: an anti-aliased clip whose edge falls on the edge of what it clips (a table rule clipped to
 * its own box) would multiply the edge pixels' coverage and draw a one-pixel rule at half its ink.
 */
export function ofdToSvg(bytes: Uint8Array, options: { dpi?: number; /** Objects left undrawn (a test that the comparison sees what is lost). */ omit?: (el: XmlElement, page: number) => boolean } = {}): RenderedOfd {
  const pixel = options.dpi ? 25.4 / options.dpi : undefined;
  /** A rectangle in page mm, widened to whole pixels, as a <rect> in the coordinates of an object at (ox, oy). */
  const clipRect = (r: { x0: number; y0: number; x1: number; y1: number }, ox: number, oy: number) => {
    const [x0, y0, x1, y1] = pixel
      ? [Math.floor((r.x0 + ox) / pixel + 1e-6) * pixel, Math.floor((r.y0 + oy) / pixel + 1e-6) * pixel, Math.ceil((r.x1 + ox) / pixel - 1e-6) * pixel, Math.ceil((r.y1 + oy) / pixel - 1e-6) * pixel]
      : [r.x0 + ox, r.y0 + oy, r.x1 + ox, r.y1 + oy];
    return `<rect x="${n(x0 - ox)}" y="${n(y0 - oy)}" width="${n(x1 - x0)}" height="${n(y1 - y0)}"/>`;
  };
  const files = unzipSync(bytes);
  const text = (name: string) => {
    const data = files[name];
    if (!data) throw new Error(`${name} is not in the package`);
    return parseXml(new TextDecoder().decode(data));
  };
  const unknown = new Set<string>();
  const rootName = resolve('', child(child(text('OFD.xml'), 'DocBody'), 'DocRoot')!.text.trim());
  const doc = text(rootName);
  const docDir = folderOf(rootName);
  const common = child(doc, 'CommonData');

  // Resources: fonts by id (parsed), images by id (as data: URLs).
  const fonts = new Map<string, Font>();
  const images = new Map<string, string>();
  const spaces = new Map<string, string>();
  for (const ref of common?.children.filter((c) => c.name === 'PublicRes' || c.name === 'DocumentRes') ?? []) {
    const name = resolve(docDir, ref.text.trim());
    const res = text(name);
    const base = resolve(folderOf(name), res.attrs.BaseLoc ?? '');
    for (const font of child(res, 'Fonts')?.children ?? []) {
      const data = files[resolve(base, child(font, 'FontFile')!.text.trim())]!;
      fonts.set(font.attrs.ID!, opentype.parse(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer));
    }
    for (const space of child(res, 'ColorSpaces')?.children ?? []) {
      if (space.attrs.Type === 'RGB' || space.attrs.Type === 'GRAY') spaces.set(space.attrs.ID!, space.attrs.Type);
      else unknown.add(`colour space ${space.attrs.ID} of type ${space.attrs.Type}`);
    }
    for (const media of child(res, 'MultiMedias')?.children ?? []) {
      const data = files[resolve(base, child(media, 'MediaFile')!.text.trim())]!;
      const type = media.attrs.Format === 'JPEG' ? 'image/jpeg' : 'image/png';
      images.set(media.attrs.ID!, `data:${type};base64,${Buffer.from(data).toString('base64')}`);
    }
  }
  const defaultBox = numbers(child(child(common, 'PageArea'), 'PhysicalBox')?.text);

  const pages: SvgPage[] = [];
  for (const [index, page] of (child(doc, 'Pages')?.children ?? []).entries()) {
    const name = resolve(docDir, page.attrs.BaseLoc!);
    const content = text(name);
    const box = numbers(child(child(content, 'Area'), 'PhysicalBox')?.text);
    const [, , width, height] = box.length === 4 ? box : defaultBox;
    const where = `page ${index + 1}`;
    const note = (what: string) => unknown.add(`${where}: ${what}`);
    const defs: string[] = [];
    const paint = (el: XmlElement | undefined, fallback: string) => colour(el, fallback, spaces, note);
    let clipCount = 0;
    let defCount = 0;
    /**
     * A fill with an axial or radial shading (GB/T 33190 8.3.4/8.3.5) as an SVG gradient in the
     * object's space: its Segments as stops; an end that Extend does not extend stops there (a
     * transparent stop at the same offset: SVG pads with the outermost stop).
     */
    const shading = (fill: XmlElement): string | undefined => {
      const shd = fill.children.find((c) => c.name === 'AxialShd' || c.name === 'RadialShd');
      if (!shd) return undefined;
      const id = `g${++defCount}`;
      const extend = Number(shd.attrs.Extend ?? 0);
      const segments = shd.children.filter((c) => c.name === 'Segment');
      const stops = segments.map((seg, k) => {
        const c = paint(child(seg, 'Color'), 'rgb(0,0,0)');
        return { offset: Number(seg.attrs.Position ?? (segments.length > 1 ? k / (segments.length - 1) : 0)), css: c.css, opacity: c.opacity };
      });
      if (stops.length && !(extend & 1)) stops.unshift({ ...stops[0]!, opacity: 0 });
      if (stops.length && !(extend & 2)) stops.push({ ...stops.at(-1)!, opacity: 0 });
      const stopTags = stops.map((t) => `<stop offset="${n(t.offset)}" stop-color="${t.css}"${t.opacity < 1 ? ` stop-opacity="${n(t.opacity)}"` : ''}/>`).join('');
      const [sx, sy] = numbers(shd.attrs.StartPoint);
      const [ex, ey] = numbers(shd.attrs.EndPoint);
      if (shd.attrs.MapType && shd.attrs.MapType !== 'Direct') note(`${shd.name} MapType ${shd.attrs.MapType}`);
      if (shd.name === 'AxialShd') defs.push(`<linearGradient id="${id}" gradientUnits="userSpaceOnUse" x1="${n(sx!)}" y1="${n(sy!)}" x2="${n(ex!)}" y2="${n(ey!)}">${stopTags}</linearGradient>`);
      else {
        if (Number(shd.attrs.Eccentricity ?? 0) !== 0) note('RadialShd Eccentricity');
        defs.push(`<radialGradient id="${id}" gradientUnits="userSpaceOnUse" fx="${n(sx!)}" fy="${n(sy!)}" fr="${n(Number(shd.attrs.StartRadius ?? 0))}" cx="${n(ex!)}" cy="${n(ey!)}" r="${n(Number(shd.attrs.EndRadius))}">${stopTags}</radialGradient>`);
      }
      return `url(#${id})`;
    };
    /** A clip path (its parts in the coordinates of the group it applies to) and its id. */
    const clipPath = (parts: string): string => {
      const id = `c${++clipCount}`;
      defs.push(`<clipPath id="${id}" clipPathUnits="userSpaceOnUse">${parts}</clipPath>`);
      return id;
    };

    const drawText = (el: XmlElement): string => {
      const font = fonts.get(el.attrs.Font!);
      if (!font) {
        note(`text object ${el.attrs.ID}: font ${el.attrs.Font} not in the package`);
        return '';
      }
      const size = Number(el.attrs.Size);
      const fill = paint(child(el, 'FillColor'), 'rgb(0,0,0)');
      // Glyph ids by character position, from the CGTransforms.
      const gids = new Map<number, number[]>();
      const covered = new Set<number>();
      for (const cg of el.children.filter((c) => c.name === 'CGTransform')) {
        const position = Number(cg.attrs.CodePosition);
        const [codes, count] = [Number(cg.attrs.CodeCount ?? 1), Number(cg.attrs.GlyphCount ?? 1)];
        const glyphs = numbers(child(cg, 'Glyphs')?.text);
        if (codes === count) glyphs.forEach((g, k) => gids.set(position + k, [g]));
        else gids.set(position, glyphs);
        for (let k = 0; k < codes; k++) covered.add(position + k);
      }
      const paths: string[] = [];
      let position = 0;
      for (const code of el.children.filter((c) => c.name === 'TextCode')) {
        const chars = [...code.text];
        const dx = deltas(code.attrs.DeltaX);
        const dy = deltas(code.attrs.DeltaY);
        let [x, y] = [Number(code.attrs.X), Number(code.attrs.Y)];
        chars.forEach((c, k) => {
          if (k > 0) {
            x += dx[k - 1] ?? 0;
            y += dy[k - 1] ?? 0;
          }
          const at = position + k;
          const glyphs = gids.get(at)?.map((g) => font.glyphs.get(g)) ?? (covered.has(at) ? [] : [font.charToGlyph(c)]);
          for (const g of glyphs) {
            const d = g.getPath(x, y, size).toPathData(4);
            if (d) paths.push(d);
          }
        });
        position += chars.length;
      }
      return `<path d="${paths.join('')}" fill="${fill.css}"${fill.opacity < 1 ? ` fill-opacity="${n(fill.opacity)}"` : ''}/>`;
    };

    const drawPath = (el: XmlElement): string => {
      const data = pathData(child(el, 'AbbreviatedData')?.text ?? '', note);
      const stroke = el.attrs.Stroke !== 'false';
      const fill = el.attrs.Fill === 'true';
      const fillColour = child(el, 'FillColor');
      const gradient = fillColour && shading(fillColour);
      const f = gradient ? { css: gradient, opacity: fillColour!.attrs.Alpha === undefined ? 1 : Number(fillColour!.attrs.Alpha) / 255 } : paint(fillColour, 'rgb(0,0,0)');
      const s = paint(child(el, 'StrokeColor'), 'rgb(0,0,0)');
      const dash = el.attrs.DashPattern ? ` stroke-dasharray="${numbers(el.attrs.DashPattern).map(n).join(' ')}" stroke-dashoffset="${n(Number(el.attrs.DashOffset ?? 0))}"` : '';
      return `<path d="${data}" fill="${fill ? f.css : 'none'}"${fill && f.opacity < 1 ? ` fill-opacity="${n(f.opacity)}"` : ''}${el.attrs.Rule === 'Even-Odd' ? ' fill-rule="evenodd"' : ''}`
        + (stroke ? ` stroke="${s.css}" stroke-width="${n(Number(el.attrs.LineWidth ?? 0.353))}" stroke-linecap="${(el.attrs.Cap ?? 'Butt').toLowerCase()}" stroke-linejoin="${(el.attrs.Join ?? 'Miter').toLowerCase()}" stroke-miterlimit="${n(Number(el.attrs.MiterLimit ?? 3.528))}"${s.opacity < 1 ? ` stroke-opacity="${n(s.opacity)}"` : ''}${dash}` : '')
        + '/>';
    };

    const drawImage = (el: XmlElement): string => {
      const href = images.get(el.attrs.ResourceID!);
      if (!href) {
        note(`image object ${el.attrs.ID}: resource ${el.attrs.ResourceID} not an image of the package`);
        return '';
      }
      // The image fills the unit square; the CTM takes it to the object's space. Its ImageMask (a
      // grey image over the same square: white shows, black hides) as a luminance mask; Alpha as opacity.
      let masked = '';
      if (el.attrs.ImageMask !== undefined) {
        const mask = images.get(el.attrs.ImageMask);
        if (!mask) note(`image object ${el.attrs.ID}: mask ${el.attrs.ImageMask} not an image of the package`);
        else {
          const id = `m${++defCount}`;
          defs.push(`<mask id="${id}" maskUnits="userSpaceOnUse" maskContentUnits="userSpaceOnUse" x="0" y="0" width="1" height="1" style="mask-type:luminance"><image href="${attr(mask)}" x="0" y="0" width="1" height="1" preserveAspectRatio="none"/></mask>`);
          masked = ` mask="url(#${id})"`;
        }
      }
      const opacity = el.attrs.Alpha === undefined ? '' : ` opacity="${n(Number(el.attrs.Alpha) / 255)}"`;
      return `<image href="${attr(href)}" x="0" y="0" width="1" height="1" preserveAspectRatio="none"${masked}${opacity}/>`;
    };

    /** A graphic unit: in its Boundary (a translation and a clip), then its CTM, its Clips, its drawing. */
    const drawObject = (el: XmlElement): string => {
      const [bx, by, bw, bh] = numbers(el.attrs.Boundary);
      const inner = el.name === 'TextObject' ? drawText(el) : el.name === 'PathObject' ? drawPath(el) : el.name === 'ImageObject' ? drawImage(el) : '';
      const ctm = numbers(el.attrs.CTM);
      let body = inner;
      // CTM of an image: the unit square to the object's space; of a path or text: their coordinates.
      if (ctm.length === 6) body = `<g transform="matrix(${ctm.map(n).join(' ')})">${body}</g>`;
      for (const clip of child(el, 'Clips')?.children.filter((c) => c.name === 'Clip') ?? []) {
        const parts = clip.children.filter((a) => a.name === 'Area').map((area) => {
          const p = child(area, 'Path');
          if (!p) {
            note(`clip of ${el.attrs.ID}: an area without a path`);
            return '';
          }
          const [px, py] = numbers(p.attrs.Boundary);
          const actm = numbers(area.attrs.CTM);
          const abbreviated = child(p, 'AbbreviatedData')?.text ?? '';
          const rect = actm.length ? undefined : rectangleOf(abbreviated);
          if (rect) return clipRect({ x0: rect.x0 + (px ?? 0), y0: rect.y0 + (py ?? 0), x1: rect.x1 + (px ?? 0), y1: rect.y1 + (py ?? 0) }, bx ?? 0, by ?? 0);
          const d = pathData(abbreviated, note);
          const transform = `${actm.length === 6 ? `matrix(${actm.map(n).join(' ')}) ` : ''}translate(${n(px ?? 0)} ${n(py ?? 0)})`;
          return `<path d="${d}" transform="${transform}"${p.attrs.Rule === 'Even-Odd' ? ' clip-rule="evenodd"' : ''}/>`;
        });
        // Several areas of one clip: their union; several clips: each narrows the last.
        body = `<g clip-path="url(#${clipPath(parts.join(''))})">${body}</g>`;
      }
      const boundaryClip = clipPath(clipRect({ x0: 0, y0: 0, x1: bw ?? 0, y1: bh ?? 0 }, bx ?? 0, by ?? 0));
      return `<g transform="translate(${n(bx ?? 0)} ${n(by ?? 0)})" clip-path="url(#${boundaryClip})">${body}</g>`;
    };

    const drawBlock = (el: XmlElement): string => el.children.map((c) => {
      if (options.omit?.(c, index)) return '';
      if (c.name === 'TextObject' || c.name === 'PathObject' || c.name === 'ImageObject') return drawObject(c);
      if (c.name === 'PageBlock') return drawBlock(c);
      note(`<${c.name}>`);
      return '';
    }).join('\n');

    const layers = child(content, 'Content')?.children.filter((c) => c.name === 'Layer') ?? [];
    if (content.children.some((c) => c.name === 'Template')) note('<Template>');
    const drawn = layers.map(drawBlock).join('\n');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width!)}mm" height="${n(height!)}mm" viewBox="0 0 ${n(width!)} ${n(height!)}">`
      + `<defs>${defs.join('')}</defs><rect width="100%" height="100%" fill="#fff"/>${drawn}</svg>`;
    pages.push({ width: width!, height: height!, svg });
  }
  return { pages, unknown: [...unknown] };
}
