// The contract between the templates and the print side: the hooks a layout's HTML must carry for
// the pagination to find where things start and to fill in the contents without a reload. A series
// that overrides a partial is checked against it when its templates load (a probe issue is
// rendered), so a missing hook is a template error at once, not a wrong PDF or a slower path.
import type { IssueView } from './viewModel.js';

export const CONTRACT = {
  /** The element that holds the body; its class carries the cover parity (`cover-odd`/`cover-even`). */
  bodyClass: 'issue-body',
  /** Attribute of each contents page number, naming the section or article it refers to. */
  pageRefAttribute: 'data-page-of',
  /** Wrapper of the distribution block: its padding sets the block at the foot of the last page. */
  distributionId: 'distribution',
  /** Empty element right after the distribution block: where it ends. */
  distributionEndId: 'distribution-end',
} as const;

/**
 * The folder of a printed document's picture stand-ins (images/standInJpeg.ts): an `img` whose `src`
 * is `<files>/stand-ins/<name>` shows the rendition `<files>/images/<name>` once a print is to be
 * kept (print/printPage.ts); the prints before it, only read, embed the stand-in.
 */
export const STAND_INS_FOLDER = 'stand-ins';

export type CoverParityClass = 'cover-odd' | 'cover-even';

/** A stand-in issue with one of everything the contract concerns: what a series' templates are checked with. */
export const PROBE_VIEW: IssueView = {
  lang: 'zh-CN',
  documentTitle: 'probe',
  seriesLine: 'probe',
  name: 'probe',
  publisher: 'probe',
  issueLine: '2000年第1期',
  dateLine: '二〇〇〇年一月一日',
  year: 2000,
  number: 1,
  total: null,
  kind: 'regular',
  date: '2000-01-01',
  classification: undefined,
  label: undefined,
  noteHtml: undefined,
  toc: [
    { kind: 'section', id: 'probe-section', leading: [], head: '【工作动', last: '态】', page: '- 1 -', anchor: 'toc.probe-section' },
    { kind: 'article', id: 'probe-article', leading: [], head: '标', last: '题', page: '- 1 -', anchor: 'toc.probe-article' },
  ],
  sections: [{ id: 'probe-section', label: '工作动态', articles: [{ id: 'probe-article', titleLines: [{ text: '标题', className: '' }], title: '标题', noteHtml: undefined, bodyHtml: '<p>正文</p>\n', source: undefined, notesHtml: undefined, headLines: [], attachments: [], attachmentPages: [] }] }],
  distribution: { rows: [{ label: '报', text: '单位。' }], copies: '（共印1份）' },
  stylesheets: [],
  bodyClass: 'cover-odd',
};

function hasId(html: string, id: string): boolean {
  return new RegExp(`\\sid=["']?${id}["'\\s>]`).test(html);
}

function linksTo(html: string, id: string): boolean {
  return new RegExp(`\\shref=["']?#${id}["'\\s>]`).test(html);
}

/**
 * What the rendered probe lacks, in words for the series' author. Chrome records where an element
 * is only when something links to it, so every id the pagination reads needs a link too.
 */
export function contractProblems(html: string, view: IssueView = PROBE_VIEW): string[] {
  const problems: string[] = [];
  const c = CONTRACT;
  if (!new RegExp(`class=["'][^"']*\\b${c.bodyClass}\\b[^"']*\\b${view.bodyClass}\\b`).test(html)) {
    problems.push(`the body must be one element with class="${c.bodyClass} {{bodyClass}}" (issue.hbs)`);
  }
  for (const section of view.sections) {
    if (!hasId(html, section.id)) problems.push(`each section label needs id="{{id}}" (partials/section.hbs)`);
    for (const article of section.articles) {
      if (!hasId(html, article.id)) problems.push(`each article title needs id="{{id}}" (partials/article.hbs)`);
    }
  }
  for (const entry of view.toc) {
    if (!linksTo(html, entry.id)) problems.push(`each contents entry needs a link href="#{{id}}" (partials/toc.hbs)`);
    if (!new RegExp(`${c.pageRefAttribute}=["']?${entry.id}["'\\s>]`).test(html)) {
      problems.push(`each contents page number needs ${c.pageRefAttribute}="{{id}}" around {{page}} (partials/toc.hbs)`);
    }
  }
  if (view.distribution) {
    if (!hasId(html, c.distributionId) || !hasId(html, c.distributionEndId)) {
      problems.push(`the distribution block needs the wrapper id="${c.distributionId}" and an element id="${c.distributionEndId}" after it (partials/distribution.hbs)`);
    }
    if (!linksTo(html, c.distributionId) || !linksTo(html, c.distributionEndId)) {
      problems.push(`issue.hbs must keep the links to #${c.distributionId} and #${c.distributionEndId} (the pdf-anchors)`);
    }
  }
  return [...new Set(problems)];
}

/** Declarations a series' stylesheet may not make: the page is set in bulletin.yaml, where the code that computes with it reads it too. */
const PAGE_DECLARATIONS = /@page\b|--(?:pitch|char|tracking|paper-width|paper-height|type-width|type-height|grid-lines|grid-chars|body-size|title-size|caption-size|distribution-size|page-number-size|series-line-size|series-line-tracking|masthead-size|masthead-tracking)\s*:/;

export function stylesheetProblem(text: string): string | undefined {
  const m = PAGE_DECLARATIONS.exec(text.replace(/\/\*[\s\S]*?\*\//g, ''));
  if (!m) return undefined;
  return `it sets the page (\`${m[0].replace(/\s*:$/, '')}\`), which comes from \`layout\` in bulletin.yaml (preset, paper, typeArea, margins, grid, bodySize, titleSize)`;
}
