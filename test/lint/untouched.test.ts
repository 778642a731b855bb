// The must-not-touch list: whatever the checks do, these stretches of text are never reported or changed.
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/lint/lintText.js';
import { codes, fixed } from './textHelpers.js';

const UNTOUCHED = [
  '详见https://www.mee.gov.cn/ywgz/fgbz/bz/(a),b;c:d?e=1!f...g--h~i',
  '网址www.gov.cn/a,b;c和http://example.org/x.html',
  '邮件office.a-b@example.org.cn',
  '代码`a, b; c: d? e! (f) "g" \'h\' -- ... 2018-2020年 1、`',
  '圆周率3.14，共1,000人，增长2.5%，于12:30开会，PM2.5下降',
  'The meeting was held in Beijing, China. "Was it fine?" Yes -- (really)... It\'s done!',
  '[通知](https://example.org/a,b(c).html)',
  '**加粗**与*强调*',
  '字符引用&lt;规划&gt;、研究&amp;开发、第&#x4e00;期、&#20013;国、&quot;引文&quot;',
  '转义\\(括号\\)、\\*星号\\*、\\.\\.\\.与\\-\\-不改',
];

describe('text that must not be touched', () => {
  for (const sample of UNTOUCHED) {
    it(`finds nothing in ${JSON.stringify(sample.slice(0, 40))}`, () => {
      for (const text of [sample, `如下：${sample} 其余从略。`]) {
        expect(codes(text)).toEqual([]);
        expect(fixed(text)).toBe(text);
      }
    });
  }

  it('finds nothing in Markdown structure: headings, lists, rules, quotes', () => {
    const md = '# 一、总体情况\n\n## （一）进展\n\n### 1.措施\n\n1. 第一项\n2) 第二项\n- 要点\n* 要点\n+ 要点\n\n---\n\n> 引文。\n';
    expect(codes(md)).toEqual([]);
  });

  it('finds nothing in the seed example, which is a printed bulletin', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const { SEED } = await import('../helpers.js');
    const issue = parse(readFileSync(`${SEED}/issues/2018-02.yaml`, 'utf8')) as { sections: { articles: { title: string[]; body: string }[] }[] };
    for (const article of issue.sections.flatMap((s) => s.articles)) {
      expect(lintText(article.body, 'markdown')).toEqual([]);
      expect(lintText(article.title.join('\n'), 'title')).toEqual([]);
    }
  });
});
