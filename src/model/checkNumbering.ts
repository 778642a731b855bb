// Series-wide numbering rules: each year's issues 1, 2, 3 …, totals consecutive, supplements apart, dates in order.
import { codeHint, diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { msg, type Message } from '../i18n/message.js';
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
  report: (i: IssueFacts, kind: 'duplicate' | 'gap' | 'before-start', message: Message, hint: Message) => void,
  startNote: boolean,
): void {
  const sorted = [...list].sort((a, b) => value(a) - value(b) || (a.date.iso < b.date.iso ? -1 : a.date.iso > b.date.iso ? 1 : a.display < b.display ? -1 : 1));
  const probable = (issue: IssueFacts) => Math.max(first - 1, ...list.filter((o) => o !== issue && o.date.iso <= issue.date.iso).map(value)) + 1;
  const prefix = name(0).replace(/0期$/, '');
  let expected = first;
  const seen = new Map<number, IssueFacts>();
  for (const issue of sorted) {
    const n = value(issue);
    const twin = seen.get(n);
    if (twin) {
      report(issue, 'duplicate', msg('number-duplicate', { issue: name(n), other: twin.display }), msg('number-duplicate.probable.hint', { probable: name(probable(issue)) }));
      continue;
    }
    seen.set(n, issue);
    if (n < first) {
      report(issue, 'before-start', msg('before-start', { issue: name(n), first: name(first) }), codeHint('before-start'));
      continue;
    }
    if (n > expected) {
      const missing = range(prefix, expected, n - 1);
      report(issue, 'gap',
        expected === first && first > 1 ? msg('number-gap.records', { issue: name(n), missing, first: `${prefix}${first}期` }) : msg('number-gap', { issue: name(n), missing }),
        startNote ? msg('number-gap.expected.no-start.hint', { expected }) : msg('number-gap.expected.hint', { expected }));
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
        msg('date-order', { issue: name(value(b)), date: b.date.iso, other: `${name(value(a))} (${a.date.iso}, ${a.display})` }),
        codeHint('date-order')));
    }
  }
}

export function checkNumbering(issues: readonly IssueFacts[], series: Series): Diagnostic[] {
  const out: Diagnostic[] = [];
  const start: Start = series.numbering.start;
  const regular = issues.filter((i) => i.kind !== 'supplement');
  const supplements = issues.filter((i) => i.kind === 'supplement');

  for (const [list, label] of [[regular, ''], [supplements, '增刊']] as const) {
    const years = new Map<number, IssueFacts[]>();
    for (const i of list) years.set(i.year, [...(years.get(i.year) ?? []), i]);
    for (const [year, inYear] of years) {
      const first = label === '' && start && start.year === year ? start.number : 1;
      const name = (n: number) => `${year}年${label}第${n}期`;
      checkSequence(inYear, (i) => i.number, first, name,
        (i, kind, message, hint) => out.push(diagnostic(i.display, i.spans.number, 'error', kind === 'before-start' ? kind : `number-${kind}`, message, hint)),
        label === '' && !start && first === 1);
      checkDateOrder(inYear, (i) => i.number, name, out);
    }
  }
  if (start) {
    for (const i of regular) {
      if (i.year < start.year) {
        out.push(diagnostic(i.display, i.spans.year, 'error', 'before-start',
          msg('before-start', { issue: `${i.year}年第${i.number}期`, first: `${start.year}年第${start.number}期` }), msg('before-start.year.hint')));
      }
    }
  }
  const counted = (series.numbering.supplementsCountInTotal ? [...issues] : regular).filter((i) => i.total !== undefined);
  const totalName = (n: number) => `总第${n}期`;
  checkSequence(counted, (i) => i.total!, start ? start.total : 1, totalName,
    (i, kind, message, hint) => out.push(diagnostic(i.display, i.spans.total, 'error', kind === 'before-start' ? kind : `total-${kind}`, message, hint)),
    !start);
  checkDateOrder(counted, (i) => i.total!, totalName, out);
  // A misdated issue breaks the order of its numbers and of its totals: say it once.
  const seen = new Set<string>();
  return out.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.code}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
