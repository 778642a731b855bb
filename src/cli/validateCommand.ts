// `bulletin validate`: check sources (with --fix, correct the copy-editing first), print diagnostics, exit 0 / 1.
import { validate } from '../validate.js';
import { fixFiles, type FixChange } from '../fixFiles.js';
import { ExitCode } from '../diagnostics/exitCodes.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { printDiagnostics, type DiagnosticFormat } from './printDiagnostics.js';
import type { Reporter } from './reporter.js';

export interface ValidateCommandOptions {
  format: DiagnosticFormat;
  failOnWarnings: boolean;
  /** Apply the safe fixes in place before reporting what is left. */
  fix?: boolean;
  cwd: string;
}

/** `issues/2018-02.yaml:12:7: text-straight-quotes “"” → ““”` */
export function describeChange(c: FixChange): string {
  return `${c.file}:${c.line}:${c.column}: ${c.code} “${c.original}” → “${c.replacement}”`;
}

export async function validateCommand(paths: string[], options: ValidateCommandOptions, reporter: Reporter): Promise<number> {
  let result;
  if (options.fix) {
    const fixed = await fixFiles(paths, { cwd: options.cwd });
    // Human output lists the changes with the diagnostics; machine formats keep stdout to their own syntax.
    const say = (text: string) => (options.format === 'human' ? reporter.out(text) : reporter.info(text));
    for (const file of fixed.converted) say(`${file}: converted from GBK/GB18030 to UTF-8`);
    for (const change of fixed.changes) say(describeChange(change));
    for (const r of fixed.refused) reporter.error(`${r.file}: not fixed: ${r.reason}`);
    const files = new Set(fixed.changes.map((c) => c.file)).size;
    const converted = fixed.converted.length ? `; ${fixed.converted.length} file${fixed.converted.length === 1 ? '' : 's'} converted to UTF-8` : '';
    reporter.info(`${fixed.changes.length} fix${fixed.changes.length === 1 ? '' : 'es'} applied in ${files} file${files === 1 ? '' : 's'}${converted}`);
    result = fixed;
  } else {
    result = await validate(paths, { cwd: options.cwd });
  }
  printDiagnostics(reporter, result.diagnostics, result.sources, options.format, result.sources.size);
  if (hasErrors(result.diagnostics)) return ExitCode.SourceErrors;
  if (options.failOnWarnings && result.diagnostics.length > 0) return ExitCode.SourceErrors;
  return ExitCode.Ok;
}
