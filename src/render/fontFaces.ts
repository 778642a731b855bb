// The faces of each font role: bundled npm fonts (sliced by unicode-range) or the series' own files.
import path from 'node:path';
import { createRequire } from 'node:module';
import type { FontRole, Series } from '../model/types.js';
import { nodeIo } from '../io.js';
import { cssUrl } from './urlPath.js';

export interface FontFace {
  /** CSS family the templates use: bulletin-title, bulletin-body, … */
  family: string;
  /** Virtual path under which the file is served and written: fonts/<name>. */
  url: string;
  /** Absolute path of the font file. */
  file: string;
  /** Code point ranges (a bundled slice's unicode-range); empty means the whole font. */
  ranges: [number, number][];
  /** What a series' own font file maps (its cmap, read when the series was validated); not written into CSS. */
  coverage?: readonly (readonly [number, number])[];
  format: 'woff2' | 'woff' | 'truetype' | 'opentype';
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

function parseRanges(text: string | undefined): [number, number][] {
  if (!text) return [];
  return text.split(',').map((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
    const start = parseInt(a!, 16);
    return [start, b ? parseInt(b, 16) : start];
  });
}

/** Reads a fontsource CSS file into faces (woff2 only). */
function bundledFaces(pkg: string, css: string): Omit<FontFace, 'family'>[] {
  const key = `${pkg}/${css}`;
  let faces = bundledCache.get(key);
  if (!faces) {
    const dir = path.dirname(require.resolve(`${pkg}/package.json`));
    // The list of a bundled face's slices: bulletin's own files, the same for every series.
    const text = nodeIo.readTextSync(path.join(dir, css));
    faces = [...text.matchAll(/@font-face\s*{([^}]*)}/g)].flatMap((m) => {
      const body = m[1]!;
      const url = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(body)?.[1];
      if (!url) return [];
      return [{ url: `fonts/${url}`, file: path.join(dir, 'files', url), ranges: parseRanges(/unicode-range:\s*([^;]+);/.exec(body)?.[1]), format: 'woff2' as const }];
    });
    bundledCache.set(key, faces);
  }
  return faces;
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
    if (own) out.push({ family, url: `fonts/${role}-${path.basename(own.file)}`, file: own.file, ranges: [], format: formatOf(own.file), ...(own.coverage ? { coverage: own.coverage } : {}) });
    else for (const face of bundledFaces(BUNDLED[role].pkg, BUNDLED[role].css)) out.push({ family, ...face });
  }
  return out;
}

export function covers(face: FontFace, codePoint: number): boolean {
  return face.ranges.length === 0 || face.ranges.some(([a, b]) => codePoint >= a && codePoint <= b);
}

/** Only the faces some character of `text` needs (what the HTML folder must carry). */
export function facesFor(faces: readonly FontFace[], text: string): FontFace[] {
  const codePoints = Uint32Array.from(new Set(Array.from(text, (c) => c.codePointAt(0)!))).sort();
  // Whether some code point of the text lies in [a, b]: the first one ≥ a, found by bisection.
  const anyIn = ([a, b]: [number, number]) => {
    let lo = 0;
    let hi = codePoints.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (codePoints[mid]! < a) lo = mid + 1;
      else hi = mid;
    }
    return lo < codePoints.length && codePoints[lo]! <= b;
  };
  return faces.filter((f) => f.ranges.length === 0 || f.ranges.some(anyIn));
}

export function fontFaceCss(faces: readonly FontFace[], urlPrefix: string): string {
  return faces
    .map((f) => {
      const range = f.ranges.length ? `\n  unicode-range: ${f.ranges.map(([a, b]) => (a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`)).join(',')};` : '';
      return `@font-face {\n  font-family: '${f.family}';\n  font-display: block;\n  src: ${cssUrl(`${urlPrefix}${f.url}`)} format('${f.format}');${range}\n}`;
    })
    .join('\n');
}
