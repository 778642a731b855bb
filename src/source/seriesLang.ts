// `lang:` of the series a command works on, read before the command reports anything, so a series'
// CI speaks its editors' language on a runner whose locale is English.
import path from 'node:path';
import type { Io } from '../io.js';
import { findSeriesFile } from './discover.js';
import { loadYaml } from './loadYaml.js';

/**
 * The `lang` of the bulletin.yaml that `target` (a series folder, an issue file, or nothing: the
 * working folder) belongs to; undefined when there is none or it cannot be read (validation says why).
 */
export async function seriesLang(io: Io, cwd: string, target: string | undefined): Promise<string | undefined> {
  try {
    const full = path.resolve(cwd, target ?? '.');
    const info = await io.stat(full).catch(() => undefined);
    const start = info?.isFile ? path.dirname(full) : full;
    const file = await findSeriesFile(io, start);
    if (!file) return undefined;
    const loaded = await loadYaml(io, file, file, path.dirname(file));
    const lang = (loaded.parsed?.data as { lang?: unknown } | undefined)?.lang;
    return typeof lang === 'string' ? lang : undefined;
  } catch {
    return undefined;
  }
}
