// The faces of each font role: bundled npm fonts (sliced by unicode-range) or the series' own files.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { FontRole, Series } from '../model/types.js';
import { nodeIo } from '../io.js';
import { cssUrl } from './urlPath.js';
import type { FaceChoice } from '../model/fontFile.js';
import { madeSubset, printedCodePoints } from './fontSubsets.js';

export interface FontFace {
  /** CSS family the templates use: bulletin-title, bulletin-body, … */
  family: string;
  /** Virtual path under which the file is served and written: fonts/<name>. */
  url: string;
  /** Absolute path of the font file. */
  file: string;
  /**
   * Code point ranges (a bundled slice's unicode-range), flat: first, last, first, last …; empty
   * means the whole font. Flat because a bundled font has some 27,000 ranges: as pairs, making them
   * costs a cold process 20 ms.
   */
  ranges: CodeRanges;
  /** What a series' own font file maps (its cmap, read when the series was validated); not written into CSS. */
  coverage?: readonly (readonly [number, number])[];
  format: 'woff2' | 'woff' | 'truetype' | 'opentype';
  /** A series' own font printed as a per-issue subset (render/fontSubsets.ts): of a collection, the face. */
  subset?: FaceChoice;
  /** The subset made for one document (then `format` is woff and `file` only says where it came from). */
  bytes?: Uint8Array;
}

export const FONT_ROLES: readonly FontRole[] = ['title', 'body', 'heading', 'kai', 'pageNumber'];

/** The bundled default per role: npm package and weight (all OFL, TrueType outlines in WOFF2). */
const BUNDLED: Record<FontRole, { pkg: string; css: string }> = {
  title: { pkg: '@fontsource/noto-serif-sc', css: '700.css' },
  body: { pkg: '@fontsource/noto-serif-sc', css: '400.css' },
  heading: { pkg: '@fontsource/noto-sans-sc', css: '500.css' },
  kai: { pkg: '@fontsource/lxgw-wenkai', css: 'latin-500.css' },
  pageNumber: { pkg: '@fontsource/noto-serif-sc', css: '400.css' },
};

const require = createRequire(import.meta.url);
const bundledCache = new Map<string, Omit<FontFace, 'family'>[]>();

/** Flat code point ranges: first, last, first, last … (see FontFace.ranges). */
export type CodeRanges = Uint32Array;
const WHOLE_FONT: CodeRanges = new Uint32Array(0);

/** Flat ranges from pairs (a font file's cmap, a test's list). */
export function codeRanges(pairs: readonly (readonly [number, number])[]): CodeRanges {
  const out = new Uint32Array(pairs.length * 2);
  pairs.forEach(([a, b], k) => {
    out[2 * k] = a;
    out[2 * k + 1] = b;
  });
  return out;
}

function parseRanges(text: string | undefined): CodeRanges {
  if (!text) return WHOLE_FONT;
  const parts = text.split(',');
  const out = new Uint32Array(parts.length * 2);
  parts.forEach((part, k) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
    const start = parseInt(a!, 16);
    out[2 * k] = start;
    out[2 * k + 1] = b ? parseInt(b, 16) : start;
  });
  return out;
}

/** A fontsource CSS file's faces (woff2 only), without the folder of its files. */
export interface BundledSlices {
  /** The package's version: a table made for another version is not used. */
  version: string;
  faces: { url: string; name: string; ranges: number[] }[];
}

/** Reads a fontsource CSS file's faces: its woff2 slices and their unicode-range. */
export function parseBundledCss(text: string, version: string): BundledSlices {
  const faces = [...text.matchAll(/@font-face\s*{([^}]*)}/g)].flatMap((m) => {
    const body = m[1]!;
    const name = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(body)?.[1];
    if (!name) return [];
    return [{ url: `fonts/${name}`, name, ranges: Array.from(parseRanges(/unicode-range:\s*([^;]+);/.exec(body)?.[1])) }];
  });
  return { version, faces };
}

/**
 * `npm run build` reads the bundled faces' CSS once into lib/render/bundledFaces.json
 * (scripts/compile-fonts.mjs): parsing some 300 KB of CSS into 40,000 ranges in a cold process
 * costs about 40 ms, before Chrome may start. Without that file (tests run from src/), or for
 * another version of a package, the CSS is read.
 */
let compiled: Record<string, BundledSlices> | null | undefined;
function compiledSlices(key: string, version: string): BundledSlices | undefined {
  if (compiled === undefined) {
    try {
      compiled = JSON.parse(nodeIo.readTextSync(fileURLToPath(new URL('./bundledFaces.json', import.meta.url)))) as Record<string, BundledSlices>;
    } catch {
      compiled = null;
    }
  }
  const slices = compiled?.[key];
  return slices?.version === version ? slices : undefined;
}

/** The faces of a bundled font file (a fontsource CSS file). */
function bundledFaces(pkg: string, css: string): Omit<FontFace, 'family'>[] {
  const key = `${pkg}/${css}`;
  let faces = bundledCache.get(key);
  if (!faces) {
    const dir = path.dirname(require.resolve(`${pkg}/package.json`));
    // The list of a bundled face's slices: bulletin's own files, the same for every series.
    const version = (JSON.parse(nodeIo.readTextSync(path.join(dir, 'package.json'))) as { version: string }).version;
    const slices = compiledSlices(key, version) ?? parseBundledCss(nodeIo.readTextSync(path.join(dir, css)), version);
    faces = slices.faces.map((f) => ({ url: f.url, file: path.join(dir, 'files', f.name), ranges: Uint32Array.from(f.ranges), format: 'woff2' as const }));
    bundledCache.set(key, faces);
  }
  return faces;
}

/** Every bundled font file of the layout, by `package/file.css` (what scripts/compile-fonts.mjs reads). */
export function bundledSources(): { key: string; pkg: string; css: string }[] {
  const seen = new Map<string, { key: string; pkg: string; css: string }>();
  for (const { pkg, css } of Object.values(BUNDLED)) seen.set(`${pkg}/${css}`, { key: `${pkg}/${css}`, pkg, css });
  return [...seen.values()];
}

function formatOf(file: string): FontFace['format'] {
  const ext = path.extname(file).toLowerCase();
  return ext === '.woff2' ? 'woff2' : ext === '.woff' ? 'woff' : ext === '.otf' ? 'opentype' : 'truetype';
}

export function familyOf(role: FontRole): string {
  return `bulletin-${role.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Every face of every role, the series' own files first where it names them. */
export function fontFaces(series: Series): FontFace[] {
  const out: FontFace[] = [];
  for (const role of FONT_ROLES) {
    const family = familyOf(role);
    const own = series.fonts[role];
    if (own) out.push({ family, url: '', file: own.file, ranges: WHOLE_FONT, format: formatOf(own.file), ...(own.coverage ? { coverage: own.coverage } : {}), ...(own.embed === 'subset' ? { subset: own.face ?? {} } : {}) });
    else for (const face of bundledFaces(BUNDLED[role].pkg, BUNDLED[role].css)) out.push({ family, ...face });
  }
  return nameOwnFiles(out);
}

/**
 * The series' own files in the HTML folder: `fonts/<name>` (of a collection `<name>-<face number>`),
 * one file for roles naming the same file and face, `-2`, `-3` … for another file of the same name
 * (a subset is written as `.woff` whatever the source's extension, so `x.ttf` and `x.otf` differ).
 */
function nameOwnFiles(faces: FontFace[]): FontFace[] {
  const taken = new Set(faces.filter((f) => f.url).map((f) => f.url.replace(/\.[^./]+$/, '')));
  const named = new Map<string, string>();
  for (const face of faces) {
    if (face.url) continue;
    const key = `${face.file}\0${face.subset?.index ?? ''}`;
    let url = named.get(key);
    if (url === undefined) {
      const ext = path.extname(face.file);
      const stem = `fonts/${path.basename(face.file, ext)}${face.subset?.index !== undefined ? `-${face.subset.index}` : ''}`;
      let unique = stem;
      for (let k = 2; taken.has(unique); k++) unique = `${stem}-${k}`;
      taken.add(unique);
      url = unique + ext;
      named.set(key, url);
    }
    face.url = url;
  }
  return faces;
}

/**
 * The faces as one document prints `text`: a series' own font becomes the subset validate made
 * for that text (`<name>.woff`, TrueType outlines). A subset not made is a mistake of the
 * caller (validate makes them): thrown, not printed with the whole file.
 */
export function withSubsets(faces: readonly FontFace[], text: string): FontFace[] {
  let codePoints: number[] | undefined;
  return faces.map((face) => {
    if (!face.subset) return face;
    codePoints ??= printedCodePoints(text);
    const bytes = madeSubset(face.file, face.subset, codePoints);
    if (!bytes) throw new Error(`internal: no subset of ${face.file} was made for this document (validate makes them)`);
    return { ...face, url: face.url.replace(/\.[^./]+$/, '') + '.woff', format: 'woff' as const, bytes };
  });
}

export function covers(face: FontFace, codePoint: number): boolean {
  const r = face.ranges;
  if (r.length === 0) return true;
  for (let i = 0; i < r.length; i += 2) if (codePoint >= r[i]! && codePoint <= r[i + 1]!) return true;
  return false;
}

/** Only the faces some character of `text` needs (what the HTML folder must carry). */
export function facesFor(faces: readonly FontFace[], text: string): FontFace[] {
  const codePoints = Uint32Array.from(new Set(Array.from(text, (c) => c.codePointAt(0)!))).sort();
  // Whether some code point of the text lies in [a, b]: the first one ≥ a, found by bisection.
  const anyIn = (a: number, b: number) => {
    let lo = 0;
    let hi = codePoints.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (codePoints[mid]! < a) lo = mid + 1;
      else hi = mid;
    }
    return lo < codePoints.length && codePoints[lo]! <= b;
  };
  return faces.filter((f) => {
    const r = f.ranges;
    if (r.length === 0) return true;
    for (let i = 0; i < r.length; i += 2) if (anyIn(r[i]!, r[i + 1]!)) return true;
    return false;
  });
}

/** A face's unicode-range as CSS, made once per list of ranges (a bundled face's list is shared by every document). */
const rangeTexts = new WeakMap<CodeRanges, string>();
function rangeCss(ranges: CodeRanges): string {
  let text = rangeTexts.get(ranges);
  if (text === undefined) {
    const parts: string[] = [];
    for (let i = 0; i < ranges.length; i += 2) {
      const [a, b] = [ranges[i]!, ranges[i + 1]!];
      parts.push(a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`);
    }
    text = parts.join(',');
    rangeTexts.set(ranges, text);
  }
  return text;
}

export function fontFaceCss(faces: readonly FontFace[], urlPrefix: string): string {
  return faces
    .map((f) => {
      const range = f.ranges.length ? `\n  unicode-range: ${rangeCss(f.ranges)};` : '';
      return `@font-face {\n  font-family: '${f.family}';\n  font-display: block;\n  src: ${cssUrl(`${urlPrefix}${f.url}`)} format('${f.format}');${range}\n}`;
    })
    .join('\n');
}
