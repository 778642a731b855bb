// Reads the text of PDF pages back with pdf.js, as a reader would see it.
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

export interface PageText {
  /** Text of the page with all white space removed (extraction spacing is not reliable for CJK). */
  compact: string;
  /** Text items with their position: x from the left edge, y from the top edge, in points. */
  items: { text: string; x: number; y: number; width: number }[];
  width: number;
  height: number;
}

export async function readPdfText(bytes: Uint8Array, pageIndexes?: readonly number[]): Promise<PageText[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, disableFontFace: true, verbosity: 0 });
  const doc = await task.promise;
  try {
    const indexes = pageIndexes ?? Array.from({ length: doc.numPages }, (_, i) => i);
    const out: PageText[] = [];
    for (const index of indexes) {
      const page = await doc.getPage(index + 1);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items = (content.items as TextItem[])
        .filter((i) => typeof i.str === 'string' && i.str.length > 0)
        .map((i) => ({ text: i.str, x: i.transform[4] as number, y: height - (i.transform[5] as number), width: i.width }));
      out.push({ compact: items.map((i) => i.text).join('').replace(/\s+/g, ''), items, width, height });
      page.cleanup();
    }
    return out;
  } finally {
    await doc.destroy();
  }
}
