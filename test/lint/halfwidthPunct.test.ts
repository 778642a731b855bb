import { describe, expect, it } from 'vitest';
import { fixed, found, marked } from './textHelpers.js';

const CODE = 'text-halfwidth-punct';

describe('text-halfwidth-punct', () => {
  it('finds , . ; : ? ! next to Chinese characters and fixes them to the full-width forms', () => {
    const text = '会议召开,各单位参加;领导讲话:要加强管理!是吗?对.';
    expect(marked(text, CODE)).toEqual([',', ';', ':', '!', '?', '.']);
    expect(fixed(text, CODE)).toBe('会议召开，各单位参加；领导讲话：要加强管理！是吗？对。');
  });

  it('turns a pair of brackets around Chinese text full-width as a whole, with the spaces around them', () => {
    expect(fixed('国家东中西区域合作示范区(连云港徐圩新区)等4家', CODE)).toBe('国家东中西区域合作示范区（连云港徐圩新区）等4家');
    expect(fixed('测试园区建设办公室 (示例)', CODE)).toBe('测试园区建设办公室（示例）');
    expect(fixed('细颗粒物(PM2.5)浓度', CODE)).toBe('细颗粒物（PM2.5）浓度');
    expect(fixed('会议, 各单位', CODE)).toBe('会议，各单位');
  });

  it('points at the mark itself, even when the fix takes the spaces around it', () => {
    const [f] = found('办公室 (示例)', CODE);
    expect(f).toMatchObject({ start: 4, end: 5, fix: { start: 3, end: 5, replacement: '（' } });
  });

  it('looks through quotes and Markdown emphasis for the Chinese text', () => {
    expect(fixed('“满意”,“基本满意”', CODE)).toBe('“满意”，“基本满意”');
    expect(fixed('**通知**:请注意', CODE)).toBe('**通知**：请注意');
  });

  it('leaves numbers alone: 3.14, 1,000, 2.5%, 12:30, PM2.5', () => {
    expect(found('圆周率约为3.14，共1,000人，增长2.5%，于12:30开会，PM2.5下降。', CODE)).toEqual([]);
  });

  it('leaves English sentences alone, brackets included', () => {
    expect(found('The meeting was held in Beijing, China. Was it fine? Yes (really)!', CODE)).toEqual([]);
    expect(found('会议纪要见 The report, page 3. 其余从略。', CODE)).toEqual([]);
  });

  it('leaves URLs, e-mail addresses, inline code, file names and Markdown syntax alone', () => {
    expect(found('访问https://example.org/a,b?x=1(2)或www.gov.cn/a,b，邮件a.b@example.org，代码`a, b; c`。', CODE)).toEqual([]);
    expect(found('详见报告.pdf和[通知](https://example.org/(a))。', CODE)).toEqual([]);
    expect(found('1. 第一项\n2. 第二项\n1) 第三项', CODE)).toEqual([]);
  });

  it('leaves the ordinals 1. and 一. to text-ordinal', () => {
    expect(found('1.加强组织领导', CODE)).toEqual([]);
    expect(found('一.总体要求', CODE)).toEqual([]);
    expect(found('## 2.具体措施', CODE)).toEqual([]);
  });

  it('does not fire on a lone mark between Latin words in a Chinese paragraph', () => {
    expect(found('使用Node.js和C++编写，版本v1.2。', CODE)).toEqual([]);
  });
});
