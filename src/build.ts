// build: validated issues → PDF and HTML files. The order of the stages lives here.
// Steps: validate → glyph coverage → browser → per issue: render HTML → print pass 1 (pagination)
//        → print pass 2 (contents filled in) → self-check (contents, footers, fonts) → bookmarks and
//        metadata → atomic writes of the PDF and of the HTML folder.
import path from 'node:path';
import { copyFile, mkdir } from 'node:fs/promises';
import { validate, type ValidateResult } from './validate.js';
import { diagnostic, hasErrors, FILE_START, type Diagnostic } from './diagnostics/diagnostic.js';
import { BulletinError, ExitCode } from './diagnostics/exitCodes.js';
import type { Issue } from './model/types.js';
import type { LayoutState } from './print/paginateIssue.js';
import { loadTemplates } from './render/templates.js';
import { compileIndex, compileLayout, TemplateError, type CompiledIndex, type CompiledLayout } from './render/renderHtml.js';
import { indexView } from './render/indexView.js';
import { listIssueFiles } from './source/discover.js';
import { nodeIo } from './io.js';
import { issueDocument, type IssueDocument } from './render/issueDocument.js';
import { fontFaces } from './render/fontFaces.js';
import { issueText } from './model/issueText.js';
import { tableOfContents } from './model/tableOfContents.js';
import { uncoveredCharacters, glyphWarnings } from './check/checkGlyphs.js';
import { checkContents } from './check/checkContents.js';
import { checkPdfFonts } from './check/checkPdfFonts.js';
import { readPdfText } from './check/readPdfText.js';
import { writeAtomic } from './output/writeAtomic.js';
import type { OutlineItem, PdfMetadata } from './print/finishPdf.js';
import type { BrowserSession } from './print/browserSession.js';

export interface BuildOptions {
  cwd?: string;
  /** Output folder (default `dist`, relative to cwd). */
  outDir?: string;
  pdf?: boolean;
  html?: boolean;
  /** Chrome to use; otherwise BULLETIN_BROWSER, PUPPETEER_EXECUTABLE_PATH, puppeteer's download, system locations. */
  browser?: string;
  env?: NodeJS.ProcessEnv;
  onProgress?: (event: BuildEvent) => void;
  /** Aborting closes the browser and rejects with the signal's reason; no partial output is left. */
  signal?: AbortSignal;
}

export type BuildEvent =
  | { type: 'browser'; path: string; source: string }
  | { type: 'issue'; issue: string; index: number; count: number }
  | { type: 'stage'; issue: string; stage: string }
  | { type: 'written'; file: string };

export interface BuildResult extends ValidateResult {
  /** Files written, absolute paths. */
  written: string[];
}

/** One watchdog over an issue's whole job: a hung browser cannot stall a build for ever. */
export const ISSUE_BUDGET_MS = 180_000;

function sourceDateOf(issue: Issue, env: NodeJS.ProcessEnv): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  // Midnight in China on the issue date.
  return new Date(Date.UTC(issue.date.year, issue.date.month - 1, issue.date.day) - 8 * 3600 * 1000);
}

function outlineOf(issue: Issue): OutlineItem[] {
  return issue.sections.map((s) => ({ title: `【${s.label}】`, id: s.id, children: s.articles.map((a) => ({ title: a.title, id: a.id, children: [] })) }));
}

function metadataOf(issue: Issue, env: NodeJS.ProcessEnv): PdfMetadata {
  return {
    title: `${issue.series.name} ${issue.issueLine}`,
    author: issue.series.publisher,
    subject: `${issue.series.seriesLine}${issue.series.name}`,
    keywords: issue.sections.map((s) => s.label),
    language: 'zh-CN',
    date: sourceDateOf(issue, env),
  };
}

/** Writes the page, its stylesheets, and the files the browser needed to show it (the fonts it used, the images). */
async function writeHtml(doc: IssueDocument, used: ReadonlySet<string>, outDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const [url, resource] of doc.resources) {
    if (!('body' in resource) && !used.has(url)) continue;
    const target = path.join(outDir, ...url.split('/'));
    if ('body' in resource) await writeAtomic(target, resource.body);
    else {
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(resource.file, target);
    }
    if (url === doc.entry) written.push(target);
  }
  return written;
}

/** A series built whole (every issue file of it) gets an index.html listing its issues, newest first. */
async function writeIndexes(
  issues: readonly Issue[],
  outputs: { pdf: boolean; html: boolean },
  outDir: string,
  indexFor: (issue: Issue) => Promise<CompiledIndex | undefined>,
  onWritten: (file: string) => void,
): Promise<void> {
  const bySeries = new Map<string, Issue[]>();
  for (const issue of issues) bySeries.set(issue.series.root, [...(bySeries.get(issue.series.root) ?? []), issue]);
  if (bySeries.size !== 1) return; // several series in one folder would overwrite each other's index
  const [built] = [...bySeries.values()] as [Issue[]];
  const all = await listIssueFiles(nodeIo, built[0]!.series.issuesDir);
  if (all.length !== built.length) return;
  const render = await indexFor(built[0]!);
  if (!render) return;
  const file = path.join(outDir, 'index.html');
  await writeAtomic(file, render(indexView(built, outputs)));
  onWritten(file);
}

function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined, budgetMs: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), budgetMs);
    const abort = () => reject(signal?.reason ?? new Error('aborted'));
    signal?.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    });
  });
}

async function buildWith(paths: readonly string[], options: BuildOptions, launched: Promise<BrowserSession>[]): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const wantPdf = options.pdf ?? !options.html;
  const wantHtml = options.html ?? !options.pdf;
  const outDir = path.resolve(cwd, options.outDir ?? 'dist');
  const progress = options.onProgress ?? (() => undefined);
  // The browser starts while the sources are checked: both take about half a second.
  const launching = (async () => {
    const [{ findBrowser }, { openBrowser }, puppeteer] = await Promise.all([
      import('./print/findBrowser.js'), import('./print/browserSession.js'), import('puppeteer'),
    ]);
    const choice = findBrowser(options.browser, (name) => env[name], () => puppeteer.default.executablePath());
    progress({ type: 'browser', path: choice.path, source: choice.source });
    return openBrowser(choice, { noSandbox: env.BULLETIN_NO_SANDBOX === '1' });
  })();
  launching.catch(() => undefined); // reported below, once the sources are known to be valid
  launched.push(launching);
  const checked = await validate(paths, { cwd });
  const diagnostics: Diagnostic[] = [...checked.diagnostics];
  const result: BuildResult = { ...checked, diagnostics, written: [] };
  if (hasErrors(diagnostics) || checked.issues.length === 0) return result;

  for (const issue of checked.issues) {
    const display = path.relative(cwd, issue.file) || issue.file;
    diagnostics.push(...glyphWarnings(uncoveredCharacters(issueText(issue), fontFaces(issue.series)), display, checked.sources.get(display)));
  }

  const layouts = new Map<string, { layout: CompiledLayout; index: CompiledIndex | undefined; stylesheets: { name: string; text: string }[] }>();
  const layoutFor = async (issue: Issue) => {
    let entry = layouts.get(issue.series.root);
    if (!entry) {
      try {
        const sources = await loadTemplates(issue.series.root);
        entry = { layout: compileLayout(sources), index: compileIndex(sources), stylesheets: sources.stylesheets };
      } catch (error) {
        throw new BulletinError(`template error: ${(error as Error).message}`, ExitCode.RenderFailed, 'Fix the template named above (see "Templates" in the README).');
      }
      layouts.set(issue.series.root, entry);
    }
    return entry;
  };

  const [{ serveDocument }, { preparePage }, { paginateIssue }, { finishPdf }] = await Promise.all([
    import('./print/documentServer.js'), import('./print/printPage.js'), import('./print/paginateIssue.js'), import('./print/finishPdf.js'),
  ]);
  const session = await launching;
  const onAbort = () => void session.close();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (const [index, issue] of checked.issues.entries()) {
      const name = issue.slug;
      const display = path.relative(cwd, issue.file) || issue.file;
      progress({ type: 'issue', issue: name, index, count: checked.issues.length });
      const { layout, stylesheets } = await layoutFor(issue);
      const documentFor = (state: LayoutState) => {
        try {
          return issueDocument(issue, layout, stylesheets, state);
        } catch (error) {
          if (error instanceof TemplateError) throw new BulletinError(`template error: ${error.message}`, ExitCode.RenderFailed);
          throw error;
        }
      };
      const job = async () => {
        const page = await session.browser.newPage();
        try {
          await preparePage(page);
          const server = await serveDocument(page);
          progress({ type: 'stage', issue: name, stage: 'paginating' });
          const printed = await paginateIssue(page, server, issue, documentFor);
          progress({ type: 'stage', issue: name, stage: `checking (${printed.passes} passes)` });
          const texts = await readPdfText(printed.bytes);
          const toc = tableOfContents(issue, printed.pages);
          const problems = [
            ...checkContents(toc, issue.series.layout.pageNumber, texts.slice(0, printed.coverPages), printed.pages, texts.slice(printed.coverPages)).map((p) => p.message),
            ...checkPdfFonts(printed.pdf).problems,
          ];
          if (problems.length) {
            throw new BulletinError(`the PDF of ${name} failed its self-check:\n  - ${problems.join('\n  - ')}`, ExitCode.RenderFailed,
              'The contents or footers do not match the pages. If a series template changed the contents or the footers, check it; otherwise report this as a bug.');
          }
          for (const url of new Set(server.blocked)) {
            diagnostics.push(diagnostic(display, FILE_START, 'warning', 'resource-blocked',
              `the document asked for ${url.length > 120 ? `${url.slice(0, 117)}…` : url}, which was refused`,
              'An issue may use only its own images and the layout\'s files; check the series templates and stylesheets.'));
          }
          const bytes = await finishPdf(printed.pdf, outlineOf(issue), printed.dests, metadataOf(issue, env));
          return { bytes, doc: documentFor(printed.state), used: server.requested };
        } finally {
          await page.close().catch(() => undefined);
        }
      };
      const { bytes, doc, used } = await abortable(job(), options.signal, ISSUE_BUDGET_MS, () => new BulletinError(`the browser did not finish ${name} within ${ISSUE_BUDGET_MS / 1000} s`, ExitCode.BrowserFailed, 'Check that the machine is not out of memory; try again with --verbose.'));
      progress({ type: 'stage', issue: name, stage: 'writing' });
      try {
        if (wantPdf) {
          const file = path.join(outDir, `${name}.pdf`);
          await writeAtomic(file, bytes);
          result.written.push(file);
          progress({ type: 'written', file });
        }
        if (wantHtml) {
          for (const file of await writeHtml(doc, used, outDir)) {
            result.written.push(file);
            progress({ type: 'written', file });
          }
        }
      } catch (error) {
        throw new BulletinError(`cannot write to ${outDir}: ${(error as Error).message}`, ExitCode.OutputFailed, 'Check that the output folder is writable and the disk is not full.');
      }
    }
    await writeIndexes(checked.issues, { pdf: wantPdf, html: wantHtml }, outDir, async (issue) => (await layoutFor(issue)).index, (file) => {
      result.written.push(file);
      progress({ type: 'written', file });
    });
  } catch (error) {
    if (error instanceof BulletinError || options.signal?.aborted) throw error;
    const message = (error as Error).message ?? String(error);
    throw new BulletinError(`the browser failed: ${message.split('\n')[0]}`, ExitCode.BrowserFailed, 'Try again; if it keeps failing, run `bulletin build --verbose` and check the browser with `chromium --version`.');
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await session.close();
  }
  return result;
}

/** Whatever happens after the launch began, the browser is closed. */
export async function build(paths: readonly string[], options: BuildOptions = {}): Promise<BuildResult> {
  const launched: Promise<BrowserSession>[] = [];
  try {
    return await buildWith(paths, options, launched);
  } finally {
    for (const p of launched) await p.then((s) => s.close(), () => undefined);
  }
}
