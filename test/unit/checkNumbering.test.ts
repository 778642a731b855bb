import { describe, expect, it } from 'vitest';
import { checkNumbering } from '../../src/model/checkNumbering.js';
import { parsePlainDate } from '../../src/model/chineseDate.js';
import type { IssueFacts } from '../../src/source/loadIssue.js';
import type { IssueKind } from '../../src/model/types.js';
import { makeSeries } from '../helpers.js';

/** Facts of one issue as loadIssue records them; each fact on its own line (year 1, number 2, total 3, date 4). */
function facts(display: string, o: { year?: number; number: number; total?: number; date: string; kind?: IssueKind }): IssueFacts {
  const date = parsePlainDate(o.date);
  if (!date) throw new Error(`bad test date ${o.date}`);
  const span = (line: number, column: number, width: number) => ({ line, column, endLine: line, endColumn: column + width });
  return {
    display,
    kind: o.kind ?? 'regular',
    dateSound: true,
    year: o.year ?? date.year,
    number: o.number,
    total: o.total,
    date,
    spans: { year: span(1, 7, 4), number: span(2, 9, 1), total: span(3, 8, 2), date: span(4, 7, 10), file: span(1, 1, 0) },
  };
}

const brief = (ds: ReturnType<typeof checkNumbering>) => ds.map((d) => `${d.file}:${d.line} ${d.code}`).sort();

describe('checkNumbering: numbers within a year', () => {
  it('accepts 1, 2, 3 … with consecutive totals', () => {
    const issues = [
      facts('a', { number: 1, total: 1, date: '2018-03-01' }),
      facts('b', { number: 2, total: 2, date: '2018-06-01' }),
      facts('c', { number: 3, total: 3, date: '2018-09-01' }),
    ];
    expect(checkNumbering(issues, makeSeries())).toEqual([]);
  });

  it('does not depend on the order the files are given in', () => {
    const issues = [
      facts('c', { number: 3, total: 3, date: '2018-09-01' }),
      facts('a', { number: 1, total: 1, date: '2018-03-01' }),
      facts('b', { number: 2, total: 2, date: '2018-06-01' }),
    ];
    expect(checkNumbering(issues, makeSeries())).toEqual([]);
  });

  it('reports a gap at the number after it', () => {
    const ds = checkNumbering([
      facts('a', { number: 1, total: 1, date: '2018-03-01' }),
      facts('c', { number: 3, total: 2, date: '2018-09-01' }),
    ], makeSeries());
    expect(brief(ds)).toEqual(['c:2 number-gap']);
    expect(ds[0]!.message).toContain('2018年第3期');
    expect(ds[0]!.message).toContain('第2期');
    expect(ds[0]!.hint).toContain('Number it as 2');
    expect(ds[0]).toMatchObject({ severity: 'error', column: 9 });
  });

  it('names a run of missing numbers', () => {
    const ds = checkNumbering([
      facts('a', { number: 1, total: 1, date: '2018-03-01' }),
      facts('d', { number: 4, total: 2, date: '2018-09-01' }),
    ], makeSeries());
    expect(brief(ds)).toEqual(['d:2 number-gap']);
    expect(ds[0]!.message).toContain('第2–3期');
  });

  it('reports a first issue of the year that is not 1, with a hint about numbering.start', () => {
    const ds = checkNumbering([facts('b', { number: 2, total: 1, date: '2018-06-01' })], makeSeries());
    expect(brief(ds)).toEqual(['b:2 number-gap']);
    expect(ds[0]!.hint).toContain('numbering.start');
  });

  it('reports a duplicate number once, at the later issue', () => {
    const ds = checkNumbering([
      facts('a', { number: 1, total: 1, date: '2018-03-01' }),
      facts('b', { number: 2, total: 2, date: '2018-06-01' }),
      facts('b2', { number: 2, total: 3, date: '2018-09-01' }),
    ], makeSeries());
    expect(brief(ds)).toEqual(['b2:2 number-duplicate']);
    expect(ds[0]!.message).toContain('b');
    expect(ds[0]!.hint).toContain('第3期');
  });

  it('reports numbers that fall as the dates rise', () => {
    const ds = checkNumbering([
      facts('a', { number: 1, total: 2, date: '2018-09-01' }),
      facts('b', { number: 2, total: 1, date: '2018-03-01' }),
    ], makeSeries());
    expect(brief(ds)).toContain('b:4 date-order');
  });
});

describe('checkNumbering: years and totals', () => {
  it('restarts the number at 1 in a new year while the total runs on', () => {
    const ds = checkNumbering([
      facts('2018-01', { number: 1, total: 1, date: '2018-03-01' }),
      facts('2018-02', { number: 2, total: 2, date: '2018-12-28' }),
      facts('2019-01', { number: 1, total: 3, date: '2019-01-15' }),
      facts('2019-02', { number: 2, total: 4, date: '2019-04-15' }),
    ], makeSeries());
    expect(ds).toEqual([]);
  });

  it('reports a number that does not restart at 1 in a new year', () => {
    const ds = checkNumbering([
      facts('2018-01', { number: 1, total: 1, date: '2018-03-01' }),
      facts('2018-02', { number: 2, total: 2, date: '2018-12-28' }),
      facts('2019-03', { number: 3, total: 3, date: '2019-01-15' }),
    ], makeSeries());
    expect(brief(ds)).toEqual(['2019-03:2 number-gap']);
    expect(ds[0]!.message).toContain('2019年第3期');
    expect(ds[0]!.hint).toContain('as 1');
  });

  it('reports a total that restarts in a new year', () => {
    const ds = checkNumbering([
      facts('2018-01', { number: 1, total: 1, date: '2018-03-01' }),
      facts('2018-02', { number: 2, total: 2, date: '2018-12-28' }),
      facts('2019-01', { number: 1, total: 1, date: '2019-01-15' }),
    ], makeSeries());
    expect(brief(ds)).toEqual(['2019-01:3 total-duplicate']);
    expect(ds[0]!.hint).toContain('总第3期');
  });

  it('reports a gap in the totals across years', () => {
    const ds = checkNumbering([
      facts('2018-01', { number: 1, total: 1, date: '2018-03-01' }),
      facts('2018-02', { number: 2, total: 2, date: '2018-12-28' }),
      facts('2019-01', { number: 1, total: 4, date: '2019-01-15' }),
    ], makeSeries());
    expect(brief(ds)).toEqual(['2019-01:3 total-gap']);
    expect(ds[0]!.message).toContain('leaves out 总第3期');
    expect(ds[0]).toMatchObject({ column: 8 });
  });

  it('reports a duplicated total at the later issue', () => {
    const ds = checkNumbering([
      facts('a', { number: 1, total: 11, date: '2018-03-01' }),
      facts('b', { number: 2, total: 11, date: '2018-06-01' }),
    ], makeSeries({ numbering: { start: { year: 2018, number: 1, total: 11 } } }));
    expect(brief(ds)).toEqual(['b:3 total-duplicate']);
    expect(ds[0]!.message).toContain('总第11期');
    expect(ds[0]!.hint).toContain('总第12期');
  });

  it('wants the first total to be 1 without numbering.start', () => {
    const ds = checkNumbering([facts('a', { number: 1, total: 11, date: '2018-03-01' })], makeSeries());
    expect(brief(ds)).toEqual(['a:3 total-gap']);
    expect(ds[0]!.hint).toContain('numbering.start');
  });

  // BUG: a first total above 1 (no numbering.start) reads "总第11期 follows 总第0期: 总第1–10期 is missing";
  // there is no 总第0期. src/model/checkNumbering.ts:67 — leave out "follows 总第N期" when nothing precedes
  // the issue (expected === first total on record).
  it('does not speak of 总第0期', () => {
    const ds = checkNumbering([facts('a', { number: 1, total: 11, date: '2018-03-01' })], makeSeries());
    expect(ds[0]!.message).not.toContain('总第0期');
  });
});

describe('checkNumbering: numbering.start', () => {
  const start = { year: 2018, number: 2, total: 11 };

  it('accepts records that start with the recorded issue', () => {
    const ds = checkNumbering([
      facts('2018-02', { number: 2, total: 11, date: '2018-12-28' }),
      facts('2019-01', { number: 1, total: 12, date: '2019-02-01' }),
    ], makeSeries({ numbering: { start } }));
    expect(ds).toEqual([]);
  });

  it('reports an issue before the start', () => {
    const ds = checkNumbering([
      facts('2018-01', { number: 1, total: 10, date: '2018-06-01' }),
      facts('2018-02', { number: 2, total: 11, date: '2018-12-28' }),
    ], makeSeries({ numbering: { start } }));
    expect(brief(ds)).toContain('2018-01:2 before-start');
  });

  it('reports a gap after the start, and a total that does not match the start', () => {
    const ds = checkNumbering([facts('2018-03', { number: 3, total: 12, date: '2018-12-28' })], makeSeries({ numbering: { start } }));
    expect(brief(ds)).toEqual(['2018-03:2 number-gap', '2018-03:3 total-gap']);
    expect(ds.find((d) => d.code === 'number-gap')!.message).toContain('records start at 2018年第2期');
  });

  // BUG: a total below numbering.start.total reads "总第1期 comes after 总第10期 in date order" (start total 11,
  // a single issue): there is no 总第10期 on record and nothing comes before it. src/model/checkNumbering.ts:68 — for the first
  // issue on record say that the total is below the recorded start (as `before-start` does for numbers).
  it('explains a total below the recorded start without inventing an earlier issue', () => {
    const ds = checkNumbering([facts('2018-02', { number: 2, total: 1, date: '2018-12-28' })], makeSeries({ numbering: { start } }));
    expect(brief(ds)).toEqual(['2018-02:3 before-start']);
    expect(ds[0]!.message).not.toContain('总第10期 in date order');
    expect(ds[0]!.message).toContain('总第11期');
  });

  it('applies the start number only to its year', () => {
    const ds = checkNumbering([
      facts('2018-02', { number: 2, total: 11, date: '2018-12-28' }),
      facts('2019-02', { number: 2, total: 12, date: '2019-03-01' }),
    ], makeSeries({ numbering: { start } }));
    expect(brief(ds)).toEqual(['2019-02:2 number-gap']);
  });
});

describe('checkNumbering: supplements', () => {
  it('numbers supplements apart from regular issues, outside the total by default', () => {
    const ds = checkNumbering([
      facts('2018-01', { number: 1, total: 1, date: '2018-03-01' }),
      facts('2018-zk1', { number: 1, date: '2018-04-01', kind: 'supplement' }),
      facts('2018-02', { number: 2, total: 2, date: '2018-06-01' }),
      facts('2018-zk2', { number: 2, date: '2018-08-01', kind: 'supplement' }),
    ], makeSeries());
    expect(ds).toEqual([]);
  });

  it('counts special issues with the regular ones', () => {
    const ds = checkNumbering([
      facts('2018-01', { number: 1, total: 1, date: '2018-03-01' }),
      facts('2018-02', { number: 2, total: 2, date: '2018-06-05', kind: 'special' }),
    ], makeSeries());
    expect(ds).toEqual([]);
  });

  it('reports a gap in the supplement numbers as a supplement gap', () => {
    const ds = checkNumbering([
      facts('2018-01', { number: 1, total: 1, date: '2018-03-01' }),
      facts('2018-02', { number: 2, total: 2, date: '2018-06-01' }),
      facts('2018-zk1', { number: 1, date: '2018-04-01', kind: 'supplement' }),
      facts('2018-zk3', { number: 3, date: '2018-08-01', kind: 'supplement' }),
    ], makeSeries());
    expect(brief(ds)).toEqual(['2018-zk3:2 number-gap']);
    expect(ds[0]!.message).toContain('2018年增刊第3期');
  });

  it('names the missing supplement as 增刊第2期', () => {
    const ds = checkNumbering([
      facts('2018-02', { number: 1, total: 1, date: '2018-06-01' }),
      facts('2018-zk1', { number: 1, date: '2018-04-01', kind: 'supplement' }),
      facts('2018-zk3', { number: 3, date: '2018-08-01', kind: 'supplement' }),
    ], makeSeries());
    expect(ds[0]!.message).toContain('leaves out 2018年增刊第2期');
  });

  it('reports duplicated supplement numbers', () => {
    const ds = checkNumbering([
      facts('2018-zk1', { number: 1, date: '2018-04-01', kind: 'supplement' }),
      facts('2018-zk1b', { number: 1, date: '2018-05-01', kind: 'supplement' }),
    ], makeSeries());
    expect(brief(ds)).toEqual(['2018-zk1b:2 number-duplicate']);
    expect(ds[0]!.message).toContain('增刊第1期');
  });

  it('ignores numbering.start for supplements', () => {
    const ds = checkNumbering([
      facts('2018-02', { number: 2, total: 11, date: '2018-06-01' }),
      facts('2018-zk1', { number: 1, date: '2018-04-01', kind: 'supplement' }),
    ], makeSeries({ numbering: { start: { year: 2018, number: 2, total: 11 } } }));
    expect(ds).toEqual([]);
  });

  it('runs supplements into the total when the series counts them', () => {
    const series = makeSeries({ numbering: { supplementsCountInTotal: true } });
    const ok = checkNumbering([
      facts('2018-01', { number: 1, total: 1, date: '2018-03-01' }),
      facts('2018-zk1', { number: 1, total: 2, date: '2018-04-01', kind: 'supplement' }),
      facts('2018-02', { number: 2, total: 3, date: '2018-06-01' }),
    ], series);
    expect(ok).toEqual([]);
    const gap = checkNumbering([
      facts('2018-01', { number: 1, total: 1, date: '2018-03-01' }),
      facts('2018-zk1', { number: 1, total: 2, date: '2018-04-01', kind: 'supplement' }),
      facts('2018-02', { number: 2, total: 2, date: '2018-06-01' }),
    ], series);
    expect(brief(gap)).toEqual(['2018-02:3 total-duplicate']);
  });
});
