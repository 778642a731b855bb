// `bulletin init`: writes a working series into a folder (never over an existing series), its comments in
// the reporter's language; under zh the series file says `lang: zh`, so the series' CI speaks Chinese too.
import path from 'node:path';
import { seriesFiles } from '../scaffold/seriesFiles.js';
import { parsePlainDate } from '../model/chineseDate.js';
import { nodeIo, todayIso } from '../io.js';
import { BulletinError, ExitCode } from '../diagnostics/exitCodes.js';
import type { Reporter } from './reporter.js';
import { displayPath } from '../source/displayPath.js';
import { packageInfo } from '../packageInfo.js';
import { msg } from '../i18n/message.js';

export async function initCommand(dir: string | undefined, options: { cwd: string; date?: string }, reporter: Reporter): Promise<number> {
  const root = path.resolve(options.cwd, dir ?? '.');
  const io = nodeIo;
  const date = parsePlainDate(options.date ?? todayIso(io.now()))!;
  // The schemas of the bulletin the series pins, once `npm install` has put it in the series' node_modules/.
  const pinned = (schema: 'series' | 'issue') => `node_modules/${packageInfo().name}/schemas/${schema}.schema.json`;
  const files = seriesFiles({ date, seriesSchema: pinned('series'), issueSchema: `../${pinned('issue')}`, bulletin: packageInfo(), lang: reporter.lang });
  const existing: string[] = [];
  for (const name of files.keys()) {
    if (await io.present(path.join(root, name))) existing.push(name);
  }
  if (existing.length) {
    throw new BulletinError(msg('init.exists', { path: displayPath(options.cwd, root), files: existing.join(', ') }), ExitCode.Usage, msg('init.exists.hint'));
  }
  for (const [name, content] of files) {
    await io.writeFile(path.join(root, name), content);
    reporter.out(displayPath(options.cwd, path.join(root, name)));
  }
  reporter.info(reporter.t('init.done', { path: displayPath(options.cwd, root) }));
  reporter.info(reporter.t('init.ci', { name: packageInfo().name, version: packageInfo().version }));
  return ExitCode.Ok;
}
