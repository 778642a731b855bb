// The structure reader of imageMetadata.ts on hand-made JPEG byte sequences: the scan's stuffed
// bytes and restart markers are data, the first other marker after it is read as a segment.
import { describe, expect, it } from 'vitest';
import { imageMetadata } from '../../src/images/imageMetadata.js';

const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const JFIF = segment(0xe0, [...ascii('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
const SOS = segment(0xda, [1, 1, 0, 0, 0x3f, 0]);
/** Scan data with a stuffed 0xFF00, a restart marker and 0xFF fill before the next marker. */
const SCAN = [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0xff, 0x00, 0x78];
const jpeg = (...parts: number[][]) => new Uint8Array([0xff, 0xd8, ...parts.flat()]);

describe('imageMetadata: JPEG structure', () => {
  it('a clean JPEG: the scan\'s stuffed bytes and restart markers are not segments', () => {
    expect(imageMetadata(jpeg(JFIF, SOS, SCAN, [0xff, 0xd9]))).toEqual([]);
  });
  it('a comment after the scan is found, and so is data after the end', () => {
    expect(imageMetadata(jpeg(JFIF, SOS, SCAN, segment(0xfe, ascii('GPS 31.2N')), SOS, SCAN, [0xff, 0xd9]))).toEqual(['comment']);
    expect(imageMetadata(jpeg(JFIF, SOS, SCAN, [0xff, 0xd9, 0x41]))).toEqual(['trailing data']);
  });
  it('0xFF fill bytes before a marker are skipped; a scan cut short is damaged', () => {
    expect(imageMetadata(jpeg(JFIF, SOS, SCAN, [0xff, 0xff, 0xff, 0xd9]))).toEqual([]);
    expect(imageMetadata(jpeg(JFIF, SOS, SCAN))).toEqual(['damaged']);
    expect(imageMetadata(jpeg(JFIF, SOS, [...SCAN, 0xff]))).toEqual(['damaged']);
  });
  it('EXIF before the frame is named', () => {
    expect(imageMetadata(jpeg(segment(0xe1, [...ascii('Exif'), 0, 0]), SOS, SCAN, [0xff, 0xd9]))).toEqual(['EXIF']);
  });
});
