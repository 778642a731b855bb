// The self-check of what must stay together on a page (issue 16), read from the PDF as printed:
// a title never ends a page (its text follows it on the same page), a caption never starts one (its
// photo is above it on the same page), an article's source line (（…供稿）) is on the page of the
// article's last line, and every contents entry lies whole on one page of the cover, each page of the
// contents after the first headed 本期目录（续）.
import type { TocEntry } from '../model/types.js';
import type { FoundItem } from './checkVisibleText.js';
import type { PageText, TextRun } from './readPdfText.js';
import { msg } from '../i18n/message.js';
import { checkProblem, type CheckProblem } from './problem.js';

/** The heading of a continuation page of the contents (templates/partials/toc.hbs). */
export const CONTENTS_CONTINUED = '本期目录（续）';

/** Points of slack when comparing heights on the page (a run's box is its glyphs', not its line's). */
const SLACK_PT = 2;

function quote(text: string): string {
  const chars = [...text.replace(/\s+/g, '')];
  return chars.length > 16 ? `${chars.slice(0, 16).join('')}…` : chars.join('');
}

const visible = (r: TextRun) => !r.hidden && r.text.trim() !== '';

/**
 * `found`: where each block of the source was found on the body pages (checkVisibleText.ts),
 * `bodyPages` their text, `typeBottomPt` the height of the type area's bottom edge on the page (PDF
 * points from the bottom: what lies lower is the page number).
 */
export function checkKeeps(found: readonly FoundItem[], bodyPages: readonly PageText[], typeBottomPt: number): CheckProblem[] {
  const problems: CheckProblem[] = [];
  found.forEach((item, i) => {
    if (item.runs.length === 0) return;
    if (item.kind === 'title') {
      // Its last line (or the last of the subtitle and byline under it), and whether anything of the type area is printed below it on that page.
      let last = item;
      for (let k = i + 1; found[k]?.kind === 'byline'; k++) if (found[k]!.runs.length) last = found[k]!;
      const lastPage = Math.max(...last.runs.map((r) => r.page));
      const low = Math.min(...last.runs.filter((r) => r.page === lastPage).map((r) => r.run.baseline));
      const page = bodyPages[lastPage];
      if (!page) return;
      const below = page.runs.some((r) => visible(r) && r.baseline < low - SLACK_PT && r.baseline > typeBottomPt - SLACK_PT)
        || page.images.some((b) => b.y1 < low - SLACK_PT && b.y1 > typeBottomPt);
      if (!below) problems.push(checkProblem(msg('self-check.keeps.title-ends-page', { page: lastPage + 1, what: item.what, text: quote(item.runs.map((r) => r.run.text).join('')) })));
    }
    if (item.kind === 'caption' && !item.figure?.svg) {
      // A picture above it on its page (a caption is printed under its photo).
      const page = bodyPages[item.page];
      const runs = item.runs.filter((r) => r.page === item.page).map((r) => r.run);
      if (!page || runs.length === 0) return;
      const top = Math.max(...runs.map((r) => r.box.y1));
      if (!page.images.some((b) => b.y0 >= top - SLACK_PT)) {
        const firstText = Math.max(...page.runs.filter(visible).map((r) => r.box.y1));
        if (top >= firstText - SLACK_PT) problems.push(checkProblem(msg('self-check.keeps.caption-starts-page', { page: item.page + 1, what: item.what, text: quote(runs.map((r) => r.text).join('')) })));
      }
    }
    if (item.kind === 'source') {
      // The block before it in the source (the article's last paragraph, heading, list item or attachment line).
      const before = found.slice(0, i).reverse().find((f) => f.kind !== 'caption' && f.runs.length > 0);
      if (!before) return;
      const lastLine = Math.max(...before.runs.map((r) => r.page));
      if (item.page > lastLine) problems.push(checkProblem(msg('self-check.keeps.source-alone', { what: item.what, page: item.page + 1, last: lastLine + 1 })));
    }
  });
  return problems;
}

/**
 * `cover`: the text of the cover pages. Every entry's title lies whole on one of them; a cover page
 * after the first that holds entries is headed 本期目录（续）. `printedAs`: a title as the page prints
 * it (a character no font has is printed as 〓).
 */
export function checkContentsPages(toc: readonly TocEntry[], cover: readonly PageText[], printedAs: (text: string) => string = (t) => t): CheckProblem[] {
  if (cover.length < 2) return [];
  const problems: CheckProblem[] = [];
  const holding = new Set<number>();
  for (const entry of toc) {
    const title = printedAs(entry.text).replace(/\s+/g, '');
    const page = cover.findIndex((p) => p.compact.includes(title));
    if (page >= 0) {
      holding.add(page);
      continue;
    }
    // Not whole on any page, but there when the pages are read as one: split where a page ends.
    const all = cover.map((p) => p.compact.replace(CONTENTS_CONTINUED, '')).join('');
    if (all.includes(title)) problems.push(checkProblem(msg('self-check.keeps.entry-split', { text: quote(entry.text) })));
  }
  for (const p of holding) {
    if (p > 0 && !cover[p]!.compact.startsWith(CONTENTS_CONTINUED)) problems.push(checkProblem(msg('self-check.keeps.no-continued-heading', { page: p + 1, heading: CONTENTS_CONTINUED })));
  }
  return problems;
}
