// A picture's stand-in for the prints that are only read (print/printPage.ts): a flat grey baseline
// JPEG of the picture's own pixel size, a few hundred bytes whatever that size. The layout sizes a
// photo from its pixels, so the page breaks, the boxes pictures are drawn in and what the fitting
// counts of them are the same as with the photo; Chrome only embeds a few hundred bytes.
//
// One grey component, every 8 × 8 block the same: a DC difference of 0 and an end of block, each
// coded in one bit with Huffman tables of one code. Made here, not by the image library, which is
// loaded only when a photo is processed.

const MARKER = {
  SOI: [0xff, 0xd8],
  DQT: [0xff, 0xdb],
  SOF0: [0xff, 0xc0],
  DHT: [0xff, 0xc4],
  SOS: [0xff, 0xda],
  EOI: [0xff, 0xd9],
} as const;

/** The largest side a baseline JPEG can state. */
const MAX_SIDE = 0xffff;

const u16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];

/** A segment: its marker, then its length (which counts itself) and its bytes. */
const segment = (marker: readonly number[], body: readonly number[]) => [...marker, ...u16(body.length + 2), ...body];

/** A Huffman table with one code, one bit long, for `symbol`: table class 0 (DC) or 1 (AC). */
const oneCodeTable = (tableClass: 0 | 1, symbol: number) => segment(MARKER.DHT, [tableClass << 4, 1, ...new Array<number>(15).fill(0), symbol]);

export function standInJpeg(width: number, height: number): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
    throw new RangeError(`a stand-in JPEG cannot be ${width} × ${height} pixels`);
  }
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  // Two zero bits a block (DC difference 0, end of block); the last byte is padded with one bits.
  const bits = blocks * 2;
  const scan = new Array<number>(Math.ceil(bits / 8)).fill(0);
  if (bits % 8) scan[scan.length - 1] = 0xff >> (bits % 8);
  return Uint8Array.from([
    ...MARKER.SOI,
    ...segment(MARKER.DQT, [0, ...new Array<number>(64).fill(1)]),
    ...segment(MARKER.SOF0, [8, ...u16(height), ...u16(width), 1, 1, 0x11, 0]),
    ...oneCodeTable(0, 0x00),
    ...oneCodeTable(1, 0x00),
    ...segment(MARKER.SOS, [1, 1, 0x00, 0, 63, 0]),
    ...scan,
    ...MARKER.EOI,
  ]);
}

/** Whether `bytes` are the stand-in of a picture of that size (a print that was to be kept must show none). */
export function isStandIn(bytes: Uint8Array, width: number, height: number): boolean {
  if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) return false;
  const expected = standInJpeg(width, height);
  return bytes.length === expected.length && expected.every((b, i) => bytes[i] === b);
}
