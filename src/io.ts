// Files, clock and environment behind one interface: the only node:fs import of the core.
import { promises as fs, constants as fsConstants } from 'node:fs';

export interface FileInfo {
  isFile: boolean;
  isDirectory: boolean;
  size: number;
  /** Permission bits (0o644 …), where the platform has them. */
  mode?: number;
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
}

function info(s: import('node:fs').Stats): FileInfo {
  return { isFile: s.isFile(), isDirectory: s.isDirectory(), size: s.size, mode: s.mode & 0o7777 };
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
