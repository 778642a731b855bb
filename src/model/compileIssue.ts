// Validated issue data + its checked figures + the series → the Issue model (pure; no IO).
import type { Article, Figure, Issue, IssueKind, Section, Series } from './types.js';
import { formatDate, type PlainDate } from './chineseDate.js';
import { inlineText, type Block, type Table } from './blocks.js';
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

/** Key of the photo `member` (0-based) of a group (`images:`) under its figure's key. */
export function memberKey(figure: string, member: number): string {
  return `${figure}/${member}`;
}

export type CheckedFigure = Pick<Figure, 'path' | 'relPath' | 'mime' | 'pixels' | 'svg' | 'span' | 'contentHash'>;

export function compileIssue(
  data: IssueData,
  context: {
    file: string; slug: string; series: Series; date: PlainDate; figures: ReadonlyMap<string, CheckedFigure>;
    /** The parses validation already made of bodies, notes and captions (each text is parsed once). */
    markdown?: MarkdownParses;
    /** The tables of articles' `tables:`, read from their files, by figureKey(section, article, table). */
    tables?: ReadonlyMap<string, Table>;
  },
): Issue {
  const markdown = context.markdown ?? markdownParses(context.series.markdown);
  const blocks = (text: string | undefined) => (text === undefined ? undefined : markdown.body(text).blocks);
  const kind = data.kind ?? 'regular';
  const countsInTotal = kind !== 'supplement' || context.series.numbering.supplementsCountInTotal;
  const total = countsInTotal ? data.total : undefined;
  // An issue without sections (`articles:`) is one section without a label.
  const groups: { label: string | undefined; articles: ArticleData[] }[] = data.articles ? [{ label: undefined, articles: data.articles }] : data.sections ?? [];
  const sections: Section[] = groups.map((s, si) => ({
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
        blocks: withFileTables(markdown.body(a.body).blocks, (a.tables ?? []).flatMap((t, ti) => {
          const table = context.tables?.get(figureKey(si, ai, ti));
          return table ? [{ table, after: t.after }] : [];
        })),
        source: a.source,
        subtitle: a.subtitle,
        byline: a.byline === undefined ? [] : Array.isArray(a.byline) ? a.byline : [a.byline],
        attachments: (a.attachments ?? []).map((x) => (typeof x === 'string' ? { title: x, blocks: undefined } : { title: x.title, blocks: markdown.body(x.body).blocks })),
        figures: (a.figures ?? []).flatMap((f, fi): Figure[] => {
          const common = {
            place: f.place ?? 'right',
            widthPercent: Number((f.width ?? '45%').replace('%', '')),
            paragraph: f.paragraph ?? 1,
            encoding: f.encoding ?? 'auto',
          } as const;
          const captionContent = f.caption === undefined ? undefined : markdown.inline(f.caption).content;
          if (f.images) {
            // A group: each photo a figure of its own (its own rendition, its own caption), tied by `group`.
            const members = f.images.map((m, mi) => ({ m: typeof m === 'string' ? { image: m } : m, checked: context.figures.get(memberKey(figureKey(si, ai, fi), mi)) }));
            if (members.some((x) => !x.checked)) return [];
            const group = { entry: fi, size: members.length, caption: f.caption, captionContent };
            return members.map(({ m, checked }, index): Figure => {
              const own = m.caption === undefined ? undefined : markdown.inline(m.caption).content;
              return {
                ...checked!, ...common, place: 'centre', widthPercent: 100,
                caption: m.caption, captionContent: own,
                alt: m.alt ?? (own ? inlineText(own) : captionContent ? inlineText(captionContent) : ''),
                group: { ...group, index },
              };
            });
          }
          const checked = context.figures.get(figureKey(si, ai, fi));
          if (!checked) return [];
          return [{
            ...checked,
            ...common,
            caption: f.caption,
            captionContent,
            alt: f.alt ?? (captionContent ? inlineText(captionContent) : ''),
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
    // In the series' order of roles (validation refuses a role the series does not list).
    signoff: series.signoff.labels.flatMap((label) => (data.signoff?.[label] ? [{ label, name: data.signoff[label]! }] : [])),
  };
}

/** The body's blocks with each file table after its paragraph (`after:`; without it, at the end), in the order given. */
export function withFileTables(blocks: readonly Block[], tables: readonly { table: Table; after: number | undefined }[]): readonly Block[] {
  if (tables.length === 0) return blocks;
  const out: Block[] = [];
  let paragraphs = 0;
  for (const block of blocks) {
    out.push(block);
    if (block.type !== 'paragraph') continue;
    paragraphs += 1;
    for (const t of tables) if (t.after === paragraphs) out.push(t.table);
  }
  for (const t of tables) if (t.after === undefined || t.after > paragraphs) out.push(t.table);
  return out;
}
