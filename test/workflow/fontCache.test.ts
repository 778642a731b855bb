// The subsets of a series' own fonts are kept across runs in the user's cache folder (not in the
// series, where a pull request could put one): a second validate takes them from there, and an
// entry that was not signed on this machine (tampered, or copied in) is made again.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtCli } from '../builtCli.js';
import { cleanScratch, REPO, scratchDir } from '../helpers.js';

function validate(series: string, cacheHome: string): { stdout: string; code: number } {
  try {
    const stdout = execFileSync(process.execPath, [builtCli(), 'validate', series, '--format', 'json'], { env: { ...process.env, XDG_CACHE_HOME: cacheHome, NO_COLOR: '1' }, encoding: 'utf8' });
    return { stdout, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; status: number };
    return { stdout: e.stdout, code: e.status };
  }
}

function entries(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.bin')).map((f) => path.join(dir, f)).sort();
}

describe('the subsets of a series\' own fonts, cached across runs', () => {
  afterAll(() => cleanScratch());

  it('are written to the user\'s cache folder, read back by the next validate, and made again when an entry was tampered with', () => {
    const root = scratchDir('bulletin-font-cache-');
    const series = path.join(root, 'office');
    cpSync(path.join(REPO, 'examples', 'office'), series, { recursive: true });
    const cacheHome = path.join(root, 'cache');
    const first = validate(series, cacheHome);
    expect(first.code, first.stdout).toBe(0);
    const made = entries(path.join(cacheHome, 'bulletin', 'fonts'));
    // One subset per font file and face the series names (a body face of a .ttc, a CFF title font).
    expect(made.length).toBeGreaterThanOrEqual(2);
    // Nothing of the fonts in the series (its .bulletin-cache/ holds the photos' renditions only).
    expect(existsSync(path.join(series, '.bulletin-cache', 'fonts'))).toBe(false);
    expect(entries(path.join(series, '.bulletin-cache')).every((f) => f.includes(`${path.sep}images${path.sep}`))).toBe(true);
    const bytes = made.map((f) => readFileSync(f));

    const second = validate(series, cacheHome);
    expect(second.stdout).toBe(first.stdout);
    expect(entries(path.join(cacheHome, 'bulletin', 'fonts'))).toEqual(made);

    // A changed byte in an entry: its signature no longer holds, so it is made again (and the same bytes come out).
    const tampered = Buffer.from(bytes[0]!);
    tampered[tampered.length - 1] = tampered[tampered.length - 1]! ^ 0xff;
    writeFileSync(made[0]!, tampered);
    const third = validate(series, cacheHome);
    expect(third.stdout).toBe(first.stdout);
    expect(readFileSync(made[0]!).equals(bytes[0]!)).toBe(true);
  }, 120_000);
});
