// `<slug>.ofd` (`build --ofd`, or `output.ofd: true` in bulletin.yaml): the issue as an OFD package
// (GB/T 33190-2016), converted from its finished PDF (ofd/pdfToOfd.ts, loaded when it runs). What the
// PDF draws that the converter cannot redraw is an error (ofd-content-skipped) naming the page and
// the operator, and that issue's package is not written: an archive gets all of it or nothing.
import type { Writer } from './writer.js';
import { diagnostic, FILE_START } from '../diagnostics/diagnostic.js';

export const ofdWriter: Writer = {
  name: 'ofd',
  needs: 'print',
  async writeIssue({ issue, printed }, ctx) {
    if (!printed) return [];
    const [{ pdfToOfd }, { metadataOf }] = await Promise.all([import('../ofd/pdfToOfd.js'), import('../renderIssue.js')]);
    const meta = metadataOf(issue, ctx.env);
    const result = await pdfToOfd(printed.pdf, meta);
    if (result.problems.length) {
      const listed = result.problems.slice(0, 8).map((p) => `page ${p.page}: ${p.what}${p.count > 1 ? ` (${p.count}×)` : ''}`).join('; ');
      ctx.report(diagnostic(ctx.display(issue), FILE_START, 'error', 'ofd-content-skipped',
        `the OFD of ${issue.slug} was not written: its PDF draws what the OFD converter cannot redraw yet (${listed}${result.problems.length > 8 ? '; …' : ''})`));
      return [];
    }
    return [await ctx.write(`${issue.slug}.ofd`, result.bytes)];
  },
};
