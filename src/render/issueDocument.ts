// An issue → the files of its HTML document (page, stylesheets, font slices, images), keyed by relative URL.
import type { Issue } from '../model/types.js';
import type { LayoutState } from '../print/paginateIssue.js';
import type { Resource } from '../print/documentServer.js';
import type { CompiledLayout } from './renderHtml.js';
import { issueView } from './viewModel.js';
import { issueCss } from './issueCss.js';
import { facesFor, fontFaces } from './fontFaces.js';
import { tableOfContents } from '../model/tableOfContents.js';
import { issueText } from '../model/issueText.js';
import { hardenHtml } from './hardenHtml.js';

export interface IssueDocument {
  /** Relative URL of the HTML page: `<slug>.html`. */
  entry: string;
  resources: Map<string, Resource>;
}

const FONT_TYPES: Record<string, string> = { woff2: 'font/woff2', woff: 'font/woff', truetype: 'font/ttf', opentype: 'font/otf' };

/**
 * `allFaces` lists every font face in the stylesheet rather than those the text needs, so the
 * stylesheet stays the same while the text is edited (the preview swaps bodies in place).
 */
export function issueDocument(issue: Issue, layout: CompiledLayout, stylesheets: readonly { name: string; text: string }[], options: LayoutState & { allFaces?: boolean }): IssueDocument {
  const assets = `${issue.slug}_files`;
  const resources = new Map<string, Resource>();
  const faces = options.allFaces ? fontFaces(issue.series) : facesFor(fontFaces(issue.series), issueText(issue));
  for (const face of faces) resources.set(`${assets}/${face.url}`, { type: FONT_TYPES[face.format]!, file: face.file, ranged: face.ranges.length > 0 });
  const sheetUrls: string[] = [];
  for (const sheet of stylesheets) {
    const url = `${assets}/${sheet.name}`;
    resources.set(url, { type: 'text/css; charset=utf-8', body: sheet.text });
    sheetUrls.push(url);
  }
  const css = `${assets}/issue.css`;
  resources.set(css, { type: 'text/css; charset=utf-8', body: issueCss(issue, faces, { fontUrlPrefix: '', distributionOffset: options.distributionOffset }) });
  // The default stylesheet first, the per-issue values next, a series' own additions last.
  sheetUrls.splice(1, 0, css);
  const view = issueView(issue, tableOfContents(issue, options.pages), {
    // The URL is percent-encoded segment by segment; the resource keeps the file's own name.
    imageUrl: (figure) => `${assets}/images/${figure.relPath}`.split('/').map(encodeURIComponent).join('/'),
    stylesheets: sheetUrls,
  }, options.coverPages);
  for (const section of issue.sections) {
    for (const article of section.articles) {
      for (const figure of article.figures) resources.set(`${assets}/images/${figure.relPath}`, { type: figure.mime, file: figure.path });
    }
  }
  const entry = `${issue.slug}.html`;
  resources.set(entry, { type: 'text/html; charset=utf-8', body: hardenHtml(layout(view)) });
  return { entry, resources };
}
