// The yearbook (合订本): a cover with contents, then every regular issue of the year as printed, each
// keeping its own page numbers, with bookmarks issue → section → article.
// Steps: render the contents (pass 1 counts its pages) → fill in where each issue starts → print →
// append the issues' pages → bookmarks and metadata.
import { PDFDocument } from './print/pdfLib.js';
import type { Browser } from 'puppeteer';
import type { Issue } from './model/types.js';
import type { Layout } from './render/layouts.js';
import type { RenderedIssue } from './renderIssue.js';
import { yearbookView } from './render/yearbookView.js';
import { facesFor, fontFaces, fontFaceCss } from './render/fontFaces.js';
import { serveDocument, type Resource } from './print/documentServer.js';
import { loadDocument, preparePage, printPage } from './print/printPage.js';
import { finishPdf, type OutlineItem } from './print/finishPdf.js';
import type { Destination } from './print/readDestinations.js';
import { metadataOf } from './renderIssue.js';
import { BulletinError, ExitCode } from './diagnostics/exitCodes.js';
import { geometryCss, GEOMETRY_SHEET } from './layout/geometryCss.js';

const FONT_TYPES: Record<string, string> = { woff2: 'font/woff2', woff: 'font/woff', truetype: 'font/ttf', opentype: 'font/otf' };

function contentsDocument(year: number, issues: readonly { issue: Issue; rendered: RenderedIssue }[], layout: Layout, startPages: readonly number[]): Map<string, Resource> {
  const series = issues[0]!.issue.series;
  const render = layout.yearbook;
  if (!render) throw new BulletinError('no yearbook.hbs template', ExitCode.RenderFailed);
  const sheets = layout.stylesheets.map((s) => `yearbook_files/${s.name}`);
  const view = yearbookView(year, issues.map((i) => i.issue), new Map(issues.map((i) => [i.issue.slug, i.rendered.pages])), startPages, [sheets[0]!, 'yearbook_files/fonts.css', ...sheets.slice(1), `yearbook_files/${GEOMETRY_SHEET}`]);
  const html = render(view);
  const faces = facesFor(fontFaces(series), html);
  const resources = new Map<string, Resource>();
  layout.stylesheets.forEach((s) => resources.set(`yearbook_files/${s.name}`, { type: 'text/css; charset=utf-8', body: s.text }));
  resources.set('yearbook_files/fonts.css', { type: 'text/css; charset=utf-8', body: `:root { --accent: ${series.layout.accent}; --text: ${series.layout.text}; }\n${fontFaceCss(faces, '')}` });
  for (const f of faces) resources.set(`yearbook_files/${f.url}`, { type: FONT_TYPES[f.format]!, file: f.file });
  resources.set(`yearbook_files/${GEOMETRY_SHEET}`, { type: 'text/css; charset=utf-8', body: geometryCss(series.layout.geometry, series.layout.pageNumber) });
  resources.set('yearbook.html', { type: 'text/html; charset=utf-8', body: html });
  return resources;
}

export async function assembleYearbook(browser: Browser, year: number, issues: readonly { issue: Issue; rendered: RenderedIssue }[], layout: Layout, env: NodeJS.ProcessEnv): Promise<Uint8Array> {
  const sorted = [...issues].sort((a, b) => a.issue.number - b.issue.number);
  const loaded = await Promise.all(sorted.map((i) => PDFDocument.load(i.rendered.pdf, { updateMetadata: false })));
  const page = await browser.newPage();
  let contents: PDFDocument | undefined;
  try {
    await preparePage(page);
    const server = await serveDocument(page);
    let starts = sorted.map(() => 0);
    for (let pass = 0; pass < 3; pass++) {
      server.set(contentsDocument(year, sorted, layout, starts));
      await loadDocument(page, 'yearbook.html');
      contents = await PDFDocument.load(await printPage(page), { updateMetadata: false });
      let next = contents.getPageCount() + 1;
      const computed = loaded.map((doc) => {
        const start = next;
        next += doc.getPageCount();
        return start;
      });
      if (computed.every((s, i) => s === starts[i])) break;
      starts = computed;
    }
  } finally {
    await page.close().catch(() => undefined);
  }
  const book = await PDFDocument.create({ updateMetadata: false });
  const append = async (doc: PDFDocument) => {
    for (const p of await book.copyPages(doc, doc.getPageIndices())) book.addPage(p);
  };
  await append(contents!);
  const dests = new Map<string, Destination>();
  const outline: OutlineItem[] = [];
  for (const [k, { issue, rendered }] of sorted.entries()) {
    const first = book.getPageCount();
    await append(loaded[k]!);
    const at = (page: number | undefined) => ({ pageIndex: first + rendered.coverPages + (page ?? 1) - 1, top: undefined });
    dests.set(`issue-${issue.slug}`, { pageIndex: first, top: undefined });
    outline.push({
      title: issue.issueLine,
      id: `issue-${issue.slug}`,
      children: issue.sections.map((s) => {
        dests.set(`${issue.slug}/${s.id}`, at(rendered.pages.get(s.id)));
        return {
          title: `【${s.label}】`,
          id: `${issue.slug}/${s.id}`,
          children: s.articles.map((a) => {
            dests.set(`${issue.slug}/${a.id}`, at(rendered.pages.get(a.id)));
            return { title: a.title, id: `${issue.slug}/${a.id}`, children: [] };
          }),
        };
      }),
    });
  }
  const last = sorted.at(-1)!.issue;
  const meta = metadataOf(last, env);
  return finishPdf(book, outline, dests, { ...meta, title: `${last.series.name} ${year}年合订本`, keywords: [`${year}`] });
}
