// Prints diagnostics in the format the user chose: human (code frames), json, or github annotations.
import { localize, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatHuman, summary } from '../diagnostics/formatHuman.js';
import { formatGithub, formatJson } from '../diagnostics/formatMachine.js';
import type { Reporter } from './reporter.js';

export type DiagnosticFormat = 'human' | 'json' | 'github';

/** In the reporter's language; the codes stay as they are in every format. */
export function printDiagnostics(reporter: Reporter, all: readonly Diagnostic[], sources: ReadonlyMap<string, string>, format: DiagnosticFormat, files: number): void {
  const diagnostics = all.map((d) => localize(d, reporter.lang));
  if (format === 'json') {
    reporter.out(formatJson(diagnostics));
  } else if (format === 'github') {
    if (diagnostics.length) reporter.out(formatGithub(diagnostics));
    reporter.info(summary(diagnostics, files, reporter.lang));
  } else {
    for (const d of diagnostics) reporter.out(`${formatHuman(d, sources.get(d.file), reporter.style, reporter.lang)}\n`);
    reporter.info(summary(diagnostics, files, reporter.lang));
  }
}
