// The closed set of exit codes of the command line, documented in the README.
import { render, type Message } from '../i18n/message.js';
import type { Lang } from '../i18n/lang.js';

export const ExitCode = {
  /** Everything worked (warnings may have been printed). */
  Ok: 0,
  /** The sources have errors (or warnings, under --fail-on-warnings). */
  SourceErrors: 1,
  /** The command line itself is wrong: unknown flag, missing path. */
  Usage: 2,
  /** Rendering failed: a template error, or the PDF's self-check found wrong contents numbers. */
  RenderFailed: 3,
  /** The browser could not be found, started, or it crashed or hung. */
  BrowserFailed: 4,
  /** Writing an output failed (permissions, disk full). */
  OutputFailed: 5,
  /** An unexpected exception: a bug of bulletin (EX_SOFTWARE of sysexits.h). */
  InternalError: 70,
  /** Interrupted by Ctrl-C (SIGINT). */
  Interrupted: 130,
  /** Terminated by SIGTERM. */
  Terminated: 143,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * An error that ends a command with a documented exit code and a message for people. `message` and
 * `hint` are English; `text` keeps the catalogue messages they were rendered from, for `describe`.
 */
export class BulletinError extends Error {
  readonly hint?: string;
  readonly text: { message: Message; hint?: Message };

  constructor(
    message: Message,
    readonly exitCode: ExitCodeValue,
    hint?: Message,
  ) {
    super(render(message, 'en'));
    this.name = 'BulletinError';
    if (hint !== undefined) this.hint = render(hint, 'en');
    this.text = { message, ...(hint ? { hint } : {}) };
  }

  /** The message and hint in a language. */
  describe(lang: Lang): { message: string; hint?: string } {
    if (lang === 'en') return { message: this.message, ...(this.hint !== undefined ? { hint: this.hint } : {}) };
    return { message: render(this.text.message, lang), ...(this.text.hint ? { hint: render(this.text.hint, lang) } : {}) };
  }
}
