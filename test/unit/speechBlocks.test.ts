// The model and view of a speech 专刊: an issue without sections, subtitle and byline, the sign-off
// in the series' order and place, attachments listed and printed.
import { describe, expect, it } from 'vitest';
import { compileIssue, type IssueData } from '../../src/model/compileIssue.js';
import { parsePlainDate } from '../../src/model/chineseDate.js';
import { tableOfContents } from '../../src/model/tableOfContents.js';
import { issueView } from '../../src/render/viewModel.js';
import type { Series } from '../../src/model/types.js';
import { makeSeries } from '../helpers.js';

const SPEECH: IssueData = {
  year: 2026, number: 5, total: 139, date: '2026-03-16', kind: 'special', label: '大会专刊',
  signoff: { 责任编辑: '王五', 签发: '张三' },
  articles: [{
    id: 'speech', title: '在全区大会上的讲话', subtitle: '——在全区大会上的讲话', byline: ['区长　陈　明', '（2026年3月12日）'], body: '同志们：',
    attachments: ['考核结果', { title: '工作要点', body: '一、加强扬尘管控。' }],
  }],
};

function view(data: IssueData, series: Series = makeSeries()) {
  const issue = compileIssue(data, { file: '/series/issues/x.yaml', slug: 'x', series, date: parsePlainDate(data.date)!, figures: new Map() });
  return { issue, view: issueView(issue, tableOfContents(issue, undefined), { imageUrl: () => '', stylesheets: [] }) };
}

describe('a speech 专刊', () => {
  it('has one section without a label, no contents entries, and its title on the cover', () => {
    const { issue, view: v } = view(SPEECH);
    expect(issue.sections.map((s) => s.label)).toEqual([undefined]);
    expect(v.toc).toEqual([]);
    expect(v.coverArticle).toEqual({ id: 'speech', titleLines: ['在全区大会上的讲话'], headLines: ['——在全区大会上的讲话', '区长　陈　明', '（2026年3月12日）'] });
    expect(v.sections[0]!.articles[0]!.headLines).toEqual(['——在全区大会上的讲话', '区长　陈　明', '（2026年3月12日）']);
  });

  it('keeps the contents of an issue with sections, or with several articles', () => {
    const two: IssueData = { ...SPEECH, articles: [SPEECH.articles![0], { title: '第二篇', body: '正文。' }] };
    expect(view(two).view.toc.map((e) => e.kind)).toEqual(['article', 'article']);
    expect(view(two).view.coverArticle).toBeUndefined();
  });

  it('prints the sign-off in the series order, under the issue line or above the distribution block', () => {
    expect(view(SPEECH).view.signoff).toBe('签发：张三\u3000\u3000责任编辑：王五');
    const series = makeSeries({ distribution: { report: ['市局'], send: [], distribute: [], copies: 10 } });
    const below = view(SPEECH, { ...series, signoff: { labels: ['责任编辑', '签发'], place: 'distribution' } }).view;
    expect(below.signoff).toBeUndefined();
    expect(below.distribution?.signoff).toBe('责任编辑：王五\u3000\u3000签发：张三');
  });

  it('lists the attachments numbered, and prints the one with a body under 附件2', () => {
    const a = view(SPEECH).view.sections[0]!.articles[0]!;
    expect(a.attachments).toEqual([{ label: '附件：', number: '1.', title: '考核结果' }, { label: '', number: '2.', title: '工作要点' }]);
    expect(a.attachmentPages.map((p) => [p.id, p.heading, p.title])).toEqual([['speech-attachment-2', '附件2', '工作要点']]);
    const one = view({ ...SPEECH, articles: [{ ...SPEECH.articles![0]!, attachments: ['考核结果'] }] }).view.sections[0]!.articles[0]!;
    expect(one.attachments).toEqual([{ label: '附件：', number: '', title: '考核结果' }]);
  });
});
