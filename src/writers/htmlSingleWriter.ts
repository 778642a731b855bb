// `<slug>.single.html` (`build --html-single`): the HTML page as one self-contained file, to send as
// an attachment or open from a chat; its size is reported, and over `output.htmlSingleBudgetMB` the
// build warns (html-single-over-budget), naming the largest images.
import type { Writer } from './writer.js';
import { msg, type Bilingual } from '../i18n/message.js';
import { diagnostic, FILE_START } from '../diagnostics/diagnostic.js';
import { BulletinError, ExitCode } from '../diagnostics/exitCodes.js';

/** The single-file page's name: beside `<slug>.html`, which it does not replace. */
export const singleFileName = (slug: string): string => `${slug}.single.html`;

const size = (n: number) => (n >= 100_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${Math.ceil(n / 1000)} KB`);

/** The largest photos, each with its size: `a.jpg` (1.2 MB). */
function photoList(images: readonly { url: string; bytes: number }[]): Bilingual {
  const named = images.map((i) => `\`${i.url.replace(/^.*\//, '')}\` (${size(i.bytes)})`);
  return { en: named.join(', '), zh: named.join('、') };
}

export const htmlSingleWriter: Writer = {
  name: 'html-single',
  needs: 'print', // the contents' page numbers, as the folder page has them (for printing it)
  async writeIssue({ issue, doc }, ctx) {
    const { singleFileHtml } = await import('../render/singleFileHtml.js');
    const page = await singleFileHtml(doc, (file) => ctx.io.readFile(file));
    if (page.removed.length) {
      // The page was cleaned once already: anything found now is bulletin's own doing.
      throw new BulletinError(msg('build.bug.single-file', { page: doc.entry, what: page.removed.join(', ') }), ExitCode.RenderFailed, msg('build.bug.hint'));
    }
    const name = singleFileName(issue.slug);
    const bytes = Buffer.byteLength(page.html);
    const budget = issue.series.output.htmlSingleBudgetMB;
    if (bytes > budget * 1_000_000) {
      const largest = [...page.images].sort((a, b) => b.bytes - a.bytes).slice(0, 3);
      ctx.report(diagnostic(ctx.display(issue), FILE_START, 'warning', 'html-single-over-budget',
        largest.length
          ? msg('html-single-over-budget.photos', { name, size: size(bytes), budget, photos: photoList(largest) })
          : msg('html-single-over-budget.plain', { name, size: size(bytes), budget }),
        msg('html-single-over-budget.chat.hint')));
    }
    return [await ctx.write(name, page.html)];
  },
};
