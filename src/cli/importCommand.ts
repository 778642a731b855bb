// `bulletin import`: Word submissions (.docx) become articles of an issue; prints where each went
// (file:line), then checks the issue as `validate` does. Exit 2 when a file is refused.
import { importDocuments } from '../import/importDocuments.js';
import { InsertError } from '../import/insertArticle.js';
import { validate } from '../validate.js';
import { BulletinError, ExitCode } from '../diagnostics/exitCodes.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
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
    if (error instanceof InsertError) throw new BulletinError(`cannot add to the issue: ${error.message}`, ExitCode.Usage);
    throw error;
  }
  // What was found in the documents (no summary line: the check of the issue below gives one).
  for (const d of result.diagnostics) reporter.out(`${formatHuman(d, undefined, reporter.style)}\n`);
  if (hasErrors(result.diagnostics)) {
    reporter.error(`nothing was imported: ${result.refused ? 'correct the files named above (or leave them out) and run the command again' : 'see the errors above'}`);
    return result.refused ? ExitCode.Usage : ExitCode.SourceErrors;
  }
  if (options.dryRun) {
    for (const [k, yaml] of result.yaml.entries()) {
      const added = result.added[k]!;
      reporter.info(`${added.document} → ${added.issueFile}:${added.line}${added.newSection ? ` (new section 【${options.section ?? '工作动态'}】)` : ''}${added.images.length ? `, pictures ${added.images.join(', ')}` : ''} (dry run: nothing written)`);
      reporter.out(yaml);
    }
    return ExitCode.Ok;
  }
  for (const added of result.added) {
    reporter.out(`${added.issueFile}:${added.line}: 《${added.title}》 from ${added.document}${added.newSection ? ` (new section 【${options.section ?? '工作动态'}】)` : ''}`);
    for (const image of added.images) reporter.out(`  ${image}`);
  }
  // The issue as validate sees it: schema, figures, tables, and the copy-editing checks of the text imported.
  const checked = await validate([result.issueFile!], { cwd: options.cwd });
  printDiagnostics(reporter, checked.diagnostics, checked.sources, 'human', checked.sources.size);
  return hasErrors(checked.diagnostics) ? ExitCode.SourceErrors : ExitCode.Ok;
}
