// Reads the named destinations Chrome writes for link targets: element id → page index and top (pt).
import { PDFDocument, PDFName, PDFDict, PDFArray, PDFRef, PDFString, PDFHexString, PDFNumber } from './pdfLib.js';

export interface Destination {
  /** 0-based physical page index. */
  pageIndex: number;
  /**
   * Distance of the element's top from the top of the page area (inside the @page margins), in
   * points, when Chrome records it. (Chrome writes y as page height minus that distance, ignoring
   * the margins, so the value is read back the same way.)
   */
  top: number | undefined;
}

function nameText(obj: unknown): string | undefined {
  if (obj instanceof PDFString || obj instanceof PDFHexString) return obj.decodeText();
  if (obj instanceof PDFName) return obj.decodeText();
  return undefined;
}

export function readDestinations(pdf: PDFDocument): Map<string, Destination> {
  const pages = pdf.getPages();
  const pageIndex = new Map<string, number>();
  pages.forEach((p, i) => pageIndex.set(p.ref.toString(), i));
  const heightOf = (i: number) => pages[i]!.getHeight();
  const out = new Map<string, Destination>();
  const context = pdf.context;
  const add = (name: string | undefined, value: unknown) => {
    if (!name) return;
    let dest = value instanceof PDFRef ? context.lookup(value) : value;
    if (dest instanceof PDFDict) dest = dest.get(PDFName.of('D'));
    if (dest instanceof PDFRef) dest = context.lookup(dest);
    if (!(dest instanceof PDFArray)) return;
    const target = dest.get(0);
    const index = target instanceof PDFRef ? pageIndex.get(target.toString()) : undefined;
    if (index === undefined) return;
    const y = dest.get(3);
    out.set(name, { pageIndex: index, top: y instanceof PDFNumber ? heightOf(index) - y.asNumber() : undefined });
  };
  const catalog = pdf.catalog;
  // PDF 1.1 style: /Dests dictionary in the catalog.
  const dests = catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (dests) for (const [key, value] of dests.entries()) add(key.decodeText(), value);
  // PDF 1.2+: /Names /Dests name tree.
  const names = catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const walk = (node: PDFDict | undefined, depth: number) => {
    if (!node || depth > 32) return;
    const leaf = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (leaf) for (let i = 0; i + 1 < leaf.size(); i += 2) add(nameText(leaf.lookup(i)), leaf.get(i + 1));
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i++) walk(kids.lookupMaybe(i, PDFDict), depth + 1);
  };
  walk(tree, 0);
  return out;
}
