// The library's options, checked before anything starts (no browser, no file read): a script that
// passes `concurrency: 0`, no output at all or a port out of range gets a usage error (exit 2)
// naming the option, not a build that hangs, writes nothing or fails somewhere deep inside.
import { BulletinError, ExitCode } from './diagnostics/exitCodes.js';
import { WRITERS } from './writers/writers.js';
import { msg, type Message, type ParamValue } from './i18n/message.js';

function usage(message: Message, hint: Message = msg('options.hint')): BulletinError {
  return new BulletinError(message, ExitCode.Usage, hint);
}

function shown(value: unknown): ParamValue {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return msg('options.shown.array');
  return msg('options.shown.other', { type: typeof value });
}

/** A path given as an option: a string that names something (no NUL: no file system takes one). */
function checkPath(name: string, value: unknown, required: boolean): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || value.trim() === '' || value.includes('\0')) {
    throw usage(msg('options.not-path', { name, value: shown(value) }), msg('options.not-path.hint', { name }));
  }
}

function checkBoolean(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') throw usage(msg('options.not-boolean', { name, value: shown(value) }));
}

function checkFunction(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function') throw usage(msg('options.not-function', { name, value: shown(value) }));
}

export interface CheckedBuildOptions {
  cwd?: unknown;
  outDir?: unknown;
  pdf?: unknown;
  html?: unknown;
  htmlSingle?: unknown;
  wechat?: unknown;
  ofd?: unknown;
  writers?: unknown;
  browser?: unknown;
  yearbook?: unknown;
  pdfa?: unknown;
  concurrency?: unknown;
  onProgress?: unknown;
  signal?: unknown;
}

/** `build(paths, options)`: throws a BulletinError (exit 2) naming the first option that is wrong. */
export function checkBuildOptions(paths: unknown, options: CheckedBuildOptions): void {
  if (typeof options !== 'object' || options === null) throw usage(msg('options.build-not-object', { value: shown(options) }), msg('options.build-not-object.hint'));
  if (!Array.isArray(paths)) throw usage(msg('options.paths-not-list', { value: shown(paths) }), msg('options.paths-not-list.hint'));
  paths.forEach((p, i) => checkPath(`paths[${i}]`, p, true));
  checkPath('cwd', options.cwd, false);
  checkPath('outDir', options.outDir, false);
  checkPath('browser', options.browser, false);
  checkBoolean('pdf', options.pdf);
  checkBoolean('html', options.html);
  checkBoolean('htmlSingle', options.htmlSingle);
  checkBoolean('wechat', options.wechat);
  checkBoolean('ofd', options.ofd);
  checkBoolean('pdfa', options.pdfa);
  checkFunction('onProgress', options.onProgress);
  const { concurrency, yearbook, writers, signal } = options;
  if (concurrency !== undefined && !(typeof concurrency === 'number' && Number.isInteger(concurrency) && concurrency >= 1)) {
    throw usage(msg('options.concurrency', { value: shown(concurrency) }), msg('options.concurrency.hint'));
  }
  if (yearbook !== undefined && !(typeof yearbook === 'number' && Number.isInteger(yearbook) && yearbook >= 1900 && yearbook <= 2999)) {
    throw usage(msg('options.yearbook', { value: shown(yearbook) }), msg('options.yearbook.hint'));
  }
  if (signal !== undefined && !(typeof signal === 'object' && signal !== null && typeof (signal as AbortSignal).aborted === 'boolean' && typeof (signal as AbortSignal).addEventListener === 'function')) {
    throw usage(msg('options.signal', { value: shown(signal) }));
  }
  if (writers !== undefined) {
    const names = Object.keys(WRITERS).join(', ');
    if (!Array.isArray(writers)) throw usage(msg('options.writers-not-list', { value: shown(writers) }), msg('options.writers-not-list.hint', { writers: names }));
    for (const name of writers) {
      if (typeof name !== 'string' || !Object.hasOwn(WRITERS, name)) throw usage(msg('options.not-writer', { value: shown(name) }), msg('options.not-writer.hint', { writers: names }));
    }
    const twice = writers.find((name, i) => writers.indexOf(name) !== i);
    if (twice !== undefined) throw usage(msg('options.writer-twice', { value: shown(twice) }), msg('options.writer-twice.hint'));
    if (writers.length === 0) throw usage(msg('options.writers-empty'), msg('options.writers-empty.hint', { writers: names }));
  } else if (options.pdf === false && options.html === false && yearbook === undefined && !options.htmlSingle && !options.wechat && !options.ofd) {
    throw usage(msg('options.nothing-to-build'), msg('options.nothing-to-build.hint'));
  }
}

export interface CheckedPreviewOptions {
  path?: unknown;
  cwd?: unknown;
  port?: unknown;
  browser?: unknown;
  onUpdate?: unknown;
  signal?: unknown;
}

/** `preview(options)`: throws a BulletinError (exit 2) naming the first option that is wrong. */
export function checkPreviewOptions(options: CheckedPreviewOptions): void {
  if (typeof options !== 'object' || options === null) throw usage(msg('options.preview-not-object', { value: shown(options) }), msg('options.preview-not-object.hint'));
  checkPath('path', options.path, true);
  checkPath('cwd', options.cwd, false);
  checkPath('browser', options.browser, false);
  checkFunction('onUpdate', options.onUpdate);
  const { port, signal } = options;
  if (port !== undefined && !(typeof port === 'number' && Number.isInteger(port) && port >= 0 && port <= 65535)) {
    throw usage(msg('options.port', { value: shown(port) }), msg('options.port.hint'));
  }
  if (signal !== undefined && !(typeof signal === 'object' && signal !== null && typeof (signal as AbortSignal).aborted === 'boolean' && typeof (signal as AbortSignal).addEventListener === 'function')) {
    throw usage(msg('options.signal', { value: shown(signal) }));
  }
}
