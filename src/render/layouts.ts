// Compiled layouts per series, each compiled once per process (a batch or a preview session).
import { loadTemplates, TemplateFileError } from './templates.js';
import { msg, render, type Message } from '../i18n/message.js';
import { compilePage, compileLayout, type CompiledIndex, type CompiledLayout, type CompiledYearbook } from './renderHtml.js';
import type { IndexView } from './indexView.js';
import type { YearbookView } from './yearbookView.js';
import { BulletinError, ExitCode } from '../diagnostics/exitCodes.js';
import type { Issue } from '../model/types.js';
import { contractProblems, stylesheetProblem, PROBE_VIEW } from './templateContract.js';
import type { TemplateSources } from './templates.js';
import { templateText } from './templateText.js';
import { nodeIo, type Io } from '../io.js';

/** A series' templates that break the contract, as a message. */
class ContractError extends Error {
  constructor(readonly text: Message) {
    super(render(text, 'en'));
  }
}

/**
 * A series' templates and stylesheets against the contract with the print side (templateContract.ts):
 * the hooks the pagination reads, and no page geometry in its CSS. Throws a template error naming them.
 */
function checkContract(sources: TemplateSources, layout: CompiledLayout, root: string): void {
  const own = [sources.main, ...sources.partials.values()].map((t) => t.name).filter((name) => name.startsWith(`${root}/`));
  const problems = own.length ? contractProblems(layout(PROBE_VIEW)) : [];
  if (problems.length) {
    throw new ContractError(msg(problems.length === 1 ? 'build.template.contract-one' : 'build.template.contract', { files: own.map((f) => f.slice(root.length + 1)).join(', '), problems: problems.join('\n  - ') }));
  }
  for (const sheet of sources.stylesheets) {
    const problem = sheet.series ? stylesheetProblem(sheet.text) : undefined;
    if (problem) throw new Error(`templates/${sheet.name.replace(/^series-/, '')}: ${problem}`);
  }
}

export interface Layout {
  layout: CompiledLayout;
  index: CompiledIndex | undefined;
  yearbook: CompiledYearbook | undefined;
  stylesheets: { name: string; text: string; series: boolean }[];
  /** The series' own template and stylesheet files (templates/…): empty when it uses bulletin's. */
  own: string[];
  /** What those files print by themselves (templateText.ts): the fonts are subset to it too. */
  ownText: string;
}

export class Layouts {
  private readonly cache = new Map<string, Promise<Layout>>();

  constructor(private readonly io: Io = nodeIo) {}

  for(issue: Issue): Promise<Layout> {
    const root = issue.series.root;
    let entry = this.cache.get(root);
    if (!entry) {
      entry = loadTemplates(root, this.io)
        .then((sources) => {
          const layout = compileLayout(sources);
          checkContract(sources, layout, root);
          return { layout, index: compilePage<IndexView>(sources.index), yearbook: compilePage<YearbookView>(sources.yearbook), stylesheets: sources.stylesheets, own: sources.own, ownText: templateText(sources, root) };
        })
        .catch((error: Error) => {
          throw new BulletinError(msg('build.template-error', { reason: error instanceof ContractError || error instanceof TemplateFileError ? error.text : error.message }), ExitCode.RenderFailed, msg('build.template-error.hint'));
        });
      entry.catch(() => this.cache.delete(root));
      this.cache.set(root, entry);
    }
    return entry;
  }

  /** Forget a series' templates (they changed on disk). */
  forget(root: string): void {
    this.cache.delete(root);
  }
}
