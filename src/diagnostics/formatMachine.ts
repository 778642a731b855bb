// Diagnostics for machines: a JSON array, or GitHub Actions workflow commands for CI annotations.
import type { Diagnostic } from './diagnostic.js';

export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(
    diagnostics.map((d) => ({
      file: d.file, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn,
      severity: d.severity, code: d.code, message: d.message, hint: d.hint ?? null,
    })),
    null,
    2,
  );
}

/** Escaping of workflow command data and properties (see GitHub's toolkit `command.ts`). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const props = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`, `endLine=${d.endLine}`, `endColumn=${d.endColumn}`, `title=${escapeProperty(`bulletin ${d.code}`)}`].join(',');
      return `::${d.severity} ${props}::${escapeData(d.hint ? `${d.message}\n${d.hint}` : d.message)}`;
    })
    .join('\n');
}
