// Diagnostics as data: every problem the tool reports, with its position, code and hint.
import { DIAGNOSTIC_CODES, type DiagnosticCode, type Severity } from './codes.js';

export type { DiagnosticCode };

export type { Severity };

/** A position in a source file, 1-based like editors show it. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Diagnostic extends Span {
  /** Path of the file as the user named it (relative to the working folder when possible). */
  file: string;
  severity: Severity;
  /** Stable code from the list in codes.ts, documented in the README (e.g. `schema-unknown-key`). */
  code: DiagnosticCode;
  message: string;
  /** What to do about it. */
  hint?: string;
}

/** A span covering nothing in particular: the start of a file. */
export const FILE_START: Span = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** `hint` is what to do in this case; without one, the code's general hint from codes.ts is given. */
export function diagnostic(
  file: string,
  span: Span,
  severity: Severity,
  code: DiagnosticCode,
  message: string,
  hint: string | undefined = DIAGNOSTIC_CODES[code].hint,
): Diagnostic {
  return { file, ...span, severity, code, message, ...(hint ? { hint } : {}) };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Order by file, then position, so reports read top to bottom. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
  );
}
