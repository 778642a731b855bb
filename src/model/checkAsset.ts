// Resolves a file named by a source (image, font) and proves it is a small regular file inside the series folder.
import path from 'node:path';
import type { Io } from '../io.js';
import { errnoCode } from '../io.js';
import { closest } from '../source/closest.js';

export type AssetKind = 'image' | 'font' | 'table-file';

/** What can be wrong with a named file, whatever its kind: `image-missing`, `font-too-large` … (each in codes.ts). */
export type AssetProblem = 'outside' | 'missing' | 'unreadable' | 'not-file' | 'too-large';

export type AssetCheck =
  | { ok: true; real: string; relPath: string; head: Uint8Array; size: number }
  | { ok: false; code: `${AssetKind}-${AssetProblem}`; message: string; hint: string };

export const MAX_ASSET_BYTES: Record<AssetKind, number> = { image: 20 * 1024 * 1024, font: 40 * 1024 * 1024, 'table-file': 5 * 1024 * 1024 };

/** Is `child` inside `parent` (both absolute, real)? A path.relative check, not a prefix test. */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

async function similarNames(io: Io, dir: string, base: string): Promise<string[]> {
  try {
    const names = (await io.readdir(dir)).filter((e) => e.isFile).map((e) => e.name);
    const best = closest(base, names);
    return best ? [best] : [];
  } catch {
    return [];
  }
}

/**
 * `root` is the real path of the series folder; `baseDir` the folder the reference is relative to.
 * Checks, in order: the form of the reference, existence, the real path inside the series, a regular
 * file, the size cap. Reads the first 64 KiB for the caller's type sniffing.
 */
export async function checkAsset(io: Io, root: string, baseDir: string, ref: string, kind: AssetKind): Promise<AssetCheck> {
  const what = kind === 'image' ? 'image' : kind === 'font' ? 'font file' : 'table file';
  const relativeWithBackslashes = ref.includes('\\') && !/^[a-z][a-z0-9+.-]*:/i.test(ref) && !/^[\\/]/.test(ref);
  if (relativeWithBackslashes) {
    // Windows Explorer's way of writing a path; the same name with forward slashes works on every system.
    const fixed = ref.replace(/\\/g, '/');
    return { ok: false, code: `${kind}-outside`, message: `${what} \`${ref}\` separates folders with backslashes (\\)`, hint: `Write forward slashes, which work on every system, Windows included: \`${fixed}\`.` };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('\\\\') || ref.includes('\\')) {
    return { ok: false, code: `${kind}-outside`, message: `${what} \`${ref}\` is not a path inside the series`, hint: `Copy the file into the series folder and give its path relative to the source file, with forward slashes (no URLs, drive letters or backslashes).` };
  }
  if (path.isAbsolute(ref)) {
    return { ok: false, code: `${kind}-outside`, message: `${what} \`${ref}\` is an absolute path`, hint: 'Give the path relative to the source file, inside the series folder.' };
  }
  const full = path.resolve(baseDir, ref);
  if (!isInside(root, full)) {
    return { ok: false, code: `${kind}-outside`, message: `${what} \`${ref}\` lies outside the series folder`, hint: 'Copy the file into the series folder (e.g. next to the issue in images/) and refer to it there.' };
  }
  let real: string;
  try {
    real = await io.realpath(full);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') {
      const similar = await similarNames(io, path.dirname(full), path.basename(full));
      return {
        ok: false, code: `${kind}-missing`, message: `${what} \`${ref}\` not found`,
        hint: similar.length
          ? `Did you mean ${similar.map((s) => `\`${path.posix.join(path.posix.dirname(ref), s)}\``).join(' or ')}?${similar.some((s) => s.toLowerCase() === path.basename(full).toLowerCase()) ? ' Names are case-sensitive.' : ''}`
          : `Put the file at ${path.relative(root, full).split(path.sep).join('/')} in the series folder, or correct the path (it is relative to the source file).`,
      };
    }
    return { ok: false, code: `${kind}-unreadable`, message: `${what} \`${ref}\` cannot be read (${errnoCode(error) ?? 'error'})`, hint: 'Check the file and its permissions.' };
  }
  if (!isInside(root, real)) {
    return { ok: false, code: `${kind}-outside`, message: `${what} \`${ref}\` leads outside the series folder (through a symbolic link)`, hint: 'Replace the link with a copy of the file inside the series folder.' };
  }
  const info = await io.stat(real);
  if (!info.isFile) {
    return { ok: false, code: `${kind}-not-file`, message: `${what} \`${ref}\` is not a regular file`, hint: `Point to a ${kind === 'image' ? 'PNG, JPEG, SVG or WebP' : kind === 'font' ? 'TrueType/OpenType or WOFF2' : '.xlsx or .csv'} file.` };
  }
  if (info.size > MAX_ASSET_BYTES[kind]) {
    return { ok: false, code: `${kind}-too-large`, message: `${what} \`${ref}\` is ${(info.size / 1048576).toFixed(1)} MiB, the limit is ${MAX_ASSET_BYTES[kind] / 1048576} MiB`, hint: kind === 'image' ? 'Scale the photo down (300 dpi at print size is plenty) or save it as JPEG.' : kind === 'font' ? 'Use a subset of the font.' : 'Save only the sheet the bulletin prints, in a file of its own (a table of a bulletin is a few hundred cells).' };
  }
  const relPath = path.relative(root, real).split(path.sep).join('/');
  // The file is published under its real name (the HTML folder's copy): a name with a backslash or a
  // control character, reached through a link, is no plain name on other systems.
  if (/[\\\u0000-\u001f\u007f]/.test(relPath)) {
    return { ok: false, code: `${kind}-outside`, message: `${what} \`${ref}\` leads to a file whose name has a backslash or a control character (${JSON.stringify(relPath)}), which cannot be published`, hint: 'Rename the file, and refer to it by its own name rather than through a symbolic link.' };
  }
  const head = await io.readHead(real, 65536);
  return { ok: true, real, relPath, head, size: info.size };
}
