// `bulletin inspect <issue>`: the compiled issue as JSON, as the templates receive it.
import { validate } from '../validate.js';
import { inspectIssue } from '../model/inspectIssue.js';
import { ExitCode } from '../diagnostics/exitCodes.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { printDiagnostics } from './printDiagnostics.js';
import type { Reporter } from './reporter.js';

export async function inspectCommand(file: string, options: { cwd: string }, reporter: Reporter): Promise<number> {
  const result = await validate([file], { cwd: options.cwd });
  if (hasErrors(result.diagnostics) || result.issues.length === 0) {
    printDiagnostics(reporter, result.diagnostics, result.sources, 'human', result.sources.size);
    return ExitCode.SourceErrors;
  }
  reporter.out(JSON.stringify(result.issues.map((i) => inspectIssue(i, options.cwd)).at(-1), null, 2));
  return ExitCode.Ok;
}
