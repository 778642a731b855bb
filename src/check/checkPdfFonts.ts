// Every font in the PDF is embedded and none is a Type 3 font (print shops reject them).
import { PDFDict, PDFName, PDFRef, type PDFDocument } from '../print/pdfLib.js';

export interface FontReport {
  fonts: { name: string; subtype: string; embedded: boolean }[];
  problems: string[];
}

/** The pages (1-based, physical) whose resources name each font object. */
function pagesOfFonts(pdf: PDFDocument): Map<PDFRef, number[]> {
  const pages = new Map<PDFRef, number[]>();
  pdf.getPages().forEach((page, index) => {
    const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const value of fonts?.values() ?? []) {
      if (value instanceof PDFRef) pages.set(value, [...(pages.get(value) ?? []), index + 1]);
    }
  });
  return pages;
}

export function checkPdfFonts(pdf: PDFDocument): FontReport {
  const fonts: FontReport['fonts'] = [];
  const problems: string[] = [];
  let pages: Map<PDFRef, number[]> | undefined;
  for (const [ref, obj] of pdf.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const subtype = obj.get(PDFName.of('Subtype'))?.toString().slice(1) ?? '?';
    if (subtype === 'Type0') continue; // its descendant font is checked on its own
    const name = obj.get(PDFName.of('BaseFont'))?.toString().slice(1) ?? '(unnamed)';
    const descriptor = obj.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
    const embedded = subtype === 'Type3' || Boolean(descriptor && (descriptor.has(PDFName.of('FontFile')) || descriptor.has(PDFName.of('FontFile2')) || descriptor.has(PDFName.of('FontFile3'))));
    fonts.push({ name, subtype, embedded });
    if (subtype === 'Type3' || !embedded) {
      pages ??= pagesOfFonts(pdf);
      const on = pages.get(ref);
      const where = on?.length ? ` (used on page${on.length > 1 ? 's' : ''} ${on.join(', ')} of the PDF)` : '';
      // Chrome writes a Type 3 font without its name.
      const what = name === '(unnamed)' ? 'a font without a name' : name;
      problems.push(subtype === 'Type3' ? `${what} is a Type 3 font${where}` : `${what} is not embedded${where}`);
    }
  }
  return { fonts, problems };
}
