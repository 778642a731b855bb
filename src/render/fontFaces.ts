// The faces of each font role: bundled npm fonts (sliced by unicode-range) or the series' own files.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { FontRole, Series } from '../model/types.js';
import { nodeIo } from '../io.js';
import { cssUrl } from './urlPath.js';
import type { FaceChoice } from '../model/fontFile.js';
import { createHash } from 'node:crypto';
import { bundledSubset, madeSubset, printedCodePoints } from './fontSubsets.js';

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
  /**
   * A bundled font that is one whole file (LXGW WenKai, 7 MB: no unicode-range slices) is printed
   * as a per-issue subset too, made from this file: its WOFF twin in the package (the same font in
   * a container the converter reads; `file` stays the WOFF2, which `doctor` reads).
   */
  source?: string;
  /** A bundled whole font's subset for one document, made when Chrome first asks for it. */
  make?: { key: string; bytes: () => Promise<Uint8Array> };
}

export const FONT_ROLES: readonly FontRole[] = ['title', 'body', 'heading', 'kai', 'pageNumber'];

/** A bundled font: a fontsource package's CSS file (its slices); `only`: the code points it is used for. */
export interface BundledFont {
  pkg: string;
  css: string;
  only?: readonly (readonly [number, number])[];
}

/** The bundled default per role: npm package and weight (all OFL, TrueType outlines in WOFF2). */
const BUNDLED: Record<FontRole, BundledFont> = {
  title: { pkg: '@fontsource/noto-serif-sc', css: '700.css' },
  body: { pkg: '@fontsource/noto-serif-sc', css: '400.css' },
  heading: { pkg: '@fontsource/noto-sans-sc', css: '500.css' },
  kai: { pkg: '@fontsource/lxgw-wenkai', css: 'latin-500.css' },
  pageNumber: { pkg: '@fontsource/noto-serif-sc', css: '400.css' },
};

/**
 * What the Chinese faces lack (Roman numerals Ⅰ–Ⅻ, Greek, ⑲⑳ ㊀, ㎥, ☑, Extension A–G characters of
 * names …), taken from other bundled faces in this order, each for what the faces before it lack:
 * Greek and Latin from Noto Serif (Noto Sans for headings), at the role's weight; Roman numerals
 * from Noto Sans Symbols (their serifed design sits best in 宋体); then LXGW WenKai (the kai face,
 * which has the CJK extension characters of the 通用规范汉字表 and the enclosed numbers in the
 * outline style of ①); what is left from Noto Sans Math, Noto Sans Symbols and Symbols 2. Kai
 * and page numbers fall back to the body's faces in the stylesheet (`--font-kai`, `--font-number`).
 */
const NUMBER_FORMS: BundledFont = { pkg: '@fontsource/noto-sans-symbols', css: '400.css', only: [[0x2150, 0x218f]] };
// One weight of LXGW WenKai for every role: the file the kai role uses anyway (7 MB, whole), so a
// rare character of a title does not bring a second one into the HTML folder.
const tail = (): BundledFont[] => [
  NUMBER_FORMS,
  { pkg: '@fontsource/lxgw-wenkai', css: 'latin-500.css' },
  { pkg: '@fontsource/noto-sans-math', css: '400.css' },
  { pkg: '@fontsource/noto-sans-symbols', css: '400.css' },
  { pkg: '@fontsource/noto-sans-symbols-2', css: '400.css' },
];
const FALLBACKS: Partial<Record<FontRole, readonly BundledFont[]>> = {
  title: [{ pkg: '@fontsource/noto-serif', css: '700.css' }, ...tail()],
  body: [{ pkg: '@fontsource/noto-serif', css: '400.css' }, ...tail()],
  heading: [{ pkg: '@fontsource/noto-sans', css: '500.css' }, ...tail()],
};

/** The roles whose family has its own fallback faces; the others fall back to the body's family. */
export const STACK_ROLES: readonly FontRole[] = ['title', 'body', 'heading'];

/** The bundled fonts of a role in the order they are tried: its own, then the fallbacks. */
export function bundledChain(role: FontRole): BundledFont[] {
  return [BUNDLED[role], ...(FALLBACKS[role] ?? [])];
}

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

const versions = new Map<string, string>();
function packageVersion(pkg: string): string {
  let version = versions.get(pkg);
  if (version === undefined) {
    const dir = path.dirname(require.resolve(`${pkg}/package.json`));
    version = (JSON.parse(nodeIo.readTextSync(path.join(dir, 'package.json'))) as { version: string }).version;
    versions.set(pkg, version);
  }
  return version;
}

/** The faces of a bundled font file (a fontsource CSS file). */
function bundledFaces(pkg: string, css: string): Omit<FontFace, 'family'>[] {
  const key = `${pkg}/${css}`;
  let faces = bundledCache.get(key);
  if (!faces) {
    const dir = path.dirname(require.resolve(`${pkg}/package.json`));
    // The list of a bundled face's slices: bulletin's own files, the same for every series.
    const version = packageVersion(pkg);
    const slices = compiledSlices(key, version) ?? parseBundledCss(nodeIo.readTextSync(path.join(dir, css)), version);
    faces = slices.faces.map((f) => {
      const file = path.join(dir, 'files', f.name);
      const face: Omit<FontFace, 'family'> = { url: f.url, file, ranges: Uint32Array.from(f.ranges), format: 'woff2' as const };
      // One whole font (no unicode-range): printed as a subset per issue, from its WOFF twin.
      if (!f.ranges.length) Object.assign(face, { subset: {}, source: file.replace(/\.woff2$/, '.woff') });
      return face;
    });
    bundledCache.set(key, faces);
  }
  return faces;
}

/** Every bundled font file of the layout, by `package/file.css` (what scripts/compile-fonts.mjs reads). */
export function bundledSources(): { key: string; pkg: string; css: string }[] {
  const seen = new Map<string, { key: string; pkg: string; css: string }>();
  for (const role of FONT_ROLES) for (const { pkg, css } of bundledChain(role)) seen.set(`${pkg}/${css}`, { key: `${pkg}/${css}`, pkg, css });
  return [...seen.values()];
}

/** Sorted, merged flat ranges (the list itself when it already is). */
export function normalizeRanges(r: ArrayLike<number>): CodeRanges {
  let sorted = true;
  for (let i = 0; i < r.length; i += 2) if (r[i]! > r[i + 1]! || (i > 0 && r[i]! <= r[i - 1]! + 1)) sorted = false;
  if (sorted) return r instanceof Uint32Array ? r : Uint32Array.from(r);
  const pairs: [number, number][] = [];
  for (let i = 0; i < r.length; i += 2) pairs.push([r[i]!, r[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [a, b] of pairs) {
    if (out.length && a <= out[out.length - 1]! + 1) out[out.length - 1] = Math.max(out[out.length - 1]!, b);
    else out.push(a, b);
  }
  return Uint32Array.from(out);
}

/** `a` without `b` (both sorted and merged). */
export function subtractRanges(a: CodeRanges, b: CodeRanges): CodeRanges {
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let start = a[i]!;
    const end = a[i + 1]!;
    while (j < b.length && b[j + 1]! < start) j += 2;
    let k = j;
    while (start <= end && k < b.length && b[k]! <= end) {
      if (b[k]! > start) out.push(start, b[k]! - 1);
      start = Math.max(start, b[k + 1]! + 1);
      k += 2;
    }
    if (start <= end) out.push(start, end);
  }
  return Uint32Array.from(out);
}

/** `a` within `b` (both sorted and merged). */
export function intersectRanges(a: CodeRanges, b: CodeRanges): CodeRanges {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i]!, b[j]!);
    const hi = Math.min(a[i + 1]!, b[j + 1]!);
    if (lo <= hi) out.push(lo, hi);
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return Uint32Array.from(out);
}

/**
 * What the bundled fonts' files really map, where their CSS says more (a slice's unicode-range names
 * code points its cmap lacks: ‱ in Noto Serif SC, mathematical signs in Noto Serif) or nothing (LXGW
 * WenKai is one file): read from the files by `npm run font-coverage` (scripts/font-coverage.mjs)
 * into src/render/fallbackCoverage.json, for the versions it names. `files`: a fallback file's cmap
 * (within its unicode-range) less what every role's own Chinese face has (scripts/font-coverage.mjs); `gaps`: what a
 * Chinese face's slice claims in its CSS and its file lacks.
 */
export interface FallbackCoverage {
  packages: Record<string, string>;
  /** A file's ranges, flat, or the key of another file that maps the same. */
  files: Record<string, number[] | string>;
  gaps: Record<string, number[]>;
}
let fallbackData: FallbackCoverage | null | undefined;
function fallbackCoverage(): FallbackCoverage | null {
  if (fallbackData === undefined) {
    try {
      fallbackData = JSON.parse(nodeIo.readTextSync(fileURLToPath(new URL('./fallbackCoverage.json', import.meta.url)))) as FallbackCoverage;
    } catch {
      fallbackData = null;
    }
  }
  return fallbackData;
}


/** The exact ranges of each slice of a bundled font (see FallbackCoverage); undefined: not known. */
const exactCache = new Map<string, (CodeRanges | undefined)[]>();
function exactSlices(font: BundledFont, primary: boolean): (CodeRanges | undefined)[] {
  const key = `${font.pkg}/${font.css}\0${primary}`;
  let exact = exactCache.get(key);
  if (!exact) {
    const data = fallbackCoverage();
    const known = data?.packages[font.pkg] === packageVersion(font.pkg);
    exact = bundledFaces(font.pkg, font.css).map((face) => {
      const file = `${font.pkg}/${face.url.replace(/^fonts\//, 'files/')}`;
      if (primary) {
        // A Chinese face's slice keeps its own list (shared with its CSS) unless its file lacks some of it.
        const gaps = known ? data!.gaps[file] : undefined;
        return !face.ranges.length ? undefined : gaps ? subtractRanges(normalizeRanges(face.ranges), Uint32Array.from(gaps)) : face.ranges;
      }
      const own = face.ranges.length ? normalizeRanges(face.ranges) : undefined;
      let cmap = known ? data!.files[file] : undefined;
      if (typeof cmap === 'string') cmap = data!.files[cmap];
      return Array.isArray(cmap) ? Uint32Array.from(cmap) : own;
    });
    exactCache.set(key, exact);
  }
  return exact;
}

/**
 * The faces of a role with fallbacks (title, body, heading): the series' own file, if any, then the
 * bundled chain, each face given only what the faces before it lack, so that the ranges are
 * disjoint, Chrome never reaches a font of the machine for what one of them has, and an issue
 * carries only the slices its text needs.
 */
const chainCache = new Map<string, FontFace[]>();
const ownChainCache = new WeakMap<object, FontFace[]>();

/**
 * The bundled chain of each role without a file of the series' own, made by `npm run build`
 * (scripts/compile-fonts.mjs) into lib/render/bundledChains.json: working out the disjoint ranges
 * costs a cold process some 60 ms. A face is a slice of a bundled font and its ranges (null: the
 * slice's own).
 */
export interface CompiledChains {
  versions: Record<string, string>;
  chains: Partial<Record<FontRole, { key: string; index: number; ranges: number[] | null }[]>>;
}
let compiledChainTable: CompiledChains | null | undefined;
function compiledChain(role: FontRole): FontFace[] | undefined {
  if (compiledChainTable === undefined) {
    try {
      compiledChainTable = JSON.parse(nodeIo.readTextSync(fileURLToPath(new URL('./bundledChains.json', import.meta.url)))) as CompiledChains;
    } catch {
      compiledChainTable = null;
    }
  }
  const table = compiledChainTable;
  const chain = table?.chains[role];
  if (!table || !chain || bundledChain(role).some((f) => table.versions[f.pkg] !== packageVersion(f.pkg))) return undefined;
  const family = familyOf(role);
  return chain.map((entry) => {
    const [pkg, css] = splitKey(entry.key);
    const face = bundledFaces(pkg, css)[entry.index]!;
    return { family, ...face, ranges: entry.ranges ? Uint32Array.from(entry.ranges) : face.ranges };
  });
}

function splitKey(key: string): [string, string] {
  const at = key.lastIndexOf('/');
  return [key.slice(0, at), key.slice(at + 1)];
}

/** The bundled chain of each role with fallbacks, as scripts/compile-fonts.mjs writes it. */
export function compileChains(): CompiledChains {
  const out: CompiledChains = { versions: {}, chains: {} };
  for (const role of STACK_ROLES) {
    const faces = chainFaces(role, undefined, false);
    const entries: { key: string; index: number; ranges: number[] | null }[] = [];
    for (const face of faces) {
      for (const { pkg, css } of bundledChain(role)) {
        out.versions[pkg] = packageVersion(pkg);
        const index = bundledFaces(pkg, css).findIndex((f) => f.url === face.url);
        if (index < 0) continue;
        const own = bundledFaces(pkg, css)[index]!.ranges;
        const same = own.length === face.ranges.length && own.every((v, k) => v === face.ranges[k]);
        entries.push({ key: `${pkg}/${css}`, index, ranges: same ? null : Array.from(face.ranges) });
        break;
      }
    }
    out.chains[role] = entries;
  }
  return out;
}

function chainFaces(role: FontRole, own: Series['fonts'][FontRole], useCompiled = true): FontFace[] {
  const cached = own ? ownChainCache.get(own) : useCompiled ? chainCache.get(role) : undefined;
  if (cached) return cached;
  if (!own && useCompiled) {
    const compiled = compiledChain(role);
    if (compiled) {
      chainCache.set(role, compiled);
      return compiled;
    }
  }
  const family = familyOf(role);
  const out: FontFace[] = [];
  // What the faces so far cover, one bit per code point: every face is given what they lack.
  const covered = new Uint8Array((0x10ffff >> 3) + 1);
  let empty = true;
  const mark = (r: ArrayLike<number>) => {
    empty = false;
    for (let i = 0; i < r.length; i += 2) {
      const to = Math.min(r[i + 1]!, 0x10ffff);
      let cp = r[i]!;
      for (; cp <= to && (cp & 7) !== 0; cp++) covered[cp >> 3]! |= 1 << (cp & 7);
      if (cp + 8 <= to + 1) {
        const whole = (to + 1) & ~7;
        covered.fill(0xff, cp >> 3, whole >> 3);
        cp = whole;
      }
      for (; cp <= to; cp++) covered[cp >> 3]! |= 1 << (cp & 7);
    }
  };
  const lacking = (r: CodeRanges) => {
    const kept: number[] = [];
    for (let i = 0; i < r.length; i += 2) {
      let start = -1;
      const end = Math.min(r[i + 1]!, 0x10ffff);
      for (let cp = r[i]!; cp <= end + 1; cp++) {
        const free = cp <= end && (covered[cp >> 3]! & (1 << (cp & 7))) === 0;
        if (free && start < 0) start = cp;
        else if (!free && start >= 0) kept.push(start, cp - 1), (start = -1);
      }
    }
    return Uint32Array.from(kept);
  };
  if (own) {
    out.push(ownFace(role, own));
    if (own.coverage) for (const [a, b] of own.coverage) mark([a, b]);
    else (covered.fill(0xff), (empty = false));
  }
  bundledChain(role).forEach((font, index) => {
    const faces = bundledFaces(font.pkg, font.css);
    const exact = exactSlices(font, index === 0);
    const added: CodeRanges[] = [];
    faces.forEach((face, k) => {
      let ranges = exact[k];
      if (!ranges) return; // a whole font whose cmap is not known is no fallback (it would be carried by every issue)
      if (font.only) ranges = intersectRanges(ranges, normalizeRanges(codeRanges(font.only)));
      if (!empty) ranges = lacking(ranges); // the first face of a chain without a file of the series' own keeps its ranges
      if (ranges.length === 0) return;
      out.push({ family, ...face, ranges });
      added.push(ranges);
    });
    for (const r of added) mark(r);
  });
  if (own) ownChainCache.set(own, out);
  else if (useCompiled) chainCache.set(role, out);
  return out;
}

function ownFace(role: FontRole, own: NonNullable<Series['fonts'][FontRole]>): FontFace {
  return { family: familyOf(role), url: '', file: own.file, ranges: WHOLE_FONT, format: formatOf(own.file), ...(own.coverage ? { coverage: own.coverage } : {}), ...(own.embed === 'subset' ? { subset: own.face ?? {} } : {}) };
}

function formatOf(file: string): FontFace['format'] {
  const ext = path.extname(file).toLowerCase();
  return ext === '.woff2' ? 'woff2' : ext === '.woff' ? 'woff' : ext === '.otf' ? 'opentype' : 'truetype';
}

export function familyOf(role: FontRole): string {
  return `bulletin-${role.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Every face of every role, the series' own files first where it names them, then the bundled ones. */
export function fontFaces(series: Series): FontFace[] {
  const out: FontFace[] = [];
  for (const role of FONT_ROLES) {
    const own = series.fonts[role];
    if (STACK_ROLES.includes(role)) out.push(...chainFaces(role, own));
    else if (own) out.push(ownFace(role, own));
    else for (const face of bundledFaces(BUNDLED[role].pkg, BUNDLED[role].css)) out.push({ family: familyOf(role), ...face });
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
  // Faces named by an earlier call (a role's fallback chain is cached with its own face in it) keep their name.
  for (const face of faces) if (face.url) named.set(`${face.file}\0${face.subset?.index ?? ''}`, face.url);
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
 * caller (validate makes them): thrown, not printed with the whole file. A bundled whole font
 * (LXGW WenKai) becomes a subset for that text too, made when Chrome asks for it, unless
 * `bundledWhole` (the preview: its stylesheet and files stay the same while the text is edited,
 * so a body is swapped in place, and nothing is written).
 */
export function withSubsets(faces: readonly FontFace[], text: string, options: { bundledWhole?: boolean } = {}): FontFace[] {
  let codePoints: number[] | undefined;
  let hash: string | undefined;
  return faces.map((face) => {
    if (!face.subset || (face.source && options.bundledWhole)) return face;
    codePoints ??= printedCodePoints(text);
    const url = face.url.replace(/\.[^./]+$/, '') + '.woff';
    if (face.source) {
      const source = face.source;
      const set = codePoints;
      hash ??= createHash('sha1').update(Uint32Array.from(set)).digest('hex');
      return { ...face, url, format: 'woff' as const, make: { key: `${source}\0${hash}`, bytes: () => bundledSubset(source, set) } };
    }
    const bytes = madeSubset(face.file, face.subset, codePoints);
    if (!bytes) throw new Error(`internal: no subset of ${face.file} was made for this document (validate makes them)`);
    return { ...face, url, format: 'woff' as const, bytes };
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
