// What metadata an image file carries, read from its structure (no decoding): EXIF (with GPS, the
// camera, the author), XMP, IPTC/Photoshop, comments and text chunks, and bytes after the end of the
// image. The self-check runs it on every image of the PDF and of the HTML folder; the cache on every
// entry it reads back.

export type MetadataKind = 'EXIF' | 'XMP' | 'IPTC' | 'comment' | 'text' | 'trailing data' | 'unknown segment' | 'damaged';

const ascii = (b: Uint8Array, start: number, end: number) => String.fromCharCode(...b.subarray(start, Math.min(end, b.length)));
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;

/** JPEG markers a processed image may hold: JFIF (APP0), ICC profile (APP2), tables, frames, scans, restarts, the end. */
function jpegMetadata(b: Uint8Array): MetadataKind[] {
  const found = new Set<MetadataKind>();
  let i = 2;
  while (i + 2 <= b.length) {
    if (b[i] !== 0xff) return [...found, 'damaged'];
    const marker = b[i + 1]!;
    if (marker === 0xff) { i++; continue; }
    if (marker === 0xd9) {
      if (i + 2 < b.length && b.subarray(i + 2).some((x) => x !== 0)) found.add('trailing data');
      return [...found];
    }
    if (i + 4 > b.length) break;
    const length = (b[i + 2]! << 8) + b[i + 3]!;
    const body = ascii(b, i + 4, i + 4 + 32);
    if (marker === 0xe1) found.add(body.startsWith('Exif') ? 'EXIF' : body.startsWith('http://ns.adobe.com/xap') || body.includes('xmp') ? 'XMP' : 'EXIF');
    else if (marker === 0xed) found.add('IPTC');
    else if (marker === 0xfe) found.add('comment');
    else if (marker === 0xe0) { if (!body.startsWith('JFIF') && !body.startsWith('JFXX')) found.add('unknown segment'); }
    else if (marker === 0xe2) { if (!body.startsWith('ICC_PROFILE')) found.add('unknown segment'); }
    else if (marker >= 0xe3 && marker <= 0xef) found.add(marker === 0xee ? 'unknown segment' : 'unknown segment');
    i += 2 + length;
    if (marker === 0xda) {
      // Entropy-coded data up to the next marker that is not a stuffed 0xFF00 or a restart (found
      // with indexOf: a JavaScript loop over every byte of a photo's scan took most of a warm build's image time).
      for (;;) {
        const at = b.indexOf(0xff, i);
        if (at < 0 || at + 1 >= b.length) {
          i = b.length;
          break;
        }
        const next = b[at + 1]!;
        if (next !== 0 && !(next >= 0xd0 && next <= 0xd7)) {
          i = at;
          break;
        }
        i = at + 1;
      }
    }
  }
  return [...found, 'damaged'];
}

const PNG_ALLOWED = new Set(['IHDR', 'PLTE', 'tRNS', 'iCCP', 'sRGB', 'gAMA', 'cHRM', 'pHYs', 'IDAT', 'IEND', 'sBIT', 'bKGD']);

function pngMetadata(b: Uint8Array): MetadataKind[] {
  const found = new Set<MetadataKind>();
  let i = 8;
  while (i + 12 <= b.length) {
    const length = u32be(b, i);
    const type = ascii(b, i + 4, i + 8);
    if (type === 'eXIf') found.add('EXIF');
    else if (type === 'iTXt' && ascii(b, i + 8, i + 8 + 20).startsWith('XML:com.adobe.xmp')) found.add('XMP');
    else if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt' || type === 'tIME') found.add('text');
    else if (!PNG_ALLOWED.has(type)) found.add('unknown segment');
    i += 12 + length;
    if (type === 'IEND') {
      if (i < b.length) found.add('trailing data');
      return [...found];
    }
  }
  return [...found, 'damaged'];
}

/**
 * The metadata a JPEG or PNG carries beyond what a processed image may (JPEG: JFIF and an ICC
 * profile; PNG: the chunks of pixels and colour); [] for a clean one. Other formats: ['unknown segment'].
 */
export function imageMetadata(bytes: Uint8Array): MetadataKind[] {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpegMetadata(bytes);
  if (bytes.length >= 8 && bytes[0] === 0x89 && ascii(bytes, 1, 4) === 'PNG') return pngMetadata(bytes);
  return ['unknown segment'];
}

/** Whether it carries what must not be published (EXIF with its GPS position and camera, XMP, IPTC, comments, text). */
export function carriesMetadata(bytes: Uint8Array): MetadataKind[] {
  return imageMetadata(bytes).filter((k) => k === 'EXIF' || k === 'XMP' || k === 'IPTC' || k === 'comment' || k === 'text');
}
