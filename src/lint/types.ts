// The data of the copy-editing checks: findings in a text, and fixes in a file.
import type { Message } from '../i18n/message.js';
import type { LintCode } from './lintCodes.js';

/** How a text is printed, which decides the checks that apply to it. */
export type TextKind =
  /** Article titles, section labels: printed as headings (no full stop at the end). */
  | 'title'
  /** Bodies and notes: Markdown, with headings and list markers. */
  | 'markdown'
  /** Captions, source lines, units, the masthead: plain text. */
  | 'plain';

/** A problem found in a text, between offsets of that text (UTF-16 units, end exclusive). */
export interface TextFinding {
  code: LintCode;
  start: number;
  end: number;
  message: Message;
  /** What to do, in words. */
  hint: Message;
  /** The change that corrects it, when it is safe; absent when a person must decide. */
  fix?: TextEdit;
}

/** A change to a text: [start, end) replaced (it may reach past the finding, e.g. to take the spaces around a mark). */
export interface TextEdit {
  start: number;
  end: number;
  replacement: string;
}

/** A change to a source file, between offsets of the file's text (end exclusive). */
export interface TextFix {
  start: number;
  end: number;
  replacement: string;
  code: LintCode;
  /** Where the change starts, 1-based, for the report of what --fix did. */
  line: number;
  column: number;
  /** The text replaced. */
  original: string;
}

/** The safe fixes of one source file, with the text they were computed on. */
export interface SourceFixes {
  /** Absolute path. */
  file: string;
  /** The file name shown in diagnostics. */
  display: string;
  /** The file's text as read (without a byte order mark). */
  text: string;
  fixes: TextFix[];
}
