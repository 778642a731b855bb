// PDF/A-2u (ISO 19005-2, level U) for the finishing step: the XMP identification packet, the sRGB
// output intent and a file identifier made from the content, so that a rebuild is byte-identical.
// Chrome's PDF meets the other rules already; check/checkPdfA.ts proves it on every build.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { PDFName, PDFString, type PDFDocument } from './pdfLib.js';
import { nodeIo } from '../io.js';

/** The sRGB profile vendored from Debian's icc-profiles-free (icc/README.md: origin and licence). */
export const SRGB_PROFILE = fileURLToPath(new URL('../../icc/sRGB.icc', import.meta.url));
export const SRGB_IDENTIFIER = 'sRGB IEC61966-2.1';

let profile: Promise<Uint8Array> | undefined;
function srgbProfile(): Promise<Uint8Array> {
  profile ??= nodeIo.readFile(SRGB_PROFILE);
  return profile;
}

export interface XmpFields {
  title: string;
  creator: string;
  description: string;
  language: string;
  /** Empty: no pdf:Keywords (and no Keywords in the Info dictionary). */
  keywords: string;
  producer: string;
  creatorTool: string;
  /** The Info dictionary's dates, as XMP writes them (ISO 8601, UTC). */
  created: Date;
  modified: Date;
}

const escapeXml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** An XMP date equal to pdf-lib's Info date (`D:YYYYMMDDHHmmSSZ`): seconds, UTC. */
export function xmpDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The XMP packet: PDF/A identification, Dublin Core, Adobe PDF and XMP basic schemas only (all predefined). */
export function xmpPacket(f: XmpFields): string {
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>U</pdfaid:conformance>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(f.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${escapeXml(f.creator)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(f.description)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>${escapeXml(f.language)}</rdf:li></rdf:Bag></dc:language>
${f.keywords ? `   <pdf:Keywords>${escapeXml(f.keywords)}</pdf:Keywords>\n` : ''}   <pdf:Producer>${escapeXml(f.producer)}</pdf:Producer>
   <xmp:CreatorTool>${escapeXml(f.creatorTool)}</xmp:CreatorTool>
   <xmp:CreateDate>${xmpDate(f.created)}</xmp:CreateDate>
   <xmp:ModifyDate>${xmpDate(f.modified)}</xmp:ModifyDate>
   <xmp:MetadataDate>${xmpDate(f.modified)}</xmp:MetadataDate>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** Adds the XMP packet (uncompressed, UTF-8) and the sRGB output intent to the catalog. */
export async function addPdfAParts(pdf: PDFDocument, fields: XmpFields): Promise<void> {
  const context = pdf.context;
  const xmp = context.stream(new TextEncoder().encode(xmpPacket(fields)), { Type: 'Metadata', Subtype: 'XML' });
  pdf.catalog.set(PDFName.of('Metadata'), context.register(xmp));
  const icc = context.register(context.flateStream(await srgbProfile(), { N: 3 }));
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of(SRGB_IDENTIFIER),
    Info: PDFString.of(SRGB_IDENTIFIER),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: icc,
  });
  pdf.catalog.set(PDFName.of('OutputIntents'), context.obj([intent]));
  // A PDF/A file says which version it is in its header (PDF 1.7 is what Chrome writes and part 2 allows).
  pdf.catalog.delete(PDFName.of('Version'));
}

const TRAILER = new TextEncoder().encode('trailer\n<<\n');

/**
 * The file identifier (ISO 32000-1 14.4; PDF/A-2 6.1.3 wants one): the first 16 bytes of the SHA-256
 * of the file without it, both halves the same (the file is never updated in place). Inserted into
 * the trailer, which comes after the cross-reference table: no offset changes.
 */
export function withFileId(bytes: Uint8Array): Uint8Array {
  let at = -1;
  for (let i = bytes.length - TRAILER.length; i >= 0; i--) {
    if (bytes[i] === TRAILER[0] && TRAILER.every((b, k) => bytes[i + k] === b)) {
      at = i + TRAILER.length;
      break;
    }
  }
  if (at < 0) throw new Error('the PDF has no trailer dictionary to put its identifier in');
  const hex = createHash('sha256').update(bytes).digest('hex').slice(0, 32).toUpperCase();
  const id = new TextEncoder().encode(`/ID [ <${hex}> <${hex}> ]\n`);
  const out = new Uint8Array(bytes.length + id.length);
  out.set(bytes.subarray(0, at), 0);
  out.set(id, at);
  out.set(bytes.subarray(at), at + id.length);
  return out;
}
