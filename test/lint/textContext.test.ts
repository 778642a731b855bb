// What the checks know of a Markdown text comes from its block tree: paragraphs, headings, breaks.
import { describe, expect, it } from 'vitest';
import { textContext } from '../../src/lint/textContext.js';
import { parseBody } from '../../src/model/parseBody.js';

const spans = (text: string, list: { start: number; end: number }[]) => list.map((p) => text.slice(p.start, p.end));

describe('textContext of Markdown', () => {
  it('takes paragraphs from the tree: a heading and its paragraph apart, list items apart, no reference definitions', () => {
    const text = '# 一、标题\n正文第一行\n正文第二行\n\n- 甲\n- 乙\n\n[a]: https://example.org\n\n> 引文\n';
    // `lineBreaks: paragraph` (the default): each line is a paragraph.
    expect(spans(text, textContext(text, 'markdown').paragraphs)).toEqual(['# 一、标题', '正文第一行', '正文第二行', '- 甲', '- 乙', '> 引文']);
    expect(spans(text, textContext(text, 'markdown').headings)).toEqual(['# 一、标题']);
    const joined = parseBody(text, { lineBreaks: 'join' }).blocks;
    expect(spans(text, textContext(text, 'markdown', joined).paragraphs)).toEqual(['# 一、标题', '正文第一行\n正文第二行', '- 甲', '- 乙', '> 引文']);
  });

  it('uses the tree it is given, with line breaks counted as markdown-it counts them', () => {
    const text = '第一段\r\n\r\n第二段\r第三行';
    expect(spans(text, textContext(text, 'markdown', parseBody(text, { lineBreaks: 'join' }).blocks).paragraphs)).toEqual(['第一段', '第二段\r第三行']);
    expect(spans(text, textContext(text, 'markdown', parseBody(text).blocks).paragraphs)).toEqual(['第一段', '第二段', '第三行']);
  });

  it('protects thematic breaks and setext underlines, and inline code only within its paragraph', () => {
    const text = '标题\n---\n\n***\n\n一个`反引号\n\n正文(甲)`代码`';
    const context = textContext(text, 'markdown');
    for (const i of [text.indexOf('---'), text.indexOf('***'), text.indexOf('`代码`') + 1]) expect(context.isProtected(i)).toBe(true);
    // The first backtick has no partner in its paragraph: the text up to the next paragraph is not code.
    expect(context.isProtected(text.indexOf('(甲)'))).toBe(false);
  });

  it('protects link destinations only where the tree has a link', () => {
    const text = '见[通知](https://example.org/a)。\n\n文中】(乙)的写法。';
    const context = textContext(text, 'markdown');
    expect(context.isProtected(text.indexOf('(https'))).toBe(true);
    expect(context.isProtected(text.indexOf('(乙)'))).toBe(false);
  });
});
