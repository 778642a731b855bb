// What a series' own templates print by themselves (render/templateText.ts): the fonts are subset to
// it as well as to the text.
import { describe, expect, it } from 'vitest';
import { templateText } from '../../src/render/templateText.js';
import type { TemplateSources } from '../../src/render/templates.js';

const sources = (partial: string, css: string): TemplateSources => ({
  main: { name: '/bulletin/templates/issue.hbs', text: '<p>本期目录</p>{{> cover}}' },
  index: undefined,
  yearbook: undefined,
  partials: new Map([
    ['cover', { name: '/series/templates/partials/cover.hbs', text: partial }],
    ['toc', { name: '/bulletin/templates/partials/toc.hbs', text: '<p>不是本系列的</p>' }],
  ]),
  stylesheets: [
    { name: 'bulletin.css', text: '.a::before { content: "默认"; }', series: false },
    { name: 'series-extra.css', text: css, series: true },
  ],
  own: ['templates/partials/cover.hbs', 'templates/extra.css'],
});

describe('templateText', () => {
  it('is the literal text of the series\' own partials and the strings its stylesheets generate, not expressions, tags or comments', () => {
    const text = templateText(sources(
      '{{!-- 注释不印 --}}<header><p class="mark">内部资料&#12288;注意保存</p>{{#if label}}<p title="属性不印">{{label}}</p>{{/if}}<!-- 也不印 --></header>',
      '.mark::after { content: "（密）" attr(x) \'仅供参阅\'; } .b { font-family: "宋体"; } .c::before { content: "\\5185"; }',
    ), '/series');
    expect(text).toContain('内部资料\u3000注意保存');
    expect(text).toContain('（密）');
    expect(text).toContain('仅供参阅');
    expect(text).toContain('内');
    for (const absent of ['注释不印', '属性不印', '也不印', 'label', '宋体', '默认', '不是本系列的', '本期目录']) expect(text, absent).not.toContain(absent);
  });

  it('is empty for a series with bulletin\'s own templates', () => {
    expect(templateText(sources('<p>内部</p>', ''), undefined)).toBe('');
  });
});
