// The numbers of the next issue of a series: year and number from the date, the total continuing.
import type { Issue, IssueKind, Series } from './types.js';
import type { PlainDate } from './chineseDate.js';
import { issueLine } from './compileIssue.js';

export interface NextIssue {
  kind: IssueKind;
  year: number;
  number: number;
  total: number | undefined;
  date: PlainDate;
  label: string | undefined;
  /** File name: 2018-03.yaml, 2026-zk1.yaml. */
  fileName: string;
  /** Section labels of the latest issue before the date (empty sections to fill in). */
  sectionLabels: string[];
  issueLine: string;
}

/**
 * Regular and special issues number 1, 2, 3 … within the year (a new year restarts at 1, or at the
 * recorded start); supplements have their own sequence; the total continues over the issues that
 * count towards it.
 */
export function nextIssue(series: Series, issues: readonly Issue[], date: PlainDate, kind: IssueKind, label?: string): NextIssue {
  const supplement = kind === 'supplement';
  const sameSequence = issues.filter((i) => (i.kind === 'supplement') === supplement && i.year === date.year);
  const start = series.numbering.start;
  const firstNumber = !supplement && start && start.year === date.year ? start.number : 1;
  const number = sameSequence.length ? Math.max(...sameSequence.map((i) => i.number)) + 1 : firstNumber;
  const counts = !supplement || series.numbering.supplementsCountInTotal;
  const totals = issues.map((i) => i.total).filter((t): t is number => t !== undefined);
  const total = counts ? (totals.length ? Math.max(...totals) + 1 : (start?.total ?? 1)) : undefined;
  const before = issues.filter((i) => i.kind !== 'supplement' && i.date.iso <= date.iso).sort((a, b) => (a.date.iso < b.date.iso ? -1 : 1));
  const previous = before.at(-1) ?? issues.at(-1);
  return {
    kind,
    year: date.year,
    number,
    total,
    date,
    label,
    fileName: supplement ? `${date.year}-zk${number}.yaml` : `${date.year}-${String(number).padStart(2, '0')}.yaml`,
    // A previous issue without sections (a speech 专刊) gives no labels: the default one then.
    sectionLabels: ((labels) => (labels.length ? labels : ['工作动态']))(previous ? previous.sections.flatMap((s) => (s.label === undefined ? [] : [s.label])) : []),
    issueLine: issueLine(kind, date.year, number, total),
  };
}
