// Diagnostics as data: every problem the tool reports, with its position, code and hint.
import type { DiagnosticCode, Severity } from './codes.js';
import { render, type Message } from '../i18n/message.js';
import { CATALOG } from '../i18n/catalog.js';
import type { Lang } from '../i18n/lang.js';

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
  /** What it says, in English (the catalogue's `en`); `text` has it for every language. */
  message: string;
  /** What to do about it, in English. */
  hint?: string;
  /** The message and hint as catalogue entries, rendered in the reader's language by `localize` (every diagnostic `diagnostic()` makes has them). */
  text?: { message: Message; hint?: Message };
}

/** A span covering nothing in particular: the start of a file. */
export const FILE_START: Span = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** The general hint of a code: `<code>.hint` in the catalogue. */
export function codeHint(code: DiagnosticCode): Message {
  const id = `${code}.hint`;
  if (!Object.hasOwn(CATALOG, id)) throw new Error(`the code ${code} has no hint in src/i18n/messages/codes.ts`);
  return { id: id as Message['id'] };
}

/** What a code says in general: its entry in the catalogue (with `{placeholders}` when unfilled). */
export function codeMessage(code: DiagnosticCode): Message {
  return { id: code as Message['id'] };
}

/**
 * `message` and `hint` are catalogue messages (`msg(id, params)`), so every diagnostic can be read in
 * every language; without a hint, the code's general hint is given.
 */
export function diagnostic(
  file: string,
  span: Span,
  severity: Severity,
  code: DiagnosticCode,
  message: Message,
  hint: Message | undefined = codeHint(code),
): Diagnostic {
  return { file, ...span, severity, code, message: render(message, 'en'), ...(hint ? { hint: render(hint, 'en') } : {}), text: { message, ...(hint ? { hint } : {}) } };
}

/** The diagnostic in a language: its message and hint rendered from the catalogue (English text stays as it is). */
export function localize(d: Diagnostic, lang: Lang): Diagnostic {
  if (lang === 'en' || !d.text) return d;
  const { text, ...rest } = d;
  return { ...rest, message: render(text.message, lang), ...(text.hint ? { hint: render(text.hint, lang) } : {}), text };
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
