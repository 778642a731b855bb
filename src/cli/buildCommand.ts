// `bulletin build`: validate, then print PDF and HTML; Ctrl-C and SIGTERM close the browser before exiting.
import { build, type BuildEvent } from '../pipeline.js';
import { ExitCode } from '../diagnostics/exitCodes.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { printDiagnostics } from './printDiagnostics.js';
import { displayPath } from '../source/displayPath.js';
import { createProgress } from './progress.js';
import type { Reporter } from './reporter.js';
import { msg } from '../i18n/message.js';

export interface BuildCommandOptions {
  outDir: string;
  pdf?: boolean;
  html?: boolean;
  htmlSingle?: boolean;
  wechat?: boolean;
  /** `--ofd`: also `<issue>.ofd`. */
  ofd?: boolean;
  browser?: string;
  yearbook?: number;
  /** false (`--no-pdfa`): plain PDFs, not PDF/A-2u. */
  pdfa?: boolean;
  /** Exit 1 when the build reported warnings. */
  failOnWarnings?: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

class Interrupted extends Error {
  constructor(readonly exitCode: number) {
    super('interrupted');
  }
}

export async function buildCommand(paths: string[], options: BuildCommandOptions, reporter: Reporter): Promise<number> {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    reporter.info(`\n${reporter.t('cli.build.signal', { signal })}`);
    controller.abort(new Interrupted(signal === 'SIGINT' ? ExitCode.Interrupted : ExitCode.Terminated));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  const progress = createProgress(reporter.stderr, { quiet: reporter.quiet, started, words: reporter });
  let position = '';
  const onProgress = (event: BuildEvent) => {
    if (event.type === 'browser') progress.log(() => reporter.verbose(reporter.t('cli.build.browser', { path: event.path, source: reporter.render(event.source) })));
    else if (event.type === 'issue') {
      position = `[${event.index + 1}/${event.count}] ${event.issue}`;
      progress.step(position);
    } else if (event.type === 'stage') progress.step(`${event.label ? reporter.render(event.label) : position}${reporter.lang === 'zh' ? '：' : ': '}${reporter.render(event.message)}`);
    else if (event.type === 'fitted') progress.log(() => reporter.info(reporter.t('cli.build.fitted', { issue: event.issue, summary: reporter.render(event.summary) })));
    else {
      progress.log(() => reporter.out(displayPath(options.cwd, event.file)));
      // Each PDF's size, on stderr (stdout lists the files, for scripts).
      if (event.size !== undefined && event.file.endsWith('.pdf')) progress.log(() => reporter.info(reporter.t('cli.build.file-size', { file: displayPath(options.cwd, event.file), size: `${(event.size! / 1_000_000).toFixed(1)} MB` })));
      // And the single-file page's (--html-single): what a chat or a mail server will be asked to take.
      // The WeChat preview (--wechat): what to do with it.
      if (/\.wechat[\\/]wechat\.html$/.test(event.file)) progress.log(() => reporter.info(reporter.t('cli.build.wechat', { file: displayPath(options.cwd, event.file) })));
      if (event.size !== undefined && event.file.endsWith('.single.html')) progress.log(() => reporter.info(reporter.t('cli.build.file-size', { file: displayPath(options.cwd, event.file), size: event.size! >= 100_000 ? `${(event.size! / 1_000_000).toFixed(1)} MB` : `${Math.ceil(event.size! / 1000)} KB` })));
    }
  };
  progress.step(reporter.t('cli.build.checking'));
  try {
    const result = await build(paths, {
      cwd: options.cwd, outDir: options.outDir, pdf: options.pdf, html: options.html, htmlSingle: options.htmlSingle, wechat: options.wechat, ofd: options.ofd, browser: options.browser, env: options.env, yearbook: options.yearbook, pdfa: options.pdfa,
      onProgress, signal: controller.signal,
    });
    progress.stop();
    if (result.diagnostics.length) printDiagnostics(reporter, result.diagnostics, result.sources, 'human', result.sources.size);
    if (hasErrors(result.diagnostics)) return ExitCode.SourceErrors;
    if (result.issues.length === 0) {
      reporter.error(msg('cli.build.no-issues'), msg('cli.build.no-issues.hint'));
      return ExitCode.SourceErrors;
    }
    reporter.info(reporter.t('cli.build.done', { count: result.issues.length, seconds: seconds() }));
    if (options.failOnWarnings && result.diagnostics.length > 0) return ExitCode.SourceErrors;
    return ExitCode.Ok;
  } catch (error) {
    if (controller.signal.aborted && controller.signal.reason instanceof Interrupted) return controller.signal.reason.exitCode;
    throw error;
  } finally {
    progress.stop();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
