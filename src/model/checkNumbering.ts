// Series-wide numbering rules: each year's issues 1, 2, 3 …, totals consecutive, supplements apart, dates in order.
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { IssueFacts } from '../source/loadIssue.js';
import type { Series } from './types.js';

type Start = Series['numbering']['start'];

function range(label: string, from: number, to: number): string {
  return from === to ? `${label}${from}期` : `${label}${from}–${to}期`;
}

/**
 * A sequence (numbers within a year, or totals) must run first, first+1, … without gap or twin.
 * `name` prints a member (第3期, 增刊第3期, 总第11期). Of two issues with one number, the later-dated
 * is the one reported, with the number that follows the issues dated before it.
 */
function checkSequence(
  list: readonly IssueFacts[],
  value: (i: IssueFacts) => number,
  first: number,
  name: (n: number) => string,
  report: (i: IssueFacts, kind: 'duplicate' | 'gap' | 'before-start', message: string, hint: string) => void,
  startNote: string,
): void {
  const sorted = [...list].sort((a, b) => value(a) - value(b) || (a.date.iso < b.date.iso ? -1 : a.date.iso > b.date.iso ? 1 : a.display < b.display ? -1 : 1));
  const probable = (issue: IssueFacts) => Math.max(first - 1, ...list.filter((o) => o !== issue && o.date.iso <= issue.date.iso).map(value)) + 1;
  const prefix = name(0).replace(/0期$/, '');
  const recordsNote = first > 1 ? ` (the records start at ${prefix}${first}期)` : '';
  let expected = first;
  const seen = new Map<number, IssueFacts>();
  for (const issue of sorted) {
    const n = value(issue);
    const twin = seen.get(n);
    if (twin) {
      report(issue, 'duplicate', `${name(n)} is also ${twin.display}`, `Each issue has its own number: this one is probably ${name(probable(issue))}.`);
      continue;
    }
    seen.set(n, issue);
    if (n < first) {
      report(issue, 'before-start', `${name(n)} comes before the first issue on record (${name(first)})`, 'Correct the number, or move `numbering.start` in bulletin.yaml back.');
      continue;
    }
    if (n > expected) {
      report(issue, 'gap', `${name(n)} leaves out ${range(prefix, expected, n - 1)}${expected === first ? recordsNote : ''}`, `Number it as ${expected}, or add the missing issue file.${startNote}`);
    }
    expected = Math.max(expected, n + 1);
  }
}

/** Among issues whose dates are sound, a higher number must not carry an earlier date. */
function checkDateOrder(list: readonly IssueFacts[], value: (i: IssueFacts) => number, name: (n: number) => string, out: Diagnostic[]): void {
  // One issue per number (the earliest): a duplicate is already reported and says nothing about order.
  const byValue = new Map<number, IssueFacts>();
  for (const i of list) {
    const other = byValue.get(value(i));
    if (i.dateSound !== false && (!other || i.date.iso < other.date.iso)) byValue.set(value(i), i);
  }
  const sorted = [...byValue.values()].sort((a, b) => value(a) - value(b));
  for (let k = 1; k < sorted.length; k++) {
    const a = sorted[k - 1]!;
    const b = sorted[k]!;
    if (b.date.iso < a.date.iso) {
      out.push(diagnostic(b.display, b.spans.date, 'error', 'date-order',
        `${name(value(b))} is dated ${b.date.iso}, before ${name(value(a))} (${a.date.iso}, ${a.display})`,
        'Later issues carry higher numbers: check this date and the numbers of both issues.'));
    }
  }
}

export function checkNumbering(issues: readonly IssueFacts[], series: Series): Diagnostic[] {
  const out: Diagnostic[] = [];
  const start: Start = series.numbering.start;
  const regular = issues.filter((i) => i.kind !== 'supplement');
  const supplements = issues.filter((i) => i.kind === 'supplement');
  const noStart = ' If earlier issues are not in this repository, say where the records start with `numbering.start` in bulletin.yaml.';

  for (const [list, label] of [[regular, ''], [supplements, '增刊']] as const) {
    const years = new Map<number, IssueFacts[]>();
    for (const i of list) years.set(i.year, [...(years.get(i.year) ?? []), i]);
    for (const [year, inYear] of years) {
      const first = label === '' && start && start.year === year ? start.number : 1;
      const name = (n: number) => `${year}年${label}第${n}期`;
      checkSequence(inYear, (i) => i.number, first, name,
        (i, kind, message, hint) => out.push(diagnostic(i.display, i.spans.number, 'error', kind === 'before-start' ? kind : `number-${kind}`, message, hint)),
        label === '' && !start && first === 1 ? noStart : '');
      checkDateOrder(inYear, (i) => i.number, name, out);
    }
  }
  if (start) {
    for (const i of regular) {
      if (i.year < start.year) {
        out.push(diagnostic(i.display, i.spans.year, 'error', 'before-start',
          `${i.year}年第${i.number}期 comes before the first issue on record (${start.year}年第${start.number}期)`, 'Correct the year, or move `numbering.start` in bulletin.yaml back.'));
      }
    }
  }
  const counted = (series.numbering.supplementsCountInTotal ? [...issues] : regular).filter((i) => i.total !== undefined);
  const totalName = (n: number) => `总第${n}期`;
  checkSequence(counted, (i) => i.total!, start ? start.total : 1, totalName,
    (i, kind, message, hint) => out.push(diagnostic(i.display, i.spans.total, 'error', kind === 'before-start' ? kind : `total-${kind}`, message, hint)),
    start ? '' : noStart);
  checkDateOrder(counted, (i) => i.total!, totalName, out);
  // A misdated issue breaks the order of its numbers and of its totals: say it once.
  const seen = new Set<string>();
  return out.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.code}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
