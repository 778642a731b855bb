// A source line after a table (model/keepBreaks.ts): which articles need the print loop's help,
// the ids the page links to, and the break chosen from where Chrome printed the line and the table.
import { describe, expect, it } from 'vitest';
import { compileIssue, type IssueData } from '../../src/model/compileIssue.js';
import { parsePlainDate } from '../../src/model/chineseDate.js';
import { tableOfContents } from '../../src/model/tableOfContents.js';
import { keepBreaks, sourceKeeps, type PrintedAt } from '../../src/model/keepBreaks.js';
import type { TocEntry } from '../../src/model/types.js';
import { issueView } from '../../src/render/viewModel.js';
import { makeSeries } from '../helpers.js';

const TABLE = '| 园区 | 企业 |\n|---|---:|\n| 甲 | 1 |\n| 乙 | 2 |\n| 丙 | 3 |\n| 丁 | 4 |\n| 戊 | 5 |';

function compile(data: IssueData) {
  return compileIssue(data, { file: '/series/issues/x.yaml', slug: 'x', series: makeSeries(), date: parsePlainDate(data.date)!, figures: new Map() });
}

const ISSUE: IssueData = {
  year: 2026, number: 1, total: 1, date: '2026-01-05',
  sections: [{
    label: '工作动态',
    articles: [
      { id: 'a', title: '表在末尾', body: `正文。\n\n${TABLE}\n\n> 引文。\n>\n> ${TABLE.replaceAll('\n', '\n> ')}\n\n${TABLE}`, source: '甲单位供稿' },
      { id: 'b', title: '表后有附件', body: `正文。\n\n${TABLE}`, source: '乙单位供稿', attachments: ['名单'] },
      { id: 'c', title: '表后无供稿', body: `正文。\n\n${TABLE}` },
      { id: 'd', title: '段落在末尾', body: `${TABLE}\n\n正文。`, source: '丁单位供稿' },
    ],
  }],
};

describe('contents section labels', () => {
  const toc: TocEntry[] = [
    { kind: 'section', id: 's1', text: '工作动态', page: 1 },
    { kind: 'article', id: 'a1', text: '甲', page: 1 },
    { kind: 'section', id: 's2', text: '经验交流', page: 2 },
    { kind: 'article', id: 'a2', text: '乙', page: 2 },
  ];
  const at = (pages: number[]) => (id: string): PrintedAt | undefined => {
    const i = toc.findIndex((e) => `toc.${e.id}` === id);
    return i < 0 ? undefined : { pageIndex: pages[i]! };
  };

  it('move a label printed at the foot of a page, apart from its first entry, to the next page', () => {
    expect(keepBreaks([], toc, at([0, 0, 0, 1]))).toEqual(['toc.s2']);
    expect(keepBreaks([], toc, at([0, 0, 1, 1]))).toEqual([]);
    expect(keepBreaks([], toc, at([0, 1, 1, 1]))).toEqual(['toc.s1']);
  });

  it('keep the breaks made before', () => {
    expect(keepBreaks([], toc, at([0, 0, 1, 1]), ['toc.s2'])).toEqual(['toc.s2']);
  });
});

describe('source lines after a table', () => {
  it('are those of articles ending with a table, their source line right after it; tables are counted as they are numbered, quoted ones too', () => {
    expect(sourceKeeps(compile(ISSUE))).toEqual([{ sourceId: 'a-source', tableId: 'a-table-3', lastRowId: 'a-table-3-end', rows: 5 }]);
  });

  it('give the page the ids whose printed pages the print loop reads', () => {
    const issue = compile(ISSUE);
    const v = issueView(issue, tableOfContents(issue, undefined), { imageUrl: () => '', stylesheets: [] });
    expect(v.keepAnchors).toEqual(['a-source', 'a-table-3', 'a-table-3-end']);
    expect(v.sections[0]!.articles.map((a) => a.sourceId)).toEqual(['a-source', undefined, undefined, undefined]);
    expect(v.sections[0]!.articles[0]!.bodyHtml).toContain('<tr class="rows-1" id="a-table-3-end">');
  });

  const keep = { sourceId: 's', tableId: 't', lastRowId: 't-end', rows: 6 };
  const at = (pages: Record<string, number>) => (id: string): PrintedAt | undefined => (id in pages ? { pageIndex: pages[id]! } : undefined);

  it('need no break when the line is printed on the page of the last row', () => {
    expect(keepBreaks([keep], [], at({ t: 2, 't-end': 3, s: 3 }))).toEqual([]);
  });

  it('take the last two rows along when the line falls on the next page (alone, or under the repeated header)', () => {
    expect(keepBreaks([keep], [], at({ t: 2, 't-end': 2, s: 3 }))).toEqual(['t@4']);
  });

  it('move a short table whole when it began on the page of its last row', () => {
    expect(keepBreaks([{ ...keep, rows: 3 }], [], at({ t: 2, 't-end': 2, s: 3 }))).toEqual(['t']);
    expect(keepBreaks([{ ...keep, rows: 3 }], [], at({ t: 1, 't-end': 2, s: 3 }))).toEqual(['t@1']);
    expect(keepBreaks([{ ...keep, rows: 1 }], [], at({ t: 1, 't-end': 2, s: 3 }))).toEqual(['t']);
  });

  it('keep the breaks already made, and add none for a table that has one', () => {
    expect(keepBreaks([keep], [], at({ t: 2, 't-end': 2, s: 3 }), ['t@4'])).toEqual(['t@4']);
    expect(keepBreaks([keep, { ...keep, sourceId: 'u', tableId: 'v', lastRowId: 'v-end' }], [], at({ t: 1, 't-end': 1, s: 2, v: 4, 'v-end': 4, u: 5 }), ['t@4'])).toEqual(['t@4', 'v@4']);
  });

  it('need no break when Chrome did not record where the elements are (a series template without the links)', () => {
    expect(keepBreaks([keep], [], at({ s: 3 }))).toEqual([]);
  });
});
