// build: validated issues → PDF and HTML files. The order of the stages lives here.
// Steps: start the browser ∥ validate → glyph coverage → per issue (up to one page per core):
//        renderIssue (HTML → print pass 1 → contents filled in → pass 2 → self-check → bookmarks and
//        metadata) → atomic writes of the PDF and the HTML folder → index.html of a whole series.
import os from 'node:os';
import path from 'node:path';
import { copyFile, mkdir } from 'node:fs/promises';
import type { ValidateResult } from './validate.js';
import { hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { BulletinError, ExitCode } from './diagnostics/exitCodes.js';
import type { Issue } from './model/types.js';
import type { IssueDocument } from './render/issueDocument.js';
import type { RenderedIssue } from './renderIssue.js';
import type { PrintTarget } from './print/printTarget.js';
import { fontFaces } from './render/fontFaces.js';
import type { CompiledIndex } from './render/renderHtml.js';
import { indexView } from './render/indexView.js';
import { issueText } from './model/issueText.js';
import { uncoveredCharacters, glyphWarnings } from './check/checkGlyphs.js';
import { writeAtomic } from './output/writeAtomic.js';
import { nodeIo } from './io.js';
import { displayPath } from './source/displayPath.js';

export interface BuildOptions {
  cwd?: string;
  /** Output folder (default `dist`, relative to cwd). */
  outDir?: string;
  pdf?: boolean;
  html?: boolean;
  /** Chrome to use; otherwise BULLETIN_BROWSER, PUPPETEER_EXECUTABLE_PATH, puppeteer's download, system locations. */
  browser?: string;
  env?: NodeJS.ProcessEnv;
  /** Also bind the year's regular issues into one PDF (合订本): `<out>/yearbook-YEAR.pdf`. */
  yearbook?: number;
  /** Issues printed at the same time (default: the number of cores, at most 4). */
  concurrency?: number;
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

/** Writes the page, its stylesheets, and the files the browser needed to show it (the fonts it used, the images). */
export async function writeHtml(doc: IssueDocument, used: ReadonlySet<string>, outDir: string): Promise<string[]> {
  const copies: Promise<void>[] = [];
  const folders = new Set<string>();
  for (const [url, resource] of doc.resources) {
    // Font slices in the stylesheet are copied (a screen may need another than the print did);
    // a whole font without ranges (the 8 MB 楷体) only when the page used it.
    if (url === doc.entry || (!('body' in resource) && !used.has(url) && !resource.ranged)) continue;
    const target = path.join(outDir, ...url.split('/'));
    if (!folders.has(path.dirname(target))) {
      folders.add(path.dirname(target));
      await mkdir(path.dirname(target), { recursive: true });
    }
    copies.push('body' in resource ? writeAtomic(target, resource.body, { sync: false }) : copyFile(resource.file, target));
  }
  await Promise.all(copies);
  // The page last, and flushed: once it is there, everything it refers to is too.
  const entry = doc.resources.get(doc.entry)!;
  const page = path.join(outDir, ...doc.entry.split('/'));
  await writeAtomic(page, 'body' in entry ? entry.body : '');
  return [page];
}

/** A series built whole (every issue file of it) gets an index.html listing its issues, newest first. */
async function writeIndex(issues: readonly Issue[], outputs: { pdf: boolean; html: boolean }, outDir: string, index: CompiledIndex | undefined): Promise<string | undefined> {
  const roots = new Set(issues.map((i) => i.series.root));
  if (roots.size !== 1 || !index) return undefined; // several series in one folder would overwrite each other's index
  const { listIssueFiles } = await import('./source/discover.js');
  const all = await listIssueFiles(nodeIo, issues[0]!.series.issuesDir);
  if (all.length !== issues.length) return undefined;
  const file = path.join(outDir, 'index.html');
  await writeAtomic(file, index(indexView(issues, outputs)));
  return file;
}

function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined, budgetMs: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => reject(onTimeout()), budgetMs);
    const abort = () => reject(signal?.reason ?? new Error('aborted'));
    signal?.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    });
  });
}

/**
 * Runs `job` over `items` with at most `limit` at a time; the first failure stops new starts.
 * `worker` (0 … limit-1) tells which of the parallel lanes runs the item.
 */
async function eachLimited<T>(items: readonly T[], limit: number, job: (item: T, index: number, worker: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async (_: unknown, lane: number) => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        await job(items[index]!, index, lane);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export async function build(paths: readonly string[], options: BuildOptions = {}): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const wantPdf = options.pdf ?? !options.html;
  const wantHtml = options.html ?? !options.pdf;
  const outDir = path.resolve(cwd, options.outDir ?? 'dist');
  const progress = options.onProgress ?? (() => undefined);
  // The browser starts while the sources are checked: both take about half a second.
  const launching = import('./print/startBrowser.js').then(({ startBrowser }) =>
    startBrowser(options.browser, env, (choice) => progress({ type: 'browser', path: choice.path, source: choice.source })));
  launching.catch(() => undefined); // reported below, once the sources are known to be valid
  // The printing modules load meanwhile too (the main thread is idle while Chrome starts), and the
  // first page opens as soon as Chrome answers.
  const printing = Promise.all([import('./renderIssue.js'), import('./print/printTarget.js')]);
  printing.catch(() => undefined);
  const firstTarget = Promise.all([launching, printing]).then(([session, [, { openPrintTarget }]]) => openPrintTarget(session.browser, { initialTab: true }));
  firstTarget.catch(() => undefined);
  const onAbort = () => void launching.then((s) => s.close(), () => undefined);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    // Loaded after the browser's start has begun: Chrome is spawned a tenth of a second sooner.
    const [{ validate }, { Layouts }] = await Promise.all([import('./validate.js'), import('./render/layouts.js')]);
    const checked = await validate(paths, { cwd });
    options.signal?.throwIfAborted();
    const diagnostics: Diagnostic[] = [...checked.diagnostics];
    const result: BuildResult = { ...checked, diagnostics, written: [] };
    if (hasErrors(diagnostics) || checked.issues.length === 0) return result;
    const displayOf = (issue: Issue) => displayPath(cwd, issue.file);
    for (const issue of checked.issues) {
      diagnostics.push(...glyphWarnings(uncoveredCharacters(issueText(issue), fontFaces(issue.series)), displayOf(issue), checked.sources.get(displayOf(issue))));
    }
    const layouts = new Layouts();
    for (const issue of checked.issues) layouts.for(issue).catch(() => undefined); // compiled while Chrome starts
    const forYearbook: { issue: Issue; rendered: RenderedIssue }[] = [];
    const inYearbook = (issue: Issue) => options.yearbook !== undefined && issue.year === options.yearbook && issue.kind !== 'supplement';
    if (options.yearbook !== undefined && !checked.issues.some(inYearbook)) {
      throw new BulletinError(`--yearbook ${options.yearbook}: none of the issues built is a regular issue of ${options.yearbook}`, ExitCode.Usage, 'Build the series folder, whose issues include that year.');
    }
    const written = (file: string) => {
      result.written.push(file);
      progress({ type: 'written', file });
    };
    const concurrency = options.concurrency ?? Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length));
    // One page per lane, reused for the lane's next issue: opening a page costs about as much as printing one.
    const lanes: Promise<PrintTarget>[] = [firstTarget];
    // Once the last issue is printed the browser has nothing left to do: it closes while the PDFs are checked and written.
    let toPrint = checked.issues.length;
    const printed = () => {
      if (--toPrint === 0 && options.yearbook === undefined) void launching.then((s) => s.close(), () => undefined);
    };
    try {
      await eachLimited(checked.issues, concurrency, async (issue, index, lane) => {
        const name = issue.slug;
        progress({ type: 'issue', issue: name, index, count: checked.issues.length });
        const layout = await layouts.for(issue);
        const [{ renderIssue, issueDocumentFor }, { openPrintTarget, clearTarget }] = await printing;
        // Made while Chrome starts (the first issues) or while the other lane prints.
        const firstDocument = issueDocumentFor(issue, layout);
        const session = await launching;
        options.signal?.throwIfAborted();
        const target = await (lanes[lane] ??= openPrintTarget(session.browser));
        clearTarget(target);
        const rendered = await abortable(
          renderIssue(session.browser, issue, layout, {
            display: displayOf(issue), env, target, firstDocument, onPrinted: printed,
            onStage: (stage) => progress({ type: 'stage', issue: name, stage }),
          }),
          options.signal, ISSUE_BUDGET_MS,
          () => new BulletinError(`the browser did not finish ${name} within ${ISSUE_BUDGET_MS / 1000} s`, ExitCode.BrowserFailed, 'Check that the machine is not out of memory; try again with --verbose.'),
        );
        diagnostics.push(...rendered.warnings);
        if (inYearbook(issue)) forYearbook.push({ issue, rendered });
        progress({ type: 'stage', issue: name, stage: 'writing' });
        try {
          if (wantPdf) {
            const file = path.join(outDir, `${name}.pdf`);
            await writeAtomic(file, rendered.pdf);
            written(file);
          }
          if (wantHtml) for (const file of await writeHtml(rendered.doc, rendered.used, outDir)) written(file);
        } catch (error) {
          throw new BulletinError(`cannot write to ${outDir}: ${(error as Error).message}`, ExitCode.OutputFailed, 'Check that the output folder is writable and the disk is not full.');
        }
      });
      if (options.yearbook !== undefined) {
        progress({ type: 'stage', issue: `yearbook ${options.yearbook}`, stage: 'binding' });
        const { assembleYearbook } = await import('./yearbook.js');
        const bytes = await assembleYearbook((await launching).browser, options.yearbook, forYearbook, await layouts.for(forYearbook[0]!.issue), env);
        const file = path.join(outDir, `yearbook-${options.yearbook}.pdf`);
        await writeAtomic(file, bytes);
        written(file);
      }
      // The index is a web page: written with the HTML outputs, not under --pdf.
      const index = wantHtml ? await writeIndex(checked.issues, { pdf: wantPdf, html: wantHtml }, outDir, (await layouts.for(checked.issues[0]!)).index) : undefined;
      if (index) written(index);
    } catch (error) {
      if (error instanceof BulletinError || options.signal?.aborted) throw error;
      const message = (error as Error).message ?? String(error);
      throw new BulletinError(`the browser failed: ${message.split('\n')[0]}`, ExitCode.BrowserFailed, 'Try again; if it keeps failing, run `bulletin build --verbose` and check the browser with `chromium --version`.');
    }
    return result;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    // Whatever happened after the launch began, the browser is closed.
    await launching.then((s) => s.close(), () => undefined);
  }
}
