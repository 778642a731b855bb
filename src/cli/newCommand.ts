// `bulletin new`: writes the next issue file of a series, numbered from the date and the series.
import path from 'node:path';
import { validate } from '../validate.js';
import { nextIssue } from '../model/nextIssue.js';
import { parsePlainDate } from '../model/chineseDate.js';
import { issueSource } from '../scaffold/issueSource.js';
import { schemaPath } from '../source/schemaCheck.js';
import { nodeIo, todayIso } from '../io.js';
import { BulletinError, ExitCode } from '../diagnostics/exitCodes.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { printDiagnostics } from './printDiagnostics.js';
import type { Reporter } from './reporter.js';
import { displayPath } from '../source/displayPath.js';
import { msg } from '../i18n/message.js';

export interface NewCommandOptions {
  date?: string;
  supplement?: boolean;
  special?: string;
  cwd: string;
}

export async function newCommand(seriesDir: string | undefined, options: NewCommandOptions, reporter: Reporter): Promise<number> {
  const io = nodeIo;
  const iso = options.date ?? todayIso(io.now());
  const date = parsePlainDate(iso);
  if (!date) throw new BulletinError(msg('new.bad-date', { date: iso }), ExitCode.Usage, msg('new.bad-date.hint'));
  if (options.supplement && options.special) throw new BulletinError(msg('new.supplement-and-special'), ExitCode.Usage);
  const dir = path.resolve(options.cwd, seriesDir ?? '.');
  const checked = await validate([dir], { cwd: options.cwd });
  const seriesErrors = checked.diagnostics.filter((d) => d.severity === 'error');
  if (hasErrors(checked.diagnostics)) {
    printDiagnostics(reporter, seriesErrors, checked.sources, 'human', checked.sources.size);
    reporter.error(msg('new.series-errors'));
    return ExitCode.SourceErrors;
  }
  const series = checked.issues[0]?.series ?? (await seriesOf(dir, options.cwd));
  const kind = options.supplement ? 'supplement' : options.special ? 'special' : 'regular';
  const next = nextIssue(series, checked.issues, date, kind, options.special);
  const latest = [...checked.issues].sort((a, b) => (a.date.iso < b.date.iso ? -1 : 1)).at(-1);
  const folder = latest ? path.dirname(latest.file) : series.issuesDir;
  const file = path.join(folder, next.fileName);
  const previousText = latest ? Buffer.from(await io.readFile(latest.file)).toString('utf8') : '';
  const modeline = /^# yaml-language-server: \$schema=(\S+)/.exec(previousText)?.[1] ?? path.relative(folder, schemaPath('issue')).split(path.sep).join('/');
  await io.mkdir(folder);
  try {
    await io.createFile(file, issueSource(next, modeline, reporter.lang));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new BulletinError(msg('new.exists', { path: displayPath(options.cwd, file) }), ExitCode.Usage, msg('new.exists.hint'));
    }
    throw error;
  }
  reporter.out(displayPath(options.cwd, file));
  reporter.info(reporter.t('new.done', { issueLine: next.issueLine, date: date.iso, sections: next.sectionLabels.map((l) => `【${l}】`).join('') }));
  return ExitCode.Ok;
}

/** The series of a folder without issues yet. */
async function seriesOf(dir: string, cwd: string) {
  const { loadSeries, SERIES_FILE } = await import('../source/loadSeries.js');
  const loaded = await loadSeries(nodeIo, path.join(dir, SERIES_FILE), path.relative(cwd, path.join(dir, SERIES_FILE)));
  if (!loaded.series) throw new BulletinError(msg('new.no-series', { file: SERIES_FILE, dir }), ExitCode.Usage, msg('new.no-series.hint'));
  return loaded.series;
}
