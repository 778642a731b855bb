// What an image file's headers say about how it must be processed, read from the bytes without
// decoding a pixel: animation (GIF, WebP), 16 bits per channel (PNG), CMYK (JPEG), an iPhone's
// HEIC, and whether the file's name claims another type. The image pipeline (src/images/) handles
// each; validate reports them so an editor knows what will happen to the photo.
import type { Figure } from './types.js';

export interface ImageFeatures {
  /** More than one frame: only the first is printed. */
  animated: boolean;
  /** 16 bits per channel (PNG): reduced to 8. */
  sixteenBit: boolean;
  /** CMYK or YCCK (JPEG): converted to sRGB. */
  cmyk: boolean;
}

const ascii = (b: Uint8Array, start: number, end: number) => String.fromCharCode(...b.subarray(start, end));

/** HEIF/HEIC (an iPhone's photos) or AVIF, by the `ftyp` box: which brand, or undefined. */
export function heifBrand(head: Uint8Array): string | undefined {
  if (head.length < 16 || ascii(head, 4, 8) !== 'ftyp') return undefined;
  const size = Math.min(head.length, ((head[0]! << 24) >>> 0) + (head[1]! << 16) + (head[2]! << 8) + head[3]!);
  const brands = [ascii(head, 8, 12)];
  for (let i = 16; i + 4 <= size; i += 4) brands.push(ascii(head, i, i + 4));
  return brands.find((b) => /^(heic|heix|hevc|hevx|heim|heis|mif1|msf1|avif|avis)$/.test(b));
}

/** Frames of a GIF: image descriptors counted along its blocks (stops at 2). */
function gifFrames(b: Uint8Array): number {
  if (b.length < 13) return 0;
  let i = 13;
  if (b[10]! & 0x80) i += 3 * (1 << ((b[10]! & 7) + 1));
  let frames = 0;
  while (i < b.length && frames < 2) {
    const block = b[i]!;
    if (block === 0x3b) break;
    if (block === 0x21) {
      i += 2;
      while (i < b.length && b[i]! !== 0) i += b[i]! + 1;
      i += 1;
    } else if (block === 0x2c) {
      frames++;
      if (i + 10 > b.length) break;
      const packed = b[i + 9]!;
      i += 10;
      if (packed & 0x80) i += 3 * (1 << ((packed & 7) + 1));
      i += 1; // LZW minimum code size
      while (i < b.length && b[i]! !== 0) i += b[i]! + 1;
      i += 1;
    } else break;
  }
  return frames;
}

/** Components of a JPEG's frame (3: YCbCr, 4: CMYK/YCCK), from its SOF segment. */
function jpegComponents(b: Uint8Array): number | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    const length = (b[i + 2]! << 8) + b[i + 3]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return b[i + 9];
    i += 2 + length;
  }
  return undefined;
}

/** The features of a whole image file of the type its magic bytes say. */
export function imageFeatures(bytes: Uint8Array, mime: Figure['mime']): ImageFeatures {
  const none = { animated: false, sixteenBit: false, cmyk: false };
  switch (mime) {
    case 'image/png':
      return { ...none, sixteenBit: bytes.length > 24 && bytes[24] === 16 };
    case 'image/jpeg':
      return { ...none, cmyk: jpegComponents(bytes) === 4 };
    case 'image/gif':
      return { ...none, animated: gifFrames(bytes) > 1 };
    case 'image/webp':
      // VP8X: the animation flag (bit 1 of the flags byte).
      return { ...none, animated: bytes.length > 20 && ascii(bytes, 12, 16) === 'VP8X' && (bytes[20]! & 0x02) !== 0 };
    default:
      return none;
  }
}

/** The extensions a type is saved under. */
const EXTENSIONS: Record<Figure['mime'], readonly string[]> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
  'image/svg+xml': ['svg'],
};

export const TYPE_NAMES: Record<Figure['mime'], string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP', 'image/gif': 'GIF', 'image/svg+xml': 'SVG' };

/** Whether a file name's extension says another type than the content (a JPEG named `.png`). */
export function extensionMismatch(name: string, mime: Figure['mime']): boolean {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (!ext) return false;
  const known = Object.values(EXTENSIONS).some((list) => list.includes(ext));
  return known && !EXTENSIONS[mime].includes(ext);
}
