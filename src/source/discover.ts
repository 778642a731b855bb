// Paths named on the command line → the series they belong to and the issue files to check or build.
import path from 'node:path';
import type { Io } from '../io.js';
import { BulletinError, ExitCode } from '../diagnostics/exitCodes.js';
import { msg } from '../i18n/message.js';
import { SERIES_FILE } from './loadSeries.js';

export interface SeriesPlan {
  /** Absolute path of bulletin.yaml, or undefined for issue files outside any series. */
  seriesFile: string | undefined;
  /** Every issue file of the series (numbering needs them all). */
  issueFiles: string[];
  /** The issue files the user asked for (all of them when a folder was named). */
  requested: Set<string>;
}

const SKIP = new Set(['node_modules', 'templates', 'dist', '.git']);

/** The series file of a folder: its bulletin.yaml, or the nearest one above it. */
export async function findSeriesFile(io: Io, start: string): Promise<string | undefined> {
  let dir = start;
  for (;;) {
    const candidate = path.join(dir, SERIES_FILE);
    if (await io.exists(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Issue sources below a folder: *.yaml / *.yml, not bulletin.yaml, at most 4 levels deep. */
export async function listIssueFiles(io: Io, dir: string, depth = 0): Promise<string[]> {
  if (depth > 4) return [];
  let entries;
  try {
    entries = await io.readdir(dir);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory && !e.name.startsWith('.') && !SKIP.has(e.name)) out.push(...(await listIssueFiles(io, full, depth + 1)));
    else if (e.isFile && /\.ya?ml$/i.test(e.name) && e.name !== SERIES_FILE) out.push(full);
  }
  return out;
}

async function seriesIssueFiles(io: Io, seriesFile: string, issuesDirName: string): Promise<string[]> {
  return listIssueFiles(io, path.join(path.dirname(seriesFile), issuesDirName));
}

/**
 * `issuesDirOf` reads the `issues:` folder name of a series file (default `issues`) without a full load.
 * Throws a usage error (exit 2) for a path that does not exist or a folder that is not in a series.
 */
export async function discover(io: Io, paths: readonly string[], cwd: string, issuesDirOf: (seriesFile: string) => Promise<string>): Promise<SeriesPlan[]> {
  const plans = new Map<string, SeriesPlan>();
  const orphans: SeriesPlan = { seriesFile: undefined, issueFiles: [], requested: new Set() };
  const planFor = async (seriesFile: string): Promise<SeriesPlan> => {
    let plan = plans.get(seriesFile);
    if (!plan) {
      plan = { seriesFile, issueFiles: await seriesIssueFiles(io, seriesFile, await issuesDirOf(seriesFile)), requested: new Set() };
      plans.set(seriesFile, plan);
    }
    return plan;
  };
  for (const given of paths.length ? paths : ['.']) {
    const full = path.resolve(cwd, given);
    let info;
    try {
      info = await io.stat(full);
    } catch {
      throw new BulletinError(msg('source.path-not-found', { path: given }), ExitCode.Usage, msg('source.path-not-found.hint'));
    }
    if (info.isDirectory) {
      const direct = path.join(full, SERIES_FILE);
      const seriesFile = (await io.exists(direct)) ? direct : await findSeriesFile(io, full);
      if (!seriesFile) {
        throw new BulletinError(msg('source.not-in-series', { path: given, file: SERIES_FILE }), ExitCode.Usage, msg('source.not-in-series.hint'));
      }
      const plan = await planFor(seriesFile);
      const inside = plan.issueFiles.filter((f) => !path.relative(full, f).startsWith('..'));
      for (const f of seriesFile === direct ? plan.issueFiles : inside) plan.requested.add(f);
    } else if (path.basename(full) === SERIES_FILE) {
      const plan = await planFor(full);
      for (const f of plan.issueFiles) plan.requested.add(f);
    } else {
      const seriesFile = await findSeriesFile(io, path.dirname(full));
      const plan = seriesFile ? await planFor(seriesFile) : orphans;
      if (!plan.issueFiles.includes(full)) plan.issueFiles.push(full);
      plan.requested.add(full);
    }
  }
  return [...plans.values(), ...(orphans.issueFiles.length ? [orphans] : [])];
}
