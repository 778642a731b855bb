// Recognises an image by its magic bytes (never by its name) and reads its pixel size where cheap:
// the size as printed, so a phone photo stored on its side with an EXIF orientation of 5–8 (turned a
// quarter) has its width and height swapped, as the image pipeline turns it upright.
import type { Figure } from './types.js';

export interface ImageInfo {
  mime: Figure['mime'];
  width: number | undefined;
  height: number | undefined;
}

/** More pixels than this is a decompression bomb, not a photo. */
export const MAX_IMAGE_PIXELS = 60_000_000;

function u32be(b: Uint8Array, i: number): number {
  return ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
}

/** The EXIF orientation (1–8) of an APP1 segment's body starting at `at` (`Exif\0\0`, a TIFF header, IFD0), or undefined. */
export function exifOrientation(b: Uint8Array, at: number, end: number): number | undefined {
  // IFD0 comes first: a segment longer than the bytes read (a large thumbnail) is read as far as they go.
  end = Math.min(end, b.length);
  if (end - at < 14 || String.fromCharCode(...b.subarray(at, at + 6)) !== 'Exif\0\0') return undefined;
  const tiff = at + 6;
  const little = b[tiff] === 0x49 && b[tiff + 1] === 0x49;
  if (!little && !(b[tiff] === 0x4d && b[tiff + 1] === 0x4d)) return undefined;
  const u16 = (i: number) => (little ? b[i]! | (b[i + 1]! << 8) : (b[i]! << 8) | b[i + 1]!);
  const u32 = (i: number) => (little ? (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)) + b[i + 3]! * 0x1000000 : u32be(b, i));
  const ifd = tiff + u32(tiff + 4);
  if (ifd + 2 > end) return undefined;
  const count = u16(ifd);
  for (let k = 0; k < count; k++) {
    const entry = ifd + 2 + k * 12;
    if (entry + 12 > end) return undefined;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : undefined;
    }
  }
  return undefined;
}

function jpegSize(b: Uint8Array): { width: number; height: number } | undefined {
  let i = 2;
  let orientation: number | undefined;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    const length = (b[i + 2]! << 8) + b[i + 3]!;
    if (marker === 0xe1 && orientation === undefined) orientation = exifOrientation(b, i + 4, i + 2 + length);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = (b[i + 5]! << 8) + b[i + 6]!;
      const width = (b[i + 7]! << 8) + b[i + 8]!;
      return (orientation ?? 1) >= 5 ? { width: height, height: width } : { width, height };
    }
    i += 2 + length;
  }
  return undefined;
}

/** Canvas size from the first chunk of a WebP file (VP8X, lossy VP8 or lossless VP8L). */
function webpSize(b: Uint8Array): { width: number | undefined; height: number | undefined } {
  const chunk = String.fromCharCode(...b.subarray(12, 16));
  if (chunk === 'VP8X' && b.length >= 30) {
    return { width: 1 + (b[24]! | (b[25]! << 8) | (b[26]! << 16)), height: 1 + (b[27]! | (b[28]! << 8) | (b[29]! << 16)) };
  }
  if (chunk === 'VP8 ' && b.length >= 30) {
    return { width: (b[26]! | (b[27]! << 8)) & 0x3fff, height: (b[28]! | (b[29]! << 8)) & 0x3fff };
  }
  if (chunk === 'VP8L' && b.length >= 25) {
    return { width: 1 + (b[21]! | ((b[22]! & 0x3f) << 8)), height: 1 + ((b[22]! >> 6) | (b[23]! << 2) | ((b[24]! & 0x0f) << 10)) };
  }
  return { width: undefined, height: undefined };
}

export function sniffImage(head: Uint8Array): ImageInfo | undefined {
  const b = head;
  if (b.length >= 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 && b[4] === 0x0d && b[5] === 0x0a && b[6] === 0x1a && b[7] === 0x0a) {
    return { mime: 'image/png', width: u32be(b, 16), height: u32be(b, 20) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    const size = jpegSize(b);
    return { mime: 'image/jpeg', width: size?.width, height: size?.height };
  }
  if (b.length >= 10 && /^GIF8[79]a$/.test(String.fromCharCode(...b.subarray(0, 6)))) {
    return { mime: 'image/gif', width: b[6]! | (b[7]! << 8), height: b[8]! | (b[9]! << 8) };
  }
  if (b.length >= 16 && String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP') {
    return { mime: 'image/webp', ...webpSize(b) };
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(text)) {
    return { mime: 'image/svg+xml', width: undefined, height: undefined };
  }
  return undefined;
}
