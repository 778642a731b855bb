// `index.html`: a series built whole (every issue file of it) gets a page listing its issues,
// newest first, with links to each PDF and HTML page this build wrote (never to a file left in the
// output folder by an earlier build: it may be stale, or not bulletin's at all). Needs no printing.
import { listIssueFiles } from '../source/discover.js';
import type { Writer } from './writer.js';

export const indexWriter: Writer = {
  name: 'index',
  needs: 'none',
  async finish(outputs, ctx) {
    const issues = ctx.issues;
    // Several series in one folder would overwrite each other's index.
    if (new Set(issues.map((i) => i.series.root)).size !== 1) return [];
    const index = (await ctx.layoutFor(issues[0]!)).index;
    if (!index) return [];
    // Loaded when an index is written (the sanitiser's HTML parser is not needed before).
    const [{ indexView }, { sanitizeHtml, PAGE_POLICY }] = await Promise.all([import('../render/indexView.js'), import('../render/sanitizeHtml.js')]);
    const all = await listIssueFiles(ctx.io, issues[0]!.series.issuesDir);
    if (all.length !== issues.length) return [];
    // Published beside the issues: the same sanitiser and policy, with the index's own inline styles allowed by their hashes.
    const page = sanitizeHtml(index(indexView(issues, (file) => ctx.written.has(file))), { policy: PAGE_POLICY, hashStyles: true });
    return [await ctx.write('index.html', page.html)];
  },
};
