// `<slug>.pdf`: the printed, checked PDF of each issue.
import type { Writer } from './writer.js';

export const pdfWriter: Writer = {
  name: 'pdf',
  needs: 'print',
  async writeIssue(output, ctx) {
    return [await ctx.write(`${output.issue.slug}.pdf`, output.printed!.pdf)];
  },
};
