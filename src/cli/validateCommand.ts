// `bulletin validate`: check sources, print diagnostics, exit 0 / 1.
import { validate } from '../validate.js';
import { ExitCode } from '../diagnostics/exitCodes.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { printDiagnostics, type DiagnosticFormat } from './printDiagnostics.js';
import type { Reporter } from './reporter.js';

export interface ValidateCommandOptions {
  format: DiagnosticFormat;
  failOnWarnings: boolean;
  cwd: string;
}

export async function validateCommand(paths: string[], options: ValidateCommandOptions, reporter: Reporter): Promise<number> {
  const result = await validate(paths, { cwd: options.cwd });
  printDiagnostics(reporter, result.diagnostics, result.sources, options.format, result.sources.size);
  if (hasErrors(result.diagnostics)) return ExitCode.SourceErrors;
  if (options.failOnWarnings && result.diagnostics.length > 0) return ExitCode.SourceErrors;
  return ExitCode.Ok;
}
