// validate: sources → diagnostics and the compiled issues. The first half of every command.
// Steps: discover sources → load series → load issues (parse, schema, model) → numbering across the series.
import path from 'node:path';
import { memoIo, nodeIo, type Io } from './io.js';
import { displayPath } from './source/displayPath.js';
import { sortDiagnostics, diagnostic, FILE_START, type Diagnostic } from './diagnostics/diagnostic.js';
import { msg } from './i18n/message.js';
import { discover } from './source/discover.js';
import { prepareFonts } from './source/prepareFonts.js';
import { loadSeries, type LoadedSeries } from './source/loadSeries.js';
import { loadIssue, type IssueFacts, type LoadedIssue } from './source/loadIssue.js';
import { runLaterChecks } from './diagnostics/laterChecks.js';
import { checkNumbering } from './model/checkNumbering.js';
import { checkOutputNames } from './model/outputNames.js';
import type { Issue } from './model/types.js';
import { SERIES_DEFAULTS } from './source/schemaTypes.js';
import { loadValidators } from './source/schemaCheck.js';
import type { SourceFixes } from './lint/types.js';

export interface ValidateOptions {
  /** Folder relative paths are taken from and shown against (default: process.cwd()). */
  cwd?: string;
  io?: Io;
  /**
   * Keep the checks that only warn (copy-editing unless a rule is an error, glyph coverage, title and
   * masthead lengths) for `runLaterChecks` of the result: a build starts Chrome first, once the
   * sources are known to be free of errors. The result is then incomplete until that runs.
   */
  laterWarnings?: boolean;
}

export interface ValidateResult {
  diagnostics: Diagnostic[];
  /** Source text by displayed file name, for code frames. */
  sources: Map<string, string>;
  /** The issues that compiled without errors, in series and file order (requested ones only). */
  issues: Issue[];
  /** The safe fixes of the copy-editing findings, per checked file that has any (what `validate --fix` applies). */
  fixes: SourceFixes[];
  /** Files saved in GBK/GB18030 rather than UTF-8 (`source-encoding-gbk`): what `validate --fix` converts. */
  legacyEncoded: { file: string; display: string }[];
  /** With `laterWarnings`: runs the checks kept for later and gives the whole result, as without it. */
  runLaterChecks?: () => ValidateResult;
}

/** What was found of one series folder (or of loose issue files), in the order it is reported. */
interface PlanFindings {
  loadedSeries: LoadedSeries | undefined;
  loadedIssues: LoadedIssue[];
  requested: boolean[];
  /** Whether the plan has a series file (an issue without one is reported so). */
  inSeries: boolean;
  /** Fonts, numbering, output names, no issues: what is found across the files. */
  across: Diagnostic[];
}

export async function validate(paths: readonly string[], options: ValidateOptions = {}): Promise<ValidateResult> {
  const io = memoIo(options.io ?? nodeIo);
  const cwd = options.cwd ?? process.cwd();
  const later = options.laterWarnings === true;
  const display = (file: string): string => displayPath(cwd, file);
  const seriesCache = new Map<string, Promise<LoadedSeries>>();
  const series = (file: string): Promise<LoadedSeries> => {
    let loaded = seriesCache.get(file);
    if (!loaded) {
      loaded = loadSeries(io, file, display(file), { later });
      seriesCache.set(file, loaded);
    }
    return loaded;
  };
  const issuesDirOf = async (file: string): Promise<string> => {
    const loaded = await series(file);
    if (loaded.series) return path.relative(path.dirname(file), loaded.series.issuesDir);
    // A broken series file still names its issues folder if it can.
    const issues = (loaded.data as { issues?: unknown } | undefined)?.issues;
    return typeof issues === 'string' && !issues.includes('..') ? issues : SERIES_DEFAULTS.issues;
  };

  await loadValidators(io);
  const plans = await discover(io, paths, cwd, issuesDirOf);
  const findings: PlanFindings[] = [];
  for (const plan of plans) {
    const loadedSeries = plan.seriesFile ? await series(plan.seriesFile) : undefined;
    const seriesRoot = plan.seriesFile ? await io.realpath(path.dirname(plan.seriesFile)).catch(() => undefined) : undefined;
    // Files are read and checked concurrently; results are taken in file order.
    const loadedIssues = await Promise.all(plan.issueFiles.map((file) => loadIssue(io, file, display(file), loadedSeries?.series, seriesRoot, { later })));
    const requested = plan.issueFiles.map((file) => plan.requested.has(file));
    const requestedDisplays = new Set(loadedIssues.filter((_, k) => requested[k]).map((loaded) => loaded.display));
    const facts: IssueFacts[] = loadedIssues.flatMap((loaded) => (loaded.facts ? [loaded.facts] : []));
    const across: Diagnostic[] = [];
    if (loadedSeries?.series && !loadedSeries.diagnostics.some((d) => d.severity === 'error')) {
      // The series' own fonts, subset (and converted) for the issues asked for: a font that cannot be is an error here.
      const asked = loadedIssues.flatMap((loaded, k) => (requested[k] && loaded.issue ? [loaded.issue] : []));
      across.push(...(await prepareFonts(io, loadedSeries, asked)));
    }
    if (loadedSeries?.series) {
      across.push(...checkNumbering(facts, loadedSeries.series).filter((d) => requestedDisplays.has(d.file)));
    }
    // Every issue of a series is written into one folder: no two may share an output name.
    if (plan.seriesFile) across.push(...checkOutputNames(plan.issueFiles, display).filter((d) => requestedDisplays.has(d.file)));
    if (plan.seriesFile && plan.issueFiles.length === 0 && loadedSeries?.series) {
      across.push(diagnostic(loadedSeries.display, FILE_START, 'warning', 'series-no-issues', msg('series-no-issues', { folder: display(loadedSeries.series.issuesDir) })));
    }
    findings.push({ loadedSeries, loadedIssues, requested, inSeries: plan.seriesFile !== undefined, across });
  }
  const result = collect(findings, display);
  if (later) {
    result.runLaterChecks = () => {
      // Of the files not asked for only the numbering facts are used: their later checks never run.
      for (const f of findings) {
        for (const loaded of [f.loadedSeries, ...f.loadedIssues.filter((_, k) => f.requested[k])]) if (loaded?.later) runLaterChecks(loaded.diagnostics, loaded.later);
      }
      return collect(findings, display);
    };
  }
  return result;
}

/** The findings of every plan → the result, in the order they are reported. */
function collect(findings: readonly PlanFindings[], display: (file: string) => string): ValidateResult {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const issues: Issue[] = [];
  const fixes = new Map<string, SourceFixes>();
  const legacyEncoded = new Map<string, { file: string; display: string }>();
  const keepFixes = (loaded: { file: string; display: string; text: string | undefined; fixes: SourceFixes['fixes']; diagnostics: readonly Diagnostic[] }) => {
    if (loaded.text !== undefined && loaded.fixes.length) fixes.set(loaded.file, { file: loaded.file, display: loaded.display, text: loaded.text, fixes: loaded.fixes });
    if (loaded.diagnostics.some((d) => d.code === 'source-encoding-gbk')) legacyEncoded.set(loaded.file, { file: loaded.file, display: loaded.display });
  };
  for (const { loadedSeries, loadedIssues, requested, inSeries, across } of findings) {
    if (loadedSeries) {
      diagnostics.push(...loadedSeries.diagnostics);
      if (loadedSeries.text !== undefined) sources.set(loadedSeries.display, loadedSeries.text);
      keepFixes(loadedSeries);
    }
    for (const [k, loaded] of loadedIssues.entries()) {
      if (!requested[k]) continue;
      diagnostics.push(...loaded.diagnostics);
      if (loaded.text !== undefined) sources.set(loaded.display, loaded.text);
      keepFixes(loaded);
      if (loaded.issue) issues.push(loaded.issue);
      if (!inSeries) {
        diagnostics.push(diagnostic(loaded.display, FILE_START, 'error', 'series-missing', msg('series-missing')));
      }
    }
    diagnostics.push(...across);
  }
  // Issues with numbering errors are not buildable either.
  const failed = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  return { diagnostics: sortDiagnostics(diagnostics), sources, issues: issues.filter((i) => !failed.has(display(i.file))), fixes: [...fixes.values()], legacyEncoded: [...legacyEncoded.values()] };
}
