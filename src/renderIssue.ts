// The paginate stage for one issue: HTML → PDF pass 1 → contents filled in → pass 2 → self-check →
// bookmarks and metadata, giving the PaginatedIssue of the model. Shared by the pipeline (a batch)
// and the preview (a warm browser).
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { BulletinError, ExitCode } from './diagnostics/exitCodes.js';
import { diagnostic, FILE_START, type Diagnostic } from './diagnostics/diagnostic.js';
import { msg, type Message } from './i18n/message.js';
import { joined } from './check/problem.js';
import type { Issue } from './model/types.js';
import { firstState, fittedPitches, stepMessage, type PageState, type PaginatedIssue } from './model/pagination.js';
import { fitSteps } from './layout/fitCandidates.js';
import { lastPageOf, needsFitting } from './print/fitLastPage.js';
import { issueDocument, type IssueDocument } from './render/issueDocument.js';
import { TemplateError } from './render/renderHtml.js';
import type { Layout } from './render/layouts.js';
import { checkBodyOnCover, checkContents } from './check/checkContents.js';
import { articleOnCover } from './model/tableOfContents.js';
import { inlineText, textBlocks } from './model/blocks.js';
import { checkContentsPages, checkKeeps } from './check/checkKeeps.js';
import { checkPdfFonts } from './check/checkPdfFonts.js';
import { readPageText, type PageText } from './check/readPdfText.js';
import { locateText } from './check/checkVisibleText.js';
import { checkSides } from './check/checkSides.js';
import { checkGeometry } from './check/checkGeometry.js';
import { checkResolution, pdfImageProblems } from './check/checkImages.js';
import { seriesCoverage, uncoveredCharacters } from './check/checkGlyphs.js';
import { MISSING_MARK } from './render/missingGlyphs.js';
import { issueText } from './model/issueText.js';
import { STAGE_BUDGET_MS, stageTimeout } from './print/stageWatchdog.js';
import { openPrintTarget, type PrintTarget } from './print/printTarget.js';
import { paginateIssue, type HeadStart } from './print/paginateIssue.js';
import { PDFDocument } from './print/pdfLib.js';
import { ptFromMm } from './layout/presets.js';
import { finishPdf, type OutlineItem, type PdfMetadata } from './print/finishPdf.js';

export interface RenderedIssue {
  pdf: Uint8Array;
  /** The HTML document with the real page numbers, and the files the browser used of it. */
  doc: IssueDocument;
  used: ReadonlySet<string>;
  warnings: Diagnostic[];
  /** The issue as printed (its state is a good first guess for the next build of the same issue). */
  paginated: PaginatedIssue;
}

export interface RenderOptions {
  display: string;
  env: NodeJS.ProcessEnv;
  /** What is being done, as a message (the CLI renders it in its language). */
  onStage?: (stage: Message) => void;
  /** A guess of the pagination (the previous build's): one print pass when it holds. */
  initial?: PageState;
  /**
   * Read the PDF back and compare the contents with the pages (default true). The preview turns it
   * off for speed; `bulletin build` always checks.
   */
  selfCheck?: boolean;
  /**
   * A page kept open by the caller (the preview's, between builds of the same issue; a batch's, for
   * its next issue); not closed here. Without one, a page is opened and closed.
   */
  target?: PrintTarget | Promise<PrintTarget>;
  /**
   * List every font face in the stylesheet, not only those the text needs (the preview's choice: an
   * edit that needs another face can still swap the body in place).
   */
  allFaces?: boolean;
  /** The first pass's document, made ahead (while the browser was starting) by {@link issueDocumentFor}. */
  firstDocument?: IssueDocument;
  /** Called once the browser's part is over: what follows (the self-check, bookmarks) runs without it. */
  onPrinted?: () => void;
  /** false: a plain PDF even where the series asks for PDF/A-2u (`--no-pdfa`). */
  pdfa?: boolean;
  /**
   * The preview's: called with a finished PDF of the issue printed with `initial` as it stands,
   * fitting included, when the edited issue holds it; the PDF returned follows once fitting is
   * confirmed (usually the same bytes). Not called when `initial` had no fitting, or did not hold.
   */
  onProvisional?: (pdf: Uint8Array) => void;
}

/**
 * The HTML document of an issue for a layout state (default: the first pass's, with no guess): what
 * each print pass loads (`forPrint`), or what is written.
 */
export function issueDocumentFor(issue: Issue, layout: Layout, state: PageState = firstState(issue), options: { allFaces?: boolean; forPrint?: boolean; photos?: 'stand-ins' | 'shown' } = { forPrint: true }): IssueDocument {
  try {
    return issueDocument(issue, layout.layout, layout.stylesheets, { ...state, ...options, templateText: layout.ownText });
  } catch (error) {
    if (error instanceof TemplateError) throw new BulletinError(msg('build.template-error', { reason: error.message }), ExitCode.RenderFailed, msg('build.template-error.hint'));
    throw error;
  }
}

function sourceDateOf(issue: Issue, env: NodeJS.ProcessEnv): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  // Midnight in China on the issue date.
  return new Date(Date.UTC(issue.date.year, issue.date.month - 1, issue.date.day) - 8 * 3600 * 1000);
}

function outlineOf(issue: Issue): OutlineItem[] {
  const articles = (s: Issue['sections'][number]): OutlineItem[] => s.articles.map((a) => ({ title: a.title, id: a.id, children: [] }));
  // Without sections (`articles:`), the articles are the outline's first level.
  return issue.sections.flatMap((s) => (s.label === undefined ? articles(s) : [{ title: `【${s.label}】`, id: s.id, children: articles(s) }]));
}

/** `pdfa`: the series' `output.pdfa`, unless the build turned it off (`--no-pdfa`). */
export function metadataOf(issue: Issue, env: NodeJS.ProcessEnv, pdfa = issue.series.output.pdfa): PdfMetadata {
  return {
    pdfa,
    title: `${issue.series.name} ${issue.issueLine}`,
    author: issue.series.publisher,
    subject: `${issue.series.seriesLine}${issue.series.name}`,
    keywords: issue.sections.flatMap((s) => (s.label === undefined ? [] : [s.label])),
    language: 'zh-CN',
    date: sourceDateOf(issue, env),
    topMargin: ptFromMm(issue.series.layout.geometry.margins.top),
  };
}

/** The series' templates folder as the user named the issue: `examples/seed/templates/` for `examples/seed/issues/2018-02.yaml`. */
function templatesDisplay(issue: Issue, display: string): string {
  const templates = path.join(issue.series.root, 'templates');
  const relative = path.relative(path.dirname(issue.file), templates);
  return `${path.isAbsolute(display) ? templates : path.join(path.dirname(display), relative)}${path.sep}`;
}

export async function renderIssue(
  browser: Browser,
  issue: Issue,
  layout: Layout,
  options: RenderOptions,
): Promise<RenderedIssue> {
  const stage = options.onStage ?? (() => undefined);
  const allFaces = options.allFaces ?? false;
  const start = firstState(issue, options.initial);
  // With a head start (the preview's previous pagination) the first print may be kept: the photos
  // are themselves from the start; otherwise the prints before the one kept show their stand-ins.
  const headStarts = options.onProvisional !== undefined && options.initial !== undefined;
  const documentFor = (state: PageState) =>
    options.firstDocument && state === start ? options.firstDocument : issueDocumentFor(issue, layout, state, { allFaces, forPrint: true, photos: headStarts ? 'shown' : 'stand-ins' });
  const target = await (options.target ?? openPrintTarget(browser));
  const { page, server } = target;
  try {
    stage(msg('build.stage.paginating'));
    const pdfa = options.pdfa !== false && issue.series.output.pdfa;
    const onProvisional = options.onProvisional;
    const headStart: HeadStart | undefined = onProvisional && options.initial
      ? {
        state: options.initial,
        // Finished from its own bytes: the print stays as it was, in case fitting keeps it.
        show: async (once) => onProvisional(await finishPdf(await PDFDocument.load(once.bytes, { updateMetadata: false }), outlineOf(issue), once.dests, metadataOf(issue, options.env, pdfa))),
      }
      : undefined;
    const printed = await paginateIssue(page, server, issue, documentFor, start, target.loaded, templatesDisplay(issue, options.display), headStart);
    options.onPrinted?.();
    stage(msg('build.stage.checking', { passes: printed.passes }));
    // Fonts the layout names are checked by validate (font-type3), and a character none of them has is
    // printed as 〓: a font that got in otherwise came from the machine (a series stylesheet, an SVG's text).
    const fontProblems = checkPdfFonts(printed.pdf).problems;
    if (fontProblems.length) {
      throw new BulletinError(msg('build.pdf-fonts-refused', { issue: issue.slug, problems: joined(fontProblems.map((p) => p.text), '\n  - ') }), ExitCode.RenderFailed, msg('build.pdf-fonts-refused.hint'));
    }
    const problems: Message[] = [];
    const imageWarnings: Diagnostic[] = [];
    /** What the page's measure says (checkGeometry): reported first, as it is often the cause of the rest. */
    const geometry: Message[] = [];
    /** The pages' text, as the self-check read it (not when it is off). */
    let pageTexts: PageText[] | undefined;
    if (options.selfCheck !== false) {
      // What a reader sees, page by page (text drawn invisible does not count), within the stage's budget.
      const check = { name: 'check' as const, what: msg('build.doing.checking', { issue: issue.slug }) };
      const deadline = Date.now() + STAGE_BUDGET_MS.check;
      const texts: PageText[] = [];
      pageTexts = texts;
      for (let i = 0; i < printed.pdf.getPageCount(); i++) {
        if (Date.now() > deadline) throw stageTimeout(check, STAGE_BUDGET_MS.check);
        texts.push(readPageText(printed.pdf, i));
      }
      const { toc, pages, coverPages } = printed.state;
      // A character no font has is printed as 〓 (render/missingGlyphs.ts): neither is compared.
      const unprintable = new Set(uncoveredCharacters(issueText(issue), seriesCoverage(issue.series)));
      const printedAs = (text: string) => Array.from(text, (c) => (unprintable.has(c) ? MISSING_MARK : c)).join('');
      problems.push(...checkContents(toc, issue.series.layout.pageNumber, texts.slice(0, coverPages), pages, texts.slice(coverPages), printedAs).map((p) => p.text));
      // An article begun on the cover: no contents to check, but the first page is body page 1 (its
      // number is checked with the others above) and shows the masthead, the title and the text's beginning.
      const onCover = articleOnCover(issue);
      if (onCover) {
        const opening = [...inlineText(textBlocks(onCover.blocks)[0]?.content ?? []).replace(/\s+/g, '')].slice(0, 6).join('');
        problems.push(...checkBodyOnCover(coverPages, texts[0], issue.series.name, printedAs(onCover.title), printedAs(opening)).map((p) => p.text));
      }
      if (unprintable.size) unprintable.add(MISSING_MARK);
      const located = locateText(issue, texts.slice(coverPages), unprintable);
      problems.push(...located.problems.map((p) => p.text));
      // What stays together (issue 16): titles with their text, captions with their photos, source lines with the last lines, contents entries whole.
      const g = issue.series.layout.geometry;
      const typeBottom = (i: number) => texts[i]!.page.y1 - ptFromMm(g.margins.top) - ptFromMm(g.typeArea.height);
      if (texts.length > coverPages) problems.push(...checkKeeps(located.found, texts.slice(coverPages), typeBottom(coverPages)).map((p) => p.text));
      problems.push(...checkContentsPages(toc, texts.slice(0, coverPages), printedAs).map((p) => p.text));
      // The last page (issue 16): not the 版记 alone, nor near-empty, unless fitting said it could not (or was turned off).
      const fitting = printed.fitting;
      if (fitting.status === 'fitted' || fitting.status === 'not-needed') {
        const last = lastPageOf(issue, printed);
        const setting = issue.series.layout.fit;
        if (setting !== 'off' && needsFitting(last, setting.minLastPageLines)) {
          problems.push(msg(fitting.status === 'fitted' ? 'build.self-check.last-page-fitted' : 'build.self-check.last-page-unfitted', {
            page: last.bodyPages,
            what: last.alone ? msg('build.last-page.distribution-only') : msg('build.last-page.lines', { count: last.lines + last.distributionLines }),
          }));
        }
      }
      geometry.push(...checkGeometry(issue.series.layout.geometry, texts, coverPages, located.found, fittedPitches(printed.state), issue.series.layout.duplex, onCover !== undefined).map((p) => p.text));
      // The sides (docs/duplex.md): each body page's number and margins on its physical side.
      geometry.push(...checkSides(issue.series.layout.geometry, issue.series.layout.pageNumber, texts, coverPages, issue.series.layout.duplex).map((p) => p.text));
      // No image of the PDF may carry metadata (EXIF and its GPS position, XMP, IPTC, comments) or be a photo's stand-in.
      problems.push(...pdfImageProblems(printed.pdf).map((p) => p.text));
      const { minPpi, maxPpi } = issue.series.images;
      for (const found of checkResolution(issue, texts, minPpi, maxPpi)) {
        const params = { ppi: found.ppi, page: found.page - coverPages, min: minPpi, max: maxPpi };
        imageWarnings.push(diagnostic(options.display, found.figure?.span ?? FILE_START, 'warning', 'image-resolution',
          found.figure ? msg('image-resolution.figure', { ...params, path: found.figure.relPath }) : msg('image-resolution.photo', params),
          msg(found.ppi < minPpi ? 'image-resolution.low.hint' : 'image-resolution.high.hint')));
      }
    }
    if (problems.length || geometry.length) {
      const all = [...geometry, ...problems];
      const g = issue.series.layout.geometry;
      const expected = msg('build.self-check.layout', { size: g.sizes.body, lines: g.grid.lines, width: g.typeArea.width, height: g.typeArea.height });
      const hint = layout.own.length
        ? msg('build.self-check.own.hint', {
          templates: layout.own.join(', '),
          geometry: geometry.length ? msg('build.self-check.own.geometry', { expected }) : '',
          visible: problems.length ? msg('build.self-check.own.visible') : '',
        })
        : geometry.length ? msg('build.self-check.bundled.layout.hint', { expected }) : msg('build.bundled-templates-bug');
      throw new BulletinError(msg('build.self-check-failed', {
        issue: issue.slug,
        problems: joined(all.slice(0, 12), '\n  - '),
        more: all.length > 12 ? msg('build.list.more', { count: all.length - 12 }) : '',
      }), ExitCode.RenderFailed, hint);
    }
    const warnings = [...new Set(server.blocked)].map((url) => diagnostic(options.display, FILE_START, 'warning', 'resource-blocked',
      msg('resource-blocked', { url: url.length > 120 ? `${url.slice(0, 117)}…` : url })));
    warnings.push(...imageWarnings);
    // Notes that could not be set at their page foot (layout.notes: page), or that a later step moved.
    const titleOf = (id: string) => issue.sections.flatMap((sec) => sec.articles).find((a) => a.id === id)?.title ?? id;
    for (const id of printed.notesAtEnd ?? []) warnings.push(diagnostic(options.display, FILE_START, 'warning', 'notes-at-end', msg('notes-at-end', { title: titleOf(id) }), msg('notes-at-end.hint')));
    for (const id of printed.notesUnkept ?? []) warnings.push(diagnostic(options.display, FILE_START, 'warning', 'notes-at-end', msg('notes-at-end.moved', { title: titleOf(id) }), msg('notes-at-end.hint')));
    if (printed.fitting.status === 'failed') {
      const f = printed.fitting;
      const g = issue.series.layout.geometry;
      const strongest = fitSteps(g).at(-1);
      warnings.push(diagnostic(options.display, FILE_START, 'warning', 'fit-failed',
        msg(f.alone ? 'fit-failed.alone' : 'fit-failed.lines', {
          page: f.page,
          count: f.lines,
          steps: strongest ? stepMessage(strongest) : msg('fit-failed.no-steps'),
          before: f.page - 1,
        }),
        msg('fit-failed.shorten.hint', { count: Math.max(1, f.lines) })));
    }
    const totalPages = printed.pdf.getPageCount();
    const pdf = await finishPdf(printed.pdf, outlineOf(issue), printed.dests, metadataOf(issue, options.env, pdfa));
    if (pdfa && pageTexts) {
      // PDF/A-2u (ISO 19005-2): the rules that apply to what Chrome and the finishing step write, on the
      // finished document and its bytes; the pages' text was read above (the .notdef and ToUnicode rules use it).
      const { checkPdfA, describePdfAProblems } = await import('./check/checkPdfA.js');
      const found = checkPdfA(printed.pdf, pdf, pageTexts);
      if (found.length) {
        throw new BulletinError(msg('build.pdfa-refused', { issue: issue.slug, problems: describePdfAProblems(found) }), ExitCode.RenderFailed,
          msg('build.pdfa-refused.hint', { cause: layout.own.length ? msg('build.pdfa-refused.own', { templates: layout.own.join(', ') }) : msg('build.bundled-templates-bug') }));
      }
    }
    target.loaded = printed.loaded;
    // The document written is made for the screen too (a long printed one hides from it).
    // A figure with renditions shows its screen ones there (images/figureRenditions.ts), not the print one.
    // With the reader's own fonts (output.htmlFonts: system) it names no font file either.
    const renditions = issue.sections.some((s) => s.articles.some((a) => a.figures.some((f) => f.renditions)));
    const sameAsPrinted = printed.loaded.screenLayout && !renditions && (allFaces || issue.series.output.htmlFonts === 'bundled');
    const doc = sameAsPrinted ? documentFor(printed.state) : issueDocumentFor(issue, layout, printed.state, { allFaces, forPrint: false });
    if (doc.removed.length) {
      warnings.push(diagnostic(options.display, FILE_START, 'warning', 'template-content-removed',
        msg('template-content-removed', { what: doc.removed.length > 6 ? msg('build.removed.more', { what: doc.removed.slice(0, 6).join(', '), count: doc.removed.length - 6 }) : doc.removed.slice(0, 6).join(', ') })));
    }
    return { pdf, doc, used: new Set(server.requested), warnings, paginated: { issue, state: printed.state, totalPages, passes: printed.passes, fitting: printed.fitting } };
  } catch (error) {
    target.loaded = undefined; // the page's state is unknown: load afresh next time
    throw error;
  } finally {
    if (!options.target) await page.close().catch(() => undefined);
  }
}
