// validate: sources → diagnostics and the compiled issues. The first half of every command.
// Steps: discover sources → load series → load issues (parse, schema, model) → numbering across the series.
import path from 'node:path';
import { memoIo, nodeIo, type Io } from './io.js';
import { displayPath } from './source/displayPath.js';
import { sortDiagnostics, diagnostic, FILE_START, type Diagnostic } from './diagnostics/diagnostic.js';
import { discover } from './source/discover.js';
import { prepareFonts } from './source/prepareFonts.js';
import { loadSeries, type LoadedSeries } from './source/loadSeries.js';
import { loadIssue, type IssueFacts } from './source/loadIssue.js';
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
}

export async function validate(paths: readonly string[], options: ValidateOptions = {}): Promise<ValidateResult> {
  const io = memoIo(options.io ?? nodeIo);
  const cwd = options.cwd ?? process.cwd();
  const display = (file: string): string => displayPath(cwd, file);
  const seriesCache = new Map<string, Promise<LoadedSeries>>();
  const series = (file: string): Promise<LoadedSeries> => {
    let loaded = seriesCache.get(file);
    if (!loaded) {
      loaded = loadSeries(io, file, display(file));
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
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const issues: Issue[] = [];
  const fixes = new Map<string, SourceFixes>();
  const legacyEncoded = new Map<string, { file: string; display: string }>();
  const keepFixes = (loaded: { file: string; display: string; text: string | undefined; fixes: SourceFixes['fixes']; diagnostics: readonly Diagnostic[] }) => {
    if (loaded.text !== undefined && loaded.fixes.length) fixes.set(loaded.file, { file: loaded.file, display: loaded.display, text: loaded.text, fixes: loaded.fixes });
    if (loaded.diagnostics.some((d) => d.code === 'source-encoding-gbk')) legacyEncoded.set(loaded.file, { file: loaded.file, display: loaded.display });
  };
  for (const plan of plans) {
    const loadedSeries = plan.seriesFile ? await series(plan.seriesFile) : undefined;
    if (loadedSeries) {
      diagnostics.push(...loadedSeries.diagnostics);
      if (loadedSeries.text !== undefined) sources.set(loadedSeries.display, loadedSeries.text);
      keepFixes(loadedSeries);
    }
    const seriesRoot = plan.seriesFile ? await io.realpath(path.dirname(plan.seriesFile)).catch(() => undefined) : undefined;
    const facts: IssueFacts[] = [];
    const requestedDisplays = new Set<string>();
    // Files are read and checked concurrently; results are taken in file order.
    const loadedIssues = await Promise.all(plan.issueFiles.map((file) => loadIssue(io, file, display(file), loadedSeries?.series, seriesRoot)));
    for (const [k, file] of plan.issueFiles.entries()) {
      const loaded = loadedIssues[k]!;
      if (loaded.facts) facts.push(loaded.facts);
      if (!plan.requested.has(file)) continue;
      requestedDisplays.add(loaded.display);
      diagnostics.push(...loaded.diagnostics);
      if (loaded.text !== undefined) sources.set(loaded.display, loaded.text);
      keepFixes(loaded);
      if (loaded.issue) issues.push(loaded.issue);
      if (!plan.seriesFile) {
        diagnostics.push(diagnostic(loaded.display, FILE_START, 'error', 'series-missing', 'this issue is not in a series: no bulletin.yaml in its folder or above', 'Put the issue in the issues/ folder of a series (run `bulletin init` to start one).'));
      }
    }
    if (loadedSeries?.series && !loadedSeries.diagnostics.some((d) => d.severity === 'error')) {
      // The series' own fonts, subset (and converted) for the issues asked for: a font that cannot be is an error here.
      const requested = plan.issueFiles.flatMap((file, k) => (plan.requested.has(file) && loadedIssues[k]!.issue ? [loadedIssues[k]!.issue!] : []));
      diagnostics.push(...(await prepareFonts(io, loadedSeries, requested)));
    }
    if (loadedSeries?.series) {
      diagnostics.push(...checkNumbering(facts, loadedSeries.series).filter((d) => requestedDisplays.has(d.file)));
    }
    // Every issue of a series is written into one folder: no two may share an output name.
    if (plan.seriesFile) diagnostics.push(...checkOutputNames(plan.issueFiles, display).filter((d) => requestedDisplays.has(d.file)));
    if (plan.seriesFile && plan.issueFiles.length === 0 && loadedSeries?.series) {
      diagnostics.push(diagnostic(loadedSeries.display, FILE_START, 'warning', 'series-no-issues', `no issue files found in ${display(loadedSeries.series.issuesDir)}`, 'Run `bulletin new` to write the first issue.'));
    }
  }
  // Issues with numbering errors are not buildable either.
  const failed = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  return { diagnostics: sortDiagnostics(diagnostics), sources, issues: issues.filter((i) => !failed.has(display(i.file))), fixes: [...fixes.values()], legacyEncoded: [...legacyEncoded.values()] };
}
