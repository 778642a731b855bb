// The library's options, checked before anything starts (no browser, no file read): a script that
// passes `concurrency: 0`, no output at all or a port out of range gets a usage error (exit 2)
// naming the option, not a build that hangs, writes nothing or fails somewhere deep inside.
import { BulletinError, ExitCode } from './diagnostics/exitCodes.js';
import { WRITERS } from './writers/writers.js';

const HINT = 'See "Library" in the README for the options and their values.';

function usage(message: string, hint = HINT): BulletinError {
  return new BulletinError(message, ExitCode.Usage, hint);
}

function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** A path given as an option: a string that names something (no NUL: no file system takes one). */
function checkPath(name: string, value: unknown, required: boolean): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || value.trim() === '' || value.includes('\0')) {
    throw usage(`option ${name}: ${shown(value)} is not a path`, `Give ${name} as a non-empty string (a folder or file name).`);
  }
}

function checkBoolean(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') throw usage(`option ${name}: ${shown(value)} is not true or false`);
}

function checkFunction(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function') throw usage(`option ${name}: ${shown(value)} is not a function`);
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
  if (typeof options !== 'object' || options === null) throw usage(`build options: ${shown(options)} is not an object`, 'Leave the options out, or pass an object: build(paths, { outDir: \'dist\' }).');
  if (!Array.isArray(paths)) throw usage(`paths: ${shown(paths)} is not a list of paths`, 'Pass an array: build([\'examples/seed\'], …).');
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
    throw usage(`option concurrency: ${shown(concurrency)} is not a whole number of at least 1`, 'concurrency is how many issues print at the same time: 1, 2, 4 …; leave it out for one per core.');
  }
  if (yearbook !== undefined && !(typeof yearbook === 'number' && Number.isInteger(yearbook) && yearbook >= 1900 && yearbook <= 2999)) {
    throw usage(`option yearbook: ${shown(yearbook)} is not a year`, 'For example: yearbook: 2025.');
  }
  if (signal !== undefined && !(typeof signal === 'object' && signal !== null && typeof (signal as AbortSignal).aborted === 'boolean' && typeof (signal as AbortSignal).addEventListener === 'function')) {
    throw usage(`option signal: ${shown(signal)} is not an AbortSignal`);
  }
  if (writers !== undefined) {
    if (!Array.isArray(writers)) throw usage(`option writers: ${shown(writers)} is not a list of writers`, `Name some of ${Object.keys(WRITERS).join(', ')}.`);
    for (const name of writers) {
      if (typeof name !== 'string' || !Object.hasOwn(WRITERS, name)) throw usage(`option writers: ${shown(name)} is not a writer`, `The writers are ${Object.keys(WRITERS).join(', ')}.`);
    }
    const twice = writers.find((name, i) => writers.indexOf(name) !== i);
    if (twice !== undefined) throw usage(`option writers: ${shown(twice)} is named twice`, 'Name each writer once.');
    if (writers.length === 0) throw usage('option writers: an empty list builds nothing', `Name at least one of ${Object.keys(WRITERS).join(', ')}.`);
  } else if (options.pdf === false && options.html === false && yearbook === undefined && !options.htmlSingle && !options.wechat && !options.ofd) {
    throw usage('options pdf: false and html: false leave nothing to build', 'Leave one of them out (or true), or choose the outputs with writers: [...].');
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
  if (typeof options !== 'object' || options === null) throw usage(`preview options: ${shown(options)} is not an object`, 'For example: preview({ path: \'examples/seed\', port: 0 }).');
  checkPath('path', options.path, true);
  checkPath('cwd', options.cwd, false);
  checkPath('browser', options.browser, false);
  checkFunction('onUpdate', options.onUpdate);
  const { port, signal } = options;
  if (port !== undefined && !(typeof port === 'number' && Number.isInteger(port) && port >= 0 && port <= 65535)) {
    throw usage(`option port: ${shown(port)} is not a port number (0 to 65535)`, 'Give a port such as 4173, or 0 for any free port.');
  }
  if (signal !== undefined && !(typeof signal === 'object' && signal !== null && typeof (signal as AbortSignal).aborted === 'boolean' && typeof (signal as AbortSignal).addEventListener === 'function')) {
    throw usage(`option signal: ${shown(signal)} is not an AbortSignal`);
  }
}
