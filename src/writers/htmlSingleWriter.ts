// `<slug>.single.html` (`build --html-single`): the HTML page as one self-contained file, to send as
// an attachment or open from a chat; its size is reported, and over `output.htmlSingleBudgetMB` the
// build warns (html-single-over-budget), naming the largest images.
import type { Writer } from './writer.js';
import { diagnostic, FILE_START } from '../diagnostics/diagnostic.js';
import { BulletinError, ExitCode } from '../diagnostics/exitCodes.js';

/** The single-file page's name: beside `<slug>.html`, which it does not replace. */
export const singleFileName = (slug: string): string => `${slug}.single.html`;

const size = (n: number) => (n >= 100_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${Math.ceil(n / 1000)} KB`);

export const htmlSingleWriter: Writer = {
  name: 'html-single',
  needs: 'print', // the contents' page numbers, as the folder page has them (for printing it)
  async writeIssue({ issue, doc }, ctx) {
    const { singleFileHtml } = await import('../render/singleFileHtml.js');
    const page = await singleFileHtml(doc, (file) => ctx.io.readFile(file));
    if (page.removed.length) {
      // The page was cleaned once already: anything found now is bulletin's own doing.
      throw new BulletinError(`the single-file page of ${doc.entry} held ${page.removed.join(', ')} after embedding`, ExitCode.RenderFailed, 'This is a bug of bulletin: report it. Nothing was written.');
    }
    const name = singleFileName(issue.slug);
    const bytes = Buffer.byteLength(page.html);
    const budget = issue.series.output.htmlSingleBudgetMB;
    if (bytes > budget * 1_000_000) {
      const largest = [...page.images].sort((a, b) => b.bytes - a.bytes).slice(0, 3);
      ctx.report(diagnostic(ctx.display(issue), FILE_START, 'warning', 'html-single-over-budget',
        `the single-file page \`${name}\` is ${size(bytes)}, over the budget of ${budget} MB (\`output.htmlSingleBudgetMB\`)${largest.length ? `; its largest photos: ${largest.map((i) => `\`${i.url.replace(/^.*\//, '')}\` (${size(i.bytes)})`).join(', ')}` : ''}`,
        'Chat apps and mail servers may refuse or shrink a file this large: crop the photos or use fewer, share the PDF or the page with its folder instead, or raise `output.htmlSingleBudgetMB` in bulletin.yaml.'));
    }
    return [await ctx.write(name, page.html)];
  },
};
