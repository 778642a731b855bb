// Validated issue data + its checked figures + the series → the Issue model (pure; no IO).
import type { Article, Figure, Issue, IssueKind, Section, Series } from './types.js';
import { formatDate, type PlainDate } from './chineseDate.js';
import { inlineText } from './blocks.js';
import { markdownParses, type MarkdownParses } from './parseBody.js';
import type { IssueData, SectionData, ArticleData, FigureData } from '../source/schemaTypes.js';

/** The shape of an issue file after schema validation: generated from schemas/issue.schema.json. */
export type { IssueData, SectionData, ArticleData, FigureData };

/** The id an article gets when the source gives none: its position, as s1-a2. */
export function derivedArticleId(sectionIndex: number, articleIndex: number): string {
  return `s${sectionIndex + 1}-a${articleIndex + 1}`;
}

export function issueLine(kind: IssueKind, year: number, number: number, total: number | undefined): string {
  const totalPart = total === undefined ? '' : `（总第${total}期）`;
  return kind === 'supplement' ? `${year}年增刊第${number}期${totalPart}` : `${year}年第${number}期${totalPart}`;
}

/** Key under which a figure's checked file is found: `sectionIndex/articleIndex/figureIndex`. */
export function figureKey(s: number, a: number, f: number): string {
  return `${s}/${a}/${f}`;
}

export type CheckedFigure = Pick<Figure, 'path' | 'relPath' | 'mime' | 'pixels' | 'svg'>;

export function compileIssue(
  data: IssueData,
  context: {
    file: string; slug: string; series: Series; date: PlainDate; figures: ReadonlyMap<string, CheckedFigure>;
    /** The parses validation already made of bodies, notes and captions (each text is parsed once). */
    markdown?: MarkdownParses;
  },
): Issue {
  const markdown = context.markdown ?? markdownParses(context.series.markdown);
  const blocks = (text: string | undefined) => (text === undefined ? undefined : markdown.body(text).blocks);
  const kind = data.kind ?? 'regular';
  const countsInTotal = kind !== 'supplement' || context.series.numbering.supplementsCountInTotal;
  const total = countsInTotal ? data.total : undefined;
  const sections: Section[] = data.sections.map((s, si) => ({
    id: `section-${si + 1}`,
    label: s.label,
    articles: s.articles.map((a, ai): Article => {
      // The lines as the author broke them: items of a list, or lines of a literal block.
      const titleLines = (Array.isArray(a.title) ? a.title : a.title.split('\n')).map((t) => t.trim()).filter((t) => t !== '');
      return {
        id: a.id ?? derivedArticleId(si, ai),
        titleLines,
        title: titleLines.join(''),
        note: blocks(a.note),
        blocks: markdown.body(a.body).blocks,
        source: a.source,
        figures: (a.figures ?? []).flatMap((f, fi): Figure[] => {
          const checked = context.figures.get(figureKey(si, ai, fi));
          if (!checked) return [];
          const captionContent = f.caption === undefined ? undefined : markdown.inline(f.caption).content;
          return [{
            ...checked,
            place: f.place ?? 'right',
            widthPercent: Number((f.width ?? '45%').replace('%', '')),
            caption: f.caption,
            captionContent,
            alt: f.alt ?? (captionContent ? inlineText(captionContent) : ''),
            paragraph: f.paragraph ?? 1,
          }];
        }),
      };
    }),
  }));
  const series = context.series;
  return {
    file: context.file,
    slug: context.slug,
    series,
    year: data.year,
    number: data.number,
    total,
    date: context.date,
    kind,
    label: data.label,
    classification: data.classification,
    fitOff: data.fit === 'off',
    note: blocks(data.note),
    issueLine: issueLine(kind, data.year, data.number, total),
    dateLine: formatDate(context.date, series.layout.dateStyle),
    sections,
    distribution: {
      report: series.distribution.report,
      send: series.distribution.send,
      distribute: series.distribution.distribute,
      extra: data.distribution?.extra ?? [],
      copies: data.distribution?.copies ?? series.distribution.copies,
    },
  };
}
