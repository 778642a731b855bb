// The contents of an issue (本期目录) as data: one entry per section and article, with page numbers once known.
import type { Article, Issue, Pagination, TocEntry } from './types.js';

/** The contents of an issue: one line per section and per article, pages from the pagination if known. */
export function tableOfContents(issue: Issue, pages: Pagination | undefined): TocEntry[] {
  // An issue of one article without sections (a speech 专刊) shows its title on the cover, not a one-line list.
  if (singleArticle(issue)) return [];
  return issue.sections.flatMap((s) => [
    // An issue without sections (`articles:`) lists its articles only.
    ...(s.label === undefined ? [] : [{ kind: 'section' as const, id: s.id, text: `【${s.label}】`, page: pages?.get(s.id) }]),
    ...s.articles.map((a) => ({ kind: 'article' as const, id: a.id, text: a.title, titleLines: a.titleLines, page: pages?.get(a.id) })),
  ]);
}

/** The one article of an issue without sections (`articles:` with one article): its cover shows the title instead of contents. */
export function singleArticle(issue: Issue): Article | undefined {
  const [only, ...rest] = issue.sections;
  return only && rest.length === 0 && only.label === undefined && only.articles.length === 1 ? only.articles[0] : undefined;
}

/**
 * The one article of such an issue when the series begins it on the cover (`singleArticle.cover:
 * article`): under the masthead's rule, the cover being body page 1, numbered (README, 专刊).
 */
export function articleOnCover(issue: Issue): Article | undefined {
  return issue.series.singleArticle.cover === 'article' ? singleArticle(issue) : undefined;
}
