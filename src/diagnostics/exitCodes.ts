// The closed set of exit codes of the command line, documented in the README.

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

/** An error that ends a command with a documented exit code and a message for people. */
export class BulletinError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'BulletinError';
  }
}
