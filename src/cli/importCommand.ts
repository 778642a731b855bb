// `bulletin import`: Word submissions (.docx) become articles of an issue; prints where each went
// (file:line), then checks the issue as `validate` does. Exit 2 when a file is refused.
import { importDocuments } from '../import/importDocuments.js';
import { InsertError } from '../import/insertArticle.js';
import { validate } from '../validate.js';
import { BulletinError, ExitCode } from '../diagnostics/exitCodes.js';
import { hasErrors, localize } from '../diagnostics/diagnostic.js';
import { msg } from '../i18n/message.js';
import { printDiagnostics } from './printDiagnostics.js';
import { formatHuman } from '../diagnostics/formatHuman.js';
import type { Reporter } from './reporter.js';

export interface ImportCommandOptions {
  issue?: string;
  section?: string;
  dryRun?: boolean;
  cwd: string;
}

export async function importCommand(files: string[], options: ImportCommandOptions, reporter: Reporter): Promise<number> {
  let result;
  try {
    result = await importDocuments(files, { cwd: options.cwd, ...(options.issue ? { issue: options.issue } : {}), ...(options.section ? { section: options.section } : {}), dryRun: Boolean(options.dryRun) });
  } catch (error) {
    if (error instanceof InsertError) throw new BulletinError(msg('cli.import.cannot-add', { reason: error.text }), ExitCode.Usage);
    throw error;
  }
  const newSection = (isNew: boolean | undefined) => (isNew ? msg('cli.import.new-section', { section: options.section ?? '工作动态' }) : '');
  // What was found in the documents (no summary line: the check of the issue below gives one).
  for (const d of result.diagnostics) reporter.out(`${formatHuman(localize(d, reporter.lang), undefined, reporter.style, reporter.lang)}\n`);
  if (hasErrors(result.diagnostics)) {
    reporter.error(result.refused ? msg('cli.import.nothing.refused') : msg('cli.import.nothing.errors'));
    return result.refused ? ExitCode.Usage : ExitCode.SourceErrors;
  }
  if (options.dryRun) {
    for (const [k, yaml] of result.yaml.entries()) {
      const added = result.added[k]!;
      reporter.info(reporter.t('cli.import.dry-run', { document: added.document, place: `${added.issueFile}:${added.line}`, section: newSection(added.newSection), pictures: added.images.length ? msg('cli.import.pictures', { list: added.images.join(reporter.lang === 'zh' ? '、' : ', ') }) : '' }));
      reporter.out(yaml);
    }
    return ExitCode.Ok;
  }
  for (const added of result.added) {
    reporter.out(reporter.t('cli.import.added', { place: `${added.issueFile}:${added.line}`, title: added.title, document: added.document, section: newSection(added.newSection) }));
    for (const image of added.images) reporter.out(`  ${image}`);
  }
  // The issue as validate sees it: schema, figures, tables, and the copy-editing checks of the text imported.
  const checked = await validate([result.issueFile!], { cwd: options.cwd });
  printDiagnostics(reporter, checked.diagnostics, checked.sources, 'human', checked.sources.size);
  return hasErrors(checked.diagnostics) ? ExitCode.SourceErrors : ExitCode.Ok;
}
