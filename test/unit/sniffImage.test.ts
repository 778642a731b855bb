import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sniffImage, MAX_IMAGE_PIXELS } from '../../src/model/sniffImage.js';
import { SEED_PNG } from '../helpers.js';

const bytes = (...parts: (number[] | string)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

describe('sniffImage', () => {
  it('recognises the seed PNG and reads its size', () => {
    expect(sniffImage(readFileSync(SEED_PNG).subarray(0, 65536))).toEqual({ mime: 'image/png', width: 800, height: 630 });
  });

  it('reads the declared size of a PNG header (a decompression bomb shows here)', () => {
    const head = bytes(PNG_MAGIC, u32(13), 'IHDR', u32(100000), u32(100000), [8, 2, 0, 0, 0]);
    const info = sniffImage(head);
    expect(info).toMatchObject({ mime: 'image/png', width: 100000, height: 100000 });
    expect(info!.width! * info!.height!).toBeGreaterThan(MAX_IMAGE_PIXELS);
  });

  it('refuses a PNG signature too short to hold a header', () => {
    expect(sniffImage(bytes(PNG_MAGIC))).toBeUndefined();
  });

  it('gives a phone photo stored on its side (EXIF orientation 5–8) its upright size, little- or big-endian', () => {
    const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, ...[0x0b, 0xb8], ...[0x0f, 0xa0], 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]; // 4000 × 3000
    const app1 = (orientation: number, little: boolean) => {
      const u16 = (n: number) => (little ? [n & 255, n >> 8] : [n >> 8, n & 255]);
      const u32 = (n: number) => (little ? [n & 255, (n >> 8) & 255, (n >> 16) & 255, n >>> 24] : [n >>> 24, (n >> 16) & 255, (n >> 8) & 255, n & 255]);
      const tiff = [...(little ? [0x49, 0x49] : [0x4d, 0x4d]), ...u16(42), ...u32(8), ...u16(1), ...u16(0x0112), ...u16(3), ...u32(1), ...u16(orientation), 0, 0, ...u32(0)];
      const body = [...Buffer.from('Exif\0\0', 'latin1'), ...tiff];
      return [0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 255, ...body];
    };
    for (const little of [true, false]) {
      expect(sniffImage(bytes([0xff, 0xd8], app1(6, little), sof0)), `orientation 6, ${little ? 'II' : 'MM'}`).toEqual({ mime: 'image/jpeg', width: 3000, height: 4000 });
      expect(sniffImage(bytes([0xff, 0xd8], app1(8, little), sof0))).toEqual({ mime: 'image/jpeg', width: 3000, height: 4000 });
      expect(sniffImage(bytes([0xff, 0xd8], app1(3, little), sof0))).toEqual({ mime: 'image/jpeg', width: 4000, height: 3000 });
    }
  });

  it('recognises JPEG and reads the frame size past other segments', () => {
    const app0 = [0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
    const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, ...[0x02, 0xd0], ...[0x03, 0x20], 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
    const info = sniffImage(bytes([0xff, 0xd8], app0, sof0, [0xff, 0xd9]));
    expect(info).toEqual({ mime: 'image/jpeg', width: 800, height: 720 });
  });

  it('recognises a JPEG whose size is not in the head', () => {
    expect(sniffImage(bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0, 0]))).toEqual({ mime: 'image/jpeg', width: undefined, height: undefined });
  });

  it('recognises WebP', () => {
    expect(sniffImage(bytes('RIFF', u32(0x24000000), 'WEBPVP8 ', [0, 0, 0, 0]))).toMatchObject({ mime: 'image/webp' });
    expect(sniffImage(bytes('RIFF', u32(0x24000000), 'WAVEfmt ', [0, 0, 0, 0]))).toBeUndefined();
  });

  it('recognises SVG, with or without an XML declaration, BOM, comments and doctype', () => {
    const svg = (text: string) => sniffImage(new TextEncoder().encode(text));
    expect(svg('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>')).toMatchObject({ mime: 'image/svg+xml' });
    expect(svg('\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- drawn by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg>\n</svg>')).toMatchObject({ mime: 'image/svg+xml' });
    expect(svg('  \n<SVG>')).toMatchObject({ mime: 'image/svg+xml' });
  });

  it('refuses text files, HTML and lookalikes whatever their name would say', () => {
    const text = (t: string) => sniffImage(new TextEncoder().encode(t));
    expect(text('This is not a picture, just text saved with a .png name.\n')).toBeUndefined();
    expect(text('PNG\r\n\x1a\nIHDR fake')).toBeUndefined();
    expect(text('<html><body><svg></svg></body></html>')).toBeUndefined();
    expect(text('<svgfoo>')).toBeUndefined();
    expect(sniffImage(new Uint8Array())).toBeUndefined();
    // A GIF is read (its first frame goes through the image pipeline: src/images/processImage.ts).
    expect(sniffImage(bytes([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 3, 0, 2, 0]))).toEqual({ mime: 'image/gif', width: 3, height: 2 });
    expect(sniffImage(bytes([0x47, 0x49, 0x46, 0x38, 0x38, 0x61, 3, 0, 2, 0]))).toBeUndefined(); // GIF88a: no such version
  });
});
