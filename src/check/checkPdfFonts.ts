// Every font in the PDF is embedded and none is a Type 3 font (print shops reject them). A problem
// names the font, the characters it set and where: the page and the text around them.
import { PDFArray, PDFDict, PDFName, PDFRef, type PDFDocument } from '../print/pdfLib.js';
import { readPageText } from './readPdfText.js';
import { msg, type Message } from '../i18n/message.js';
import { checkProblem, commas, type CheckProblem } from './problem.js';

export interface FontReport {
  fonts: { name: string; subtype: string; embedded: boolean }[];
  problems: CheckProblem[];
}

/** At most this many distinct characters, and this many characters either side of them, are quoted. */
const QUOTED_CHARS = 12;
const CONTEXT = 10;

/** The font the pages name for each font object: itself, or the Type 0 font whose descendant it is. */
function shownAs(pdf: PDFDocument, ref: PDFRef, obj: PDFDict): PDFDict {
  for (const [, other] of pdf.context.enumerateIndirectObjects()) {
    if (!(other instanceof PDFDict) || other.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue;
    if (other.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.get(0) === ref) return other;
  }
  return obj;
}

/** What a font set, page by page (1-based, physical): its characters and the text around the first of them. */
function whatItSet(pdf: PDFDocument, font: PDFDict): { chars: string[]; pages: number[]; context?: string } {
  const chars = new Set<string>();
  const pages: number[] = [];
  let context: string | undefined;
  for (let index = 0; index < pdf.getPageCount(); index++) {
    const page = readPageText(pdf, index);
    const shown = (page.shown ?? []).filter((s) => s.font === font);
    if (shown.length === 0) continue;
    pages.push(index + 1);
    for (const s of shown) for (const c of s.text.replace(/\s+/g, '')) chars.add(c);
    const first = shown.find((s) => s.text.trim());
    if (context === undefined && first) {
      // The run it is part of, with the runs on either side: the line as a reader sees it.
      const own = page.runs[first.run]!;
      const sameLine = (k: number) => page.runs[k] && Math.abs(page.runs[k]!.box.y0 - own.box.y0) < 1 ? page.runs[k]!.text : '';
      const line = `${sameLine(first.run - 1)}${own.text}${sameLine(first.run + 1)}`.replace(/\s+/g, '');
      const at = Math.max(0, line.indexOf(first.text.trim()));
      const chars = Array.from(line);
      const start = Array.from(line.slice(0, at)).length;
      const from = Math.max(0, start - CONTEXT);
      const to = Math.min(chars.length, start + Array.from(first.text.trim()).length + CONTEXT);
      context = `${from > 0 ? '…' : ''}${chars.slice(from, to).join('')}${to < chars.length ? '…' : ''}`;
    }
  }
  return { chars: [...chars], pages, context };
}

function describe(pdf: PDFDocument, ref: PDFRef, obj: PDFDict): Message | string {
  const set = whatItSet(pdf, shownAs(pdf, ref, obj));
  if (set.pages.length === 0) return '';
  const pages = msg(set.pages.length > 1 ? 'pdf-fonts.pages.many' : 'pdf-fonts.pages.one', { list: commas(set.pages) });
  const context = set.context ? msg('pdf-fonts.context', { context: set.context }) : '';
  if (!set.chars.length) return msg('pdf-fonts.set.no-chars', { pages, context });
  const more = set.chars.length > QUOTED_CHARS ? msg('pdf-fonts.set.more', { count: set.chars.length - QUOTED_CHARS }) : '';
  return msg('pdf-fonts.set', { chars: set.chars.slice(0, QUOTED_CHARS).join(' '), more, pages, context });
}

export function checkPdfFonts(pdf: PDFDocument): FontReport {
  const fonts: FontReport['fonts'] = [];
  const problems: CheckProblem[] = [];
  for (const [ref, obj] of pdf.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const subtype = obj.get(PDFName.of('Subtype'))?.toString().slice(1) ?? '?';
    if (subtype === 'Type0') continue; // its descendant font is checked on its own
    const name = obj.get(PDFName.of('BaseFont'))?.toString().slice(1) ?? '(unnamed)';
    const descriptor = obj.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
    const embedded = subtype === 'Type3' || Boolean(descriptor && (descriptor.has(PDFName.of('FontFile')) || descriptor.has(PDFName.of('FontFile2')) || descriptor.has(PDFName.of('FontFile3'))));
    fonts.push({ name, subtype, embedded });
    if (subtype === 'Type3' || !embedded) {
      // Chrome writes a Type 3 font without its name.
      const set = describe(pdf, ref, obj);
      const font = name.replace(/^[A-Z]{6}\+/, '');
      const type3 = subtype === 'Type3';
      problems.push(checkProblem(name === '(unnamed)' ? msg(type3 ? 'pdf-fonts.type3.unnamed' : 'pdf-fonts.not-embedded.unnamed', { set })
        : msg(type3 ? 'pdf-fonts.type3' : 'pdf-fonts.not-embedded', { font, set })));
    }
  }
  return { fonts, problems };
}
