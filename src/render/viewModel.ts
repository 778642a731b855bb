// Issue model + contents → the view the templates receive: every string ready, no logic left for templates.
import type { Issue, TocEntry, Figure, Series } from '../model/types.js';
import { renderBlocks, renderInlines, type TableContext } from './renderBlocks.js';
import { formatPageNumber } from './pageNumber.js';
import type { PageGeometry } from '../layout/presets.js';
import { titleMeasureEm } from '../layout/titleMeasureEm.js';
import { breakTitle } from '../layout/breakTitle.js';
import { fillLines } from '../layout/fillLines.js';
import { textEm } from '../layout/textEm.js';
import { coverParity, tocAnchor } from '../model/pagination.js';
import { articleOnCover, singleArticle } from '../model/tableOfContents.js';
import { sourceKeeps, sourceLineId } from '../model/keepBreaks.js';

export interface FigureView {
  id: string;
  src: string;
  alt: string;
  caption: string | undefined;
  className: string;
}

export interface ArticleView {
  id: string;
  /** The printed lines of the title, broken here (`className` stays for series templates that print it: always ''). */
  titleLines: { text: string; className: string }[];
  title: string;
  noteHtml: string | undefined;
  bodyHtml: string;
  source: string | undefined;
  /** The source line's id when it follows a table (the print keeps them together: model/keepBreaks.ts). */
  sourceId?: string;
  /** The article's notes (注释, ①②③), printed after the source line. */
  notesHtml: string | undefined;
  /** Centred in 楷体 under the title: the subtitle, then the byline lines. */
  headLines: string[];
  /** 附件：1. … 2. … after the text (GB/T 9704 7.3.4): the number (none for a single attachment) and the name. */
  attachments: { label: string; number: string; title: string }[];
  /** The attachments printed on pages of their own (7.3.7): 附件N, the title, the body. */
  attachmentPages: { id: string; heading: string; title: string; bodyHtml: string }[];
}

export interface TocView {
  kind: 'section' | 'article';
  id: string;
  /** Lines of a long title before its last one (filled, then a hanging indent: layout/fillLines.ts). */
  leading: string[];
  /** The entry's text without its last character … */
  head: string;
  /** … which is kept together with the dot leaders so they never start a line of their own. */
  last: string;
  page: string;
  /** The id of the entry's own element, which the print side finds on the cover's pages (model/pagination.ts tocAnchor). */
  anchor: string;
}

export interface IssueView {
  lang: string;
  documentTitle: string;
  seriesLine: string;
  name: string;
  publisher: string;
  issueLine: string;
  dateLine: string;
  /** The numbers behind the issue line, for templates that print them their own way. */
  year: number;
  number: number;
  total: number | null;
  kind: 'regular' | 'supplement' | 'special';
  /** The issue date, YYYY-MM-DD. */
  date: string;
  classification: string | undefined;
  label: string | undefined;
  noteHtml: string | undefined;
  toc: TocView[];
  sections: { id: string; label: string | undefined; articles: ArticleView[] }[];
  distribution: { rows: { label: string; text: string }[]; copies: string | undefined; signoff?: string | undefined } | undefined;
  /** The sign-off line (签发：张三　审核：李四) when it goes under the issue line on the cover. */
  signoff?: string | undefined;
  /** Elements whose printed page the print loop reads (source lines after a table, and their tables): a hidden link to each. */
  keepAnchors?: string[];
  /** An issue of one article without sections: its title (and subtitle, byline) on the cover instead of contents. */
  coverArticle?: { id: string; titleLines: string[]; headLines: string[] } | undefined;
  /**
   * The issue's one article begins on the cover under the masthead's rule (`singleArticle.cover:
   * article`): no contents, and the cover is the first body page. `articleId`: the article's title,
   * which a hidden link makes Chrome record (its page for the yearbook's contents and the bookmarks).
   */
  bodyOnCover?: { articleId: string };
  /** Stylesheets, relative to the HTML file. */
  stylesheets: string[];
  /** `cover-odd` or `cover-even`: decides on which side odd body pages fall. */
  bodyClass: string;
}

/**
 * The lines of a contents entry. Characters of a line: the grid's less the indent of an article (2,
 * none for a section) and the page number's room (3.5); the lines after the first hang one
 * character further in.
 */
function tocLines(entry: TocEntry, g: PageGeometry): string[] {
  const first = g.grid.chars - (entry.kind === 'article' ? 2 : 0) - 3.5;
  if (textEm(entry.text) <= first) return [entry.text];
  // Where the author broke the title, if its lines fit; else filled.
  const authored = entry.titleLines ?? [];
  if (authored.length > 1 && authored.every((line, i) => textEm(line) <= (i === 0 ? first : first - 1))) return [...authored];
  return fillLines(entry.text, first, first - 1);
}

/** An article's title as printed: its lines at the title size, within the type area (layout/breakTitle.ts). */
export function titleLinesOf(lines: readonly string[], g: PageGeometry): string[] {
  return breakTitle(lines, titleMeasureEm(g), g.titleLines).lines;
}

export function figureClass(figure: Figure): string {
  return `figure figure-${figure.place} w-${figure.widthPercent}`;
}

function joinUnits(units: readonly string[]): string {
  return `${units.join('，')}。`;
}

export function issueView(issue: Issue, toc: readonly TocEntry[], assets: { imageUrl(figure: Figure): string; /** `srcset` and `sizes` of a figure with screen renditions. */ imageSrcset?(figure: Figure): { srcset: string; sizes: string } | undefined; stylesheets: string[] }, coverPages = 1, blankPages = 0): IssueView {
  const form = issue.series.layout.pageNumber;
  const geometry = issue.series.layout.geometry;
  const d = issue.distribution;
  const signoff = issue.signoff.length ? issue.signoff.map((s) => `${s.label}：${s.name}`).join('\u3000\u3000') : undefined;
  // Begun on the cover, the article prints its own title there: the cover shows no title of its own.
  const onCover = articleOnCover(issue);
  const single = onCover ? undefined : singleArticle(issue);
  const keeps = sourceKeeps(issue);
  const keptSources = new Set(keeps.map((k) => k.sourceId));
  const rows = [
    { label: '报', units: d.report },
    { label: '送', units: d.send },
    { label: '发', units: d.distribute },
    { label: '本期增发', units: d.extra },
  ].filter((r) => r.units.length > 0).map((r) => ({ label: r.label, text: joinUnits(r.units) }));
  // Tables are numbered through the issue, or in each article (`tables.numbering`).
  let issueTables = 0;
  return {
    lang: 'zh-CN',
    documentTitle: `${issue.series.name} ${issue.issueLine}`,
    seriesLine: issue.series.seriesLine,
    name: issue.series.name,
    publisher: issue.series.publisher,
    issueLine: issue.issueLine,
    dateLine: issue.dateLine,
    year: issue.year,
    number: issue.number,
    total: issue.total ?? null,
    kind: issue.kind,
    date: issue.date.iso,
    classification: issue.classification,
    label: issue.label,
    noteHtml: issue.note?.length ? renderBlocks(issue.note).html : undefined,
    toc: toc.map((e) => {
      // A title too long for one contents line fills it and goes on under it (leaders follow the last line).
      const lines = tocLines(e, geometry);
      const chars = [...(lines.at(-1) ?? '')];
      return {
        kind: e.kind, id: e.id, leading: lines.slice(0, -1), head: chars.slice(0, -1).join(''), last: chars.at(-1) ?? '',
        page: e.page === undefined ? formatPageNumber(form, 0) : formatPageNumber(form, e.page),
        anchor: tocAnchor(e.id),
      };
    }),
    sections: issue.sections.map((s) => ({
      id: s.id,
      label: s.label,
      articles: s.articles.map((a) => {
        const figures = new Map<number, string>();
        const photo = (f: Figure, i: number, className: string) => {
          const caption = f.caption && f.captionContent ? `<figcaption>${renderInlines(f.captionContent)}</figcaption>` : '';
          const set = assets.imageSrcset?.(f);
          const srcset = set ? ` srcset="${escapeAttr(set.srcset)}" sizes="${escapeAttr(set.sizes)}"` : '';
          return `<figure class="${className}" id="${a.id}-figure-${i + 1}"><img src="${escapeAttr(assets.imageUrl(f))}"${srcset} alt="${escapeAttr(f.alt)}">${caption}</figure>`;
        };
        a.figures.forEach((f, i) => {
          let html: string;
          if (f.group) {
            // A group is written once, at its first photo: the photos in a row, then the shared caption.
            if (f.group.index > 0) return;
            const members = a.figures.map((m, k) => ({ m, k })).filter(({ m }) => m.group?.entry === f.group!.entry);
            const shared = f.group.caption && f.group.captionContent ? `<figcaption class="group-caption">${renderInlines(f.group.captionContent)}</figcaption>` : '';
            html = `<figure class="figure figure-group" id="${a.id}-group-${f.group.entry + 1}"><div class="figure-row">${members.map(({ m, k }) => photo(m, k, 'figure-member')).join('')}</div>${shared}</figure>\n`;
          } else {
            html = `${photo(f, i, figureClass(f))}\n`;
          }
          figures.set(f.paragraph, (figures.get(f.paragraph) ?? '') + html);
        });
        // The notes (注释) go after the source line, at the article's end; their ids carry the article's.
        const notes = `${a.id}-note`;
        const footnotes = a.blocks.filter((b) => b.type === 'footnotes');
        return {
          id: a.id,
          titleLines: titleLinesOf(a.titleLines, geometry).map((text) => ({ text, className: '' })),
          title: a.title,
          noteHtml: a.note?.length ? renderBlocks(a.note).html : undefined,
          bodyHtml: renderBlocks(a.blocks.filter((b) => b.type !== 'footnotes'), figures, notes, articleTables(a.id, geometry, issue.series.tables, () => ++issueTables)).html,
          source: a.source,
          ...(keptSources.has(sourceLineId(a.id)) ? { sourceId: sourceLineId(a.id) } : {}),
          notesHtml: footnotes.length ? renderBlocks(footnotes, new Map(), notes).html : undefined,
          headLines: [...(a.subtitle === undefined ? [] : [a.subtitle]), ...a.byline],
          attachments: a.attachments.map((x, i) => ({ label: i === 0 ? '附件：' : '', number: a.attachments.length > 1 ? `${i + 1}.` : '', title: x.title })),
          attachmentPages: a.attachments.flatMap((x, i) => (x.blocks ? [{
            id: `${a.id}-attachment-${i + 1}`,
            heading: a.attachments.length > 1 ? `附件${i + 1}` : '附件',
            title: x.title,
            bodyHtml: renderBlocks(x.blocks, new Map(), `${a.id}-attachment-${i + 1}-note`).html,
          }] : [])),
        };
      }),
    })),
    ...(keeps.length ? { keepAnchors: keeps.flatMap((k) => [k.sourceId, k.tableId, k.lastRowId]) } : {}),
    distribution: rows.length || d.copies !== undefined
      ? { rows, copies: d.copies === undefined ? undefined : `（共印${d.copies}份）`, ...(issue.series.signoff.place === 'distribution' ? { signoff } : {}) }
      : undefined,
    // Above the distribution block when the series says so and there is one; else under the issue line.
    signoff: issue.series.signoff.place === 'distribution' && (rows.length || d.copies !== undefined) ? undefined : signoff,
    coverArticle: single && {
      id: single.id,
      titleLines: titleLinesOf(single.titleLines, geometry),
      headLines: [...(single.subtitle === undefined ? [] : [single.subtitle]), ...single.byline],
    },
    ...(onCover ? { bodyOnCover: { articleId: onCover.id } } : {}),
    stylesheets: assets.stylesheets,
    // The body begins on the cover's page: no blank back, whatever the pages counted so far.
    bodyClass: onCover ? `${coverParity(0)} body-on-cover` : coverParity(coverPages, blankPages),
  };
}

/** The numbers and ids of an article's tables: `<article id>-table-<k>`, numbered 表1 … per issue or per article. */
export function articleTables(articleId: string, geometry: PageGeometry, options: Series['tables'], nextInIssue: () => number): TableContext {
  let inArticle = 0;
  return {
    geometry,
    style: options.style,
    next() {
      inArticle += 1;
      const inIssue = nextInIssue();
      return { number: options.numbering === 'article' ? inArticle : inIssue, id: `${articleId}-table-${inArticle}` };
    },
  };
}

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
