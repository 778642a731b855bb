// `<slug>.ofd` (`build --ofd`, or `output.ofd: true` in bulletin.yaml): the issue as an OFD package
// (GB/T 33190-2016), converted from its finished PDF (ofd/pdfToOfd.ts, loaded when it runs). What the
// PDF draws that the converter cannot redraw is an error (ofd-content-skipped) naming the page and
// the operator, and that issue's package is not written: an archive gets all of it or nothing.
import type { Writer, WriteContext } from './writer.js';
import type { Issue } from '../model/types.js';
import type { OfdMetadata } from '../ofd/pdfToOfd.js';
import { msg, render } from '../i18n/message.js';
import { diagnostic, FILE_START } from '../diagnostics/diagnostic.js';

/**
 * Converts a finished PDF (an issue's, or the yearbook's) to OFD and stages it as `file`; what the
 * converter cannot redraw is reported as ofd-content-skipped against `issue` and nothing is written.
 */
export async function writeOfd(pdf: Uint8Array, meta: OfdMetadata, issue: Issue, name: string, file: string, ctx: WriteContext): Promise<string[]> {
  const { pdfToOfd } = await import('../ofd/pdfToOfd.js');
  const result = await pdfToOfd(pdf, meta);
  if (result.problems.length) {
    // What is named (an operator, a font, a colour space) is PDF's own vocabulary, kept as it is.
    const items = result.problems.slice(0, 8).map((p) => msg('ofd-content-skipped.item', { page: p.page, what: `${p.what}${p.count > 1 ? ` (${p.count}×)` : ''}` }));
    const more = result.problems.length > 8;
    const listed = { en: `${items.map((m) => render(m, 'en')).join('; ')}${more ? '; …' : ''}`, zh: `${items.map((m) => render(m, 'zh')).join('；')}${more ? '；……' : ''}` };
    ctx.report(diagnostic(ctx.display(issue), FILE_START, 'error', 'ofd-content-skipped', msg('ofd-content-skipped.listed', { issue: name, listed })));
    return [];
  }
  return [await ctx.write(file, result.bytes)];
}

export const ofdWriter: Writer = {
  name: 'ofd',
  needs: 'print',
  async writeIssue({ issue, printed }, ctx) {
    if (!printed) return [];
    const { metadataOf } = await import('../renderIssue.js');
    return writeOfd(printed.pdf, metadataOf(issue, ctx.env), issue, issue.slug, `${issue.slug}.ofd`, ctx);
  },
};
