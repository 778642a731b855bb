// A cache of bytes by key, in a folder (a series' `.bulletin-cache/`): what bulletin made once from
// a file (a processed photo, later a font subset) and need not make again while the file and the
// settings stay the same. Safe to delete: a missing or damaged entry is made again.
//
// The folder lies in the series, which comes from pull requests: a contributor can commit a
// `.bulletin-cache/` of their own. Every entry is therefore signed with a key that never lies in the
// series (HMAC-SHA256 with a secret kept in the user's cache folder, `$XDG_CACHE_HOME/bulletin/` or
// `~/.cache/bulletin/`, made on first use): an entry this machine did not write is ignored and made
// again. A valid signature means this machine wrote the entry after making it, so what is read is
// not decoded again; the caller still checks its structure, cheaply (src/images/verifyRendition.ts:
// format, pixel size, no metadata, nothing after the end). Reads and writes go through the Io; writes are atomic.
import path from 'node:path';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Io } from '../io.js';

export interface ContentCache {
  /** The bytes put under `key`, or undefined when there are none (or they were not signed here). */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Stores `bytes` under `key` (a failure to write is ignored: the cache is an optimisation). */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The folder of the cache. */
  readonly dir: string;
}

/** The folder name of a series' cache, beside bulletin.yaml. */
export const CACHE_FOLDER = '.bulletin-cache';

const TAG_BYTES = 32;

/** A key from parts (content hashes, settings): a SHA-256 in hex. */
export function cacheKey(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** Where the signing secret lives: outside every series, in the user's cache folder. */
export function secretPath(io: Io): string | undefined {
  const xdg = io.env('XDG_CACHE_HOME');
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'bulletin', 'cache-key');
  const home = io.env('HOME') ?? io.env('USERPROFILE');
  return home && path.isAbsolute(home) ? path.join(home, '.cache', 'bulletin', 'cache-key') : undefined;
}

/** The user's own cache folder for bulletin (beside the signing secret), for what is made from files outside any series' control. */
export function userCacheDir(io: Io): string | undefined {
  const file = secretPath(io);
  return file ? path.dirname(file) : undefined;
}

const secrets = new Map<string, Promise<Uint8Array>>();

/** The machine's secret (made and saved on first use; without a home folder, one for this run only). */
async function loadSecret(io: Io): Promise<Uint8Array> {
  const file = secretPath(io);
  const id = file ?? '';
  let secret = secrets.get(id);
  if (!secret) {
    secret = (async () => {
      if (!file) return randomBytes(32);
      try {
        const bytes = await io.readFile(file);
        if (bytes.length === 32) return bytes;
      } catch {
        // none yet
      }
      const fresh = randomBytes(32);
      try {
        await io.writeFile(file, fresh, { mode: 0o600 });
      } catch {
        // read-only home: the secret lasts this run
      }
      return fresh;
    })();
    secrets.set(id, secret);
  }
  return secret;
}

function tag(secret: Uint8Array, key: string, bytes: Uint8Array): Buffer {
  return createHmac('sha256', secret).update(key).update('\0').update(bytes).digest();
}

/** Entries are spread over 256 sub-folders by the key's first two hex digits. */
function entryPath(dir: string, key: string): string {
  if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`bad cache key ${key}`);
  return path.join(dir, key.slice(0, 2), `${key}.bin`);
}

/**
 * A series' cache of processed photos (`.bulletin-cache/images/` beside its bulletin.yaml). The series
 * folder comes from pull requests, which can commit `.bulletin-cache` (or a folder in it) as a link
 * to elsewhere: nothing is written through a link (`within`).
 */
export function openImageCache(io: Io, seriesRoot: string): ContentCache {
  return openContentCache(io, path.join(seriesRoot, CACHE_FOLDER, 'images'), { within: seriesRoot });
}

/**
 * Whether every folder from `root` (a real path) down to `folder` that exists is a real folder, not a
 * link (what does not exist yet is made as a real folder).
 */
async function noLinkBetween(io: Io, root: string, folder: string): Promise<boolean> {
  const parts = path.relative(root, folder).split(path.sep).filter(Boolean);
  if (parts[0] === '..' || path.isAbsolute(path.relative(root, folder))) return false;
  let at = root;
  for (const part of parts) {
    at = path.join(at, part);
    if (!(await io.present(at))) return true;
    if ((await io.realpath(at).catch(() => undefined)) !== at) return false;
  }
  return true;
}

/**
 * A cache in `dir` (created when first written). `secret` replaces the machine's (tests). `within`: a
 * real folder the cache lies in, which a write may not leave through a link (the series').
 */
export function openContentCache(io: Io, dir: string, options: { secret?: Uint8Array; within?: string } = {}): ContentCache {
  const secret = () => (options.secret ? Promise.resolve(options.secret) : loadSecret(io));
  /** Folders of the cache found to lie where they say, with what was found. */
  const folders = new Map<string, Promise<boolean>>();
  const writable = (folder: string): Promise<boolean> => {
    const within = options.within;
    if (within === undefined) return Promise.resolve(true);
    let verdict = folders.get(folder);
    if (!verdict) folders.set(folder, (verdict = noLinkBetween(io, within, folder)));
    return verdict;
  };
  return {
    dir,
    async get(key) {
      let data: Uint8Array;
      try {
        data = await io.readFile(entryPath(dir, key));
      } catch {
        return undefined;
      }
      if (data.length < TAG_BYTES) return undefined;
      const body = data.subarray(TAG_BYTES);
      const expected = tag(await secret(), key, body);
      return timingSafeEqual(expected, data.subarray(0, TAG_BYTES)) ? body : undefined;
    },
    async put(key, bytes) {
      const signed = new Uint8Array(TAG_BYTES + bytes.length);
      signed.set(tag(await secret(), key, bytes), 0);
      signed.set(bytes, TAG_BYTES);
      const file = entryPath(dir, key);
      try {
        if (!(await writable(path.dirname(file)))) return;
        await io.writeFile(file, signed, { sync: false });
      } catch {
        // A read-only series: the next build processes again.
      }
    },
  };
}
