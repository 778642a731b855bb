// Whether bytes read back from the cache are what the pipeline makes (src/images/processImage.ts):
// a JPEG or PNG of the expected format and pixel size, with no metadata, no unknown segments, no bytes
// after its end, that decodes whole. Together with the cache's signature (cache/contentCache.ts),
// a `.bulletin-cache/` committed to a series cannot smuggle anything into the PDF or the HTML folder.
import type { ProcessedImage } from './processImage.js';
import { loadSharp } from './processImage.js';
import { imageMetadata } from './imageMetadata.js';
import { MAX_IMAGE_PIXELS } from '../model/sniffImage.js';

/** Why the bytes are not a rendition of this form, or undefined when they are. */
export async function renditionProblem(bytes: Uint8Array, expected: Pick<ProcessedImage, 'format' | 'width' | 'height'>): Promise<string | undefined> {
  const extra = imageMetadata(bytes);
  if (extra.length) return `it holds ${extra.join(', ')}`;
  const sharp = await loadSharp();
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' });
    const meta = await image.metadata();
    if (meta.format !== expected.format) return `it is ${meta.format}, not ${expected.format}`;
    if (meta.width !== expected.width || meta.height !== expected.height) return `it is ${meta.width}×${meta.height}, not ${expected.width}×${expected.height}`;
    if (meta.exif || meta.xmp || meta.iptc || meta.comments?.length) return 'it holds metadata';
    if ((meta.pages ?? 1) > 1) return 'it has several frames';
    await image.raw().toBuffer();
    return undefined;
  } catch (error) {
    return `it does not decode (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
}
