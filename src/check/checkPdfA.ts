// The rules of PDF/A-2b and 2u (ISO 19005-2:2011) that apply to what bulletin writes: Chrome's PDF
// after the finishing step (print/finishPdf.ts, print/pdfA.ts). Each rule has an id and the clause
// (with veraPDF's test number where it has one); a problem names the rule and the font or object.
// It reads the document the build already has in memory, its bytes for the file structure, and the
// pages' text as the self-check read it (glyph codes: .notdef, ToUnicode). Not a full validator:
// veraPDF is the reference (README: "PDF/A-2u"); content-stream operators and images' pixels are not
// examined here, and only indirect objects and what pages, annotations and the catalog hold directly.
import { PDFArray, PDFBool, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, PDFString, PDFHexString, type PDFDocument, type PDFObject } from '../print/pdfLib.js';
import { SaxesParser } from '../vendor/saxes.js';
import { decoded, parseToUnicode, readPageText, streamText, type PageText } from './readPdfText.js';
import { msg, render, type Bilingual, type Message } from '../i18n/message.js';

/** The rules: id → clause of ISO 19005-2 (veraPDF test number after the dash) and what it asks. */
export const PDFA_RULES = {
  'header': { clause: '6.1.2-1', what: 'the file starts with %PDF-1.n and an end of line', text: msg('pdfa.rule.header') },
  'header-binary': { clause: '6.1.2-2', what: 'the header is followed by a comment of at least four bytes above 127', text: msg('pdfa.rule.header-binary') },
  'trailer-id': { clause: '6.1.3-1', what: 'the trailer has a file identifier (ID)', text: msg('pdfa.rule.trailer-id') },
  'encrypt': { clause: '6.1.3-2', what: 'the file is not encrypted (no Encrypt in the trailer)', text: msg('pdfa.rule.encrypt') },
  'eof': { clause: '6.1.3-3', what: 'nothing follows the last %%EOF but one end of line', text: msg('pdfa.rule.eof') },
  'xref': { clause: '6.1.4-2', what: 'the xref keyword and the subsection header are separated by one end of line', text: msg('pdfa.rule.xref') },
  'stream-external': { clause: '6.1.7.1-3', what: 'no stream refers to an external file (F, FFilter, FDecodeParms)', text: msg('pdfa.rule.stream-external') },
  'filter': { clause: '6.1.7.2-1', what: 'no stream uses the LZW or Crypt filter', text: msg('pdfa.rule.filter') },
  'page-size': { clause: '6.1.13-11', what: 'page boxes are between 3 and 14 400 units', text: msg('pdfa.rule.page-size') },
  'output-intent': { clause: '6.2.4.3-2', what: 'a PDF/A output intent (GTS_PDFA1) gives the DeviceRGB and DeviceGray colours a meaning', text: msg('pdfa.rule.output-intent') },
  'output-profile': { clause: '6.2.3-1', what: 'the output intent\'s profile is a valid ICC output or monitor profile', text: msg('pdfa.rule.output-profile') },
  'output-intents-same': { clause: '6.2.3-2', what: 'all output intents share one profile', text: msg('pdfa.rule.output-intents-same') },
  'icc-profile': { clause: '6.2.4.2-1', what: 'every ICCBased colour space holds a valid ICC profile (version 4 or earlier) with its number of components', text: msg('pdfa.rule.icc-profile') },
  'device-cmyk': { clause: '6.2.4.3-3', what: 'no DeviceCMYK colour space when the output intent is RGB', text: msg('pdfa.rule.device-cmyk') },
  'extgstate-tr': { clause: '6.2.5-1', what: 'no transfer function (TR) in a graphics state', text: msg('pdfa.rule.extgstate-tr') },
  'extgstate-tr2': { clause: '6.2.5-2', what: 'no TR2 other than Default in a graphics state', text: msg('pdfa.rule.extgstate-tr2') },
  'extgstate-htp': { clause: '6.2.5-3', what: 'no halftone phase (HTP) in a graphics state', text: msg('pdfa.rule.extgstate-htp') },
  'rendering-intent': { clause: '6.2.6-1', what: 'rendering intents are one of the four of ISO 32000-1', text: msg('pdfa.rule.rendering-intent') },
  'image-alternates': { clause: '6.2.8-1', what: 'no image has Alternates', text: msg('pdfa.rule.image-alternates') },
  'image-opi': { clause: '6.2.8-2', what: 'no image has OPI', text: msg('pdfa.rule.image-opi') },
  'image-interpolate': { clause: '6.2.8-3', what: 'no image asks for interpolation', text: msg('pdfa.rule.image-interpolate') },
  'image-bits': { clause: '6.2.8-4', what: 'image samples are 1, 2, 4, 8 or 16 bits', text: msg('pdfa.rule.image-bits') },
  'form-postscript': { clause: '6.2.9-1', what: 'no form XObject carries OPI or PostScript', text: msg('pdfa.rule.form-postscript') },
  'reference-xobject': { clause: '6.2.9-2', what: 'no reference XObject (Ref)', text: msg('pdfa.rule.reference-xobject') },
  'postscript-xobject': { clause: '6.2.9-3', what: 'no PostScript XObject', text: msg('pdfa.rule.postscript-xobject') },
  'blend-mode': { clause: '6.2.10-1', what: 'blend modes are those of ISO 32000-1', text: msg('pdfa.rule.blend-mode') },
  'transparency-group': { clause: '6.2.10-2', what: 'without a PDF/A output intent, a page with transparency has a group with a colour space', text: msg('pdfa.rule.transparency-group') },
  'font-subtype': { clause: '6.2.11.2-7', what: 'every font is of a type ISO 32000-1 defines', text: msg('pdfa.rule.font-subtype') },
  'font-type3': { clause: '6.2.11.4.1 (bulletin)', what: 'no Type 3 font (bulletin\'s rule: print shops and archives refuse glyphs drawn without a font program)', text: msg('pdfa.rule.font-type3') },
  'font-embedded': { clause: '6.2.11.4.1-1', what: 'every font is embedded', text: msg('pdfa.rule.font-embedded') },
  'cid-to-gid': { clause: '6.2.11.3.2-1', what: 'every embedded TrueType CIDFont has a CIDToGIDMap', text: msg('pdfa.rule.cid-to-gid') },
  'cmap-embedded': { clause: '6.2.11.3.3-1', what: 'a composite font\'s CMap is embedded or predefined', text: msg('pdfa.rule.cmap-embedded') },
  'font-widths': { clause: '6.2.11.5-1', what: 'the widths in the font dictionary are the font program\'s', text: msg('pdfa.rule.font-widths') },
  'tounicode': { clause: '6.2.11.7.2-1', what: 'every character code shown maps to Unicode (ToUnicode)', text: msg('pdfa.rule.tounicode') },
  'tounicode-value': { clause: '6.2.11.7.2-2', what: 'no code maps to U+0000, U+FEFF or U+FFFE', text: msg('pdfa.rule.tounicode-value') },
  'notdef': { clause: '6.2.11.8-1', what: 'no text shows the .notdef glyph', text: msg('pdfa.rule.notdef') },
  'annot-type': { clause: '6.3.1-1', what: 'no 3D, Sound, Screen, Movie or unknown annotation', text: msg('pdfa.rule.annot-type') },
  'annot-flags': { clause: '6.3.2-2', what: 'every annotation has the Print flag and none of Hidden, Invisible, NoView, ToggleNoView', text: msg('pdfa.rule.annot-flags') },
  'annot-appearance': { clause: '6.3.3-1', what: 'every annotation other than Link and Popup has an appearance', text: msg('pdfa.rule.annot-appearance') },
  'form-xfa': { clause: '6.4.2-1', what: 'no XFA form', text: msg('pdfa.rule.form-xfa') },
  'needs-rendering': { clause: '6.4.2-2', what: 'no NeedsRendering in the catalog', text: msg('pdfa.rule.needs-rendering') },
  'need-appearances': { clause: '6.4.1-3', what: 'NeedAppearances is absent or false', text: msg('pdfa.rule.need-appearances') },
  'action': { clause: '6.5.1-1', what: 'actions are GoTo, URI or the four named page actions only (bulletin allows no others)', text: msg('pdfa.rule.action') },
  'javascript': { clause: '6.5.1-1', what: 'no JavaScript (actions or the document\'s JavaScript names)', text: msg('pdfa.rule.javascript') },
  'named-action': { clause: '6.5.1-2', what: 'named actions are NextPage, PrevPage, FirstPage or LastPage', text: msg('pdfa.rule.named-action') },
  'additional-actions': { clause: '6.5.2-1', what: 'no additional actions (AA) in the catalog, pages or annotations', text: msg('pdfa.rule.additional-actions') },
  'xmp-missing': { clause: '6.6.2.1-1', what: 'the catalog has a Metadata stream (Type Metadata, Subtype XML)', text: msg('pdfa.rule.xmp-missing') },
  'xmp-packet-header': { clause: '6.6.2.1-2', what: 'the XMP packet header has no bytes or encoding attribute', text: msg('pdfa.rule.xmp-packet-header') },
  'xmp-utf8': { clause: '6.6.2.1-5', what: 'the XMP packet is UTF-8', text: msg('pdfa.rule.xmp-utf8') },
  'xmp-wellformed': { clause: '6.6.2.1-4', what: 'the XMP packet is well-formed XML', text: msg('pdfa.rule.xmp-wellformed') },
  'xmp-schema': { clause: '6.6.2.3.1-1', what: 'XMP properties use predefined schemas only', text: msg('pdfa.rule.xmp-schema') },
  'pdfa-identification': { clause: '6.6.4-1', what: 'the XMP says pdfaid:part 2 and pdfaid:conformance U', text: msg('pdfa.rule.pdfa-identification') },
  'xmp-info': { clause: '6.6.2.1 (ISO 19005-1 6.7.3)', what: 'the Info dictionary\'s title, author, subject, keywords, producer and dates equal the XMP\'s', text: msg('pdfa.rule.xmp-info') },
  'embedded-files': { clause: '6.8-5 (bulletin)', what: 'no embedded files (bulletin embeds none)', text: msg('pdfa.rule.embedded-files') },
  'alternate-presentations': { clause: '6.10-1', what: 'no AlternatePresentations', text: msg('pdfa.rule.alternate-presentations') },
  'pres-steps': { clause: '6.10-2', what: 'no PresSteps in a page', text: msg('pdfa.rule.pres-steps') },
  'requirements': { clause: '6.11-1', what: 'no Requirements in the catalog', text: msg('pdfa.rule.requirements') },
} as const;

export type PdfARuleId = keyof typeof PDFA_RULES;

export interface PdfAProblem {
  rule: PdfARuleId;
  /** What breaks it, naming the object (`object 12`), font or page (in English). */
  message: string;
  /** The same as a message of the catalogue, where it has one (the fonts' problems); else the rule says it. */
  text?: Message;
}

const name = (n: string) => PDFName.of(n);
const ref = (r: PDFRef | undefined) => (r ? `object ${r.objectNumber}` : 'a direct object');
const fontName = (font: PDFDict) => font.get(name('BaseFont'))?.toString().slice(1).replace(/^[A-Z]{6}\+/, '') ?? 'a font without a name';
const textOf = (value: PDFObject | undefined): string | undefined =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;

const PREDEFINED_CMAPS = new Set(['Identity-H', 'Identity-V', 'H', 'V',
  ...['GB-EUC', 'GBpc-EUC', 'GBK-EUC', 'GBKp-EUC', 'GBK2K', 'UniGB-UCS2', 'UniGB-UTF16', 'B5pc', 'HKscs-B5', 'ETen-B5', 'ETenms-B5', 'CNS-EUC', 'UniCNS-UCS2', 'UniCNS-UTF16',
    '90ms-RKSJ', '90msp-RKSJ', 'Add-RKSJ', 'EUC', 'Ext-RKSJ', 'UniJIS-UCS2', 'UniJIS-UCS2-HW', 'UniJIS-UTF16', 'KSC-EUC', 'KSCms-UHC', 'KSCms-UHC-HW', 'UniKS-UCS2', 'UniKS-UTF16']
    .flatMap((c) => [`${c}-H`, `${c}-V`]), '83pv-RKSJ-H', '90pv-RKSJ-H', 'KSCpc-EUC-H']);
const BLEND_MODES = new Set(['Normal', 'Compatible', 'Multiply', 'Screen', 'Overlay', 'Darken', 'Lighten', 'ColorDodge', 'ColorBurn', 'HardLight', 'SoftLight', 'Difference', 'Exclusion', 'Hue', 'Saturation', 'Color', 'Luminosity']);
const INTENTS = new Set(['RelativeColorimetric', 'AbsoluteColorimetric', 'Perceptual', 'Saturation']);
const FONT_TYPES = new Set(['Type0', 'Type1', 'MMType1', 'Type3', 'TrueType', 'CIDFontType0', 'CIDFontType2']);
const ANNOT_TYPES = new Set(['Text', 'Link', 'FreeText', 'Line', 'Square', 'Circle', 'Polygon', 'PolyLine', 'Highlight', 'Underline', 'Squiggly', 'StrikeOut', 'Stamp', 'Caret', 'Ink', 'Popup', 'FileAttachment', 'Widget', 'PrinterMark', 'TrapNet', 'Watermark', 'Redact']);
const NAMED = new Set(['NextPage', 'PrevPage', 'FirstPage', 'LastPage']);
/** XMP namespaces of the schemas the XMP specification (2004) and ISO 19005 predefine. */
const PREDEFINED_XMP = new Set([
  'http://purl.org/dc/elements/1.1/', 'http://ns.adobe.com/xap/1.0/', 'http://ns.adobe.com/xap/1.0/rights/', 'http://ns.adobe.com/xap/1.0/mm/',
  'http://ns.adobe.com/xap/1.0/bj/', 'http://ns.adobe.com/xap/1.0/t/pg/', 'http://ns.adobe.com/pdf/1.3/', 'http://ns.adobe.com/photoshop/1.0/',
  'http://ns.adobe.com/tiff/1.0/', 'http://ns.adobe.com/exif/1.0/', 'http://ns.adobe.com/exif/1.0/aux/', 'http://ns.adobe.com/camera-raw-settings/1.0/',
  'http://www.aiim.org/pdfa/ns/id/', 'http://www.aiim.org/pdfa/ns/extension/',
]);
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
/** Annotation flags (ISO 32000-1 Table 165). */
const FLAG = { invisible: 1, hidden: 2, print: 4, noView: 32, toggleNoView: 256 };

const latin1 = (bytes: Uint8Array) => { let s = ''; for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000)); return s; };

function streamBytes(stream: PDFStream): Uint8Array {
  return stream instanceof PDFRawStream ? (stream.dict.has(name('Filter')) ? decoded(stream) : stream.contents) : stream.getContents();
}

/** What an ICC profile's header says, or why it is not one. */
function iccHeader(bytes: Uint8Array): { cls: string; space: string; major: number } | string {
  if (bytes.length < 128) return `${bytes.length} bytes, shorter than an ICC header`;
  const u32 = (at: number) => ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (tag(36) !== 'acsp') return 'no ICC signature (acsp)';
  if (u32(0) !== bytes.length) return `its header gives ${u32(0)} bytes, it has ${bytes.length}`;
  return { cls: tag(12), space: tag(16).trim(), major: bytes[8]! };
}
const CHANNELS: Record<string, number> = { RGB: 3, GRAY: 1, CMYK: 4 };

/** A TrueType font program's advance widths (per glyph, in 1000ths of an em), or undefined when it cannot be read. */
function trueTypeWidths(bytes: Uint8Array): ((gid: number) => number | undefined) | undefined {
  if (bytes.length < 12) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, number>();
  const count = view.getUint16(4);
  for (let i = 0; i < count && 12 + i * 16 + 16 <= bytes.length; i++) {
    const at = 12 + i * 16;
    tables.set(String.fromCharCode(...bytes.subarray(at, at + 4)), view.getUint32(at + 8));
  }
  const head = tables.get('head');
  const hhea = tables.get('hhea');
  const hmtx = tables.get('hmtx');
  if (head === undefined || hhea === undefined || hmtx === undefined || hhea + 36 > bytes.length || head + 20 > bytes.length) return undefined;
  const unitsPerEm = view.getUint16(head + 18);
  const metrics = view.getUint16(hhea + 34);
  if (!unitsPerEm || !metrics) return undefined;
  return (gid) => {
    const at = hmtx + 4 * Math.min(gid, metrics - 1);
    return at + 2 <= bytes.length ? (view.getUint16(at) * 1000) / unitsPerEm : undefined;
  };
}

/** The last trailer dictionary's text (classic cross-reference table), or undefined. */
function lastTrailer(text: string): string | undefined {
  const at = text.lastIndexOf('trailer');
  if (at < 0) return undefined;
  const end = text.indexOf('startxref', at);
  return text.slice(at, end < 0 ? undefined : end);
}

/**
 * The problems of the finished PDF against the rules above. `pdf` is the document as saved, `bytes`
 * what was written; `texts` the pages as readPageText read them (read here when not given).
 */
export function checkPdfA(pdf: PDFDocument, bytes: Uint8Array, texts?: readonly PageText[]): PdfAProblem[] {
  const problems: PdfAProblem[] = [];
  const fail = (rule: PdfARuleId, message: string | Message) => problems.push(typeof message === 'string' ? { rule, message } : { rule, message: render(message, 'en'), text: message });
  const ctx = pdf.context;
  const look = (v: PDFObject | undefined) => (v instanceof PDFRef ? ctx.lookup(v) : v);

  // File structure, from the bytes: the head and the tail hold all of it.
  const head = latin1(bytes.subarray(0, 32));
  const tail = latin1(bytes.subarray(Math.max(0, bytes.length - 4096)));
  const header = /^%PDF-1\.[0-7](\r\n|\r|\n)/.exec(head);
  if (!header) fail('header', msg('pdfa.header', { start: head.slice(0, 9).replace(/[^\x20-\x7e]/g, '?') }));
  else {
    const after = bytes.subarray(header[0].length, header[0].length + 5);
    if (after[0] !== 0x25 || [1, 2, 3, 4].some((k) => (after[k] ?? 0) <= 127)) fail('header-binary', msg('pdfa.header-binary'));
  }
  const trailer = lastTrailer(tail);
  const id = trailer ? /\/ID\s*\[\s*<([0-9A-Fa-f]*)>\s*<([0-9A-Fa-f]*)>\s*\]/.exec(trailer) : undefined;
  if (trailer ? !id || id[1]!.length < 32 : !ctx.trailerInfo.ID) fail('trailer-id', msg('pdfa.trailer-id'));
  if ((trailer && /\/Encrypt\b/.test(trailer)) || ctx.trailerInfo.Encrypt) fail('encrypt', msg('pdfa.encrypt'));
  if (!/%%EOF(\r\n|\r|\n)?$/.test(tail)) fail('eof', msg('pdfa.eof', { end: tail.slice(-12).replace(/[^\x20-\x7e]/g, '?') }));
  // The last cross-reference section, where startxref points (a table: xref, one end of line, "first count").
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const xref = startxref ? latin1(bytes.subarray(Number(startxref[1]), Number(startxref[1]) + 32)) : '';
  if (xref.startsWith('xref') && !/^xref(\r\n|\r|\n)\d+ \d+/.test(xref)) fail('xref', msg('pdfa.xref'));

  // The catalog.
  const catalog = pdf.catalog;
  const intents = catalog.lookupMaybe(name('OutputIntents'), PDFArray);
  const pdfaIntents = (intents?.asArray() ?? []).map((v) => look(v)).filter((d): d is PDFDict => d instanceof PDFDict && d.get(name('S')) === name('GTS_PDFA1'));
  let intentSpace: string | undefined;
  if (pdfaIntents.length === 0) fail('output-intent', msg('pdfa.output-intent'));
  const profiles = new Set((intents?.asArray() ?? []).map((v) => (look(v) as PDFDict | undefined)?.get?.(name('DestOutputProfile'))).filter(Boolean).map(String));
  if (profiles.size > 1) fail('output-intents-same', msg('pdfa.output-intents-same', { count: profiles.size }));
  for (const intent of pdfaIntents) {
    const profileRef = intent.get(name('DestOutputProfile'));
    const profile = look(profileRef);
    if (!(profile instanceof PDFStream)) {
      fail('output-profile', msg('pdfa.output-profile.missing'));
      continue;
    }
    const h = iccHeader(streamBytes(profile));
    if (typeof h === 'string') fail('output-profile', `the output intent's profile (${ref(profileRef as PDFRef)}) is not an ICC profile: ${h}`);
    else if (h.cls !== 'prtr' && h.cls !== 'mntr') fail('output-profile', `the output intent's profile (${ref(profileRef as PDFRef)}) is of device class “${h.cls}”, not prtr or mntr`);
    else intentSpace = h.space;
  }
  if (catalog.has(name('Requirements'))) fail('requirements', msg('pdfa.requirements'));
  if (catalog.has(name('NeedsRendering'))) fail('needs-rendering', msg('pdfa.needs-rendering'));
  if (catalog.has(name('AA'))) fail('additional-actions', msg('pdfa.additional-actions.catalog'));
  const acro = catalog.lookupMaybe(name('AcroForm'), PDFDict);
  if (acro?.has(name('XFA'))) fail('form-xfa', msg('pdfa.form-xfa'));
  if (acro?.get(name('NeedAppearances')) === PDFBool.True) fail('need-appearances', msg('pdfa.need-appearances'));
  const names = catalog.lookupMaybe(name('Names'), PDFDict);
  if (names?.has(name('JavaScript'))) fail('javascript', msg('pdfa.javascript.names'));
  if (names?.has(name('EmbeddedFiles'))) fail('embedded-files', msg('pdfa.embedded-files'));
  if (names?.has(name('AlternatePresentations'))) fail('alternate-presentations', msg('pdfa.alternate-presentations'));

  const checkAction = (action: PDFObject | undefined, where: Message, depth = 0): void => {
    const a = look(action);
    if (!(a instanceof PDFDict) || depth > 16) return;
    const type = a.get(name('S'))?.toString().slice(1) ?? '?';
    if (type === 'JavaScript') fail('javascript', msg('pdfa.action.javascript', { where }));
    else if (type === 'Named') {
      const n = a.get(name('N'))?.toString().slice(1) ?? '?';
      if (!NAMED.has(n)) fail('named-action', msg('pdfa.action.named', { where, action: n }));
    } else if (type !== 'GoTo' && type !== 'URI') fail('action', msg('pdfa.action.type', { where, type }));
    const next = look(a.get(name('Next')));
    for (const n of next instanceof PDFArray ? next.asArray() : next ? [next] : []) checkAction(n, where, depth + 1);
  };
  checkAction(catalog.get(name('OpenAction')), msg('pdfa.where.open-action'));
  // The outline's items.
  const walkOutline = (item: PDFObject | undefined, depth: number) => {
    for (let node = look(item), n = 0; node instanceof PDFDict && n < 100_000 && depth < 64; node = look(node.get(name('Next'))), n++) {
      checkAction(node.get(name('A')), msg('pdfa.where.bookmark', { title: textOf(node.lookup(name('Title'))) ?? '?' }));
      walkOutline(node.get(name('First')), depth + 1);
    }
  };
  walkOutline(catalog.lookupMaybe(name('Outlines'), PDFDict)?.get(name('First')), 0);

  // Pages: boxes, annotations, transparency.
  const pages = pdf.getPages();
  pages.forEach((page, index) => {
    const where = msg('pdfa.where.page', { page: index + 1 });
    const node = page.node;
    for (const box of ['MediaBox', 'CropBox', 'BleedBox', 'TrimBox', 'ArtBox']) {
      const b = node.lookupMaybe(name(box), PDFArray);
      if (!b) continue;
      const [x0, y0, x1, y1] = b.asArray().map((v) => (look(v) instanceof PDFNumber ? (look(v) as PDFNumber).asNumber() : 0));
      const w = Math.abs(x1! - x0!);
      const h = Math.abs(y1! - y0!);
      if (w < 3 || h < 3 || w > 14400 || h > 14400) fail('page-size', msg('pdfa.page-size', { where, box, width: w, height: h }));
    }
    if (node.has(name('AA'))) fail('additional-actions', msg('pdfa.additional-actions', { where }));
    if (node.has(name('PresSteps'))) fail('pres-steps', msg('pdfa.pres-steps', { where }));
    const annots = node.lookupMaybe(name('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const aRef = annots!.get(i);
      const annot = look(aRef);
      if (!(annot instanceof PDFDict)) continue;
      const subtype = annot.get(name('Subtype'))?.toString().slice(1) ?? '?';
      const what = aRef instanceof PDFRef ? msg('pdfa.where.annotation', { subtype, object: aRef.objectNumber, where }) : msg('pdfa.where.annotation.direct', { subtype, where });
      if (!ANNOT_TYPES.has(subtype)) fail('annot-type', msg('pdfa.annot-type', { what }));
      const f = look(annot.get(name('F')));
      const flags = f instanceof PDFNumber ? f.asNumber() : undefined;
      if (subtype !== 'Popup') {
        if (flags === undefined) fail('annot-flags', msg('pdfa.annot-flags.none', { what }));
        else if (!(flags & FLAG.print)) fail('annot-flags', msg('pdfa.annot-flags.print', { what }));
        else if (flags & (FLAG.hidden | FLAG.invisible | FLAG.noView | FLAG.toggleNoView)) fail('annot-flags', msg('pdfa.annot-flags.hidden', { what, flags }));
      }
      if (subtype !== 'Link' && subtype !== 'Popup' && !annot.has(name('AP'))) fail('annot-appearance', msg('pdfa.annot-appearance', { what }));
      if (annot.has(name('AA'))) fail('additional-actions', msg('pdfa.additional-actions', { where: what }));
      checkAction(annot.get(name('A')), what);
    }
    const group = node.lookupMaybe(name('Group'), PDFDict);
    if (pdfaIntents.length === 0 && !group?.has(name('CS'))) {
      const states = node.Resources()?.lookupMaybe(name('ExtGState'), PDFDict);
      const transparent = states?.entries().some(([, v]) => {
        const gs = look(v);
        if (!(gs instanceof PDFDict)) return false;
        const alpha = (k: string) => { const n = look(gs.get(name(k))); return n instanceof PDFNumber && n.asNumber() < 1; };
        const smask = gs.get(name('SMask'));
        return alpha('ca') || alpha('CA') || (smask !== undefined && smask !== name('None'));
      });
      if (transparent) fail('transparency-group', msg('pdfa.transparency-group', { where }));
    }
  });

  // Every indirect object once: streams, graphics states, images, forms, fonts, colour spaces.
  const fonts: { ref: PDFRef; dict: PDFDict }[] = [];
  for (const [objRef, obj] of ctx.enumerateIndirectObjects()) {
    const dict = obj instanceof PDFStream ? obj.dict : obj instanceof PDFDict ? obj : undefined;
    if (obj instanceof PDFArray && obj.get(0) === name('ICCBased')) checkIcc(obj, objRef);
    if (!dict) continue;
    const at = msg('pdfa.object', { object: objRef.objectNumber });
    const type = dict.get(name('Type'))?.toString().slice(1);
    const subtype = dict.get(name('Subtype'))?.toString().slice(1);
    if (obj instanceof PDFStream) {
      if (['F', 'FFilter', 'FDecodeParms'].some((k) => dict.has(name(k)))) fail('stream-external', msg('pdfa.stream-external', { at }));
      const filter = look(dict.get(name('Filter')));
      const filters = filter instanceof PDFArray ? filter.asArray().map(String) : filter ? [String(filter)] : [];
      if (filters.some((f) => f === '/LZWDecode' || f === '/Crypt')) fail('filter', msg('pdfa.filter', { at, filters: filters.join(' ') }));
    }
    if (type === 'ExtGState' || (!type && (dict.has(name('BM')) || dict.has(name('TR')) || dict.has(name('TR2'))) && !(obj instanceof PDFStream))) {
      if (dict.has(name('TR'))) fail('extgstate-tr', msg('pdfa.extgstate-tr', { at }));
      const tr2 = dict.get(name('TR2'));
      if (tr2 !== undefined && tr2 !== name('Default')) fail('extgstate-tr2', msg('pdfa.extgstate-tr2', { at }));
      if (dict.has(name('HTP'))) fail('extgstate-htp', msg('pdfa.extgstate-htp', { at }));
      const ri = dict.get(name('RI'))?.toString().slice(1);
      if (ri !== undefined && !INTENTS.has(ri)) fail('rendering-intent', msg('pdfa.rendering-intent.state', { at, intent: String(ri) }));
      const bm = look(dict.get(name('BM')));
      for (const m of bm instanceof PDFArray ? bm.asArray() : bm ? [bm] : []) {
        const mode = String(m).slice(1);
        if (!BLEND_MODES.has(mode)) fail('blend-mode', msg('pdfa.blend-mode', { at, mode: String(mode) }));
      }
    }
    if (type === 'XObject' || (obj instanceof PDFStream && (subtype === 'Image' || subtype === 'Form' || subtype === 'PS'))) {
      if (subtype === 'Image') {
        if (dict.has(name('Alternates'))) fail('image-alternates', msg('pdfa.image-alternates', { at }));
        if (dict.has(name('OPI'))) fail('image-opi', msg('pdfa.image-opi', { at }));
        if (dict.get(name('Interpolate')) === PDFBool.True) fail('image-interpolate', msg('pdfa.image-interpolate', { at }));
        const bpc = look(dict.get(name('BitsPerComponent')));
        if (bpc instanceof PDFNumber && ![1, 2, 4, 8, 16].includes(bpc.asNumber())) fail('image-bits', msg('pdfa.image-bits', { at, bits: bpc.asNumber() }));
        const intent = dict.get(name('Intent'))?.toString().slice(1);
        if (intent !== undefined && !INTENTS.has(intent)) fail('rendering-intent', msg('pdfa.rendering-intent.image', { at, intent: String(intent) }));
        const cs = look(dict.get(name('ColorSpace')));
        if (cs === name('DeviceCMYK') && intentSpace !== undefined && intentSpace !== 'CMYK') fail('device-cmyk', msg('pdfa.device-cmyk', { at, space: intentSpace }));
      } else if (subtype === 'Form') {
        if (dict.has(name('OPI')) || dict.has(name('PS')) || dict.get(name('Subtype2')) === name('PS')) fail('form-postscript', msg('pdfa.form-postscript', { at }));
        if (dict.has(name('Ref'))) fail('reference-xobject', msg('pdfa.reference-xobject', { at }));
      } else if (subtype === 'PS') fail('postscript-xobject', msg('pdfa.postscript-xobject', { at }));
    }
    if (type === 'Font') fonts.push({ ref: objRef, dict });
    if (type === 'Filespec' && dict.has(name('EF'))) fail('embedded-files', msg('pdfa.embedded-files.spec', { at }));
  }

  function checkIcc(cs: PDFArray, at: PDFRef | undefined): void {
    const streamRef = cs.get(1);
    const stream = look(streamRef);
    if (!(stream instanceof PDFStream)) return;
    const h = iccHeader(streamBytes(stream));
    const n = look(stream.dict.get(name('N')));
    const where = `the ICCBased colour space ${at ? `${ref(at)} ` : ''}(profile ${ref(streamRef as PDFRef)})`;
    if (typeof h === 'string') fail('icc-profile', `${where} is not an ICC profile: ${h}`);
    else if (h.major > 4) fail('icc-profile', `${where} is ICC version ${h.major}, later than PDF/A-2 allows`);
    else if (n instanceof PDFNumber && CHANNELS[h.space] !== undefined && CHANNELS[h.space] !== n.asNumber()) fail('icc-profile', `${where} says N ${n.asNumber()} for a ${h.space} profile`);
  }
  // ICCBased colour spaces held directly in resources and images (Chrome writes them inline in images).
  for (const [objRef, obj] of ctx.enumerateIndirectObjects()) {
    const cs = obj instanceof PDFStream ? obj.dict.get(name('ColorSpace')) : undefined;
    if (cs instanceof PDFArray && cs.get(0) === name('ICCBased')) checkIcc(cs, objRef);
  }

  // Fonts.
  /** The codes each font showed, each with where it first did: the page (1-based) and the line of text. */
  const used = new Map<PDFDict, Map<number, Message>>();
  const pageTexts = texts ?? pages.map((_, i) => readPageText(pdf, i));
  pageTexts.forEach((page, index) => {
    for (const s of page.shown ?? []) {
      let seen = used.get(s.font);
      if (!seen) used.set(s.font, (seen = new Map()));
      for (const c of s.codes) {
        if (seen.has(c)) continue;
        const line = (page.runs[s.run]?.text ?? '').replace(/\s+/g, '');
        seen.set(c, line ? msg('pdfa.font.seen-in', { page: index + 1, line: line.length > 24 ? `${line.slice(0, 24)}…` : line }) : msg('pdfa.font.seen', { page: index + 1 }));
      }
    }
  });
  for (const { ref: fontRef, dict: font } of fonts) {
    const subtype = font.get(name('Subtype'))?.toString().slice(1) ?? '?';
    const baseFont = font.get(name('BaseFont'));
    const what = baseFont ? msg('pdfa.font', { font: fontName(font), object: fontRef.objectNumber }) : msg('pdfa.font.unnamed', { object: fontRef.objectNumber });
    if (!FONT_TYPES.has(subtype)) {
      fail('font-subtype', msg('pdfa.font.subtype', { what, subtype }));
      continue;
    }
    if (subtype === 'Type3') {
      fail('font-type3', msg('pdfa.font.type3', { what }));
      continue;
    }
    if (subtype === 'Type0') {
      const encoding = look(font.get(name('Encoding')));
      if (encoding instanceof PDFName && !PREDEFINED_CMAPS.has(encoding.toString().slice(1))) fail('cmap-embedded', msg('pdfa.font.cmap', { what, cmap: encoding.toString().slice(1) }));
      checkShown(font, what, font.lookupMaybe(name('DescendantFonts'), PDFArray)?.lookupMaybe(0, PDFDict));
      continue;
    }
    const descriptor = font.lookupMaybe(name('FontDescriptor'), PDFDict);
    const program = descriptor && (['FontFile', 'FontFile2', 'FontFile3'].map((k) => look(descriptor.get(name(k)))).find((v) => v instanceof PDFStream) as PDFStream | undefined);
    if (!program) fail('font-embedded', msg('pdfa.font.not-embedded', { what }));
    if (subtype === 'CIDFontType2' && program && !font.has(name('CIDToGIDMap'))) fail('cid-to-gid', msg('pdfa.font.cid-to-gid', { what }));
    if (subtype === 'TrueType' || subtype === 'Type1' || subtype === 'MMType1') checkShown(font, what, undefined);
  }

  /** The codes a font showed: mapped to Unicode, not the .notdef glyph, widths as in its program. */
  function checkShown(font: PDFDict, what: Message, cid: PDFDict | undefined): void {
    // A font without ToUnicode is not read by readPageText: no codes are known for it.
    const codes = used.get(font);
    const toUnicode = look(font.get(name('ToUnicode')));
    if (!(toUnicode instanceof PDFStream)) {
      fail('tounicode', msg('pdfa.font.no-tounicode', { what }));
      return;
    }
    if (!codes?.size) return;
    const { map } = parseToUnicode(streamText(toUnicode));
    const hex = (c: number) => c.toString(16).toUpperCase().padStart(4, '0');
    const unmapped = [...codes.keys()].filter((c) => !map.get(c));
    if (unmapped.length) fail('tounicode', msg('pdfa.font.unmapped', { what, count: unmapped.length, codes: { en: unmapped.slice(0, 5).map(hex).join(', '), zh: unmapped.slice(0, 5).map(hex).join('、') }, where: codes.get(unmapped[0]!)! }));
    const bad = [...codes.keys()].filter((c) => /[\u0000\uFEFF\uFFFE]/.test(map.get(c) ?? ''));
    if (bad.length) fail('tounicode-value', msg('pdfa.font.bad-unicode', { what, code: hex(bad[0]!), where: codes.get(bad[0]!)! }));
    if (!cid) return;
    // CID → glyph: Identity, or a stream of 2-byte glyph ids.
    const map2 = look(cid.get(name('CIDToGIDMap')));
    const gidBytes = map2 instanceof PDFStream ? streamBytes(map2) : undefined;
    const gidOf = (c: number) => (gidBytes ? (2 * c + 1 < gidBytes.length ? (gidBytes[2 * c]! << 8) | gidBytes[2 * c + 1]! : 0) : c);
    const notdef = [...codes.keys()].filter((c) => gidOf(c) === 0);
    if (notdef.length) fail('notdef', msg('pdfa.font.notdef', { what, where: codes.get(notdef[0]!)! }));
    const descriptor = cid.lookupMaybe(name('FontDescriptor'), PDFDict);
    const program = look(descriptor?.get(name('FontFile2')));
    if (!(program instanceof PDFStream)) return;
    const advance = trueTypeWidths(streamBytes(program));
    if (!advance) return;
    const widths = widthsOf(cid);
    for (const c of codes.keys()) {
      const declared = widths.get(c) ?? widths.dw;
      const actual = advance(gidOf(c));
      if (actual !== undefined && Math.abs(declared - actual) > 1) {
        fail('font-widths', msg('pdfa.font.widths', { what, code: hex(c), declared, actual: Math.round(actual * 10) / 10 }));
        break;
      }
    }
  }
  function widthsOf(cid: PDFDict): Map<number, number> & { dw: number } {
    const out = new Map<number, number>() as Map<number, number> & { dw: number };
    const dw = look(cid.get(name('DW')));
    out.dw = dw instanceof PDFNumber ? dw.asNumber() : 1000;
    const w = cid.lookupMaybe(name('W'), PDFArray)?.asArray().map((v) => look(v)) ?? [];
    const num = (v: PDFObject | undefined) => (v instanceof PDFNumber ? v.asNumber() : NaN);
    for (let i = 0; i < w.length;) {
      const first = num(w[i]);
      const next = w[i + 1];
      if (!Number.isFinite(first)) break;
      if (next instanceof PDFArray) {
        next.asArray().forEach((v, k) => out.set(first + k, num(look(v))));
        i += 2;
      } else {
        const last = num(next);
        for (let c = first; c <= last && c - first < 0x10000; c++) out.set(c, num(w[i + 2]));
        i += 3;
      }
    }
    return out;
  }

  // Metadata: the XMP packet and what it says.
  const metadata = look(catalog.get(name('Metadata')));
  if (!(metadata instanceof PDFStream) || metadata.dict.get(name('Type')) !== name('Metadata') || metadata.dict.get(name('Subtype')) !== name('XML')) {
    fail('xmp-missing', msg('pdfa.xmp-missing'));
  } else checkXmp(streamBytes(metadata));

  function checkXmp(raw: Uint8Array): void {
    let xml: string;
    try {
      xml = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      fail('xmp-utf8', msg('pdfa.xmp-utf8'));
      return;
    }
    const packet = /<\?xpacket\s+begin=[^?]*\?>/.exec(xml);
    if (packet && /\b(bytes|encoding)\s*=/.test(packet[0])) fail('xmp-packet-header', msg('pdfa.xmp-packet-header', { attribute: /\b(bytes|encoding)\s*=/.exec(packet[0])![1]! }));
    const values = new Map<string, string[]>();
    const stack: { uri: string; local: string; text: string }[] = [];
    const parser = new SaxesParser({ xmlns: true, position: false });
    let error: string | undefined;
    let inDescription = 0;
    parser.on('error', (e) => { error ??= e.message; });
    parser.on('opentag', (tag) => {
      const uri = tag.uri ?? '';
      if (uri === RDF && tag.local === 'Description') inDescription++;
      // A property: a child of rdf:Description (its attributes are properties too).
      else if (inDescription && stack.at(-1)?.uri === RDF && stack.at(-1)?.local === 'Description' && !PREDEFINED_XMP.has(uri)) {
        fail('xmp-schema', msg('pdfa.xmp-schema', { property: tag.name, schema: uri || '(no namespace)' }));
      }
      if (uri === RDF && tag.local === 'Description') {
        for (const a of Object.values(tag.attributes)) {
          if (typeof a === 'object' && a.uri && a.uri !== RDF && a.uri !== 'http://www.w3.org/2000/xmlns/' && !PREDEFINED_XMP.has(a.uri)) fail('xmp-schema', msg('pdfa.xmp-schema', { property: a.name, schema: a.uri }));
          if (typeof a === 'object' && a.uri && PREDEFINED_XMP.has(a.uri)) values.set(`${a.uri}${a.local}`, [a.value]);
        }
      }
      stack.push({ uri, local: tag.local ?? '', text: '' });
    });
    parser.on('text', (t) => { const top = stack.at(-1); if (top) top.text += t; });
    parser.on('closetag', () => {
      const top = stack.pop()!;
      if (top.uri === RDF && top.local === 'Description') inDescription--;
      if (top.uri === RDF && top.local === 'li') {
        // The value of the property this list item belongs to (two levels up: property > Alt/Seq/Bag > li).
        const property = stack.at(-2);
        if (property) {
          const key = `${property.uri}${property.local}`;
          values.set(key, [...(values.get(key) ?? []), top.text.trim()]);
        }
      } else if (top.uri !== RDF && inDescription && !values.has(`${top.uri}${top.local}`) && top.text.trim()) values.set(`${top.uri}${top.local}`, [top.text.trim()]);
    });
    try {
      parser.write(xml.replace(/^\uFEFF/, '')).close();
    } catch (e) {
      error ??= (e as Error).message;
    }
    if (error) {
      fail('xmp-wellformed', msg('pdfa.xmp-wellformed', { reason: error.split('\n')[0]! }));
      return;
    }
    const one = (ns: string, local: string) => values.get(`${ns}${local}`)?.[0];
    const part = one('http://www.aiim.org/pdfa/ns/id/', 'part');
    const conformance = one('http://www.aiim.org/pdfa/ns/id/', 'conformance');
    if (part !== '2' || conformance !== 'U') fail('pdfa-identification', msg('pdfa.pdfa-identification', { part: part ?? '(none)', conformance: conformance ?? '(none)' }));
    // The Info dictionary against the XMP (the entries bulletin writes).
    const info = look(ctx.trailerInfo.Info as PDFObject | undefined);
    if (!(info instanceof PDFDict)) return;
    const infoText = (k: string) => textOf(look(info.get(name(k))));
    const DC = 'http://purl.org/dc/elements/1.1/';
    const PDF = 'http://ns.adobe.com/pdf/1.3/';
    const XMP = 'http://ns.adobe.com/xap/1.0/';
    const pairs: [string, string | undefined, string | undefined][] = [
      ['Title', infoText('Title'), one(DC, 'title')],
      ['Author', infoText('Author'), values.get(`${DC}creator`)?.join(', ')],
      ['Subject', infoText('Subject'), one(DC, 'description')],
      ['Keywords', infoText('Keywords'), one(PDF, 'Keywords')],
      ['Producer', infoText('Producer'), one(PDF, 'Producer')],
      ['Creator', infoText('Creator'), one(XMP, 'CreatorTool')],
      ['CreationDate', infoDate(infoText('CreationDate')), xmpInstant(one(XMP, 'CreateDate'))],
      ['ModDate', infoDate(infoText('ModDate')), xmpInstant(one(XMP, 'ModifyDate'))],
    ];
    for (const [key, inInfo, inXmp] of pairs) {
      if (inInfo !== undefined && inInfo !== inXmp) fail('xmp-info', msg('pdfa.xmp-info', { key: String(key), info: inInfo, xmp: inXmp ?? '(none)' }));
    }
  }

  return problems;
}

/** A PDF date (D:YYYYMMDDHHmmSS with Z or ±HH'mm) as an ISO instant, to compare with XMP. */
function infoDate(text: string | undefined): string | undefined {
  const m = text && /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(text);
  if (!m) return text;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5) || '00'}`;
  const d = new Date(`${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${zone}`);
  return Number.isNaN(d.getTime()) ? text : d.toISOString();
}
function xmpInstant(text: string | undefined): string | undefined {
  if (!text) return text;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? text : d.toISOString();
}

/** The problems as lines for an error message: rule id, clause, what breaks it (at most 12). */
export function describePdfAProblems(problems: readonly PdfAProblem[]): Bilingual {
  const lines = problems.slice(0, 12).map((p) => {
    const rule = PDFA_RULES[p.rule];
    // A problem without a message of its own is said in Chinese by its rule.
    const problem: Bilingual = { en: p.message, zh: p.text ? render(p.text, 'zh') : render(msg('pdfa.problem.unnamed'), 'zh') };
    return msg('pdfa.problem', { problem, rule: p.rule, clause: rule.clause, what: rule.text });
  });
  if (problems.length > 12) lines.push(msg('pdfa.more', { count: problems.length - 12 }));
  const all = (lang: 'en' | 'zh') => lines.map((l) => render(l, lang)).join('\n  - ');
  return { en: all('en'), zh: all('zh') };
}
