import { describe, expect, it } from 'vitest';
import { found, marked } from './textHelpers.js';
import { lintText } from '../../src/lint/lintText.js';
import { parseBody } from '../../src/model/parseBody.js';
import { render } from '../../src/i18n/message.js';

const CODE = 'text-unbalanced';

describe('text-unbalanced', () => {
  it('reports an opening mark that is not closed in its paragraph, at the mark, without a fix', () => {
    const text = '会议强调“绿色发展理念。\n\n下一段“另起”。';
    const f = found(text, CODE);
    expect(f.map((x) => [x.start, text[x.start]])).toEqual([[4, '“']]);
    expect(f[0]!.fix).toBeUndefined();
    expect(render(f[0]!.message, 'en')).toContain('not closed');
  });

  it('reports a closing mark with no opening, for each pair: “” ‘’ （） 《》 〈〉 【】', () => {
    expect(marked('绿色发展”理念', CODE)).toEqual(['”']);
    expect(marked('他说：“要坚持实事求是’。”', CODE)).toEqual(['’']);
    expect(marked('（简称领导小组', CODE)).toEqual(['（']);
    expect(marked('作了题为第二次全国污染源普查》的报告', CODE)).toEqual(['》']);
    expect(marked('《关于〈规定〉的说明', CODE)).toEqual(['《']);
    expect(marked('【工作动态', CODE)).toEqual(['【']);
  });

  it('accepts balanced and nested marks, and brackets across the lines of a paragraph (`lineBreaks: join`)', () => {
    expect(found('他说：“要坚持‘实事求是’。”《关于〈规定〉的说明》（简称“说明”）【栏目】', CODE)).toEqual([]);
    const text = '第一行（括号\n在第二行关闭）。';
    expect(lintText(text, 'markdown', parseBody(text, { lineBreaks: 'join' }).blocks).filter((f) => f.code === CODE)).toEqual([]);
    // Each line its own paragraph (the default): the bracket is open at the end of one and closed in the next.
    expect(marked(text, CODE)).toEqual(['（', '）']);
  });

  it('leaves curly apostrophes in English words alone', () => {
    expect(found('会上介绍了China’s experience。', CODE)).toEqual([]);
  });

  it('leaves quotes to text-straight-quotes when the paragraph has straight ones, and pairs half-width brackets too', () => {
    expect(found('（简称“领导小组办公室")委托', CODE)).toEqual([]);
    expect(found('示范区(连云港徐圩新区)和English (text) here', CODE)).toEqual([]);
    expect(marked('见附件(略', CODE)).toEqual(['(']);
  });

  it('checks a title as one text over its printed lines', () => {
    expect(found('关于“生态工业\n示范园区”的通知', CODE, 'title')).toEqual([]);
    expect(marked('关于“生态工业\n示范园区的通知', CODE, 'title')).toEqual(['“']);
  });
});
