// The pipeline of a build, in order: discover → load → validate → compile (the reader: YAML sources
// to the model, in validate.ts) → paginate (the print engine, for writers that need it) → write
// (the writers of writers/writers.ts). Invalid sources stop before a browser is started; for valid
// ones, Chrome starts while the templates compile and the first document is made.
import { fitSummary } from './model/pagination.js';
import { msg, render, type Message } from './i18n/message.js';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { ValidateResult } from './validate.js';
import { diagnostic, FILE_START, hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { BulletinError, ExitCode } from './diagnostics/exitCodes.js';
import type { Issue } from './model/types.js';
import type { PrintTarget } from './print/printTarget.js';
import type { BrowserSession } from './print/browserSession.js';
import { nodeIo, type Io } from './io.js';
import { displayPath } from './source/displayPath.js';
import { outputClash } from './model/outputNames.js';
import { WRITERS, type WriterName } from './writers/writers.js';
import type { IssueOutput, WriteContext, Writer } from './writers/writer.js';
import type { OutputTransaction } from './output/outputFolder.js';
import { checkBuildOptions } from './checkOptions.js';

export interface BuildOptions {
  cwd?: string;
  /** Output folder (default `dist`, relative to cwd). */
  outDir?: string;
  /** Only the PDF (with `html`, both; with neither, both). */
  pdf?: boolean;
  html?: boolean;
  /** Also the HTML page as one self-contained file per issue: `<slug>.single.html` (`--html-single`). */
  htmlSingle?: boolean;
  /** Also the WeChat (公众号) article per issue: `<slug>.wechat/` with `wechat.html`, `article.html` and the photos (`--wechat`). */
  wechat?: boolean;
  /** Also the issue as an OFD package (GB/T 33190), converted from its PDF: `<slug>.ofd` (`--ofd`). */
  ofd?: boolean;
  /** Exactly these writers, instead of what `pdf`, `html` and `yearbook` choose. */
  writers?: readonly WriterName[];
  /** Chrome to use; otherwise BULLETIN_BROWSER, PUPPETEER_EXECUTABLE_PATH, a browser downloaded on request, the system's Chrome, Edge or Chromium (src/print/findBrowser.ts). */
  browser?: string;
  env?: NodeJS.ProcessEnv;
  /** Files, clock and outputs (default: the real file system). */
  io?: Io;
  /** Also bind the year's regular issues into one PDF (合订本): `<out>/yearbook-YEAR.pdf`. */
  yearbook?: number;
  /** false: plain PDFs, not PDF/A-2u, whatever the series' `output.pdfa` says (`--no-pdfa`). */
  pdfa?: boolean;
  /** Issues printed at the same time (default: the number of cores, at most 4). */
  concurrency?: number;
  onProgress?: (event: BuildEvent) => void;
  /** Aborting closes the browser and rejects with the signal's reason; no partial output is left. */
  signal?: AbortSignal;
}

export type BuildEvent =
  | { type: 'browser'; path: string; source: string | Message }
  | { type: 'issue'; issue: string; index: number; count: number }
  /** `message`: what is being done, to render in the reader's language; `stage` is it in English. */
  | { type: 'stage'; issue: string; stage: string; message: Message; /** What is made when it is not an issue (the yearbook). */ label?: Message }
  /** What fitting did to an issue's last page (print/fitLastPage.ts): 「fitted the last article (…): 5 → 4 body pages」. */
  | { type: 'fitted'; issue: string; summary: Message }
  | { type: 'written'; file: string; /** bytes, for the files the build wrote */ size?: number };

export interface BuildResult extends ValidateResult {
  /** Files written, absolute paths. */
  written: string[];
}

/** One watchdog over an issue's whole job: a hung browser cannot stall a build for ever. */
export const ISSUE_BUDGET_MS = 180_000;

/** The writers a build runs, in the order their files are written. */
export function chooseWriters(options: Pick<BuildOptions, 'pdf' | 'html' | 'htmlSingle' | 'wechat' | 'ofd' | 'writers' | 'yearbook'>): Writer[] {
  if (options.writers) return options.writers.map((name) => WRITERS[name]);
  const pdf = options.pdf ?? !options.html;
  const html = options.html ?? !options.pdf;
  const names: WriterName[] = [];
  if (pdf) names.push('pdf');
  if (options.ofd) names.push('ofd');
  if (html) names.push('html');
  if (options.htmlSingle) names.push('html-single');
  if (options.wechat) names.push('wechat');
  if (options.yearbook !== undefined) names.push('yearbook');
  if (html) names.push('index'); // the index is a web page: written with the HTML outputs
  return names.map((name) => WRITERS[name]);
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

/** puppeteer's and Chrome's own failures (a crash, a closed target, a protocol timeout): exit 4, not an internal error. */
function isBrowserFailure(error: unknown): boolean {
  const name = (error as Error | undefined)?.name ?? '';
  const message = (error as Error | undefined)?.message ?? '';
  return ['ProtocolError', 'TimeoutError', 'TargetCloseError', 'ConnectionClosedError'].includes(name)
    || /Protocol error|Target closed|Session closed|Connection closed|browser has disconnected|Navigating frame was detached|net::ERR_/i.test(message);
}

/** A file that could not be written is exit 5, with the path and the reason, whatever the writer was doing. */
function outputFailure(error: unknown): BulletinError {
  if (error instanceof BulletinError) return error;
  const e = error as NodeJS.ErrnoException;
  const reasons = {
    ENOSPC: msg('build.write.disk-full'),
    EACCES: msg('build.write.permission'),
    EPERM: msg('build.write.not-permitted'),
    EROFS: msg('build.write.read-only'),
    EDQUOT: msg('build.write.quota'),
    EISDIR: msg('build.write.folder-in-way'),
    ENOTDIR: msg('build.write.file-in-way'),
  } as Record<string, Message | undefined>;
  const reason = reasons[e.code ?? ''];
  return new BulletinError(msg('build.write.failed', { path: e.path ?? msg('build.write.an-output'), reason: reason ?? e.message }), ExitCode.OutputFailed, msg('build.write.failed.hint'));
}

/** `pdf-over-budget` when a PDF is larger than `output.pdfBudgetMB`, naming the three largest images. */
export function pdfBudget(issue: Issue, bytes: number, display: string): Diagnostic | undefined {
  const budget = issue.series.output.pdfBudgetMB;
  if (bytes <= budget * 1_000_000) return undefined;
  const images = issue.sections.flatMap((s) => s.articles.flatMap((a) => a.figures)).map((f) => ({ f, size: f.renditions?.print.bytes.length ?? (f.svg !== undefined ? Buffer.byteLength(f.svg) : 0) }));
  const largest = [...new Map(images.map((i) => [i.f.relPath, i])).values()].sort((a, b) => b.size - a.size).slice(0, 3);
  const mb = (n: number) => (n >= 100_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${Math.ceil(n / 1000)} KB`);
  const named = largest.map((i) => `\`${i.f.relPath}\` (${mb(i.size)})`);
  const params = { issue: issue.slug, size: mb(bytes), budget };
  return diagnostic(display, FILE_START, 'warning', 'pdf-over-budget',
    largest.length ? msg('pdf-over-budget.images', { ...params, images: { en: named.join(', '), zh: named.join('、') } }) : msg('pdf-over-budget.plain', params),
    msg('pdf-over-budget.crop.hint'));
}

export async function build(paths: readonly string[], options: BuildOptions = {}): Promise<BuildResult> {
  checkBuildOptions(paths, options); // before anything starts: a usage error (exit 2) naming the option
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const outDir = path.resolve(cwd, options.outDir ?? 'dist');
  const progress = options.onProgress ?? (() => undefined);
  const io = options.io ?? nodeIo;
  const writers = chooseWriters(options);
  const needsPrint = writers.some((w) => w.needs === 'print');

  // discover → load → validate → compile. Nothing of the print side is started before it passes;
  // meanwhile the browser is looked for (no process yet), so Chrome is spawned the moment the
  // sources are known to be valid. Everything else waits until then: the main thread's work before
  // the spawn is what delays it.
  const starting = needsPrint ? import('./print/startBrowser.js') : undefined;
  const chosen = starting?.then((m) => m.chooseBrowser(options.browser, env, io));
  for (const p of [starting, chosen]) p?.catch(() => undefined); // reported when used, once the sources are valid
  // The checks that only warn (copy-editing, glyph coverage, title lengths) run once Chrome is starting.
  const { validate } = await import('./validate.js');
  const checked = await validate(paths, { cwd, io, laterWarnings: needsPrint });
  options.signal?.throwIfAborted();
  const diagnostics: Diagnostic[] = [...checked.diagnostics];
  const { runLaterChecks, ...checkedSoFar } = checked;
  const result: BuildResult = { ...checkedSoFar, diagnostics, written: [] };
  /** What the build reports of the sources: the whole of validate's findings, in its order. */
  const completeChecks = () => {
    if (!runLaterChecks) return;
    const all = runLaterChecks();
    diagnostics.splice(0, diagnostics.length, ...all.diagnostics);
    result.fixes = all.fixes;
  };
  if (hasErrors(diagnostics) || checked.issues.length === 0) {
    completeChecks();
    return result;
  }
  // A series that asks for the single-file page with its HTML page (output.htmlSingle) gets it for its issues.
  if (!options.writers && !options.htmlSingle && writers.includes(WRITERS.html) && checked.issues.some((i) => i.series.output.htmlSingle)) {
    const single = WRITERS['html-single'];
    writers.splice(writers.indexOf(WRITERS.html) + 1, 0, { ...single, writeIssue: (output, ctx) => (output.issue.series.output.htmlSingle ? single.writeIssue!(output, ctx) : Promise.resolve([])) });
  }
  // A series that asks for OFD with its PDFs (output.ofd) gets it for its issues.
  if (!options.writers && !options.ofd && writers.includes(WRITERS.pdf) && checked.issues.some((i) => i.series.output.ofd)) {
    const ofd = WRITERS.ofd;
    writers.splice(writers.indexOf(WRITERS.pdf) + 1, 0, { ...ofd, writeIssue: (output, ctx) => (output.issue.series.output.ofd ? ofd.writeIssue!(output, ctx) : Promise.resolve([])) });
  }
  // Issues of several series in one output folder: the same name twice would overwrite each other.
  const clash = outputClash(checked.issues, (file) => displayPath(cwd, file));
  if (clash) throw new BulletinError(clash, ExitCode.Usage, msg('build.output-clash.hint'));
  // The output folder is checked before anything starts: a link inside it that leads elsewhere is refused.
  const folder = await io.openOutput(outDir, (file) => displayPath(cwd, file));

  // The browser starts now and takes about half a second; meanwhile the printing modules load, the
  // templates compile and the first documents are made.
  let launching: Promise<BrowserSession> | undefined;
  // The checks kept for later run once Chrome's process is started (or could not be): Chrome starts
  // on the other core meanwhile. Their findings are in the result before it is returned.
  let spawned: () => void = () => undefined;
  const laterChecks = needsPrint ? new Promise<void>((resolve) => (spawned = resolve)).then(completeChecks) : Promise.resolve(completeChecks());
  laterChecks.catch(() => undefined); // awaited below
  const browser = (): Promise<Browser> => {
    launching ??= (starting ?? import('./print/startBrowser.js')).then(({ startBrowser }) =>
      startBrowser(options.browser, env, (choice) => progress({ type: 'browser', path: choice.path, source: choice.source }), io, chosen, spawned));
    launching.then(spawned, spawned);
    return launching.then((s) => s.browser);
  };
  if (needsPrint) browser().catch(() => undefined); // spawned now; a failure is reported where the browser is needed
  // Loaded while Chrome starts: the templates' compiler and the print side's modules.
  const printing = needsPrint ? Promise.all([import('./renderIssue.js'), import('./print/printTarget.js')]) : undefined;
  printing?.catch(() => undefined);
  const firstTarget = printing ? Promise.all([browser(), printing]).then(([b, [, { openPrintTarget }]]) => openPrintTarget(b, { initialTab: true })) : undefined;
  firstTarget?.catch(() => undefined);
  const closeBrowser = () => void launching?.then((s) => s.close(), () => undefined);
  options.signal?.addEventListener('abort', closeBrowser, { once: true });
  try {
    const { Layouts } = await import('./render/layouts.js');
    const displayOf = (issue: Issue) => displayPath(cwd, issue.file);
    const layouts = new Layouts(io);
    for (const issue of checked.issues) layouts.for(issue).catch(() => undefined); // compiled while Chrome starts
    // What the writers return is what the build reports (an HTML page, not each of its assets).
    /** Sizes of the files staged, by absolute path (the build prints each PDF's). */
    const sizes = new Map<string, number>();
    const written = (file: string) => {
      result.written.push(file);
      progress({ type: 'written', file, size: sizes.get(file) });
    };
    // Raster figures are processed (upright, sRGB, no metadata, scaled: images/figureRenditions.ts)
    // one issue after the other, from now on, while Chrome starts; each series caches the results.
    const wantsImages = writers.some((w) => w.name === 'pdf' || w.name === 'html' || w.name === 'html-single' || w.name === 'wechat' || w.name === 'yearbook' || w.name === 'ofd');
    const imagesModule = wantsImages ? Promise.all([import('./images/figureRenditions.js'), import('./cache/contentCache.js')]) : undefined;
    const imageMemo = new Map();
    let imageQueue: Promise<unknown> = Promise.resolve();
    const preparedImages = new Map<Issue, Promise<{ issue: Issue; diagnostics: Diagnostic[] }>>();
    if (imagesModule) {
      for (const issue of checked.issues) {
        const job = imageQueue.then(() => imagesModule).then(([{ prepareImages }, { openImageCache }]) =>
          prepareImages(issue, io, displayOf(issue), { cache: openImageCache(io, issue.series.root), memo: imageMemo }));
        job.catch(() => undefined);
        preparedImages.set(issue, job);
        imageQueue = job.catch(() => undefined);
      }
    }
    /** Files of the output folder (relative, forward slashes) this build has written: staged and committed. */
    const committed = new Set<string>();
    const ctx: WriteContext = {
      outDir,
      issues: checked.issues,
      written: committed,
      yearbook: options.yearbook,
      pdfa: options.pdfa,
      ofdFor: (issue) => (options.writers ? options.writers.includes('ofd') : options.ofd === true || (writers.includes(WRITERS.pdf) && issue.series.output.ofd)),
      env,
      io,
      layoutFor: (issue) => layouts.for(issue),
      browser,
      write: () => Promise.reject(new Error('write outside a transaction')),
      copy: () => Promise.reject(new Error('copy outside a transaction')),
      own: () => {
        throw new Error('own outside a transaction');
      },
      stage: (issue, stage) => progress({ type: 'stage', issue: render(issue, 'en'), stage: render(stage, 'en'), message: stage, ...(typeof issue === 'string' ? {} : { label: issue }) }),
      report: (d) => void diagnostics.push(d),
      display: (issue) => displayOf(issue),
    };
    for (const writer of writers) writer.prepare?.(ctx);
    /**
     * Runs writers on one transaction of the output folder: their files are staged, then renamed
     * into place together (reported as written only then); on a failure nothing of it stays.
     */
    const transact = async (run: (ctx: WriteContext) => Promise<string[]>): Promise<void> => {
      const t: OutputTransaction = folder.transaction();
      const files: string[] = [];
      const names: string[] = [];
      try {
        const staged: WriteContext = {
          ...ctx,
          write: (relative, data, opts) => (names.push(relative), t.write(relative, data, opts).then((file) => (sizes.set(file, typeof data === 'string' ? Buffer.byteLength(data) : data.length), file), (error: unknown) => { throw outputFailure(error); })),
          copy: (from, relative) => (names.push(relative), t.copy(from, relative).catch((error: unknown) => { throw outputFailure(error); })),
          own: (relative) => t.own(relative),
        };
        files.push(...(await run(staged)));
        await t.commit().catch((error: unknown) => { throw outputFailure(error); });
      } catch (error) {
        await t.discard().catch(() => undefined);
        throw error;
      }
      for (const name of names) committed.add(name);
      for (const file of files) written(file);
    };
    const concurrency = options.concurrency ?? Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length));
    // One page per lane, reused for the lane's next issue: opening a page costs about as much as printing one.
    const lanes: Promise<PrintTarget>[] = firstTarget ? [firstTarget] : [];
    // Once the last issue is printed the browser has nothing left to do: it closes while the PDFs
    // are checked and written (unless a writer of the whole build prints too).
    let toPrint = checked.issues.length;
    const lastPrintIsIssues = !writers.some((w) => w.needs === 'print' && w.finish);
    const printed = () => {
      if (--toPrint === 0 && lastPrintIsIssues) closeBrowser();
    };
    const outputs: IssueOutput[] = [];
    try {
      await eachLimited(checked.issues, concurrency, async (source, index, lane) => {
        const name = source.slug;
        progress({ type: 'issue', issue: name, index, count: checked.issues.length });
        let issue = source;
        const images = preparedImages.get(source);
        if (images) {
          progress({ type: 'stage', issue: name, stage: render(msg('build.stage.images'), 'en'), message: msg('build.stage.images') });
          const prepared = await images;
          issue = prepared.issue;
          diagnostics.push(...prepared.diagnostics);
          // A photo that cannot be decoded is an error of the source: the issue is not built.
          if (hasErrors(prepared.diagnostics)) return;
        }
        const layout = await layouts.for(issue);
        let output: IssueOutput;
        if (printing) {
          const [{ renderIssue, issueDocumentFor }, { openPrintTarget, clearTarget }] = await printing;
          // Made while Chrome starts (the first issues) or while the other lane prints.
          const firstDocument = issueDocumentFor(issue, layout);
          const b = await browser();
          options.signal?.throwIfAborted();
          const target = await (lanes[lane] ??= openPrintTarget(b));
          clearTarget(target);
          const rendered = await abortable(
            renderIssue(b, issue, layout, {
              display: displayOf(issue), env, target, firstDocument, onPrinted: printed, pdfa: options.pdfa,
              onStage: (stage) => progress({ type: 'stage', issue: name, stage: render(stage, 'en'), message: stage }),
            }),
            options.signal, ISSUE_BUDGET_MS,
            () => new BulletinError(msg('build.browser.issue-timeout', { issue: name, seconds: ISSUE_BUDGET_MS / 1000 }), ExitCode.BrowserFailed, msg('build.browser.issue-timeout.hint')),
          );
          diagnostics.push(...rendered.warnings);
          const budget = pdfBudget(issue, rendered.pdf.length, displayOf(issue));
          if (budget) diagnostics.push(budget);
          const fitted = fitSummary(rendered.paginated.fitting);
          if (fitted && rendered.paginated.fitting.status === 'fitted') progress({ type: 'fitted', issue: name, summary: fitted });
          output = { issue, doc: rendered.doc, used: rendered.used, printed: { pdf: rendered.pdf, paginated: rendered.paginated } };
        } else {
          const { issueDocumentFor } = await import('./renderIssue.js');
          output = { issue, doc: issueDocumentFor(issue, layout, undefined, { forPrint: false }), used: undefined, printed: undefined };
        }
        outputs[index] = output;
        progress({ type: 'stage', issue: name, stage: render(msg('build.stage.writing'), 'en'), message: msg('build.stage.writing') });
        // The PDF, the HTML page and its files of one issue change together.
        await transact(async (staged) => {
          const files: string[] = [];
          for (const writer of writers) if (writer.writeIssue) files.push(...(await writer.writeIssue(output, staged)));
          return files;
        });
      });
      for (const writer of writers) if (writer.finish) await transact((staged) => writer.finish!(outputs, staged));
      await laterChecks;
    } catch (error) {
      if (error instanceof BulletinError || options.signal?.aborted || !isBrowserFailure(error)) throw error;
      const message = (error as Error).message ?? String(error);
      throw new BulletinError(msg('build.browser.failed', { reason: message.split('\n')[0]! }), ExitCode.BrowserFailed, msg('build.browser.failed.hint'));
    }
    return result;
  } finally {
    options.signal?.removeEventListener('abort', closeBrowser);
    // Whatever happened after the launch began, the browser is closed.
    await launching?.then((s) => s.close(), () => undefined);
  }
}
