// `yearbook-YEAR.pdf` (合订本): every issue of the year (regular, special and supplements) as printed, behind a cover with
// contents. The binding (writers/assembleYearbook.ts) and its print modules load only when a build
// makes a yearbook: the writers' table stays light, so the checks before Chrome starts load nothing
// of the print side.
import type { Issue } from '../model/types.js';
import { msg } from '../i18n/message.js';
import { BulletinError, ExitCode } from '../diagnostics/exitCodes.js';
import type { Writer } from './writer.js';

/** Every issue of the year is bound: regular issues, special issues (专刊) and supplements (增刊). */
const inYear = (issue: Issue, year: number | undefined) => year !== undefined && issue.year === year;

export const yearbookWriter: Writer = {
  name: 'yearbook',
  needs: 'print',
  prepare(ctx) {
    if (!ctx.issues.some((i) => inYear(i, ctx.yearbook))) {
      throw new BulletinError(msg('build.yearbook.no-issues', { year: String(ctx.yearbook) }), ExitCode.Usage, msg('build.yearbook.no-issues.hint'));
    }
  },
  async finish(outputs, ctx) {
    const year = ctx.yearbook!;
    const bound = outputs.filter((o) => inYear(o.issue, year)).map((o) => ({ issue: o.issue, pdf: o.printed!.pdf, paginated: o.printed!.paginated }));
    ctx.stage(msg('build.yearbook.label', { year }), msg('build.stage.binding'));
    const { assembleYearbook, yearbookMetadata, lastBound } = await import('./assembleYearbook.js');
    const bytes = await assembleYearbook(await ctx.browser(), year, bound, await ctx.layoutFor(bound[0]!.issue), ctx.env, ctx.pdfa);
    const written = [await ctx.write(`yearbook-${year}.pdf`, bytes)];
    // The bound volume as OFD too when its issues are (`--ofd`, or the series' output.ofd): the same converter, from the yearbook's PDF.
    const last = lastBound(bound);
    if (ctx.ofdFor?.(last)) {
      const { writeOfd } = await import('./ofdWriter.js');
      written.push(...(await writeOfd(bytes, yearbookMetadata(year, bound, ctx.env, ctx.pdfa), last, `yearbook-${year}`, `yearbook-${year}.ofd`, ctx)));
    }
    return written;
  },
};
