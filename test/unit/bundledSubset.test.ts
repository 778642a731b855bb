// The subset of the bundled 楷体 (LXGW WenKai, 7 MB) for a document's characters is kept across
// runs in the user's cache folder, signed: a warm build does not inflate and subset the font again,
// and an entry this machine did not sign is made again.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledSubset } from '../../src/render/fontSubsets.js';
import { openContentCache } from '../../src/cache/contentCache.js';
import { nodeIo, type Io } from '../../src/io.js';
import { cleanScratch, REPO, scratchDir } from '../helpers.js';

afterAll(() => cleanScratch());

const WENKAI = path.join(REPO, 'node_modules', '@fontsource', 'lxgw-wenkai', 'files', 'lxgw-wenkai-latin-500-normal.woff');

describe('bundledSubset', () => {
  it('keeps the subset in the user cache folder, signed, and makes it again when an entry is foreign', async () => {
    const home = scratchDir('bulletin-xdg-');
    const io: Io = { ...nodeIo, env: (name) => (name === 'XDG_CACHE_HOME' ? home : nodeIo.env(name)) };
    const codePoints = [...'照片会议现场'].map((c) => c.codePointAt(0)!).sort((a, b) => a - b);
    const made = await bundledSubset(WENKAI, codePoints, io);
    expect(made.length).toBeGreaterThan(1000);
    const dir = path.join(home, 'bulletin', 'bundled-subsets');
    const entries = readdirSync(dir).flatMap((sub) => readdirSync(path.join(dir, sub)).map((f) => f.replace('.bin', '')));
    expect(entries).toHaveLength(1);
    // Read back from the cache: the same bytes.
    expect(Buffer.from(await bundledSubset(WENKAI, codePoints, io)).equals(Buffer.from(made))).toBe(true);
    // An entry signed with another secret (not this machine's) is not used.
    await openContentCache(io, dir, { secret: new Uint8Array(32).fill(9) }).put(entries[0]!, new TextEncoder().encode('not a font, but long enough'));
    expect(Buffer.from(await bundledSubset(WENKAI, codePoints, io)).equals(Buffer.from(made))).toBe(true);
  }, 60_000);
});
