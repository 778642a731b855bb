// Writes a file all at once: a temporary file in the same folder, then a rename over the target.
import { constants, copyFile, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * `mode`: the permissions of the new file (default 0o644), e.g. those of the file it replaces.
 * `sync: false` skips the flush to disk (for files that can be written again, like stylesheets).
 */
function tempName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Copies `from` to a new temporary file beside `file` (never onto an existing path), then renames it over `file`. */
export async function copyAtomic(from: string, file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = tempName(file);
  try {
    await copyFile(from, temp, constants.COPYFILE_EXCL);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export async function writeAtomic(file: string, data: Uint8Array | string, options: { mode?: number; sync?: boolean } = {}): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = tempName(file);
  try {
    const handle = await open(temp, 'wx', options.mode ?? 0o644);
    try {
      if (options.mode !== undefined) await handle.chmod(options.mode);
      await handle.writeFile(data);
      if (options.sync !== false) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
