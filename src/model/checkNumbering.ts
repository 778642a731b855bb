// Series-wide numbering rules: each year's issues 1, 2, 3 …, totals consecutive in date order, supplements apart.
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { IssueFacts } from '../source/loadIssue.js';
import type { Series } from './types.js';

function byDate(a: IssueFacts, b: IssueFacts): number {
  return a.date.iso < b.date.iso ? -1 : a.date.iso > b.date.iso ? 1 : (a.total ?? 0) - (b.total ?? 0) || a.number - b.number;
}

/** Numbers within each year: start at 1 (or at the recorded start), no gap, no duplicate. */
function checkYearNumbers(issues: IssueFacts[], label: string, start: Series['numbering']['start'], out: Diagnostic[]): void {
  const years = new Map<number, IssueFacts[]>();
  for (const i of issues) years.set(i.year, [...(years.get(i.year) ?? []), i]);
  for (const [year, list] of years) {
    const first = start && start.year === year && label === '' ? start.number : 1;
    let expected = first;
    const seen = new Map<number, IssueFacts>();
    for (const issue of [...list].sort((a, b) => a.number - b.number || byDate(a, b))) {
      const twin = seen.get(issue.number);
      if (twin) {
        out.push(diagnostic(issue.display, issue.spans.number, 'error', 'number-duplicate',
          `${year}年${label}第${issue.number}期 is also ${twin.display}`, `Each issue of a year has its own number: this one is probably 第${expected}期.`));
        continue;
      }
      seen.set(issue.number, issue);
      if (issue.number !== expected) {
        const missing = expected === issue.number - 1 ? `第${expected}期` : `第${expected}–${issue.number - 1}期`;
        const before = first > 1 && expected === first ? ` (records start at 第${first}期)` : '';
        out.push(diagnostic(issue.display, issue.spans.number, 'error', 'number-gap',
          `${year}年${label}第${issue.number}期 follows no ${missing}: ${missing} of ${year} is missing${before}`,
          expected === 1 && !start
            ? `Number the first issue of ${year} as 1, or, if earlier issues are not in this repository, say where the records start with \`numbering.start\` in bulletin.yaml.`
            : `Number it ${expected}, or add the missing issue file.`));
      }
      expected = issue.number + 1;
    }
    // Numbers should rise with the date.
    const inDateOrder = [...list].sort(byDate);
    for (let k = 1; k < inDateOrder.length; k++) {
      const a = inDateOrder[k - 1]!;
      const b = inDateOrder[k]!;
      if (b.number < a.number && a.date.iso !== b.date.iso) {
        out.push(diagnostic(b.display, b.spans.date, 'error', 'date-order',
          `${year}年${label}第${b.number}期 is dated ${b.date.iso}, after 第${a.number}期 (${a.date.iso})`, 'Later issues carry higher numbers: check the date and the number.'));
      }
    }
  }
}

/** Totals: consecutive in date order from the first on record. */
function checkTotals(issues: IssueFacts[], start: Series['numbering']['start'], out: Diagnostic[]): void {
  const withTotal = issues.filter((i) => i.total !== undefined).sort(byDate);
  let expected = start ? start.total : 1;
  const seen = new Map<number, IssueFacts>();
  for (const issue of withTotal) {
    const total = issue.total!;
    const twin = seen.get(total);
    if (twin) {
      out.push(diagnostic(issue.display, issue.spans.total, 'error', 'total-duplicate', `总第${total}期 is also ${twin.display}`,
        `The running total goes up by one with every issue: this one is probably 总第${expected}期.`));
      continue;
    }
    seen.set(total, issue);
    if (total !== expected) {
      out.push(diagnostic(issue.display, issue.spans.total, 'error', 'total-gap',
        total > expected
          ? `总第${total}期 follows 总第${expected - 1}期: 总第${expected}${total - 1 > expected ? `–${total - 1}` : ''}期 is missing`
          : `总第${total}期 comes after 总第${expected - 1}期 in date order`,
        expected === 1 && !start
          ? 'If earlier issues are not in this repository, say where the records start with `numbering.start` in bulletin.yaml.'
          : `Set \`total: ${expected}\`, or add the missing issue, or check the date.`));
    }
    expected = total + 1;
  }
}

export function checkNumbering(issues: readonly IssueFacts[], series: Series): Diagnostic[] {
  const out: Diagnostic[] = [];
  const start = series.numbering.start;
  const regular = issues.filter((i) => i.kind !== 'supplement');
  const supplements = issues.filter((i) => i.kind === 'supplement');
  if (start) {
    for (const i of regular) {
      if (i.year < start.year || (i.year === start.year && i.number < start.number)) {
        out.push(diagnostic(i.display, i.spans.number, 'error', 'before-start',
          `${i.year}年第${i.number}期 comes before the first issue on record (${start.year}年第${start.number}期)`, 'Correct the number, or move `numbering.start` in bulletin.yaml back.'));
      }
    }
  }
  checkYearNumbers(regular, '', start, out);
  checkYearNumbers(supplements, '增刊', undefined, out);
  checkTotals(series.numbering.supplementsCountInTotal ? [...issues] : regular, start, out);
  return out;
}
