// The output folder, where a build writes: a real folder, never reached through a symbolic link,
// holding no link that leads outside it, and written only by creating fresh files. CI builds a
// pull request's checkout into a folder inside that checkout, so anything already there (a link
// committed where an image copy will go, a `dist` that is itself a link) is the pull request's.
//
// Every file is staged as a new temporary file (O_EXCL | O_NOFOLLOW) in a folder checked, component
// by component, to be a real folder inside the output folder, and renamed into place when the
// whole set commits: a rename replaces a link itself, never what it points to, and the PDF and
// HTML of an issue change together or not at all.
import { constants, promises as fs } from 'node:fs';
import { msg, type Message } from '../i18n/message.js';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { BulletinError, ExitCode } from '../diagnostics/exitCodes.js';

/** How deep and how wide the check for links looks into an existing output folder. */
const SCAN_DEPTH = 32;
const SCAN_ENTRIES = 200_000;

export interface OutputTransaction {
  /** Stages `data` as the file `relative` (forward slashes) of the output folder; returns its final path. */
  write(relative: string, data: Uint8Array | string, options?: { sync?: boolean }): Promise<string>;
  /** Stages a copy of the file `from`. */
  copy(from: string, relative: string): Promise<string>;
  /**
   * The folder `relative` holds only what this transaction writes into it: on commit, the files an
   * earlier build left there (a photo since renamed, fonts an older version published) are removed.
   * Links are removed as links, never followed.
   */
  own(relative: string): void;
  /** Renames every staged file into place, in the order they were staged. */
  commit(): Promise<void>;
  /** Removes what was staged; the folder is as it was. */
  discard(): Promise<void>;
}

export interface OutputFolder {
  /** The folder's real path. */
  readonly root: string;
  transaction(): OutputTransaction;
}

function refuse(message: Message, hint: Message): BulletinError {
  return new BulletinError(message, ExitCode.OutputFailed, hint);
}

const LINK_HINT = msg('build.output.link.hint');

async function lstatOrUndefined(file: string) {
  try {
    return await fs.lstat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The path with its existing part resolved to its real path (a link above the folder, like /tmp → /private/tmp, is the user's). */
async function realParent(dir: string): Promise<string> {
  const missing: string[] = [];
  let at = path.dirname(dir);
  for (;;) {
    try {
      return path.join(await fs.realpath(at), ...missing.reverse());
    } catch {
      const up = path.dirname(at);
      if (up === at) throw refuse(msg('build.output.unreachable', { path: dir }), msg('build.output.unreachable.hint'));
      missing.push(path.basename(at));
      at = up;
    }
  }
}

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/** Every symbolic link under `root` that leads outside it (or nowhere), as `link → target`. */
async function linksLeadingOut(root: string, display: (file: string) => string): Promise<string[]> {
  const found: string[] = [];
  let seen = 0;
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > SCAN_DEPTH || found.length >= 5) return;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (++seen > SCAN_ENTRIES) throw refuse(msg('build.output.too-many', { path: display(root), count: SCAN_ENTRIES }), msg('build.output.too-many.hint'));
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        const target = await fs.realpath(full).catch(() => undefined);
        if (!target || !isInside(root, target)) found.push(`${display(full)} → ${await fs.readlink(full).catch(() => '?')}`);
      } else if (entry.isDirectory()) {
        await walk(full, depth + 1);
      }
    }
  };
  await walk(root, 0);
  return found;
}

/**
 * Opens the output folder `dir` (created with the first file written, so a build that fails before
 * leaves none). Refuses a folder that is a link or a file, and one that holds a link leading outside it.
 */
export async function openOutputFolder(dir: string, display: (file: string) => string = (f) => f): Promise<OutputFolder> {
  const wanted = path.resolve(dir);
  const root = path.join(await realParent(wanted), path.basename(wanted));
  const stat = await lstatOrUndefined(root);
  if (stat?.isSymbolicLink()) {
    throw refuse(msg('build.output.is-link', { path: display(wanted), target: await fs.readlink(root).catch(() => '?') }), LINK_HINT);
  }
  if (stat && !stat.isDirectory()) throw refuse(msg('build.output.is-file', { path: display(wanted) }), msg('build.output.is-file.hint'));
  if (stat) {
    const links = await linksLeadingOut(root, display);
    if (links.length) throw refuse(msg('build.output.links-out', { path: display(wanted), links: links.join('\n  - ') }), LINK_HINT);
  }
  return { root, transaction: () => transaction(root, display) };
}

/** A relative output path as its segments; anything that could leave the folder is a bug of ours, refused all the same. */
function segments(relative: string): string[] {
  const parts = relative.split('/');
  if (!relative || parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\\') || p.includes('\0'))) {
    throw refuse(msg('build.output.not-plain', { path: JSON.stringify(relative) }), msg('build.bug.report.hint'));
  }
  return parts;
}

/** Removes what lies under `dir` but is not in `keep` (absolute paths): files and links, then the folders left empty. */
async function prune(dir: string, keep: ReadonlySet<string>, depth = 0): Promise<boolean> {
  if (depth > SCAN_DEPTH) return false;
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  let left = 0;
  for (const entry of entries) {
    const at = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (await prune(at, keep, depth + 1)) await fs.rmdir(at).catch(() => (left += 1));
      else left += 1;
    } else if (keep.has(at)) {
      left += 1;
    } else {
      await fs.rm(at, { force: true });
    }
  }
  return left === 0;
}

function transaction(root: string, display: (file: string) => string): OutputTransaction {
  const staged: { temp: string; target: string }[] = [];
  const owned: string[] = [];
  const checked = new Map<string, Promise<void>>();

  /** Makes sure `dir` (inside root) is a real folder, creating missing ones; each component is looked at, never followed. */
  const realFolder = (dir: string): Promise<void> => {
    let done = checked.get(dir);
    if (!done) {
      // The output folder's own parents are real (resolved when it was opened): it may be created with them.
      done = (dir === root ? fs.mkdir(root, { recursive: true }).then(() => undefined) : realFolder(path.dirname(dir))).then(async () => {
        let stat = await lstatOrUndefined(dir);
        if (!stat) {
          await fs.mkdir(dir).catch((error: NodeJS.ErrnoException) => {
            if (error.code !== 'EEXIST') throw error;
          });
          stat = await fs.lstat(dir);
        }
        if (stat.isSymbolicLink()) throw refuse(msg('build.output.inner-link', { path: display(dir), target: await fs.readlink(dir).catch(() => '?') }), LINK_HINT);
        if (!stat.isDirectory()) throw refuse(msg('build.output.file-in-way', { path: display(dir) }), msg('build.output.remove.hint'));
      });
      checked.set(dir, done);
      done.catch(() => checked.delete(dir));
    }
    return done;
  };

  const stage = async (relative: string, fill: (temp: string) => Promise<void>): Promise<string> => {
    const target = path.join(root, ...segments(relative));
    await realFolder(path.dirname(target));
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    staged.push({ temp, target });
    await fill(temp);
    return target;
  };

  return {
    write: (relative, data, options = {}) => stage(relative, async (temp) => {
      // A fresh file: fails rather than follow or reuse anything already at that name.
      const handle = await fs.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
      try {
        await handle.writeFile(data);
        if (options.sync !== false) await handle.sync();
      } finally {
        await handle.close();
      }
    }),
    copy: (from, relative) => stage(relative, (temp) => fs.copyFile(from, temp, constants.COPYFILE_EXCL)),
    own(relative) {
      owned.push(path.join(root, ...segments(relative)));
    },
    async commit() {
      for (const { temp, target } of staged) {
        const existing = await lstatOrUndefined(target);
        if (existing?.isDirectory()) throw refuse(msg('build.output.folder-in-way', { path: display(target) }), msg('build.output.remove.hint'));
        await fs.rename(temp, target);
      }
      const keep = new Set(staged.map((s) => s.target));
      staged.length = 0;
      for (const dir of owned.splice(0)) {
        // Only a real folder of the output folder (checked component by component when staged into).
        if ((await lstatOrUndefined(dir))?.isDirectory() && checked.has(dir)) await prune(dir, keep);
      }
    },
    async discard() {
      owned.length = 0;
      await Promise.all(staged.map(({ temp }) => fs.rm(temp, { force: true })));
      staged.length = 0;
    },
  };
}
