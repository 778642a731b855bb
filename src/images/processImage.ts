// The one image pipeline: a raster image file (JPEG, PNG, WebP, GIF) → renditions for print and
// screen. Decodes the first frame only, refuses more pixels than MAX_IMAGE_PIXELS before decoding,
// turns the picture upright (EXIF orientation), converts CMYK and other colour profiles to sRGB
// (and embeds sRGB), reduces 16 bits per channel to 8, flattens transparency on white for JPEG, and
// writes no metadata at all (no EXIF, GPS, XMP, IPTC or comments: sharp copies none unless asked).
// Each rendition is scaled down to the width asked for, never up. Photos become JPEG; screenshots,
// charts and line art (few colours) stay lossless as PNG, unless the figure says `encoding:`.
import type { Sharp, SharpOptions } from 'sharp';
import { MAX_IMAGE_PIXELS } from '../model/sniffImage.js';
import { msg, render, type Message } from '../i18n/message.js';

export type RenditionFormat = 'jpeg' | 'png';

export interface RenditionRequest {
  /** The width in pixels the placement needs; the image is never made wider than it is. */
  width: number;
}

export interface ProcessOptions {
  /** `auto`: by content (see {@link looksLikeGraphic}). */
  encoding: 'auto' | 'jpeg' | 'png';
  jpegQuality: number;
}

export interface ProcessedImage {
  bytes: Uint8Array;
  format: RenditionFormat;
  width: number;
  height: number;
}

/** Bumped when the pipeline's output changes: part of every cache key. */
export const PIPELINE_VERSION = 3;

type SharpModule = typeof import('sharp').default;
let sharpModule: Promise<SharpModule> | undefined;

/** sharp (libvips) is loaded when a build first processes an image, not by `validate`. */
export function loadSharp(): Promise<SharpModule> {
  sharpModule ??= import('sharp').then((m) => m.default);
  return sharpModule;
}

/** Decoding options: the first frame, the pixel cap checked from the header before any pixel is decoded, damage (even what libjpeg only warns about: scrambled data, a cut-off scan) an error. */
export const DECODE_OPTIONS: SharpOptions = { limitInputPixels: MAX_IMAGE_PIXELS, pages: 1, page: 0, failOn: 'warning', sequentialRead: true };

/**
 * Whether a lossless image is a screenshot, chart or line art rather than a photo: on a sample of
 * its pixels, the 32 most frequent colours cover at least 70 % of the picture (a photo's do not).
 */
export async function looksLikeGraphic(image: Sharp): Promise<boolean> {
  const { data, info } = await image.clone().resize({ width: 128, height: 128, fit: 'inside', kernel: 'nearest', withoutEnlargement: true }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const counts = new Map<number, number>();
  const pixels = info.width * info.height;
  for (let i = 0; i + 2 < data.length; i += info.channels) {
    const key = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const top = [...counts.values()].sort((a, b) => b - a).slice(0, 32).reduce((s, n) => s + n, 0);
  return top >= 0.7 * pixels;
}

/** A sharp error in words for an editor (in English: the import command's report). */
export function decodeReason(error: unknown): string {
  return render(decodeProblem(error), 'en');
}

/** A sharp error in words for an editor, as a catalogue message (sharp's own text only as its `{detail}`). */
export function decodeProblem(error: unknown): Message {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return msg('image.decode.pixels', { max: MAX_IMAGE_PIXELS / 1e6 });
  if (/premature end|truncated|unexpected end|end of (?:file|stream)|Corrupt/i.test(message)) return msg('image.decode.cut-off');
  if (/unsupported image format|bad seek|heif/i.test(message)) return msg('image.decode.format');
  if (message === PIXEL_SIZE_UNREADABLE) return msg('image.decode.size');
  if (message === FILE_CHANGED) return msg('image.decode.changed');
  return msg('image.decode.other', { detail: message.split('\n')[0]!.replace(/^Input (?:buffer|file) /, '').slice(0, 160) });
}

const PIXEL_SIZE_UNREADABLE = 'its pixel size cannot be read';

/** Thrown when the bytes to process are not those validation checked (images/figureRenditions.ts). */
export const FILE_CHANGED = 'the file changed after it was checked';

/** The renditions of one image, in the order asked; throws (with sharp's message) when it cannot be decoded. */
export async function processImage(input: Uint8Array, requests: readonly RenditionRequest[], options: ProcessOptions): Promise<ProcessedImage[]> {
  const sharp = await loadSharp();
  // Upright first: width and height below are those of the picture as seen.
  const base = sharp(input, DECODE_OPTIONS).rotate();
  const meta = await base.metadata();
  const turned = (meta.orientation ?? 1) >= 5;
  const width = turned ? meta.height : meta.width;
  if (!width) throw new Error(PIXEL_SIZE_UNREADABLE);
  // A JPEG is a photo already; a PNG, GIF or WebP may be a screenshot or a chart.
  const lossless = meta.format === 'png' || meta.format === 'gif' || meta.format === 'webp';
  const format: RenditionFormat = options.encoding === 'jpeg' ? 'jpeg' : options.encoding === 'png' ? 'png'
    : lossless && (await looksLikeGraphic(base)) ? 'png' : 'jpeg';
  // Decoded once, at the largest width asked (a JPEG is shrunk while it is decoded: a 12-megapixel
  // photo for a 920-pixel rendition decodes at an eighth of the work), upright, sRGB, 8 bits; every
  // rendition is scaled from those pixels.
  const largest = Math.max(1, Math.min(width, Math.round(Math.max(...requests.map((r) => r.width)))));
  const { data: pixels, info: decoded } = await base.clone()
    .resize({ width: largest, withoutEnlargement: true, kernel: 'lanczos3' })
    .toColourspace('srgb').raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: decoded.width, height: decoded.height, channels: decoded.channels } } as const;
  return Promise.all(requests.map(async (request) => {
    const target = Math.max(1, Math.min(decoded.width, Math.round(request.width)));
    let image = sharp(pixels, raw);
    if (target !== decoded.width) image = image.resize({ width: target, kernel: 'lanczos3' });
    // sRGB; the profile embedded is sRGB's and nothing else of the file's metadata.
    image = image.withIccProfile('srgb');
    image = format === 'jpeg'
      ? image.flatten({ background: '#ffffff' }).jpeg({ quality: options.jpegQuality, mozjpeg: true, chromaSubsampling: '4:2:0' })
      : image.png({ compressionLevel: 9, adaptiveFiltering: true });
    const { data, info } = await image.toBuffer({ resolveWithObject: true });
    return { bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), format, width: info.width, height: info.height };
  }));
}
