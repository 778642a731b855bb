// The self-check: the contents printed on the cover must give the pages where the articles really start.
import { msg, render, type Message } from '../i18n/message.js';
import type { TocEntry } from '../model/types.js';
import type { PageNumberForm } from '../model/types.js';
import type { PageText } from './readPdfText.js';

export interface ContentsProblem {
  entry: string;
  /** In English; `text` is the catalogue message (for every language). */
  message: string;
  text: Message;
}

function problem(entry: string, text: Message): ContentsProblem {
  return { entry, message: render(text, 'en'), text };
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
      problems.push(problem(entry.text, msg('self-check.contents.no-target', { entry: entry.text })));
      continue;
    }
    const title = printedAs(entry.text).replace(/\s+/g, '');
    const at = text.indexOf(title);
    if (at < 0) {
      problems.push(problem(entry.text, msg('self-check.contents.not-printed', { entry: entry.text })));
      continue;
    }
    text = text.slice(at + title.length);
    const printed = /^[.·…]*([-—])(\d+)\1/.exec(text);
    const expected = compactNumber(form, start);
    if (!printed) {
      problems.push(problem(entry.text, msg('self-check.contents.no-number', { entry: entry.text, expected })));
      continue;
    }
    if (Number(printed[2]) !== start) {
      problems.push(problem(entry.text, msg('self-check.contents.wrong-page', { entry: entry.text, printed: printed[2]!, start })));
    }
    // A second number right after the first (another printed over it, or beside it) is not a contents line.
    const second = /^[.·…]*([-—])(\d+)\1/.exec(text.slice(printed[0].length));
    const nextTitle = toc[toc.indexOf(entry) + 1]?.text.replace(/\s+/g, '');
    if (second && !(nextTitle && text.slice(printed[0].length).replace(/^[.·…]*/, '').startsWith(nextTitle))) {
      problems.push(problem(entry.text, msg('self-check.contents.two-numbers', { entry: entry.text, first: printed[0], second: second[0].replace(/^[.·…]*/, '') })));
    }
    const page = bodyPages[start - 1];
    if (entry.kind === 'article' && page && !page.compact.includes([...title].slice(0, 8).join(''))) {
      problems.push(problem(entry.text, msg('self-check.contents.title-missing', { entry: entry.text, start })));
    }
    text = text.slice(printed[0].length);
  }
  bodyPages.forEach((page, i) => {
    const expected = compactNumber(form, i + 1);
    if (!page.compact.endsWith(expected) && !page.compact.startsWith(expected) && !page.compact.includes(expected)) {
      problems.push(problem(`page ${i + 1}`, msg('self-check.page-number-missing', { page: i + 1, number: form.replace('N', String(i + 1)) })));
    }
  });
  return problems;
}

/**
 * An article begun on the cover (singleArticle.cover: article): the PDF's first page is body page 1
 * (no cover pages before it, no contents), and carries the masthead's name, then the article's title
 * and the beginning of its first paragraph, in that order. `first` is the PDF's first page;
 * `title` and `opening` are as printed (`printedAs`), `opening` the first characters of the first paragraph.
 */
export function checkBodyOnCover(coverPages: number, first: PageText | undefined, name: string, title: string, opening: string): ContentsProblem[] {
  if (coverPages !== 0) return [problem('cover', msg('self-check.cover-start.moved', { page: coverPages + 1 }))];
  const text = first?.compact ?? '';
  const problems: ContentsProblem[] = [];
  let from = 0;
  const wanted: [Message, string][] = [[msg('self-check.cover-start.masthead'), name], [msg('self-check.cover-start.title'), title], [msg('self-check.cover-start.text'), opening]];
  for (const [what, printed] of wanted) {
    const at = text.indexOf(printed.replace(/\s+/g, ''), from);
    if (at < 0) {
      problems.push(problem('cover', msg('self-check.cover-start.missing', { what, text: printed })));
      continue;
    }
    from = at + printed.replace(/\s+/g, '').length;
  }
  return problems;
}
