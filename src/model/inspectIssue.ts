// The compiled issue as plain JSON: what the templates receive, for `bulletin inspect`.
import path from 'node:path';
import type { Issue } from './types.js';
import { paragraphCount, type Block } from './blocks.js';

export interface InspectedIssue {
  file: string;
  series: { series: string; name: string; publisher: string; pageNumber: string; dateStyle: string };
  year: number;
  number: number;
  total: number | null;
  date: string;
  kind: string;
  label: string | null;
  classification: string | null;
  issueLine: string;
  dateLine: string;
  sections: {
    id: string;
    label: string;
    articles: {
      id: string;
      title: string;
      titleLines: readonly string[];
      note: readonly Block[] | null;
      paragraphs: number;
      /** The body's block tree. */
      blocks: readonly Block[];
      figures: { image: string; place: string; width: string; caption: string | null; paragraph: number }[];
      source: string | null;
    }[];
  }[];
  distribution: Omit<Issue['distribution'], 'copies'> & { copies: number | null };
}

export function inspectIssue(issue: Issue, cwd: string): InspectedIssue {
  return {
    file: path.relative(cwd, issue.file) || issue.file,
    series: {
      series: issue.series.seriesLine,
      name: issue.series.name,
      publisher: issue.series.publisher,
      pageNumber: issue.series.layout.pageNumber,
      dateStyle: issue.series.layout.dateStyle,
    },
    year: issue.year,
    number: issue.number,
    total: issue.total ?? null,
    date: issue.date.iso,
    kind: issue.kind,
    label: issue.label ?? null,
    classification: issue.classification ?? null,
    issueLine: issue.issueLine,
    dateLine: issue.dateLine,
    sections: issue.sections.map((s) => ({
      id: s.id,
      label: s.label,
      articles: s.articles.map((a) => ({
        id: a.id,
        title: a.title,
        titleLines: a.titleLines,
        note: a.note ?? null,
        paragraphs: paragraphCount(a.blocks),
        blocks: a.blocks,
        figures: a.figures.map((f) => ({ image: f.relPath, place: f.place, width: `${f.widthPercent}%`, caption: f.caption ?? null, paragraph: f.paragraph })),
        source: a.source ?? null,
      })),
    })),
    distribution: { ...issue.distribution, copies: issue.distribution.copies ?? null },
  };
}
