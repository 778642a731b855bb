// The self-check: the contents printed on the cover must give the pages where the articles really start.
import type { TocEntry } from '../model/types.js';
import type { PageNumberForm } from '../model/types.js';
import type { PageText } from './readPdfText.js';

export interface ContentsProblem {
  entry: string;
  message: string;
}

function compactNumber(form: PageNumberForm, page: number): string {
  return form.replace('N', String(page)).replace(/\s+/g, '');
}

/**
 * `cover` is the text of the cover pages, `starts` the body page on which each entry's target
 * really starts (from the PDF's destinations), `bodyPages` the text of every body page.
 */
/** `printedAs`: a title as the page prints it (a character no font has is printed as 〓, render/missingGlyphs.ts). */
export function checkContents(toc: readonly TocEntry[], form: PageNumberForm, cover: readonly PageText[], starts: ReadonlyMap<string, number>, bodyPages: readonly PageText[], printedAs: (text: string) => string = (t) => t): ContentsProblem[] {
  const problems: ContentsProblem[] = [];
  let text = cover.map((p) => p.compact).join('');
  for (const entry of toc) {
    const start = starts.get(entry.id);
    if (start === undefined) {
      problems.push({ entry: entry.text, message: `「${entry.text}」 has no place in the PDF (its link target is missing)` });
      continue;
    }
    const title = printedAs(entry.text).replace(/\s+/g, '');
    const at = text.indexOf(title);
    if (at < 0) {
      problems.push({ entry: entry.text, message: `「${entry.text}」 is not in the printed contents` });
      continue;
    }
    text = text.slice(at + title.length);
    const printed = /^[.·…]*([-—])(\d+)\1/.exec(text);
    const expected = compactNumber(form, start);
    if (!printed) {
      problems.push({ entry: entry.text, message: `the contents line of 「${entry.text}」 shows no page number (expected ${expected})` });
      continue;
    }
    if (Number(printed[2]) !== start) {
      problems.push({ entry: entry.text, message: `the contents give page ${printed[2]} for 「${entry.text}」, but it starts on page ${start}` });
    }
    // A second number right after the first (another printed over it, or beside it) is not a contents line.
    const second = /^[.·…]*([-—])(\d+)\1/.exec(text.slice(printed[0].length));
    const nextTitle = toc[toc.indexOf(entry) + 1]?.text.replace(/\s+/g, '');
    if (second && !(nextTitle && text.slice(printed[0].length).replace(/^[.·…]*/, '').startsWith(nextTitle))) {
      problems.push({ entry: entry.text, message: `the contents line of 「${entry.text}」 shows two page numbers, ${printed[0]} and ${second[0].replace(/^[.·…]*/, '')}` });
    }
    const page = bodyPages[start - 1];
    if (entry.kind === 'article' && page && !page.compact.includes([...title].slice(0, 8).join(''))) {
      problems.push({ entry: entry.text, message: `page ${start} does not show the title 「${entry.text}」` });
    }
    text = text.slice(printed[0].length);
  }
  bodyPages.forEach((page, i) => {
    const expected = compactNumber(form, i + 1);
    if (!page.compact.endsWith(expected) && !page.compact.startsWith(expected) && !page.compact.includes(expected)) {
      problems.push({ entry: `page ${i + 1}`, message: `body page ${i + 1} does not carry its number ${form.replace('N', String(i + 1))}` });
    }
  });
  return problems;
}
