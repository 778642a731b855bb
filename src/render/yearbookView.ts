// A year's issues (regular, special, supplements) → the view of the yearbook's (合订本) cover and
// contents. One numbering throughout: every entry gives the yearbook's own sheet side (第N页, counted
// from its cover, as a PDF reader numbers the pages), the issues' and the articles' alike; the
// issues' own numbers (- 1 -) restart in each issue and would not find a page in the book.
import type { Issue } from '../model/types.js';
import { hanziYear } from '../model/chineseDate.js';

export interface YearbookEntry {
  id: string;
  head: string;
  last: string;
  page: string;
}

export interface YearbookView {
  title: string;
  seriesLine: string;
  name: string;
  publisher: string;
  yearLine: string;
  stylesheets: string[];
  issues: (YearbookEntry & { articles: YearbookEntry[] })[];
}

function entry(id: string, text: string, page: string): YearbookEntry {
  const chars = [...text];
  return { id, head: chars.slice(0, -1).join(''), last: chars.at(-1) ?? '', page };
}

/**
 * `startPages` gives the yearbook page (1 = its first sheet side) where each issue starts; `printed`
 * each issue's pagination (its articles' body pages and the sheet sides before its body page 1).
 */
export function yearbookView(year: number, issues: readonly Issue[], printed: ReadonlyMap<string, { readonly pages: ReadonlyMap<string, number> | undefined; readonly coverPages: number }>, startPages: readonly number[], stylesheets: string[]): YearbookView {
  const series = issues[0]!.series;
  const sheet = (n: number) => `第${n}页`;
  return {
    title: `${series.name} ${year}年合订本`,
    seriesLine: series.seriesLine,
    name: series.name,
    publisher: series.publisher,
    yearLine: `${series.layout.dateStyle === 'hanzi' ? hanziYear(year) : year}年合订本`,
    stylesheets,
    issues: issues.map((issue, i) => {
      const start = startPages[i] ?? 0;
      const state = printed.get(issue.slug);
      const at = (id: string) => (start && state?.pages?.get(id) ? start + state.coverPages + state.pages.get(id)! - 1 : 0);
      return {
        ...entry(`issue-${issue.slug}`, `${issue.issueLine}`, sheet(start)),
        articles: issue.sections.flatMap((s) => s.articles.map((a) => entry(`${issue.slug}-${a.id}`, a.title, sheet(at(a.id))))),
      };
    }),
  };
}
