// The binding of `yearbook-YEAR.pdf` (合订本), loaded only when a build makes one
// (writers/yearbookWriter.ts): a cover with contents, then every issue of the year (supplements and
// special issues too, in the order of their dates) as printed, each keeping its own page numbers,
// with bookmarks issue → section → article. Printed double-sided (layout.duplex), each issue starts
// on a right-hand page: a blank, unnumbered left-hand page goes before an issue that would start on
// a left one (docs/duplex.md). Steps: print the contents through the one print loop (its own length
// decides where each issue starts) → append the issues' pages → bookmarks and metadata.
import path from 'node:path';
import { msg } from '../i18n/message.js';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from '../print/pdfLib.js';
import type { Browser } from 'puppeteer-core';
import type { Issue } from '../model/types.js';
import type { PaginatedIssue } from '../model/pagination.js';
import type { Layout } from '../render/layouts.js';
import { fontResource, type Resource } from '../render/issueDocument.js';
import { yearbookView } from '../render/yearbookView.js';
import { sanitizeHtml, PAGE_POLICY } from '../render/sanitizeHtml.js';
import { facesFor, fontFaces, fontFaceCss, withSubsets } from '../render/fontFaces.js';
import { prepareSubsets, printedCodePoints } from '../render/fontSubsets.js';
import { nodeIo } from '../io.js';
import { markMissingGlyphs } from '../render/missingGlyphs.js';
import { seriesCoverage } from '../check/checkGlyphs.js';
import { geometryCss, GEOMETRY_SHEET } from '../layout/geometryCss.js';
import { fitMasthead } from '../layout/fitMasthead.js';
import { urlPath } from '../render/urlPath.js';
import { serveDocument } from '../print/documentServer.js';
import { loadDocument, preparePage } from '../print/printPage.js';
import { printUntilSettled } from '../print/printLoop.js';
import { finishPdf, type OutlineItem, type PdfMetadata } from '../print/finishPdf.js';
import type { Destination } from '../print/readDestinations.js';
import { metadataOf } from '../renderIssue.js';
import { BulletinError, ExitCode } from '../diagnostics/exitCodes.js';


/** Issues in the order they appeared: by date, then regular before special before supplement, then by number. */
const KIND_ORDER = { regular: 0, special: 1, supplement: 2 } as const;
function byDate(a: Bound, b: Bound): number {
  return a.issue.date.iso.localeCompare(b.issue.date.iso) || (KIND_ORDER[a.issue.kind] ?? 9) - (KIND_ORDER[b.issue.kind] ?? 9) || a.issue.number - b.issue.number;
}

export interface Bound {
  issue: Issue;
  pdf: Uint8Array;
  paginated: PaginatedIssue;
}

async function contentsDocument(year: number, issues: readonly Bound[], layout: Layout, startPages: readonly number[]): Promise<Map<string, Resource>> {
  const series = issues[0]!.issue.series;
  const render = layout.yearbook;
  if (!render) throw new BulletinError(msg('build.yearbook.no-template'), ExitCode.RenderFailed, msg('build.bundled-templates-bug'));
  const sheets = layout.stylesheets.map((s) => `yearbook_files/${s.name}`);
  const links = [sheets[0]!, 'yearbook_files/fonts.css', ...sheets.slice(1), `yearbook_files/${GEOMETRY_SHEET}`].map(urlPath);
  const view = yearbookView(year, issues.map((i) => i.issue), new Map(issues.map((i) => [i.issue.slug, i.paginated.state])), startPages, links);
  // Printed only, but from a series template like an issue page: the same sanitiser and policy.
  const html = sanitizeHtml(markMissingGlyphs(render(view), seriesCoverage(series)).html, { policy: PAGE_POLICY }).html;
  // The series' own fonts: a subset for the yearbook's text (the issues' subsets were made, so these are quick).
  const own = facesFor(fontFaces(series), html);
  for (const face of own) if (face.subset && !face.source) await prepareSubsets(nodeIo, face.file, face.subset, [printedCodePoints(html)]);
  const faces = withSubsets(own, html);
  const resources = new Map<string, Resource>();
  layout.stylesheets.forEach((s) => resources.set(`yearbook_files/${s.name}`, { type: 'text/css; charset=utf-8', body: s.text }));
  resources.set('yearbook_files/fonts.css', { type: 'text/css; charset=utf-8', body: `:root { --accent: ${series.layout.accent}; --text: ${series.layout.text}; }\n${fontFaceCss(faces, '')}` });
  for (const f of faces) resources.set(`yearbook_files/${f.url}`, fontResource(f));
  resources.set(`yearbook_files/${GEOMETRY_SHEET}`, { type: 'text/css; charset=utf-8', body: geometryCss(series.layout.geometry, series.layout.pageNumber, fitMasthead(series.seriesLine, series.name, series.layout.geometry), series.layout) });
  resources.set('yearbook.html', { type: 'text/html; charset=utf-8', body: html });
  return resources;
}

/** The yearbook's last issue, in date order: its series, date and properties stand for the book. */
export const lastBound = (issues: readonly Bound[]): Issue => [...issues].sort(byDate).at(-1)!.issue;

/** The yearbook's document properties (PDF and OFD): its last issue's, titled 《name YEAR年合订本》 with the year as keyword. */
export function yearbookMetadata(year: number, issues: readonly Bound[], env: NodeJS.ProcessEnv, pdfa?: boolean): PdfMetadata {
  const last = lastBound(issues);
  const meta = metadataOf(last, env, pdfa !== false && last.series.output.pdfa);
  return { ...meta, title: `${last.series.name} ${year}年合订本`, keywords: [`${year}`] };
}

export async function assembleYearbook(browser: Browser, year: number, issues: readonly Bound[], layout: Layout, env: NodeJS.ProcessEnv, pdfa?: boolean): Promise<Uint8Array> {
  const sorted = [...issues].sort(byDate);
  const duplex = sorted[0]!.issue.series.layout.duplex;
  /** Where the next issue starts (1-based sheet side) after `pages` sides: on a right-hand (odd) side when double-sided. */
  const startAfter = (pages: number) => (duplex && pages % 2 === 1 ? pages + 2 : pages + 1);
  const loaded = await Promise.all(sorted.map((i) => PDFDocument.load(i.pdf, { updateMetadata: false })));
  const page = await browser.newPage();
  let contents: PDFDocument;
  try {
    await preparePage(page);
    const server = await serveDocument(page);
    // Where each issue starts follows from the contents' own length: print until the two agree.
    const printed = await printUntilSettled(page, sorted.map(() => 0), {
      async load(starts) {
        server.set(await contentsDocument(year, sorted, layout, starts));
        await loadDocument(page, server, 'yearbook.html');
      },
      read(pdf) {
        let pages = pdf.getPageCount();
        return loaded.map((doc) => {
          const start = startAfter(pages);
          pages = start - 1 + doc.getPageCount();
          return start;
        });
      },
      same: (a, b) => a.length === b.length && a.every((s, i) => s === b[i]),
      what: msg('build.doing.yearbook-contents', { year }),
      hint: msg('build.not-settled.yearbook.hint'),
      server,
      templates: `${path.join(sorted[0]!.issue.series.root, 'templates')}${path.sep}`,
    });
    contents = printed.pdf;
  } finally {
    await page.close().catch(() => undefined);
  }
  const book = await PDFDocument.create({ updateMetadata: false });
  const append = async (doc: PDFDocument) => {
    const first = book.getPageCount();
    for (const p of await book.copyPages(doc, doc.getPageIndices())) book.addPage(p);
    linkInside(book, doc, first);
  };
  await append(contents);
  const dests = new Map<string, Destination>();
  const outline: OutlineItem[] = [];
  for (const [k, { issue, paginated }] of sorted.entries()) {
    // A blank, unnumbered left-hand page, so that the issue's cover is a right-hand page.
    if (startAfter(book.getPageCount()) > book.getPageCount() + 1) {
      const [width, height] = [book.getPage(book.getPageCount() - 1).getWidth(), book.getPage(book.getPageCount() - 1).getHeight()];
      book.addPage([width, height]);
    }
    const first = book.getPageCount();
    await append(loaded[k]!);
    const { pages, coverPages } = paginated.state;
    const at = (page: number | undefined) => ({ pageIndex: first + coverPages + (page ?? 1) - 1, top: undefined });
    dests.set(`issue-${issue.slug}`, { pageIndex: first, top: undefined });
    outline.push({
      title: issue.issueLine,
      id: `issue-${issue.slug}`,
      children: issue.sections.map((s) => {
        dests.set(`${issue.slug}/${s.id}`, at(pages.get(s.id)));
        return {
          title: s.label === undefined ? (s.articles[0]?.title ?? issue.issueLine) : `【${s.label}】`,
          id: `${issue.slug}/${s.id}`,
          children: s.articles.map((a) => {
            dests.set(`${issue.slug}/${a.id}`, at(pages.get(a.id)));
            return { title: a.title, id: `${issue.slug}/${a.id}`, children: [] };
          }),
        };
      }),
    });
  }
  const meta = yearbookMetadata(year, sorted, env, pdfa);
  const bytes = await finishPdf(book, outline, dests, meta);
  if (meta.pdfa) {
    // The issues passed; the binding (its contents pages, blank pages, bookmarks) is checked as a whole.
    const { checkPdfA, describePdfAProblems } = await import('../check/checkPdfA.js');
    const found = checkPdfA(book, bytes);
    if (found.length) {
      throw new BulletinError(msg('build.yearbook.pdfa-refused', { year, problems: describePdfAProblems(found) }), ExitCode.RenderFailed, msg('build.yearbook.pdfa-refused.hint'));
    }
  }
  return bytes;
}

/**
 * The links of an issue's pages (its contents page's) point to the issue's named destinations, which
 * copying the pages leaves behind (and whose names, section-1 …, repeat from issue to issue): each is
 * given the destination it names as an explicit one, on the book's copy of the page, so that it still
 * leads where it led in the issue. A name the issue does not define is left as it is.
 */
function linkInside(book: PDFDocument, doc: PDFDocument, first: number): void {
  const pages = doc.getPages().map((p) => p.ref);
  const named = new Map<string, PDFArray>();
  const take = (name: string, value: unknown) => {
    let dest = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (dest instanceof PDFDict) dest = dest.lookup(PDFName.of('D'));
    if (dest instanceof PDFArray) named.set(name, dest);
  };
  const walk = (node: PDFDict | undefined, depth: number) => {
    if (!node || depth > 32) return;
    const names = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    if (names) {
      for (let i = 0; i + 1 < names.size(); i += 2) {
        const key = names.lookup(i);
        if (key instanceof PDFString || key instanceof PDFHexString) take(key.decodeText(), names.get(i + 1));
      }
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i++) walk(kids.lookupMaybe(i, PDFDict), depth + 1);
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('Dests'), PDFDict), 0);
  const old = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (old) for (const [key, value] of old.entries()) take(key.decodeText(), value);
  for (let i = 0; i < pages.length; i++) {
    const annots = book.getPage(first + i).node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let k = 0; k < (annots?.size() ?? 0); k++) {
      const annot = annots!.lookupMaybe(k, PDFDict);
      if (annot?.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const dest = annot.lookup(PDFName.of('Dest'));
      const name = dest instanceof PDFName ? dest.decodeText() : dest instanceof PDFString || dest instanceof PDFHexString ? dest.decodeText() : undefined;
      const target = name === undefined ? undefined : named.get(name);
      const index = target ? pages.findIndex((r) => r === target.get(0)) : -1;
      if (!target || index < 0) continue;
      annot.set(PDFName.of('Dest'), book.context.obj([book.getPage(first + index).ref, ...target.asArray().slice(1)]));
    }
  }
}
