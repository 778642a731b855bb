// Every font in the PDF is embedded and none is a Type 3 font (print shops reject them).
import { PDFDict, PDFName, type PDFDocument } from '../print/pdfLib.js';

export interface FontReport {
  fonts: { name: string; subtype: string; embedded: boolean }[];
  problems: string[];
}

export function checkPdfFonts(pdf: PDFDocument): FontReport {
  const fonts: FontReport['fonts'] = [];
  const problems: string[] = [];
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const subtype = obj.get(PDFName.of('Subtype'))?.toString().slice(1) ?? '?';
    if (subtype === 'Type0') continue; // its descendant font is checked on its own
    const name = obj.get(PDFName.of('BaseFont'))?.toString().slice(1) ?? '(unnamed)';
    const descriptor = obj.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
    const embedded = subtype === 'Type3' || Boolean(descriptor && (descriptor.has(PDFName.of('FontFile')) || descriptor.has(PDFName.of('FontFile2')) || descriptor.has(PDFName.of('FontFile3'))));
    fonts.push({ name, subtype, embedded });
    if (subtype === 'Type3') problems.push(`${name} is a Type 3 font`);
    else if (!embedded) problems.push(`${name} is not embedded`);
  }
  return { fonts, problems };
}
