// The series' own fonts as each issue prints them: a TrueType subset with only the issue's
// characters (a collection's face taken out, CFF outlines converted), made at validate time in a
// worker (model/fontConversion.ts) and kept in memory for the rest of the run, where the document
// of the issue (issueDocument.ts) takes it instead of the whole file.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeIo, type Io } from '../io.js';
import { cacheKey, openContentCache, secretPath, userCacheDir, type ContentCache } from '../cache/contentCache.js';
import type { ConvertedFont } from '../model/convertFont.js';
import { Damaged, standaloneFace, type FaceChoice } from '../model/fontFile.js';
import { msg, render } from '../i18n/message.js';
import { convertInWorker, type Conversion } from '../model/fontConversion.js';

const MAX_ENTRIES = 256;
/** Part of the key of a bundled subset kept across runs: raise it when the conversion changes. */
const SUBSET_VERSION = '1';
const cache = new Map<string, { stamp: string; result: Conversion }>();
/** Conversions under way, by key: a font asked for twice at once (two passes, two lanes) is converted once. */
const pending = new Map<string, { stamp: string; result: Promise<Conversion> }>();

/** What an issue's document may print: its text, and the ASCII characters the layout and page numbers use. */
export function printedCodePoints(text: string): number[] {
  const set = new Set<number>();
  for (const ch of text) set.add(ch.codePointAt(0)!);
  for (let cp = 0x20; cp < 0x7f; cp++) set.add(cp);
  return [...set].sort((a, b) => a - b);
}

function keyOf(file: string, choice: FaceChoice, codePoints: readonly number[]): string {
  const hash = createHash('sha1').update(Uint32Array.from(codePoints)).digest('hex');
  return `${file}\0${choice.face ?? ''}\0${choice.index ?? ''}\0${hash}`;
}

/**
 * The subsets of the font `file` (the face `choice` of a collection) for each list of code points,
 * from memory when made before from the same file (size and modification time).
 */
export async function prepareSubsets(io: Io, file: string, choice: FaceChoice, sets: readonly (readonly number[])[]): Promise<Conversion[]> {
  const info = await io.stat(file);
  const stamp = `${info.size}\0${info.mtimeMs}`;
  const keys = sets.map((set) => keyOf(file, choice, set));
  const todo = [...new Set(keys.filter((key) => cache.get(key)?.stamp !== stamp && pending.get(key)?.stamp !== stamp))];
  if (todo.length) {
    const wanted = todo.map((key) => sets[keys.indexOf(key)]!);
    const all = convertAll(io, file, choice, wanted);
    todo.forEach((key, k) => {
      const result = all.then((results) => results[k]!);
      pending.set(key, { stamp, result });
      void result.then(
        (conversion) => {
          if (pending.get(key)?.result !== result) return;
          pending.delete(key);
          cache.delete(key);
          if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
          cache.set(key, { stamp, result: conversion });
        },
        () => {
          if (pending.get(key)?.result === result) pending.delete(key);
        },
      );
    });
  }
  return Promise.all(keys.map((key) => {
    const done = cache.get(key);
    return done?.stamp === stamp ? done.result : pending.get(key)!.result;
  }));
}

/**
 * Subsets made in earlier runs, in the user's cache folder (`~/.cache/bulletin/fonts/`, not in the
 * series: a pull request cannot put one there), keyed by the face's bytes, the code points and the
 * converter itself, each entry signed (cache/contentCache.ts). Converting a 16 MB face takes seconds:
 * a second `validate` of the same issue takes it from here.
 */
let diskCache: { cache: ContentCache | undefined; version: Promise<string> } | undefined;
function subsetCache(io: Io): { cache: ContentCache | undefined; version: Promise<string> } {
  if (!diskCache) {
    const dir = userCacheDir(io);
    // The converter's own code is part of the key: a changed converter makes its subsets again.
    const converter = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '../../lib/model/convertFont.js' : '../model/convertFont.js', import.meta.url));
    const version = io.readFile(converter).then((bytes) => cacheKey('font-subset-v1', bytes), () => cacheKey('font-subset-v1', String(Date.now())));
    diskCache = { cache: dir ? openContentCache(io, path.join(dir, 'fonts')) : undefined, version };
  }
  return diskCache;
}

/** A subset as cached: a header (its length, then JSON of the missing code points and the glyph count), then the font. */
function packSubset(font: ConvertedFont): Uint8Array {
  const head = Buffer.from(JSON.stringify({ missing: font.missing, glyphs: font.glyphs }), 'utf8');
  const out = new Uint8Array(4 + head.length + font.bytes.length);
  new DataView(out.buffer).setUint32(0, head.length);
  out.set(head, 4);
  out.set(font.bytes, 4 + head.length);
  return out;
}

function unpackSubset(bytes: Uint8Array): ConvertedFont | undefined {
  try {
    const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
    const head = JSON.parse(Buffer.from(bytes.subarray(4, 4 + length)).toString('utf8')) as { missing: number[]; glyphs: number };
    if (!Array.isArray(head.missing) || typeof head.glyphs !== 'number') return undefined;
    return { missing: head.missing, glyphs: head.glyphs, bytes: bytes.slice(4 + length) };
  } catch {
    return undefined;
  }
}

/**
 * The conversion itself: a pure function of the font's bytes, the face and the sets of code points
 * (so cached across runs by them), run in a worker (model/fontConversion.ts).
 */
async function convertAll(io: Io, file: string, choice: FaceChoice, sets: readonly (readonly number[])[]): Promise<Conversion[]> {
  let sfnt: Uint8Array | undefined;
  try {
    sfnt = standaloneFace(await io.readFile(file), choice);
  } catch (error) {
    const reason = error instanceof Damaged ? error.reason : msg('font.convert.failed', { detail: (error as Error).message });
    return sets.map(() => ({ ok: false as const, reason }));
  }
  if (!sfnt) return sets.map(() => ({ ok: false as const, reason: msg('font.convert.woff2') }));
  const { cache, version } = subsetCache(io);
  const face = cacheKey(await version, createHash('sha256').update(sfnt).digest());
  const keys = sets.map((set) => cacheKey(face, new Uint8Array(Uint32Array.from(set).buffer)));
  const results: (Conversion | undefined)[] = await Promise.all(keys.map(async (key) => {
    const hit = await cache?.get(key);
    const font = hit && unpackSubset(hit);
    return font ? { ok: true as const, font } : undefined;
  }));
  const todo = results.flatMap((r, i) => (r ? [] : [i]));
  if (todo.length) {
    const made = await convertInWorker(sfnt, todo.map((i) => sets[i]!), { handOver: true }); // read for this conversion only
    await Promise.all(todo.map(async (i, k) => {
      const conversion = made[k]!;
      results[i] = conversion;
      if (conversion.ok) await cache?.put(keys[i]!, packSubset(conversion.font));
    }));
  }
  return results as Conversion[];
}

/**
 * The subset of a bundled whole font (LXGW WenKai, one 7 MB file) for one document's characters,
 * made when Chrome first asks for it (a document that prints nothing in it costs nothing) and kept
 * for the rest of the run. The file is bulletin's own, so a failure is a bug of bulletin (thrown).
 */
export async function bundledSubset(file: string, codePoints: readonly number[], io: Io = nodeIo): Promise<Uint8Array> {
  // Made once per machine for a set of characters: inflating and subsetting the 7 MB font costs
  // seconds of CPU (a warm build of an issue whose captions are in 楷体 spent most of its extra time
  // here). The cache lies in the user's cache folder, outside every series, its entries signed
  // (cache/contentCache.ts), keyed by the font file (path, size, time) and the code points.
  const store = bundledSubsetCache(io);
  const info = store ? await io.stat(file) : undefined;
  const key = store && info ? cacheKey('bundled-subset', SUBSET_VERSION, file, `${info.size}:${info.mtimeMs}`, new Uint8Array(Uint32Array.from(codePoints).buffer)) : undefined;
  const cached = store && key ? await store.get(key) : undefined;
  if (cached && cached.length > 4) return cached;
  const [result] = await prepareSubsets(nodeIo, file, {}, [codePoints]);
  if (!result!.ok) throw new Error(`internal: the bundled font ${file} could not be subset: ${render(result!.reason, 'en')}`);
  if (store && key) await store.put(key, result!.font.bytes);
  return result!.font.bytes;
}

/** The cache of bundled subsets: `fonts/` beside the cache's signing secret, or none without a home folder. */
function bundledSubsetCache(io: Io): ContentCache | undefined {
  const secret = secretPath(io);
  return secret ? openContentCache(io, path.join(path.dirname(secret), 'bundled-subsets')) : undefined;
}

/** The subset made by {@link prepareSubsets} for these code points, if it was made and succeeded. */
export function madeSubset(file: string, choice: FaceChoice, codePoints: readonly number[]): Uint8Array | undefined {
  const entry = cache.get(keyOf(file, choice, codePoints));
  return entry?.result.ok ? entry.result.font.bytes : undefined;
}
