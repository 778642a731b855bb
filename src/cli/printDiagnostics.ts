// Prints diagnostics in the format the user chose: human (code frames), json, or github annotations.
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatHuman, summary } from '../diagnostics/formatHuman.js';
import { formatGithub, formatJson } from '../diagnostics/formatMachine.js';
import type { Reporter } from './reporter.js';

export type DiagnosticFormat = 'human' | 'json' | 'github';

export function printDiagnostics(reporter: Reporter, diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>, format: DiagnosticFormat, files: number): void {
  if (format === 'json') {
    reporter.out(formatJson(diagnostics));
  } else if (format === 'github') {
    if (diagnostics.length) reporter.out(formatGithub(diagnostics));
    reporter.info(summary(diagnostics, files));
  } else {
    for (const d of diagnostics) reporter.out(`${formatHuman(d, sources.get(d.file), reporter.style)}\n`);
    reporter.info(summary(diagnostics, files));
  }
}
