// PDF post-processing: bookmarks for sections and articles, metadata, and nothing that varies between runs.
import { renumberStructIds } from './structIds.js';
import { PDFArray, PDFDict, PDFName, PDFHexString, PDFNull, PDFNumber, PDFRef, PDFString, type PDFDocument } from './pdfLib.js';
import type { Destination } from './readDestinations.js';

export interface OutlineItem {
  title: string;
  id: string;
  children: OutlineItem[];
}

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  language: string;
  /** Creation and modification date: the issue date, or SOURCE_DATE_EPOCH. */
  date: Date;
  /** The top margin of the pages (pt): where a bookmark or link puts the top of the window. */
  topMargin: number;
  /** PDF/A-2u (`output.pdfa`, `--no-pdfa`): XMP, sRGB output intent, file identifier (print/pdfA.ts). */
  pdfa: boolean;
}

export const PRODUCER = 'bulletin';

function addOutline(pdf: PDFDocument, items: readonly OutlineItem[], dests: ReadonlyMap<string, Destination>, topMargin: number): void {
  const context = pdf.context;
  const pages = pdf.getPages();
  const rootRef = context.nextRef();
  const build = (list: readonly OutlineItem[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } | undefined => {
    const placed = list.filter((i) => dests.has(i.id));
    if (!placed.length) return undefined;
    const refs = placed.map(() => context.nextRef());
    let count = 0;
    placed.forEach((item, k) => {
      const dest = dests.get(item.id)!;
      const page = pages[dest.pageIndex]!;
      const top = dest.top === undefined ? PDFNull : PDFNumber.of(viewTop(page.getHeight(), topMargin, dest.top));
      const dict: Record<string, unknown> = {
        Title: PDFHexString.fromText(item.title),
        Parent: parent,
        Dest: context.obj([page.ref, PDFName.of('XYZ'), PDFNull, top, PDFNull]),
      };
      if (k > 0) dict.Prev = refs[k - 1];
      if (k < placed.length - 1) dict.Next = refs[k + 1];
      const kids = build(item.children, refs[k]!);
      if (kids) {
        dict.First = kids.first;
        dict.Last = kids.last;
        dict.Count = PDFNumber.of(kids.count);
      }
      count += 1 + (kids?.count ?? 0);
      context.assign(refs[k]!, context.obj(dict as never));
    });
    return { first: refs[0]!, last: refs.at(-1)!, count };
  };
  const top = build(items, rootRef);
  if (!top) return;
  context.assign(rootRef, context.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: PDFNumber.of(top.count) } as never));
  pdf.catalog.set(PDFName.of('Outlines'), rootRef);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

const SAFE_URI = /^(https?:|mailto:)/i;

/**
 * Chrome writes every <a href> into the PDF as a live link, `javascript:` and `file:` included.
 * Link annotations whose URI is not http(s) or mailto are removed; returns the URIs removed.
 */
export function removeUnsafeLinks(pdf: PDFDocument): string[] {
  const removed: string[] = [];
  for (const page of pdf.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots) continue;
    for (let i = annots.size() - 1; i >= 0; i--) {
      const annot = annots.lookupMaybe(i, PDFDict);
      const action = annot?.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookup(PDFName.of('URI'));
      if (!action || uri === undefined) continue;
      const text = uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : String(uri);
      if (!SAFE_URI.test(text.trim())) {
        annots.remove(i);
        removed.push(text);
      }
    }
  }
  return removed;
}

/** Where a view should put the top of the window for an element `top` points below the page area's top. */
function viewTop(pageHeight: number, topMargin: number, top: number): number {
  return Math.round((pageHeight - topMargin - top + 6) * 100) / 100;
}

/**
 * Chrome's named destinations (the targets of the contents links) take the element's offset from the
 * top of the page area as if it were from the top of the sheet, so links land a top margin too high.
 */
export function fixNamedDestinations(pdf: PDFDocument, topMargin: number): void {
  const fix = (value: unknown) => {
    let dest = value instanceof PDFRef ? pdf.context.lookup(value) : value;
    if (dest instanceof PDFDict) dest = dest.lookup(PDFName.of('D'));
    if (!(dest instanceof PDFArray) || dest.lookup(1) !== PDFName.of('XYZ')) return;
    const y = dest.lookup(3);
    const page = dest.lookup(0);
    if (!(y instanceof PDFNumber) || !(page instanceof PDFDict)) return;
    const box = page.lookup(PDFName.of('MediaBox'));
    const height = box instanceof PDFArray ? (box.lookup(3) as PDFNumber).asNumber() : 842;
    dest.set(3, PDFNumber.of(viewTop(height, topMargin, height - y.asNumber())));
  };
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (dests) for (const [, value] of dests.entries()) fix(value);
  const walk = (node: PDFDict | undefined, depth: number) => {
    if (!node || depth > 32) return;
    const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (names) for (let i = 1; i < names.size(); i += 2) fix(names.get(i));
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i++) walk(kids.lookupMaybe(i, PDFDict), depth + 1);
  };
  walk(pdf.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict), 0);
}

/**
 * Rewrites Chrome's PDF: outline, metadata, language, fixed producer and dates; as PDF/A-2u, the XMP
 * packet and output intent, and a file identifier from the content (otherwise none).
 */
export async function finishPdf(pdf: PDFDocument, outline: readonly OutlineItem[], dests: ReadonlyMap<string, Destination>, meta: PdfMetadata): Promise<Uint8Array> {
  removeUnsafeLinks(pdf);
  // The structure elements' ids in tree order: Chrome's depend on what asked for a node first.
  renumberStructIds(pdf);
  fixNamedDestinations(pdf, meta.topMargin);
  addOutline(pdf, outline, dests, meta.topMargin);
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setAuthor(meta.author);
  pdf.setSubject(meta.subject);
  // No sections (a speech): no keywords, rather than an empty entry the XMP would have to repeat.
  if (meta.keywords.length) pdf.setKeywords(meta.keywords);
  pdf.setLanguage(meta.language);
  pdf.setCreator(PRODUCER);
  pdf.setProducer(PRODUCER);
  pdf.setCreationDate(meta.date);
  pdf.setModificationDate(meta.date);
  // Chrome's XMP packet carries its own dates and ids; the Info dictionary above replaces it.
  pdf.catalog.delete(PDFName.of('Metadata'));
  pdf.context.trailerInfo.ID = undefined;
  if (!meta.pdfa) return pdf.save({ useObjectStreams: false, updateFieldAppearances: false });
  const { addPdfAParts, withFileId } = await import('./pdfA.js');
  await addPdfAParts(pdf, {
    title: meta.title, creator: meta.author, description: meta.subject, language: meta.language, keywords: meta.keywords.join(' '),
    producer: PRODUCER, creatorTool: PRODUCER, created: meta.date, modified: meta.date,
  });
  return withFileId(await pdf.save({ useObjectStreams: false, updateFieldAppearances: false }));
}
