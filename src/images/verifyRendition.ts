// Whether bytes read back from the cache are shaped like what the pipeline makes
// (src/images/processImage.ts): a JPEG or PNG of the expected format and pixel size (read from its
// header), with no metadata, no unknown segments and no bytes after its end (read from its
// structure). Nothing is decoded: a warm build reads fifteen renditions in milliseconds.
//
// Why no decoding: an entry is only read when its HMAC (cache/contentCache.ts) was made with this
// machine's secret, which never lies in the series, so a valid signature means this machine wrote
// the entry after processing the photo; a `.bulletin-cache/` committed to a series cannot be signed.
// The structural check is what stays cheap and still holds if the secret leaked or a write was cut
// short in a way the signature missed: whatever an entry holds, it cannot carry metadata into the
// PDF or the HTML folder (the self-check and the HTML writer check that again on the outputs).
import type { ProcessedImage } from './processImage.js';
import { imageMetadata } from './imageMetadata.js';
import { sniffImage } from '../model/sniffImage.js';

/** Why the bytes are not a rendition of this form, or undefined when they are. */
export function renditionProblem(bytes: Uint8Array, expected: Pick<ProcessedImage, 'format' | 'width' | 'height'>): string | undefined {
  const info = sniffImage(bytes.subarray(0, 64 * 1024));
  const format = info?.mime === 'image/jpeg' ? 'jpeg' : info?.mime === 'image/png' ? 'png' : undefined;
  if (format !== expected.format) return `it is ${format ?? 'not a JPEG or PNG'}, not ${expected.format}`;
  // Metadata first: an EXIF orientation would also make the size read turned.
  const extra = imageMetadata(bytes);
  if (extra.length) return `it holds ${extra.join(', ')}`;
  if (info!.width !== expected.width || info!.height !== expected.height) return `it is ${info!.width}×${info!.height}, not ${expected.width}×${expected.height}`;
  return undefined;
}
