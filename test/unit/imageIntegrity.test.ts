// Whole images: a cut-off or damaged file is told by its structure (PNG chunks and CRCs up to IEND,
// JPEG segments and scans up to EOI, WebP chunks within the RIFF size, an SVG that closes its root),
// and the text an SVG drawing prints is read out of it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { imageProblem as imageMessage, pngDataProblem as pngDataMessage, svgText } from '../../src/model/imageIntegrity.js';
import { render } from '../../src/i18n/message.js';

/** The problems in English. */
const imageProblem = (...args: Parameters<typeof imageMessage>) => {
  const problem = imageMessage(...args);
  return problem && render(problem, 'en');
};
const pngDataProblem = async (bytes: Uint8Array) => {
  const problem = await pngDataMessage(bytes);
  return problem && render(problem, 'en');
};
import { placeholderPng } from '../../src/scaffold/placeholderPng.js';
import { SEED_PNG } from '../helpers.js';

const seg = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
/** A JPEG's structure (not decodable pixels): SOI, APP0, SOF0, SOS, entropy-coded bytes with a stuffed 0xFF and a restart marker, EOI. */
const JPEG = Uint8Array.from([
  0xff, 0xd8,
  ...seg(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
  ...seg(0xc0, [8, 0, 16, 0, 16, 1, 1, 0x11, 0]),
  ...seg(0xda, [1, 1, 0, 0, 63, 0]),
  0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd0, 0x78, 0x9a,
  0xff, 0xd9,
]);

function crc(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** A PNG of `width`×`height` grey pixels (8 bits), its image data `raw` bytes of zeros deflated, Adam7-interlaced or not. */
function greyPng(width: number, height: number, raw: number, interlace = 0, colour = 0, depth = 8): Buffer {
  const chunk = (type: string, data: Uint8Array) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([depth, colour, 0, 0, interlace], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(raw))), chunk('IEND', Buffer.alloc(0))]);
}

function riff(chunks: [string, number][], declared?: number): Uint8Array {
  const body = chunks.flatMap(([type, length]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32LE(length, 4);
    return [...head, ...Buffer.alloc(length + (length & 1))];
  });
  const head = Buffer.alloc(12);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(declared ?? 4 + body.length, 4);
  head.write('WEBP', 8, 'latin1');
  return Uint8Array.from([...head, ...body]);
}

describe('a whole image', () => {
  it('passes: the seed photo, the scaffold placeholder, a JPEG, a WebP, SVGs', () => {
    expect(imageProblem(readFileSync(SEED_PNG), 'image/png')).toBeUndefined();
    expect(imageProblem(placeholderPng(120, 80), 'image/png')).toBeUndefined();
    // Bytes after IEND (some programs add them) do not matter.
    expect(imageProblem(Buffer.concat([readFileSync(SEED_PNG), Buffer.from('trailer')]), 'image/png')).toBeUndefined();
    expect(imageProblem(JPEG, 'image/jpeg')).toBeUndefined();
    expect(imageProblem(Uint8Array.from([...JPEG, 0, 0, 0]), 'image/jpeg')).toBeUndefined();
    expect(imageProblem(riff([['VP8 ', 31]]), 'image/webp')).toBeUndefined();
    expect(imageProblem(riff([['VP8X', 10], ['ICCP', 5], ['VP8L', 20]]), 'image/webp')).toBeUndefined();
    for (const svg of ['<svg xmlns="http://www.w3.org/2000/svg"></svg>\n', '<svg:svg xmlns:svg="http://www.w3.org/2000/svg"/>', '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg >\n<!-- end -->\n<?pi x?>  ']) {
      expect(imageProblem(Buffer.from(svg), 'image/svg+xml'), svg).toBeUndefined();
    }
  });
});

describe('a damaged image', () => {
  const png = readFileSync(SEED_PNG);

  it('PNG: cut anywhere, a chunk failing its CRC, no IEND, no IDAT', () => {
    for (const length of [20, 40, png.length >> 1, png.length - 13, png.length - 1]) {
      expect(imageProblem(png.subarray(0, length), 'image/png'), `cut at ${length}`).toMatch(/cut off|ends inside|no IEND/);
    }
    const flipped = Buffer.from(png);
    const at = png.indexOf('IDAT') + 14; // a byte of the first IDAT's data
    flipped[at] = flipped[at]! ^ 0x40;
    expect(imageProblem(flipped, 'image/png')).toMatch(/checksum \(CRC\)/);
    expect(imageProblem(png.subarray(0, png.length - 12), 'image/png')).toMatch(/no IEND/);
    const iendOnly = Buffer.concat([png.subarray(0, 33), png.subarray(png.length - 12)]);
    expect(imageProblem(iendOnly, 'image/png')).toMatch(/no image data/);
  });

  it('PNG: image data that does not inflate to every pixel, or an impossible pixel format', async () => {
    expect(await pngDataProblem(readFileSync(SEED_PNG))).toBeUndefined();
    // 5×3 grey: 3 rows of a filter byte and 5 pixels; interlaced, the 7 passes' rows (Adam7) add up to 22 bytes.
    expect(await pngDataProblem(greyPng(5, 3, 18))).toBeUndefined();
    expect(await pngDataProblem(greyPng(5, 3, 17))).toMatch(/ends early: 94% of the pixels/);
    expect(await pngDataProblem(greyPng(5, 3, 22, 1))).toBeUndefined();
    expect(await pngDataProblem(greyPng(5, 3, 21, 1))).toMatch(/ends early/);
    expect(imageProblem(greyPng(5, 3, 18), 'image/png')).toBeUndefined();
    const noise = Buffer.from(greyPng(64, 64, 65 * 64));
    const at = noise.indexOf('IDAT');
    noise.fill(0x55, at + 6, noise.length - 16);
    expect(await pngDataProblem(noise)).toMatch(/cannot be decompressed/);
    expect(imageProblem(greyPng(5, 3, 18, 0, 2, 4), 'image/png')).toMatch(/impossible pixel format/);
    expect(imageProblem(greyPng(5, 3, 18, 0, 3, 8), 'image/png')).toMatch(/no palette/);
  });

  it('JPEG: cut inside a segment or the scan, without EOI, a scan before the frame', () => {
    for (let length = 3; length < JPEG.length - 1; length += 3) {
      expect(imageProblem(JPEG.subarray(0, length), 'image/jpeg'), `cut at ${length}`).toMatch(/cut off|ends before|ends inside/);
    }
    expect(imageProblem(JPEG.subarray(0, JPEG.length - 2), 'image/jpeg')).toMatch(/EOI/);
    const noFrame = Uint8Array.from([0xff, 0xd8, ...seg(0xda, [1, 1, 0, 0, 63, 0]), 0x12, 0xff, 0xd9]);
    expect(imageProblem(noFrame, 'image/jpeg')).toMatch(/before the frame/);
    expect(imageProblem(Uint8Array.from([0xff, 0xd8, 0xff, 0xd9]), 'image/jpeg')).toMatch(/before any image data/);
  });

  it('WebP: a RIFF size past the end of the file, a chunk past the RIFF, no image chunk', () => {
    const whole = riff([['VP8 ', 31]]);
    expect(imageProblem(whole.subarray(0, whole.length - 4), 'image/webp')).toMatch(/promises/);
    expect(imageProblem(riff([['VP8 ', 31]], 4 + 8 + 10), 'image/webp')).toMatch(/chunk needs/);
    expect(imageProblem(riff([['VP8X', 10]]), 'image/webp')).toMatch(/no image data/);
  });

  it('SVG: cut before the root closes, or not UTF-8', () => {
    expect(imageProblem(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect width="10"'), 'image/svg+xml')).toMatch(/<\/svg>/);
    expect(imageProblem(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><text>cut</text>'), 'image/svg+xml')).toMatch(/cut off/);
    expect(imageProblem(Uint8Array.from([...Buffer.from('<svg>'), 0xff, 0xfe, ...Buffer.from('</svg>')]), 'image/svg+xml')).toMatch(/UTF-8/);
  });

  it('is found in linear time, whatever the file holds', () => {
    const comments = Buffer.from(`<svg>${'<!--'.repeat(200_000)}`);
    const started = performance.now();
    expect(imageProblem(comments, 'image/svg+xml')).toBeDefined();
    expect(svgText(Buffer.from(`<svg>${'<text>'.repeat(100_000)}</svg>`))).toBe('');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('the text of an SVG drawing', () => {
  it('is what its text elements print, references decoded, tags and runs of space removed', () => {
    expect(svgText(Buffer.from('<svg><rect/><text x="1">2017年</text>\n<text><tspan>2018</tspan>年 &amp; &#x589E;&#38271;</text><svg:text/></svg>'))).toBe('2017年 2018年 & 增长');
    expect(svgText(Buffer.from('<svg><title>标题</title><textPath>不是</textPath><path d="M0 0"/></svg>'))).toBe('');
    expect(svgText(Buffer.from('<svg><text><![CDATA[<原文>]]></text></svg>'))).toBe('<原文>');
    expect(svgText(Buffer.from(`<svg><text>${'字'.repeat(500)}</text></svg>`))).toHaveLength(200);
  });
});
