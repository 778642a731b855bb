// `bulletin inspect`: what the templates receive for an issue (the view), and with `paginated`, the
// view of the printed issue (real contents numbers) with its pagination, found by printing it.
import { validate, type ValidateResult } from './validate.js';
import { hasErrors } from './diagnostics/diagnostic.js';
import { Layouts } from './render/layouts.js';
import type { IssueView } from './render/viewModel.js';
import { paginationJson } from './model/pagination.js';
import { displayPath } from './source/displayPath.js';
import { nodeIo, type Io } from './io.js';

export interface InspectOptions {
  cwd?: string;
  /** Print the issue in the browser first: the view then has the real page numbers, and the pagination is added. */
  paginated?: boolean;
  browser?: string;
  env?: NodeJS.ProcessEnv;
  io?: Io;
}

export interface InspectResult extends ValidateResult {
  /** The view of the (last) issue named, when it compiled; `pagination` with `paginated`. */
  view: (IssueView & { pagination?: object }) | undefined;
}

export async function inspect(file: string, options: InspectOptions = {}): Promise<InspectResult> {
  const cwd = options.cwd ?? process.cwd();
  const io = options.io ?? nodeIo;
  const checked = await validate([file], { cwd, io });
  const issue = checked.issues.at(-1);
  if (hasErrors(checked.diagnostics) || !issue) return { ...checked, view: undefined };
  const layout = await new Layouts(io).for(issue);
  const { issueDocumentFor, renderIssue } = await import('./renderIssue.js');
  if (!options.paginated) {
    // The first pass's view: no page numbers yet in the contents.
    return { ...checked, view: issueDocumentFor(issue, layout, undefined, { forPrint: false }).view };
  }
  const display = displayPath(cwd, issue.file);
  // Printed as a build prints it: photos through the image pipeline (upright, no metadata, scaled), from the series' cache.
  const [{ prepareImages }, { openImageCache }] = await Promise.all([import('./images/figureRenditions.js'), import('./cache/contentCache.js')]);
  const prepared = await prepareImages(issue, io, display, { cache: openImageCache(io, issue.series.root) });
  if (hasErrors(prepared.diagnostics)) return { ...checked, diagnostics: [...checked.diagnostics, ...prepared.diagnostics], view: undefined };
  const { startBrowser } = await import('./print/startBrowser.js');
  const env = options.env ?? process.env;
  const session = await startBrowser(options.browser, env, undefined, io);
  try {
    const rendered = await renderIssue(session.browser, prepared.issue, layout, { display, env });
    return { ...checked, diagnostics: [...checked.diagnostics, ...prepared.diagnostics], view: { ...rendered.doc.view, pagination: paginationJson(rendered.paginated) } };
  } finally {
    await session.close();
  }
}
