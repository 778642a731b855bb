// End to end: a photo straight from a phone (stored sideways with EXIF orientation 6, a GPS position,
// the camera and the author's name) is printed upright at 150–400 ppi, and neither the PDF nor the
// HTML folder carries its metadata or its original bytes. One build, read back with poppler's
// pdfimages and by scanning every file written.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanScratch, runCli, scratchDir, SERIES_YAML, type CliRun } from '../helpers.js';
import { buildEnv, e2eTitle, HAS_CHROMIUM } from './poppler.js';
import { carriesMetadata } from '../../src/images/imageMetadata.js';

const CANARY = 'ZhangSan-Canary-7f3a';

/** 1200 × 900 as stored; its stored left edge is red, so upright (rotated 90° clockwise) the red edge is on top. */
async function phonePhoto(): Promise<Buffer> {
  const raw = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#4070a0', noise: { type: 'gaussian', mean: 110, sigma: 35 } } }).raw().toBuffer();
  for (let y = 0; y < 900; y++) for (let x = 0; x < 120; x++) raw.set([230, 20, 20], (y * 1200 + x) * 3);
  return sharp(raw, { raw: { width: 1200, height: 900, channels: 3 } }).withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: 'Apple', Model: 'iPhone 13', Artist: CANARY }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 0/1' } })
    .jpeg({ quality: 90 }).toBuffer();
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

afterAll(() => cleanScratch());

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('bulletin build: a photo straight from a phone'), () => {
  let root = '';
  let out = '';
  let original: Buffer;
  let run: CliRun;
  beforeAll(async () => {
    root = scratchDir('bulletin-e2e-phone-');
    const series = path.join(root, 'series');
    mkdirSync(path.join(series, 'issues', 'images'), { recursive: true });
    original = await phonePhoto();
    writeFileSync(path.join(series, 'issues', 'images', 'IMG_0001.jpg'), original);
    writeFileSync(path.join(series, 'bulletin.yaml'), SERIES_YAML);
    writeFileSync(path.join(series, 'issues', '2018-01.yaml'), [
      'year: 2018', 'number: 1', 'total: 1', 'date: 2018-03-01',
      'sections:', '  - label: 工作动态', '    articles:',
      '      - title: 园区召开工作会议',
      '        body: |',
      `          ${'3月1日，园区召开工作会议，总结上年工作，部署本年任务。'.repeat(6)}`,
      '        figures:',
      '          - image: images/IMG_0001.jpg',
      '            caption: 会议现场',
      '',
    ].join('\n'));
    out = path.join(root, 'out');
    run = await runCli(['build', 'series', '-o', 'out'], root, { ...buildEnv(), NO_COLOR: '1' });
  }, 240_000);

  it('builds, and prints the PDF\'s size', () => {
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stderr).toMatch(/2018-01\.pdf: \d+\.\d MB/);
  });

  it('prints the photo upright, at 150–400 ppi, without metadata', () => {
    const pdf = path.join(out, '2018-01.pdf');
    const list = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
    expect(list).toHaveLength(1);
    const [, , , width, height, , , , enc, , , , xPpi, yPpi] = list[0]!.trim().split(/\s+/);
    expect(enc).toBe('jpeg');
    expect(Number(height)).toBeGreaterThan(Number(width)); // portrait: turned upright
    for (const ppi of [xPpi, yPpi]) {
      expect(Number(ppi)).toBeGreaterThanOrEqual(150);
      expect(Number(ppi)).toBeLessThanOrEqual(400);
    }
    const prefix = path.join(root, 'extracted');
    execFileSync('pdfimages', ['-all', pdf, prefix]);
    const extracted = readFileSync(`${prefix}-000.jpg`);
    expect(carriesMetadata(extracted)).toEqual([]);
    return sharp(extracted).raw().toBuffer({ resolveWithObject: true }).then(({ data, info }) => {
      const px = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
      const [r, g] = px(Math.floor(info.width / 2), 3);
      expect(r).toBeGreaterThan(180); // the marked edge is on top
      expect(g).toBeLessThan(90);
      expect(px(Math.floor(info.width / 2), info.height - 4)[0]).toBeLessThan(180);
      expect(px(3, Math.floor(info.height / 2))[0]).toBeLessThan(180); // not on the left: not turned the wrong way
    });
  });

  it('publishes no metadata and never the original file: every file of the outputs is scanned', () => {
    const files = filesUnder(out);
    const hash = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const originalHash = hash(original);
    const images = files.filter((f) => /\.(jpe?g|png)$/i.test(f));
    expect(images.length).toBeGreaterThanOrEqual(1);
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(hash(bytes), file).not.toBe(originalHash);
      expect(bytes.includes(Buffer.from(CANARY)), `${file} holds the author's name`).toBe(false);
      expect(bytes.includes(Buffer.from('iPhone 13')), `${file} holds the camera`).toBe(false);
      if (/\.(jpe?g|png)$/i.test(file)) expect(carriesMetadata(bytes), file).toEqual([]);
    }
    // The page offers a phone's and a desktop's rendition, each at most the photo's size, none the print one.
    const html = readFileSync(path.join(out, '2018-01.html'), 'utf8');
    const srcset = /srcset="([^"]+)"/.exec(html)?.[1];
    expect(srcset).toBeDefined();
    const candidates = srcset!.split(',').map((c) => c.trim().split(/\s+/));
    expect(candidates.length).toBe(2);
    for (const [url, w] of candidates) {
      expect(statSync(path.join(out, decodeURIComponent(url!))).isFile()).toBe(true);
      expect(Number(w!.replace('w', ''))).toBeLessThanOrEqual(900);
    }
    expect(images.some((f) => f.includes('print'))).toBe(false);
  });
});
