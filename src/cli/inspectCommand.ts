// `bulletin inspect <issue>`: the view the templates receive, as JSON; `--paginated` prints the
// issue first, so the contents carry real page numbers and the pagination is added.
import { inspect } from '../inspect.js';
import { ExitCode } from '../diagnostics/exitCodes.js';
import { printDiagnostics } from './printDiagnostics.js';
import type { Reporter } from './reporter.js';

export async function inspectCommand(file: string, options: { cwd: string; paginated?: boolean; browser?: string; env?: NodeJS.ProcessEnv }, reporter: Reporter): Promise<number> {
  const result = await inspect(file, options);
  if (!result.view) {
    printDiagnostics(reporter, result.diagnostics, result.sources, 'human', result.sources.size);
    return ExitCode.SourceErrors;
  }
  reporter.out(JSON.stringify(result.view, null, 2));
  return ExitCode.Ok;
}
