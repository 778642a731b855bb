// What the check of a photo found (its SHA-256 and the features its processing changes), remembered
// in the series' image cache under the file's identity: its real path, device, inode, size, and
// modification and status change times. The next run (a rebuild, a validate, a preview's start)
// then neither reads the photo nor checks it again: for five 12-megapixel phone photos, 13 MB read
// twice, hashed and scanned. A file written to or replaced has another status change time (no tool
// sets it back), so its entry is not found and it is checked again. Only a photo found whole is
// remembered; entries are signed like every entry of the cache (cache/contentCache.ts).
import type { FileInfo } from '../io.js';
import type { ImageFeatures } from '../model/imageFeatures.js';
import { cacheKey, type ContentCache } from './contentCache.js';

export interface ImageFacts {
  /** SHA-256 of the file's bytes, in hex. */
  sha256: string;
  features: ImageFeatures;
}

/** The key of a file's facts; none where the platform gives no identity (then nothing is remembered). */
function factsKey(real: string, info: FileInfo): string | undefined {
  if (info.ino === undefined || info.dev === undefined || info.ctimeMs === undefined) return undefined;
  return cacheKey('image-facts', real, String(info.dev), String(info.ino), String(info.size), String(info.mtimeMs), String(info.ctimeMs));
}

export async function recalledFacts(cache: ContentCache, real: string, info: FileInfo): Promise<ImageFacts | undefined> {
  const key = factsKey(real, info);
  const bytes = key ? await cache.get(key) : undefined;
  if (!bytes) return undefined;
  try {
    const facts = JSON.parse(new TextDecoder().decode(bytes)) as ImageFacts;
    const f = facts.features;
    if (typeof facts.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(facts.sha256)) return undefined;
    if (typeof f?.animated !== 'boolean' || typeof f.sixteenBit !== 'boolean' || typeof f.cmyk !== 'boolean') return undefined;
    return { sha256: facts.sha256, features: { animated: f.animated, sixteenBit: f.sixteenBit, cmyk: f.cmyk } };
  } catch {
    return undefined;
  }
}

export async function rememberFacts(cache: ContentCache, real: string, info: FileInfo, facts: ImageFacts): Promise<void> {
  const key = factsKey(real, info);
  if (key) await cache.put(key, new TextEncoder().encode(JSON.stringify(facts)));
}
