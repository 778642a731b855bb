// Whether an image file is whole: a truncated or damaged photo prints as an empty box, so it is an
// error before the build. The structure is walked: PNG chunks with their CRCs up to IEND (and the
// image data inflated and counted: Chrome prints a PNG whose data stops early without a word),
// JPEG segments and the entropy-coded scans up to EOI, the RIFF chunks of a WebP within the file, an
// SVG that ends with its root element closed. Bytes in, a reason (or nothing) out.
import { createInflate } from 'node:zlib';
import type { Figure } from './types.js';
import { msg, type Message } from '../i18n/message.js';

let crcTable: Uint32Array | undefined;

function crc32(bytes: Uint8Array, start: number, end: number): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = crcTable[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function u32be(b: Uint8Array, i: number): number {
  return ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
}

function u32le(b: Uint8Array, i: number): number {
  return b[i]! + (b[i + 1]! << 8) + (b[i + 2]! << 16) + ((b[i + 3]! << 24) >>> 0);
}

const ascii = (b: Uint8Array, start: number, end: number) => String.fromCharCode(...b.subarray(start, end));

/** Samples per pixel by PNG colour type, and the bit depths each allows. */
const PNG_COLOUR: Record<number, { channels: number; depths: number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};

/** The Adam7 passes: first column and row, then the steps. */
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;

/** How many bytes a PNG's image data must inflate to: each row of each pass, with its filter byte. */
function pngRawLength(b: Uint8Array): number | Message {
  const [width, height, depth, colour, compression, filter, interlace] = [u32be(b, 16), u32be(b, 20), b[24]!, b[25]!, b[26]!, b[27]!, b[28]!];
  const kind = PNG_COLOUR[colour];
  if (!kind || !kind.depths.includes(depth)) return msg('image.file.png-pixel-format', { colour, depth });
  if (compression !== 0 || filter !== 0 || interlace > 1) return msg('image.file.png-method');
  const rowBytes = (w: number) => Math.ceil((w * kind.channels * depth) / 8);
  if (interlace === 0) return height * (1 + rowBytes(width));
  let total = 0;
  for (const [x0, y0, dx, dy] of ADAM7) {
    const w = width > x0 ? Math.ceil((width - x0) / dx) : 0;
    const h = height > y0 ? Math.ceil((height - y0) / dy) : 0;
    if (w > 0 && h > 0) total += h * (1 + rowBytes(w));
  }
  return total;
}

function pngProblem(b: Uint8Array): Message | undefined {
  let i = 8;
  let first = true;
  let idat = false;
  let palette = false;
  while (i < b.length) {
    if (i + 12 > b.length) return msg('image.file.png-chunk-cut', { at: i, size: b.length });
    const length = u32be(b, i);
    const type = ascii(b, i + 4, i + 8);
    if (!/^[A-Za-z]{4}$/.test(type) || length > 0x7fffffff) return msg('image.file.png-chunk-damaged', { at: i });
    if (i + 12 + length > b.length) return msg('image.file.png-chunk-short', { type, missing: i + 12 + length - b.length });
    if (crc32(b, i + 4, i + 8 + length) !== u32be(b, i + 8 + length)) return msg('image.file.png-crc', { type, at: i });
    if (first && (type !== 'IHDR' || length !== 13)) return msg('image.file.png-no-ihdr');
    if (first) {
      const raw = pngRawLength(b);
      if (typeof raw !== 'number') return raw;
    }
    first = false;
    if (type === 'PLTE') palette = true;
    if (type === 'IDAT' && b[25] === 3 && !palette) return msg('image.file.png-no-palette');
    if (type === 'IDAT') idat = true;
    if (type === 'IEND') return idat ? undefined : msg('image.file.png-no-idat');
    i += 12 + length;
  }
  return msg('image.file.png-no-iend');
}

/** Markers without a length: SOI, EOI, RST0–7, TEM. */
const standalone = (m: number) => m === 0xd8 || m === 0xd9 || (m >= 0xd0 && m <= 0xd7) || m === 0x01;

function jpegProblem(b: Uint8Array): Message | undefined {
  let i = 2;
  let frame = false;
  let scan = false;
  while (i < b.length) {
    if (b[i] !== 0xff) return msg('image.file.jpeg-segment', { at: i });
    while (b[i] === 0xff && i < b.length) i += 1; // fill bytes
    if (i >= b.length) break;
    const marker = b[i]!;
    i += 1;
    if (marker === 0xd9) return frame && scan ? undefined : msg('image.file.jpeg-no-data');
    if (standalone(marker)) continue;
    if (i + 2 > b.length) break;
    const length = (b[i]! << 8) + b[i + 1]!;
    if (length < 2) return msg('image.file.jpeg-segment', { at: i - 2 });
    if (i + length > b.length) return msg('image.file.jpeg-segment-short', { missing: i + length - b.length });
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) frame = true;
    i += length;
    if (marker !== 0xda) continue;
    if (!frame) return msg('image.file.jpeg-scan-first');
    scan = true;
    // The entropy-coded data: 0xFF is followed by 0x00 (a stuffed byte) or a restart marker, until the next marker.
    for (;;) {
      const ff = b.indexOf(0xff, i);
      if (ff < 0 || ff + 1 >= b.length) return msg('image.file.jpeg-scan-cut');
      const next = b[ff + 1]!;
      if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
        i = ff + (next === 0xff ? 1 : 2);
        continue;
      }
      i = ff;
      break;
    }
  }
  return msg('image.file.jpeg-no-eoi');
}

function webpProblem(b: Uint8Array): Message | undefined {
  const size = u32le(b, 4);
  if (8 + size > b.length) return msg('image.file.webp-size', { promised: 8 + size, size: b.length });
  const end = 8 + size;
  let i = 12;
  let image = false;
  while (i < end) {
    if (i + 8 > end) return msg('image.file.webp-chunk-header', { at: i });
    const type = ascii(b, i, i + 4);
    const length = u32le(b, i + 4);
    if (i + 8 + length > end) return msg('image.file.webp-chunk-short', { type: type.trim(), missing: i + 8 + length - end });
    if (type === 'VP8 ' || type === 'VP8L' || type === 'ANMF') image = true;
    i += 8 + length + (length & 1);
  }
  return image ? undefined : msg('image.file.webp-no-data');
}

function svgProblem(b: Uint8Array): Message | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return msg('image.file.svg-not-utf8');
  }
  // What may follow the root element: white space, comments, processing instructions (cut from the end, no regex over the whole text).
  let tail = text.trimEnd();
  for (;;) {
    const open = tail.endsWith('-->') ? tail.lastIndexOf('<!--') : tail.endsWith('?>') ? tail.lastIndexOf('<?') : -1;
    if (open < 0) break;
    tail = tail.slice(0, open).trimEnd();
  }
  tail = tail.slice(-4096);
  if (/<\/(?:[\w.-]+:)?svg\s*>$/.test(tail)) return undefined;
  // An empty root: <svg …/>.
  if (/<(?:[\w.-]+:)?svg\b[^<>]*\/>$/.test(tail)) return undefined;
  return msg('image.file.svg-cut-off');
}

/**
 * Whether a PNG's image data (whole by its structure: see {@link imageProblem}) inflates to all its
 * pixels: counted as it streams, never held. A stream that is damaged inside or ends early would
 * print as an empty or partly grey box, and Chrome says nothing.
 */
export function pngDataProblem(b: Uint8Array): Promise<Message | undefined> {
  const expected = pngRawLength(b);
  if (typeof expected !== 'number') return Promise.resolve(expected);
  const parts: Uint8Array[] = [];
  for (let i = 8; i + 12 <= b.length;) {
    const length = u32be(b, i);
    const type = ascii(b, i + 4, i + 8);
    if (type === 'IDAT') parts.push(b.subarray(i + 8, i + 8 + length));
    if (type === 'IEND') break;
    i += 12 + length;
  }
  return new Promise((resolve) => {
    const inflate = createInflate();
    let length = 0;
    let settled = false;
    const settle = (problem: Message | undefined) => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      resolve(problem);
    };
    inflate.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length >= expected) settle(undefined); // all the pixels are there; what follows does not matter
    });
    inflate.on('error', () => settle(msg('image.file.png-data-damaged', { percent: Math.round((100 * length) / Math.max(expected, 1)) })));
    inflate.on('end', () => settle(length >= expected ? undefined : msg('image.file.png-data-short', { percent: Math.round((100 * length) / Math.max(expected, 1)) })));
    for (const part of parts) inflate.write(part);
    inflate.end();
  });
}

/** Why `bytes` (the whole file, of the type its magic bytes say) would not print whole, or undefined. */
export function imageProblem(bytes: Uint8Array, mime: Figure['mime']): Message | undefined {
  switch (mime) {
    case 'image/png':
      return pngProblem(bytes);
    case 'image/jpeg':
      return jpegProblem(bytes);
    case 'image/webp':
      return webpProblem(bytes);
    case 'image/svg+xml':
      return svgProblem(bytes);
    case 'image/gif':
      // A GIF ends with its trailer (0x3B); a cut-off one does not.
      return bytes[bytes.length - 1] === 0x3b ? undefined : msg('image.file.gif-cut-off');
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * The text an SVG drawing prints (its `<text>` elements, tags and white space runs collapsed,
 * character references decoded), at most `limit` characters; '' when it has none. Chrome sets this
 * text in the fonts installed on the machine, not in the page's: an SVG image loads no web font.
 */
export function svgText(bytes: Uint8Array, limit = 200): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const open = /<(?:[\w.-]+:)?text(?=[\s>/])[^>]*>/g;
  const closing = /<\/(?:[\w.-]+:)?text\s*>/g;
  let out = '';
  let elements = 0;
  for (let m = open.exec(text); m && out.length < limit && elements < 1000; m = open.exec(text), elements++) {
    if (m[0].endsWith('/>')) continue;
    closing.lastIndex = open.lastIndex;
    const end = closing.exec(text);
    const close = end ? end.index - open.lastIndex : -1;
    const inner = text.slice(open.lastIndex, close < 0 ? undefined : open.lastIndex + close);
    const words = inner
      .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, data: string) => data.replace(/&/g, '&amp;').replace(/</g, '&lt;'))
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<[^>]*>/g, '')
      .replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (all, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
        const cp = hex ? parseInt(hex, 16) : dec ? parseInt(dec, 10) : undefined;
        if (cp !== undefined) return cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
        return ENTITIES[name!] ?? '';
      })
      .replace(/\s+/g, ' ')
      .trim();
    if (words) out += `${out ? ' ' : ''}${words}`;
    if (close < 0) break;
    open.lastIndex += close;
  }
  return out.slice(0, limit);
}
