import { describe, expect, it } from 'vitest';
import { compileIssue, derivedArticleId, figureKey, issueLine, type ArticleData, type CheckedFigure, type IssueData } from '../../src/model/compileIssue.js';
import { parsePlainDate } from '../../src/model/chineseDate.js';
import type { Series } from '../../src/model/types.js';
import { makeSeries } from '../helpers.js';

function compile(data: IssueData, series: Series = makeSeries(), figures = new Map<string, CheckedFigure>()) {
  const date = parsePlainDate(data.date)!;
  return compileIssue(data, { file: '/series/issues/x.yaml', slug: 'x', series, date, figures });
}

const article = (title: ArticleData['title'], extra: Partial<ArticleData> = {}) => ({ title, body: '第一段。\n\n第二段。', ...extra });

describe('issueLine', () => {
  it('prints regular and special issues with the total', () => {
    expect(issueLine('regular', 2018, 2, 11)).toBe('2018年第2期（总第11期）');
    expect(issueLine('special', 2019, 3, 14)).toBe('2019年第3期（总第14期）');
  });

  it('prints a supplement in its own sequence', () => {
    expect(issueLine('supplement', 2026, 1, undefined)).toBe('2026年增刊第1期');
    expect(issueLine('supplement', 2026, 1, 50)).toBe('2026年增刊第1期（总第50期）');
  });

  it('leaves the total out when there is none', () => {
    expect(issueLine('regular', 2018, 2, undefined)).toBe('2018年第2期');
  });
});

describe('derivedArticleId and figureKey', () => {
  it('numbers sections and articles from 1', () => {
    expect(derivedArticleId(0, 0)).toBe('s1-a1');
    expect(derivedArticleId(0, 1)).toBe('s1-a2');
    expect(derivedArticleId(2, 9)).toBe('s3-a10');
    expect(figureKey(0, 1, 2)).toBe('0/1/2');
  });
});

describe('compileIssue', () => {
  it('compiles the seed numbers into the issue line and the hanzi date line', () => {
    const issue = compile({ year: 2018, number: 2, total: 11, date: '2018-12-28', sections: [{ label: '工作动态', articles: [article('标题')] }] });
    expect(issue.issueLine).toBe('2018年第2期（总第11期）');
    expect(issue.dateLine).toBe('二〇一八年十二月二十八日');
    expect(issue.kind).toBe('regular');
    expect(issue.total).toBe(11);
    expect(issue.slug).toBe('x');
  });

  it('prints the date in arabic figures when the series says so', () => {
    const issue = compile({ year: 2020, number: 9, total: 30, date: '2020-10-01', sections: [{ label: '工作动态', articles: [article('标题')] }] }, makeSeries({ layout: { dateStyle: 'arabic' } }));
    expect(issue.dateLine).toBe('2020年10月1日');
  });

  it('compiles a supplement: 2026年增刊第1期, no total unless the series counts supplements', () => {
    const data: IssueData = { kind: 'supplement', year: 2026, number: 1, total: 50, date: '2026-01-30', sections: [{ label: '经验交流', articles: [article('标题')] }] };
    const apart = compile(data);
    expect(apart.issueLine).toBe('2026年增刊第1期');
    expect(apart.total).toBeUndefined();
    expect(apart.dateLine).toBe('二〇二六年一月三十日');
    const counted = compile(data, makeSeries({ numbering: { supplementsCountInTotal: true } }));
    expect(counted.issueLine).toBe('2026年增刊第1期（总第50期）');
    expect(counted.total).toBe(50);
  });

  it('keeps the label of a special issue', () => {
    const issue = compile({ kind: 'special', label: '生态文明建设专刊', year: 2018, number: 3, total: 12, date: '2018-06-05', sections: [{ label: '专题', articles: [article('标题')] }] });
    expect(issue.label).toBe('生态文明建设专刊');
    expect(issue.issueLine).toBe('2018年第3期（总第12期）');
  });

  it('derives ids for articles without one (s1-a2) and numbers sections', () => {
    const issue = compile({
      year: 2018, number: 1, total: 1, date: '2018-03-01',
      sections: [
        { label: '工作动态', articles: [article('一', { id: 'kunming-meeting' }), article('二')] },
        { label: '基层经验', articles: [article('三')] },
      ],
    });
    expect(issue.sections.map((s) => s.id)).toEqual(['section-1', 'section-2']);
    expect(issue.sections.map((s) => s.label)).toEqual(['工作动态', '基层经验']);
    expect(issue.sections.flatMap((s) => s.articles.map((a) => a.id))).toEqual(['kunming-meeting', 's1-a2', 's2-a1']);
  });

  it('keeps the printed lines of a title and joins them for the contents', () => {
    const issue = compile({ year: 2018, number: 1, total: 1, date: '2018-03-01', sections: [{ label: '工作动态', articles: [article([' 2018年国家生态工业示范园区建设经验交流会', '在昆明召开 '])] }] });
    const a = issue.sections[0]!.articles[0]!;
    expect(a.titleLines).toEqual(['2018年国家生态工业示范园区建设经验交流会', '在昆明召开']);
    expect(a.title).toBe('2018年国家生态工业示范园区建设经验交流会在昆明召开');
  });

  it('keeps only checked figures, with their defaults', () => {
    const figures = new Map<string, CheckedFigure>([
      [figureKey(0, 0, 0), { path: '/series/issues/images/a.png', relPath: 'issues/images/a.png', mime: 'image/png', pixels: { width: 800, height: 720 } }],
      [figureKey(0, 0, 2), { path: '/series/issues/images/c.jpg', relPath: 'issues/images/c.jpg', mime: 'image/jpeg', pixels: undefined }],
    ]);
    const issue = compile({
      year: 2018, number: 1, total: 1, date: '2018-03-01',
      sections: [{ label: '工作动态', articles: [article('标题', { figures: [
        { image: 'images/a.png' },
        { image: 'images/b.png', caption: '未通过检查' },
        { image: 'images/c.jpg', place: 'centre', width: '100%', caption: '会议现场', paragraph: 2 },
      ] })] }],
    }, makeSeries(), figures);
    const [a, c] = issue.sections[0]!.articles[0]!.figures;
    expect(issue.sections[0]!.articles[0]!.figures).toHaveLength(2);
    expect(a).toMatchObject({ path: '/series/issues/images/a.png', relPath: 'issues/images/a.png', mime: 'image/png', pixels: { width: 800, height: 720 }, place: 'right', widthPercent: 45, alt: '', paragraph: 1 });
    expect(a!.caption).toBeUndefined();
    expect(c).toMatchObject({ relPath: 'issues/images/c.jpg', place: 'centre', widthPercent: 100, caption: '会议现场', alt: '会议现场', paragraph: 2 });
  });

  it('merges the series distribution with the issue changes', () => {
    const series = makeSeries({ distribution: { report: ['生态环境部'], send: ['各省'], distribute: ['各园区'], copies: 120 } });
    const plain = compile({ year: 2018, number: 1, total: 1, date: '2018-03-01', sections: [{ label: 'x', articles: [article('t')] }] }, series);
    expect(plain.distribution).toEqual({ report: ['生态环境部'], send: ['各省'], distribute: ['各园区'], extra: [], copies: 120 });
    const changed = compile({ year: 2018, number: 1, total: 1, date: '2018-03-01', sections: [{ label: 'x', articles: [article('t')] }], distribution: { extra: ['某单位'], copies: 150 } }, series);
    expect(changed.distribution).toMatchObject({ extra: ['某单位'], copies: 150 });
  });
});
