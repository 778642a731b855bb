// The series' own fonts as each issue prints them: a TrueType subset with only the issue's
// characters (a collection's face taken out, CFF outlines converted), made at validate time in a
// worker (model/fontConversion.ts) and kept in memory for the rest of the run, where the document
// of the issue (issueDocument.ts) takes it instead of the whole file.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { cacheKey, openContentCache, secretPath, type ContentCache } from '../cache/contentCache.js';
import { nodeIo, type Io } from '../io.js';
import { standaloneFace, type FaceChoice } from '../model/fontFile.js';
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
 * The conversion itself: a pure function of the font's bytes, the face and the sets of code points
 * (what a cache across runs would key on), run in a worker (model/fontConversion.ts).
 */
async function convertAll(io: Io, file: string, choice: FaceChoice, sets: readonly (readonly number[])[]): Promise<Conversion[]> {
  let sfnt: Uint8Array | undefined;
  try {
    sfnt = standaloneFace(await io.readFile(file), choice);
  } catch (error) {
    return sets.map(() => ({ ok: false as const, reason: (error as Error).message }));
  }
  if (sfnt) return convertInWorker(sfnt, sets, { handOver: true }); // read for this conversion only
  return sets.map(() => ({ ok: false as const, reason: 'it is a WOFF2 file, which is used as it is' }));
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
  if (!result!.ok) throw new Error(`internal: the bundled font ${file} could not be subset: ${result!.reason}`);
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
