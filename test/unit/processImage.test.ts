// The image pipeline (src/images/): what comes out of a phone photo, a CMYK JPEG, a 16-bit PNG, an
// animated GIF, a screenshot; and the cache, which a pull request can fill with entries of its own.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { processImage } from '../../src/images/processImage.js';
import { carriesMetadata, imageMetadata } from '../../src/images/imageMetadata.js';
import { renditionProblem } from '../../src/images/verifyRendition.js';
import { cacheKey, openContentCache, openImageCache } from '../../src/cache/contentCache.js';
import { prepareImages } from '../../src/images/figureRenditions.js';
import { validate } from '../../src/validate.js';
import { nodeIo, type Io } from '../../src/io.js';
import { render } from '../../src/i18n/message.js';
import { createHash } from 'node:crypto';
import { cleanScratch, REPO, SEED, scratchDir } from '../helpers.js';
import { cpSync, mkdirSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';

afterAll(() => cleanScratch());

const FORMATS = path.join(REPO, 'test', 'fixtures', 'invalid', 'image-formats', 'issues', 'images');
const auto = { encoding: 'auto' as const, jpegQuality: 85 };

/** A 400 × 300 photo (noise) whose stored left column is red, tagged orientation 6 (upright: the red edge on top), with GPS and a camera. */
async function phonePhoto(): Promise<Uint8Array> {
  const raw = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#5080c0', noise: { type: 'gaussian', mean: 120, sigma: 30 } } }).raw().toBuffer();
  for (let y = 0; y < 300; y++) for (let x = 0; x < 40; x++) raw.set([230, 20, 20], (y * 400 + x) * 3);
  return sharp(raw, { raw: { width: 400, height: 300, channels: 3 } })
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Model: 'iPhone 13', Artist: 'Zhang San' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 0/1' } })
    .jpeg().toBuffer();
}

describe('processImage', () => {
  it('turns a phone photo upright, strips EXIF and GPS, embeds sRGB only, never upscales', async () => {
    const input = await phonePhoto();
    expect(carriesMetadata(input)).toContain('EXIF');
    const [small, big] = await processImage(input, [{ width: 150 }, { width: 5000 }], auto);
    expect([small!.format, small!.width, small!.height]).toEqual(['jpeg', 150, 200]); // portrait: 300 × 400 upright
    expect([big!.width, big!.height]).toEqual([300, 400]); // not upscaled
    for (const r of [small!, big!]) {
      expect(imageMetadata(r.bytes)).toEqual([]);
      const meta = await sharp(r.bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(meta.icc).toBeDefined();
    }
    // The red edge is on top: the first rows are red, the last are not.
    const { data, info } = await sharp(big!.bytes).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    expect(at(150, 5)[0]).toBeGreaterThan(180);
    expect(at(150, 5)[1]).toBeLessThan(80);
    expect(at(150, 395)[0]).toBeLessThan(180);
  });

  it('converts a CMYK JPEG to sRGB, a 16-bit PNG to 8 bits, an animated GIF to its first frame', async () => {
    const [cmyk] = await processImage(readFileSync(path.join(FORMATS, 'cmyk.jpg')), [{ width: 100 }], auto);
    expect((await sharp(cmyk!.bytes).metadata()).space).toBe('srgb');
    const [deep] = await processImage(readFileSync(path.join(FORMATS, 'deep.png')), [{ width: 100 }], { ...auto, encoding: 'png' });
    expect((await sharp(deep!.bytes).metadata()).depth).toBe('uchar');
    const [gif] = await processImage(readFileSync(path.join(FORMATS, 'animated.gif')), [{ width: 100 }], auto);
    const meta = await sharp(gif!.bytes).metadata();
    expect(meta.pages ?? 1).toBe(1);
    expect(gif!.format).toBe('png'); // two flat colours: a graphic, kept lossless
    const { data } = await sharp(gif!.bytes).raw().toBuffer({ resolveWithObject: true });
    expect([data[0], data[1], data[2]]).toEqual([255, 0, 0]); // the first frame is red
  });

  it('keeps a screenshot lossless and makes a photo saved as PNG a JPEG, unless the figure says otherwise', async () => {
    const seedPng = readFileSync(path.join(SEED, 'issues', 'images', '2018-02-kunming.png'));
    const [shot] = await processImage(seedPng, [{ width: 300 }], auto);
    expect(shot!.format).toBe('png');
    const noisy = await sharp({ create: { width: 200, height: 150, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 50 } } }).png().toBuffer();
    expect((await processImage(noisy, [{ width: 100 }], auto))[0]!.format).toBe('jpeg');
    expect((await processImage(noisy, [{ width: 100 }], { ...auto, encoding: 'png' }))[0]!.format).toBe('png');
  });

  it('refuses a file declaring more pixels than allowed, before decoding', async () => {
    await expect(processImage(readFileSync(path.join(FORMATS, 'bomb.png')), [{ width: 100 }], auto)).rejects.toThrow(/pixel limit/i);
  });
});

describe('the cache of renditions', () => {
  it('ignores entries it did not sign, and the structural check refuses metadata, another size or format, trailing bytes', async () => {
    const dir = scratchDir('bulletin-cache-');
    const mine = openContentCache(nodeIo, dir, { secret: new Uint8Array(32).fill(1) });
    const theirs = openContentCache(nodeIo, dir, { secret: new Uint8Array(32).fill(2) });
    const key = cacheKey('test', 'a');
    await theirs.put(key, new TextEncoder().encode('poison'));
    expect(await mine.get(key)).toBeUndefined();
    await mine.put(key, new TextEncoder().encode('fine'));
    expect(new TextDecoder().decode(await mine.get(key))).toBe('fine');

    const [clean] = await processImage(await phonePhoto(), [{ width: 120 }], auto);
    expect(renditionProblem(clean!.bytes, clean!)).toBeUndefined();
    expect(renditionProblem(clean!.bytes, { ...clean!, width: 121 })).toMatch(/not 121/);
    expect(renditionProblem(clean!.bytes, { ...clean!, format: 'png' })).toMatch(/jpeg, not png/);
    expect(renditionProblem(new TextEncoder().encode('<svg onload="x">'), clean!)).toMatch(/not a JPEG or PNG/);
    expect(renditionProblem(await phonePhoto(), { format: 'jpeg', width: 400, height: 300 })).toMatch(/EXIF/);
    const trailing = new Uint8Array([...clean!.bytes, ...new TextEncoder().encode('<script>')]);
    expect(renditionProblem(trailing, clean!)).toMatch(/trailing/);
  });

  it('a poisoned .bulletin-cache/ committed to the series changes nothing; a photo damaged after validation is image-decode at its image:', async () => {
    const series = path.join(scratchDir('bulletin-poison-'), 'seed');
    cpSync(SEED, series, { recursive: true });
    const photo = path.join(series, 'issues', 'images', '2018-02-kunming.png');
    writeFileSync(photo, await phonePhoto()); // a JPEG named .png: read by its content
    const checked = await validate([series], { cwd: series });
    const issue = checked.issues[0]!;
    const cacheDir = path.join(series, '.bulletin-cache', 'images');
    // The attacker's cache: every entry a build could ask for, signed with another secret.
    const attacker = openContentCache(nodeIo, cacheDir, { secret: new Uint8Array(32).fill(7) });
    const first = await prepareImages(issue, nodeIo, 'x.yaml', { cache: openContentCache(nodeIo, cacheDir, { secret: new Uint8Array(32).fill(3) }) });
    expect(first.diagnostics).toEqual([]);
    const figure = first.issue.sections[0]!.articles[0]!.figures[0]!;
    expect([figure.renditions!.print.width < figure.renditions!.print.height]).toEqual([true]); // upright portrait
    // Overwrite each entry the first build wrote with an attacker's JPEG carrying EXIF.
    const { readdirSync } = await import('node:fs');
    const poison = await phonePhoto();
    for (const sub of readdirSync(cacheDir)) for (const f of readdirSync(path.join(cacheDir, sub))) await attacker.put(f.replace('.bin', ''), poison);
    const again = await prepareImages(issue, nodeIo, 'x.yaml', { cache: openContentCache(nodeIo, cacheDir, { secret: new Uint8Array(32).fill(3) }) });
    const r = again.issue.sections[0]!.articles[0]!.figures[0]!.renditions!;
    for (const rendition of [r.print, ...r.screen]) expect(carriesMetadata(rendition.bytes)).toEqual([]);
    expect(Buffer.from(r.print.bytes).equals(Buffer.from(figure.renditions!.print.bytes))).toBe(true);

    // Even signed with this machine's secret (a leaked one), an entry with metadata is not used: the
    // structural check refuses it and the photo is processed again.
    const leaked = openContentCache(nodeIo, cacheDir, { secret: new Uint8Array(32).fill(3) });
    for (const sub of readdirSync(cacheDir)) for (const f of readdirSync(path.join(cacheDir, sub))) {
      const key = f.replace('.bin', '');
      const entry = await leaked.get(key);
      // The same picture at the same size, with the phone's EXIF added.
      if (entry && entry[0] === 0xff) await leaked.put(key, await sharp(entry).withExif({ IFD0: { Artist: 'Zhang San' } }).jpeg().toBuffer());
    }
    const leakedRun = await prepareImages(issue, nodeIo, 'x.yaml', { cache: leaked });
    const l = leakedRun.issue.sections[0]!.articles[0]!.figures[0]!.renditions!;
    for (const rendition of [l.print, ...l.screen]) expect(carriesMetadata(rendition.bytes)).toEqual([]);
    expect(Buffer.from(l.print.bytes).equals(Buffer.from(figure.renditions!.print.bytes))).toBe(true);

    // A photo damaged after validation.
    const damaged = new Uint8Array(readFileSync(photo));
    damaged.fill(0x55, 600, damaged.length - 2);
    writeFileSync(photo, damaged);
    // Changed since it was validated: not made under the hash of what was checked.
    const changed = await prepareImages(issue, nodeIo, 'issues/2018-02.yaml', { cache: undefined });
    expect(changed.diagnostics.map((d) => [d.code, d.line, d.column, render(d.message, 'en')])).toEqual([['image-decode', 19, 20, expect.stringContaining('changed after it was checked')]]);
    // Validated again, the damage is found before anything is made.
    const rechecked = await validate([series], { cwd: series });
    expect(rechecked.diagnostics.map((d) => [d.code, d.line, d.column])).toContainEqual(['image-dimensions', 19, 20]); // its size can no longer be read
  });
});

describe('what validation found of a photo, remembered', () => {
  /** The nodeIo, counting the whole reads of each file. */
  const counting = () => {
    const reads = new Map<string, number>();
    const io: Io = { ...nodeIo, readFile: (file) => (reads.set(file, (reads.get(file) ?? 0) + 1), nodeIo.readFile(file)) };
    return { io, reads };
  };

  it('is not read again by the next run, with the same warnings; a photo written again is read again', async () => {
    const series = path.join(scratchDir('bulletin-facts-'), 'seed');
    cpSync(SEED, series, { recursive: true });
    rmSync(path.join(series, '.bulletin-cache'), { recursive: true, force: true }); // a build of the example may have left one
    const photo = path.join(series, 'issues', 'images', '2018-02-kunming.png');
    cpSync(path.join(FORMATS, 'cmyk.jpg'), photo); // a CMYK JPEG named .png: two warnings
    const warnings = (r: Awaited<ReturnType<typeof validate>>) => r.diagnostics.map((d) => [d.code, d.line, d.column]);
    const first = counting();
    const before = await validate([series], { cwd: series, io: first.io });
    expect(warnings(before)).toEqual(expect.arrayContaining([['image-extension', 19, 20], ['image-cmyk', 19, 20]]));
    expect(first.reads.get(photo)).toBe(1);
    const hash = before.issues[0]!.sections[0]!.articles[0]!.figures[0]!.contentHash;
    expect(hash).toBe(createHash('sha256').update(readFileSync(photo)).digest('hex'));

    const second = counting();
    const after = await validate([series], { cwd: series, io: second.io });
    expect(second.reads.get(photo)).toBeUndefined();
    expect(warnings(after)).toEqual(warnings(before));
    expect(after.issues[0]!.sections[0]!.articles[0]!.figures[0]!.contentHash).toBe(hash);
    // The build neither: its renditions are made from the hash validation found, read once to be made.
    const cache = openImageCache(nodeIo, series);
    await prepareImages(after.issues[0]!, second.io, 'x.yaml', { cache });
    expect(second.reads.get(photo)).toBe(1);
    await prepareImages(after.issues[0]!, second.io, 'x.yaml', { cache });
    expect(second.reads.get(photo)).toBe(1);

    // Another photo written over it, its size and modification time set back: read and checked again.
    const stamp = statSync(photo);
    const other = readFileSync(path.join(FORMATS, 'cmyk.jpg'));
    other[other.length - 3] = other[other.length - 3]! ^ 0xff; // the same size, other bytes
    writeFileSync(photo, other);
    utimesSync(photo, stamp.atime, stamp.mtime);
    const third = counting();
    const again = await validate([series], { cwd: series, io: third.io });
    expect(third.reads.get(photo)).toBe(1);
    expect(again.issues[0]!.sections[0]!.articles[0]!.figures[0]!.contentHash).not.toBe(hash);
  });

  it('writes nothing through a .bulletin-cache a pull request committed as a link to elsewhere', async () => {
    const root = scratchDir('bulletin-cache-link-');
    const series = path.join(root, 'seed');
    cpSync(SEED, series, { recursive: true });
    rmSync(path.join(series, '.bulletin-cache'), { recursive: true, force: true });
    const elsewhere = path.join(root, 'elsewhere');
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, path.join(series, '.bulletin-cache'));
    const checked = await validate([series], { cwd: series });
    expect(checked.issues).toHaveLength(1);
    const made = await prepareImages(checked.issues[0]!, nodeIo, 'x.yaml', { cache: openImageCache(nodeIo, realpathSync(series)) });
    expect(made.diagnostics).toEqual([]);
    expect(readdirSync(elsewhere)).toEqual([]);
    // A link further down (images/ itself) is refused the same way.
    rmSync(path.join(series, '.bulletin-cache'));
    mkdirSync(path.join(series, '.bulletin-cache'));
    symlinkSync(elsewhere, path.join(series, '.bulletin-cache', 'images'));
    await prepareImages(checked.issues[0]!, nodeIo, 'x.yaml', { cache: openImageCache(nodeIo, realpathSync(series)) });
    await validate([series], { cwd: series });
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});
