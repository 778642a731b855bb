// A problem of a Markdown text (a body, a note, a caption, a table), found while it is parsed, as a
// line and column of that text: the source loader turns it into a diagnostic of the file.
import type { DiagnosticCode } from '../diagnostics/codes.js';
import type { Message } from '../i18n/message.js';

export interface BodyProblem {
  /** 0-based line within the Markdown text. */
  line: number;
  /** 0-based column within that line (UTF-16 units), when the problem is one place of it; otherwise the whole line. */
  column?: number;
  /** Its length, with `column`. */
  length?: number;
  /** The code's own severity when absent: an error. */
  severity?: 'warning';
  code: DiagnosticCode;
  message: Message;
  hint: Message;
}
