// A series' issues → the view of its index page: newest first, with links to each PDF and HTML page.
import type { Issue } from '../model/types.js';
import { urlPath } from './urlPath.js';

export interface IndexView {
  seriesLine: string;
  name: string;
  publisher: string;
  accent: string;
  issues: { issueLine: string; dateLine: string; date: string; titles: string[]; pdf: string | undefined; html: string | undefined }[];
}

/**
 * `written` tells whether the build wrote a file of the output folder (`2018-02.pdf`): only those
 * are linked. Links are relative and encoded as one path segment each (`#`, `?`, `%`, `:` in a name).
 */
export function indexView(issues: readonly Issue[], written: (file: string) => boolean): IndexView {
  const link = (file: string) => (written(file) ? urlPath(file) : undefined);
  const series = issues[0]!.series;
  return {
    seriesLine: series.seriesLine,
    name: series.name,
    publisher: series.publisher,
    accent: series.layout.accent,
    issues: [...issues]
      .sort((a, b) => (a.date.iso > b.date.iso ? -1 : a.date.iso < b.date.iso ? 1 : (b.total ?? 0) - (a.total ?? 0)))
      .map((i) => ({
        issueLine: i.label ? `${i.label} ${i.issueLine}` : i.issueLine,
        dateLine: i.dateLine,
        date: i.date.iso,
        titles: i.sections.flatMap((s) => s.articles.map((a) => a.title)),
        pdf: link(`${i.slug}.pdf`),
        html: link(`${i.slug}.html`),
      })),
  };
}
