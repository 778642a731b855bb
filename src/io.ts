// Files, clock and environment behind one interface (as Typst's World): every read of a source,
// template, font or image, every output written, the clock and the environment go through an
// `Io`. `nodeIo` is the implementation on the real file system; with output/writeAtomic.ts it is
// the only code that imports node:fs (test/architecture/imports.test.ts holds to that).
import { promises as fs, constants as fsConstants, accessSync, readFileSync, statSync, watch as fsWatch } from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import { writeAtomic, copyAtomic } from './output/writeAtomic.js';
import { openOutputFolder, type OutputFolder } from './output/outputFolder.js';

export type { OutputFolder, OutputTransaction } from './output/outputFolder.js';

export interface FileInfo {
  isFile: boolean;
  isDirectory: boolean;
  size: number;
  /** Permission bits (0o644 …), where the platform has them. */
  mode?: number;
  /** Last modification (ms since the epoch): with the size, tells a replaced file from the one read before. */
  mtimeMs: number;
  /**
   * The file's identity where the platform gives it: device, inode and last status change (ms since
   * the epoch; no tool sets it back, so a file written to or replaced has another).
   */
  dev?: number;
  ino?: number;
  ctimeMs?: number;
}

export interface Io {
  readFile(path: string): Promise<Uint8Array>;
  /** Reads at most `length` bytes from the start of a regular file. */
  readHead(path: string, length: number): Promise<Uint8Array>;
  stat(path: string): Promise<FileInfo>;
  realpath(path: string): Promise<string>;
  readdir(path: string): Promise<{ name: string; isDirectory: boolean; isFile: boolean }[]>;
  exists(path: string): Promise<boolean>;
  /** Environment variables (SOURCE_DATE_EPOCH, BULLETIN_BROWSER, …). */
  env(name: string): string | undefined;
  /** Whether anything is at `path`, a symbolic link included (even one that leads nowhere). */
  present(path: string): Promise<boolean>;
  /** Whether this process may read (or write) `path`. */
  access(path: string, mode: 'read' | 'write'): Promise<boolean>;
  /** A file of bulletin itself (a bundled font list, a schema), for a module that needs it at once. */
  readTextSync(path: string): string;
  /** Whether `path` is a regular file this process may execute (a browser). */
  isExecutable(path: string): boolean;
  /** Writes `data` to a new file beside `path` and renames it over `path`: readers see the old file or the new one. Creates the folders. */
  writeFile(path: string, data: Uint8Array | string, options?: { mode?: number; sync?: boolean }): Promise<void>;
  /** Copies `from` to `to` the same way (a new file, renamed over `to`). */
  copyFile(from: string, to: string): Promise<void>;
  /** Creates a file that must not exist yet (never overwrites). */
  createFile(path: string, data: string): Promise<void>;
  /** Creates a folder and its parents (nothing happens when it exists). */
  mkdir(path: string): Promise<void>;
  /** A new empty folder under the system's temporary folder. */
  makeTempDir(prefix: string): Promise<string>;
  /** Removes a file or a folder with everything in it. */
  remove(path: string): Promise<void>;
  /** Calls `onChange` with the relative name of whatever changed under `path` (recursively). */
  watch(path: string, onChange: (name: string | null) => void): { close(): void };
  /** The time now (the clock of `bulletin new`, today's date). */
  now(): Date;
  /**
   * The folder a build writes into, checked: a real folder (created if missing) holding no link
   * that leads outside it; its transactions stage new files and rename them into place together.
   */
  openOutput(dir: string, display?: (file: string) => string): Promise<OutputFolder>;
}

function info(s: import('node:fs').Stats): FileInfo {
  return { isFile: s.isFile(), isDirectory: s.isDirectory(), size: s.size, mode: s.mode & 0o7777, mtimeMs: s.mtimeMs, dev: s.dev, ino: s.ino, ctimeMs: s.ctimeMs };
}

export const nodeIo: Io = {
  readFile: (path) => fs.readFile(path),
  async readHead(path, length) {
    // O_NONBLOCK: a FIFO slipped in between stat and open must not hang the read.
    const handle = await fs.open(path, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
    try {
      const buffer = new Uint8Array(length);
      const { bytesRead } = await handle.read(buffer, 0, length, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  },
  stat: async (path) => info(await fs.stat(path)),
  realpath: (path) => fs.realpath(path),
  async readdir(path) {
    const entries = await fs.readdir(path, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, isDirectory: e.isDirectory(), isFile: e.isFile() }));
  },
  async exists(path) {
    try {
      await fs.stat(path);
      return true;
    } catch {
      return false;
    }
  },
  env: (name) => process.env[name],
  present: (path) => fs.lstat(path).then(() => true, () => false),
  access: (path, mode) => fs.access(path, mode === 'read' ? fsConstants.R_OK : fsConstants.W_OK).then(() => true, () => false),
  readTextSync: (path) => readFileSync(path, 'utf8'),
  isExecutable(path) {
    try {
      if (!statSync(path).isFile()) return false;
      accessSync(path, fsConstants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  writeFile: (path, data, options) => writeAtomic(path, data, options),
  copyFile: (from, to) => copyAtomic(from, to),
  createFile: (path, data) => fs.writeFile(path, data, { flag: 'wx' }),
  mkdir: (path) => fs.mkdir(path, { recursive: true }).then(() => undefined),
  makeTempDir: (prefix) => fs.mkdtemp(nodePath.join(os.tmpdir(), prefix)),
  remove: (path) => fs.rm(path, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 }),
  watch(path, onChange) {
    const watcher = fsWatch(path, { recursive: true }, (_event, name) => onChange(name === null ? null : String(name)));
    return { close: () => watcher.close() };
  },
  now: () => new Date(),
  openOutput: (dir, display) => openOutputFolder(dir, display),
};

/** The error code of a failed fs call (`ENOENT`, …), if any. */
export function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/** Today's calendar date where the user is (the local time zone), as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * An Io that remembers what it learnt about a path (real path, status, first bytes) for the length
 * of one run: a hundred issues sharing a photo or a folder ask once.
 */
export function memoIo(io: Io): Io {
  const cache = new Map<string, Promise<unknown>>();
  const memo = <T>(kind: string, key: string, load: () => Promise<T>): Promise<T> => {
    const k = `${kind}\0${key}`;
    let p = cache.get(k) as Promise<T> | undefined;
    if (!p) {
      p = load();
      cache.set(k, p);
    }
    return p;
  };
  return {
    ...io,
    realpath: (path) => memo('realpath', path, () => io.realpath(path)),
    stat: (path) => memo('stat', path, () => io.stat(path)),
    readHead: (path, length) => memo(`head${length}`, path, () => io.readHead(path, length)),
  };
}
