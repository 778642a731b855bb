// `bulletin validate`: check sources (with --fix, correct the copy-editing first), print diagnostics, exit 0 / 1.
import { validate } from '../validate.js';
import { fixFiles, type FixChange } from '../fixFiles.js';
import { ExitCode } from '../diagnostics/exitCodes.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { printDiagnostics, type DiagnosticFormat } from './printDiagnostics.js';
import type { Reporter } from './reporter.js';
import { msg, t } from '../i18n/message.js';
import type { Lang } from '../i18n/lang.js';

export interface ValidateCommandOptions {
  format: DiagnosticFormat;
  failOnWarnings: boolean;
  /** Apply the safe fixes in place before reporting what is left. */
  fix?: boolean;
  cwd: string;
}

/** `issues/2018-02.yaml:12:7: text-straight-quotes “"” → ““”` (in Chinese, 「"」→「“」). */
export function describeChange(c: FixChange, lang: Lang = 'en'): string {
  return t(lang, 'cli.fix.change', { place: `${c.file}:${c.line}:${c.column}`, code: c.code, original: c.original, replacement: c.replacement });
}

export async function validateCommand(paths: string[], options: ValidateCommandOptions, reporter: Reporter): Promise<number> {
  let result;
  if (options.fix) {
    const fixed = await fixFiles(paths, { cwd: options.cwd });
    // Human output lists the changes with the diagnostics; machine formats keep stdout to their own syntax.
    const say = (text: string) => (options.format === 'human' ? reporter.out(text) : reporter.info(text));
    for (const file of fixed.converted) say(reporter.t('cli.fix.converted', { file }));
    for (const change of fixed.changes) say(describeChange(change, reporter.lang));
    for (const r of fixed.refused) reporter.error(msg('cli.fix.refused', { file: r.file, reason: r.text }));
    const files = new Set(fixed.changes.map((c) => c.file)).size;
    const converted = fixed.converted.length ? msg('cli.fix.summary.converted', { count: fixed.converted.length }) : '';
    reporter.info(reporter.t('cli.fix.summary', { count: fixed.changes.length, files, converted }));
    result = fixed;
  } else {
    result = await validate(paths, { cwd: options.cwd });
  }
  printDiagnostics(reporter, result.diagnostics, result.sources, options.format, result.sources.size);
  if (hasErrors(result.diagnostics)) return ExitCode.SourceErrors;
  if (options.failOnWarnings && result.diagnostics.length > 0) return ExitCode.SourceErrors;
  return ExitCode.Ok;
}
