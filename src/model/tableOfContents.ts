// The contents of an issue (本期目录) as data: one entry per section and article, with page numbers once known.
import type { Issue, Pagination, TocEntry } from './types.js';

/** The contents of an issue: one line per section and per article, pages from the pagination if known. */
export function tableOfContents(issue: Issue, pages: Pagination | undefined): TocEntry[] {
  return issue.sections.flatMap((s) => [
    { kind: 'section' as const, id: s.id, text: `【${s.label}】`, page: pages?.get(s.id) },
    ...s.articles.map((a) => ({ kind: 'article' as const, id: a.id, text: a.title, titleLines: a.titleLines, page: pages?.get(a.id) })),
  ]);
}
