// Compiled layouts per series, each compiled once per process (a batch or a preview session).
import { loadTemplates } from './templates.js';
import { compilePage, compileLayout, type CompiledIndex, type CompiledLayout, type CompiledYearbook } from './renderHtml.js';
import type { IndexView } from './indexView.js';
import type { YearbookView } from './yearbookView.js';
import { BulletinError, ExitCode } from '../diagnostics/exitCodes.js';
import type { Issue } from '../model/types.js';

export interface Layout {
  layout: CompiledLayout;
  index: CompiledIndex | undefined;
  yearbook: CompiledYearbook | undefined;
  stylesheets: { name: string; text: string }[];
}

export class Layouts {
  private readonly cache = new Map<string, Promise<Layout>>();

  for(issue: Issue): Promise<Layout> {
    const root = issue.series.root;
    let entry = this.cache.get(root);
    if (!entry) {
      entry = loadTemplates(root)
        .then((sources) => ({
          layout: compileLayout(sources),
          index: compilePage<IndexView>(sources.index),
          yearbook: compilePage<YearbookView>(sources.yearbook),
          stylesheets: sources.stylesheets,
        }))
        .catch((error: Error) => {
          throw new BulletinError(`template error: ${error.message}`, ExitCode.RenderFailed, 'Fix the template named above (see "Templates" in the README).');
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
