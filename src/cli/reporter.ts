// Everything the command line prints goes through here; the only chalk import.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Style } from '../diagnostics/formatHuman.js';
import { render, translator, type Message, type Translator } from '../i18n/message.js';
import type { Lang } from '../i18n/lang.js';

export interface Streams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export interface Reporter extends Translator {
  /** Results (file lists, JSON) on stdout. */
  out(text: string): void;
  /** Progress and messages for people on stderr. */
  info(text: string): void;
  verbose(text: string): void;
  /** An error line (and its hint) in the reporter's language. */
  error(message: Message | string, hint?: Message | string): void;
  style: Style;
  quiet: boolean;
  isTTY: boolean;
  /** Where progress is drawn. */
  stderr: Streams['stderr'];
}

export function createReporter(streams: Streams, options: { quiet?: boolean; verbose?: boolean; env?: NodeJS.ProcessEnv; lang?: Lang } = {}): Reporter {
  const env = options.env ?? process.env;
  const lang = options.lang ?? 'en';
  const words = translator(lang);
  const hintLabel = words.t('label.hint') + (lang === 'zh' ? '' : ' ');
  const colour = Boolean(streams.stderr.isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb';
  const chalk: ChalkInstance = new Chalk({ level: colour || env.FORCE_COLOR ? 1 : 0 });
  const style: Style = {
    error: (t) => chalk.red.bold(t),
    warning: (t) => chalk.yellow.bold(t),
    dim: (t) => chalk.dim(t),
    bold: (t) => chalk.bold(t),
    hint: (t) => chalk.cyan(t),
  };
  return {
    ...words,
    out: (text) => void streams.stdout.write(`${text}\n`),
    info: (text) => {
      if (!options.quiet) streams.stderr.write(`${text}\n`);
    },
    verbose: (text) => {
      if (options.verbose) streams.stderr.write(`${chalk.dim(text)}\n`);
    },
    error: (message, hint) => {
      streams.stderr.write(`${style.error(words.t('label.error') + (lang === 'zh' ? '：' : ''))}${lang === 'zh' ? '' : ' '}${render(message, lang)}\n${hint ? `  ${style.hint(hintLabel)}${render(hint, lang)}\n` : ''}`);
    },
    style,
    quiet: Boolean(options.quiet),
    isTTY: Boolean(streams.stderr.isTTY),
    stderr: streams.stderr,
  };
}

export type { Diagnostic };
