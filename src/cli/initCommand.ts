// `bulletin init`: writes a working series into a folder (never over an existing series).
import path from 'node:path';
import { seriesFiles } from '../scaffold/seriesFiles.js';
import { parsePlainDate } from '../model/chineseDate.js';
import { nodeIo, todayIso } from '../io.js';
import { BulletinError, ExitCode } from '../diagnostics/exitCodes.js';
import type { Reporter } from './reporter.js';
import { displayPath } from '../source/displayPath.js';
import { packageInfo } from '../packageInfo.js';

export async function initCommand(dir: string | undefined, options: { cwd: string; date?: string }, reporter: Reporter): Promise<number> {
  const root = path.resolve(options.cwd, dir ?? '.');
  const io = nodeIo;
  const date = parsePlainDate(options.date ?? todayIso(io.now()))!;
  // The schemas of the bulletin the series pins, once `npm install` has put it in the series' node_modules/.
  const pinned = (schema: 'series' | 'issue') => `node_modules/${packageInfo().name}/schemas/${schema}.schema.json`;
  const files = seriesFiles({ date, seriesSchema: pinned('series'), issueSchema: `../${pinned('issue')}`, bulletin: packageInfo() });
  const existing: string[] = [];
  for (const name of files.keys()) {
    if (await io.present(path.join(root, name))) existing.push(name);
  }
  if (existing.length) {
    throw new BulletinError(`${displayPath(options.cwd, root)} already has ${existing.join(', ')}; nothing was written`, ExitCode.Usage, 'Run `bulletin init` in a new or empty folder.');
  }
  for (const [name, content] of files) {
    await io.writeFile(path.join(root, name), content);
    reporter.out(displayPath(options.cwd, path.join(root, name)));
  }
  reporter.info(`a new series in ${displayPath(options.cwd, root)}: edit bulletin.yaml, then \`bulletin validate\` and \`bulletin build\``);
  reporter.info(`for the CI workflow: run \`npm install\` there once (it pins ${packageInfo().name} ${packageInfo().version} in package-lock.json) and commit package.json and package-lock.json with the series`);
  return ExitCode.Ok;
}
