// A year's regular issues → the view of the yearbook's (合订本) cover and contents.
import type { Issue } from '../model/types.js';
import { hanziYear } from '../model/chineseDate.js';
import { formatPageNumber } from './pageNumber.js';

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
 * `startPages` gives the yearbook page (1 = its first sheet side) where each issue starts; articles
 * keep the page numbers printed in their own issue.
 */
export function yearbookView(year: number, issues: readonly Issue[], articlePages: ReadonlyMap<string, ReadonlyMap<string, number>>, startPages: readonly number[], stylesheets: string[]): YearbookView {
  const series = issues[0]!.series;
  const form = series.layout.pageNumber;
  return {
    title: `${series.name} ${year}年合订本`,
    seriesLine: series.seriesLine,
    name: series.name,
    publisher: series.publisher,
    yearLine: `${series.layout.dateStyle === 'hanzi' ? hanziYear(year) : year}年合订本`,
    stylesheets,
    issues: issues.map((issue, i) => ({
      ...entry(`issue-${issue.slug}`, `${issue.issueLine}`, `第${startPages[i] ?? 0}页`),
      articles: issue.sections.flatMap((s) => s.articles.map((a) => entry(`${issue.slug}-${a.id}`, a.title, formatPageNumber(form, articlePages.get(issue.slug)?.get(a.id) ?? 0)))),
    })),
  };
}
