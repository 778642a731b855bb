// Resolves a file named by a source (image, font) and proves it is a small regular file inside the series folder.
import { msg, render, type Message } from '../i18n/message.js';
import path from 'node:path';
import type { Io } from '../io.js';
import { errnoCode } from '../io.js';
import { closest } from '../source/closest.js';

export type AssetKind = 'image' | 'font' | 'table-file';

/** What can be wrong with a named file, whatever its kind: `image-missing`, `font-too-large` … (each in codes.ts). */
export type AssetProblem = 'outside' | 'missing' | 'unreadable' | 'not-file' | 'too-large';

export type AssetCheck =
  | { ok: true; real: string; relPath: string; head: Uint8Array; size: number }
  | {
    ok: false; code: `${AssetKind}-${AssetProblem}`;
    /** The problem in English (`text` has it for every language: pass `text.message` and `text.hint` to a diagnostic). */
    message: string; hint: string;
    text: { message: Message; hint: Message };
  };

/** A failed check: the catalogue messages, and their English for the callers that want a plain text. */
function failed(code: `${AssetKind}-${AssetProblem}`, message: Message, hint: Message): AssetCheck {
  return { ok: false, code, message: render(message, 'en'), hint: render(hint, 'en'), text: { message, hint } };
}

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
  const what = kind === 'image' ? msg('asset.image') : kind === 'font' ? msg('asset.font') : msg('asset.table-file');
  const relativeWithBackslashes = ref.includes('\\') && !/^[a-z][a-z0-9+.-]*:/i.test(ref) && !/^[\\/]/.test(ref);
  if (relativeWithBackslashes) {
    // Windows Explorer's way of writing a path; the same name with forward slashes works on every system.
    const fixed = ref.replace(/\\/g, '/');
    return failed(`${kind}-outside`, msg('asset-outside.backslashes', { what, ref }), msg('asset-outside.backslashes.hint', { fixed }));
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('\\\\') || ref.includes('\\')) {
    return failed(`${kind}-outside`, msg('asset-outside.not-path', { what, ref }), msg('asset-outside.not-path.hint'));
  }
  if (path.isAbsolute(ref)) {
    return failed(`${kind}-outside`, msg('asset-outside.absolute', { what, ref }), msg('asset-outside.absolute.hint'));
  }
  const full = path.resolve(baseDir, ref);
  if (!isInside(root, full)) {
    return failed(`${kind}-outside`, msg('asset-outside.outside', { what, ref }), msg('asset-outside.outside.hint'));
  }
  let real: string;
  try {
    real = await io.realpath(full);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') {
      const similar = await similarNames(io, path.dirname(full), path.basename(full));
      const suggestion = similar.map((s) => `\`${path.posix.join(path.posix.dirname(ref), s)}\``).join(' / ');
      return failed(`${kind}-missing`, msg('asset-missing', { what, ref }),
        !similar.length ? msg('asset-missing.put.hint', { path: path.relative(root, full).split(path.sep).join('/') })
          : similar.some((s) => s.toLowerCase() === path.basename(full).toLowerCase()) ? msg('asset-missing.case.hint', { suggestion })
          : msg('asset-missing.similar.hint', { suggestion }));
    }
    return failed(`${kind}-unreadable`, msg('asset-unreadable', { what, ref, reason: errnoCode(error) ?? 'error' }), msg('asset-unreadable.hint'));
  }
  if (!isInside(root, real)) {
    return failed(`${kind}-outside`, msg('asset-outside.link', { what, ref }), msg('asset-outside.link.hint'));
  }
  const info = await io.stat(real);
  if (!info.isFile) {
    return failed(`${kind}-not-file`, msg('asset-not-file', { what, ref }), msg('asset-not-file.hint', { types: kind === 'image' ? 'PNG, JPEG, SVG, WebP' : kind === 'font' ? 'TrueType/OpenType, WOFF2' : '.xlsx, .csv' }));
  }
  if (info.size > MAX_ASSET_BYTES[kind]) {
    return failed(`${kind}-too-large`, msg('asset-too-large', { what, ref, size: (info.size / 1048576).toFixed(1), limit: MAX_ASSET_BYTES[kind] / 1048576 }),
      kind === 'image' ? msg('asset-too-large.image.hint') : kind === 'font' ? msg('asset-too-large.font.hint') : msg('asset-too-large.table-file.hint'));
  }
  const relPath = path.relative(root, real).split(path.sep).join('/');
  // The file is published under its real name (the HTML folder's copy): a name with a backslash or a
  // control character, reached through a link, is no plain name on other systems.
  if (/[\\\u0000-\u001f\u007f]/.test(relPath)) {
    return failed(`${kind}-outside`, msg('asset-outside.name', { what, ref, name: JSON.stringify(relPath) }), msg('asset-outside.name.hint'));
  }
  const head = await io.readHead(real, 65536);
  return { ok: true, real, relPath, head, size: info.size };
}
