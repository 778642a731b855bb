// The images of a printed PDF, read back: no image stream may carry metadata (a JPEG passed through
// with its EXIF would publish the GPS position and the camera) or be a photo's stand-in, and each photo's effective
// resolution — its pixels over the size it is drawn at — must lie within `images.minPpi`–`maxPpi`.
// The pages were read once by readPdfText.ts; the placements come from there.
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFName, PDFNumber, PDFRawStream, type PDFDocument, type PDFStream } from '../print/pdfLib.js';
import type { PageText } from './readPdfText.js';
import type { Figure, Issue } from '../model/types.js';
import { carriesMetadata } from '../images/imageMetadata.js';
import { isStandIn } from '../images/standInJpeg.js';
import { msg } from '../i18n/message.js';
import { checkProblem, commas, type CheckProblem } from './problem.js';

/** The filters of an image stream, by name. */
function filters(stream: PDFStream): string[] {
  const f = stream.dict.get(PDFName.of('Filter'));
  if (f instanceof PDFName) return [f.asString()];
  if (f instanceof PDFArray) return f.asArray().map((x) => (x instanceof PDFName ? x.asString() : '?'));
  return [];
}

/** The JPEG bytes of a DCT image stream (under a Flate filter too), or undefined for other streams. */
export function jpegOf(stream: PDFStream): Uint8Array | undefined {
  if (!(stream instanceof PDFRawStream)) return undefined;
  const names = filters(stream);
  if (names.length === 1 && names[0] === '/DCTDecode') return stream.contents;
  if (names.length === 2 && names[0] === '/FlateDecode' && names[1] === '/DCTDecode') {
    try {
      return inflateSync(stream.contents);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * What the image XObjects of a finished PDF must not be: stored with metadata (EXIF, XMP, IPTC,
 * comments), or a photo's grey stand-in (images/standInJpeg.ts), which only the prints that are read
 * may show: a template that names a photo other than by an `img`'s `src` would print it so.
 */
export function pdfImageProblems(pdf: PDFDocument): CheckProblem[] {
  const problems: CheckProblem[] = [];
  for (const [ref, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || object.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const jpeg = jpegOf(object);
    if (!jpeg) continue;
    const found = carriesMetadata(jpeg);
    if (found.length) problems.push(checkProblem(msg('self-check.image-metadata', { object: ref.objectNumber, kinds: commas(found) })));
    const side = (key: string) => {
      const n = object.dict.get(PDFName.of(key));
      return n instanceof PDFNumber ? n.asNumber() : 0;
    };
    if (isStandIn(jpeg, side('Width'), side('Height'))) problems.push(checkProblem(msg('self-check.stand-in', { object: ref.objectNumber })));
  }
  return problems;
}

export interface ResolutionFinding {
  /** 1-based page of the PDF. */
  page: number;
  ppi: number;
  /** The figure whose print rendition it is (by pixel size), when known. */
  figure: Figure | undefined;
}

/** Photos (JPEG streams) drawn at an effective resolution outside [min, max] pixels per inch. */
export function checkResolution(issue: Issue, texts: readonly PageText[], min: number, max: number): ResolutionFinding[] {
  const figures = issue.sections.flatMap((s) => s.articles.flatMap((a) => a.figures)).filter((f) => f.renditions);
  const out: ResolutionFinding[] = [];
  texts.forEach((text, index) => {
    for (const placed of text.placements ?? []) {
      if (!jpegOf(placed.stream)) continue;
      const wPt = Math.abs(placed.box.x1 - placed.box.x0);
      const hPt = Math.abs(placed.box.y1 - placed.box.y0);
      if (wPt < 1 || hPt < 1 || placed.pixels.width === 0) continue;
      const ppi = Math.round(Math.min(placed.pixels.width / (wPt / 72), placed.pixels.height / (hPt / 72)));
      if (ppi >= min && ppi <= max) continue;
      const figure = figures.find((f) => f.renditions!.print.width === placed.pixels.width && f.renditions!.print.height === placed.pixels.height);
      out.push({ page: index + 1, ppi, figure });
    }
  });
  return out;
}
