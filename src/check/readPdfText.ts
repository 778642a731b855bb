// Reads the text of PDF pages back, as a reader would see it: content streams decoded, glyph codes
// mapped through each font's ToUnicode CMap. Enough for the PDFs Chrome writes (Type 0 fonts with
// Identity-H and ToUnicode), without loading a whole PDF renderer.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream, decodePDFRawStream } from '../print/pdfLib.js';

export interface PageText {
  /** Text of the page in drawing order, with all white space removed. */
  compact: string;
}

interface FontMap {
  bytes: number;
  map: Map<number, string>;
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

function streamText(stream: unknown): string {
  if (stream instanceof PDFRawStream) return latin1(decodePDFRawStream(stream).decode());
  if (stream instanceof PDFStream) return latin1(stream.getContents());
  return '';
}

function utf16(hex: string): string {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
}

/** bfchar and bfrange entries of a ToUnicode CMap. */
export function parseToUnicode(cmap: string): FontMap {
  const map = new Map<number, string>();
  const space = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(cmap);
  const bytes = space ? space[1]!.length / 2 : 2;
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1]!, 16), utf16(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<([0-9a-fA-F]+)>|\[([^\]]*)\])/g)) {
      const lo = parseInt(m[1]!, 16);
      const hi = Math.min(parseInt(m[2]!, 16), lo + 0xffff);
      if (m[4] !== undefined) {
        const base = utf16(m[4]);
        for (let c = lo; c <= hi; c++) map.set(c, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + (c - lo)));
      } else {
        const targets = [...m[5]!.matchAll(/<([0-9a-fA-F]+)>/g)].map((t) => utf16(t[1]!));
        targets.forEach((t, k) => map.set(lo + k, t));
      }
    }
  }
  return { bytes, map };
}

/** String operands of a content stream: hex `<…>` or literal `(…)`, as bytes. */
function stringBytes(token: string): number[] {
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s+/g, '');
    const out: number[] = [];
    for (let i = 0; i < hex.length; i += 2) out.push(parseInt(hex.slice(i, i + 2).padEnd(2, '0'), 16));
    return out;
  }
  const body = token.slice(1, -1);
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out.push(c.charCodeAt(0) & 0xff);
      continue;
    }
    const n = body[++i] ?? '';
    const simple: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
    if (n in simple) out.push(simple[n]!);
    else if (/[0-7]/.test(n)) {
      const oct = /^[0-7]{1,3}/.exec(body.slice(i))![0];
      out.push(parseInt(oct, 8) & 0xff);
      i += oct.length - 1;
    }
  }
  return out;
}

const TOKEN = /(<<|>>|\[|\]|<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\)|\/[^\s/<>[\]()]+|[^\s/<>[\]()]+)/g;

function pageText(doc: PDFDocument, content: string, resources: PDFDict | undefined, depth: number, out: string[]): void {
  const fonts = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
  const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  const cache = new Map<string, FontMap | undefined>();
  const fontMap = (name: string): FontMap | undefined => {
    if (!cache.has(name)) {
      const font = fonts?.lookupMaybe(PDFName.of(name), PDFDict);
      const toUnicode = font?.get(PDFName.of('ToUnicode'));
      const stream = toUnicode instanceof PDFRef ? doc.context.lookup(toUnicode) : toUnicode;
      cache.set(name, stream ? parseToUnicode(streamText(stream)) : undefined);
    }
    return cache.get(name);
  };
  let font: FontMap | undefined;
  const show = (token: string) => {
    if (!font) return;
    const bytes = stringBytes(token);
    for (let i = 0; i + font.bytes <= bytes.length; i += font.bytes) {
      let code = 0;
      for (let k = 0; k < font.bytes; k++) code = (code << 8) | bytes[i + k]!;
      out.push(font.map.get(code) ?? '');
    }
  };
  const operands: string[] = [];
  let inArray = false;
  const arrayStrings: string[] = [];
  for (const [token] of content.matchAll(TOKEN)) {
    if (token === '[') {
      inArray = true;
      arrayStrings.length = 0;
    } else if (token === ']') {
      inArray = false;
      operands.push('[]');
    } else if (inArray) {
      if (token.startsWith('<') || token.startsWith('(')) arrayStrings.push(token);
    } else if (token.startsWith('/') || token.startsWith('<') || token.startsWith('(') || /^[-+.\d]/.test(token)) {
      operands.push(token);
    } else {
      if (token === 'Tf') font = fontMap(operands.at(-2)?.slice(1) ?? '');
      else if (token === 'Tj' || token === "'" || token === '"') show(operands.at(-1) ?? '');
      else if (token === 'TJ') arrayStrings.forEach(show);
      else if (token === 'Do' && depth < 8) {
        const form = xobjects?.lookup(PDFName.of(operands.at(-1)?.slice(1) ?? ''));
        if (form instanceof PDFStream && form.dict.get(PDFName.of('Subtype')) === PDFName.of('Form')) {
          pageText(doc, streamText(form), form.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) ?? resources, depth + 1, out);
        }
      }
      operands.length = 0;
    }
  }
}

export async function readPdfText(bytes: Uint8Array | PDFDocument, pageIndexes?: readonly number[]): Promise<PageText[]> {
  const doc = bytes instanceof PDFDocument ? bytes : await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = doc.getPages();
  return (pageIndexes ?? pages.map((_, i) => i)).map((index) => {
    const node = pages[index]!.node;
    const contents = node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((c) => doc.context.lookup(c)) : [contents];
    const out: string[] = [];
    pageText(doc, streams.map(streamText).join('\n'), node.Resources(), 0, out);
    return { compact: out.join('').replace(/\s+/g, '') };
  });
}
