import { describe, expect, it } from 'vitest';
import { parseBody, parseInline } from '../../src/model/parseBody.js';
import { blocksText, inlineText, paragraphCount } from '../../src/model/blocks.js';

/** What the old checkBody gave: the paragraphs a figure can name, and the problems. */
const checkBody = (md: string) => {
  const parsed = parseBody(md);
  return { paragraphs: paragraphCount(parsed.blocks), problems: parsed.problems };
};
const codes = (md: string) => checkBody(md).problems.map((p) => p.code);

describe('parseBody: paragraphs', () => {
  it('counts paragraphs separated by blank lines', () => {
    expect(checkBody('第一段。').paragraphs).toBe(1);
    expect(checkBody('第一段。\n\n第二段。\n\n第三段。\n').paragraphs).toBe(3);
    expect(checkBody('第一段第一行\n第一段第二行\n\n第二段。').paragraphs).toBe(2);
  });

  it('does not count headings or list items as paragraphs', () => {
    const md = '# 一、总体情况\n\n段落一。\n\n## （一）进展\n\n1. 第一项\n2. 第二项\n\n- 要点\n\n段落二。\n';
    const check = checkBody(md);
    expect(check.problems).toEqual([]);
    expect(check.paragraphs).toBe(2);
  });

  it('accepts emphasis and web and mail links', () => {
    expect(codes('*强调* 与 **加粗**，详见[通知](https://example.org/a)或[来信](mailto:office@example.org)，<https://example.org>。')).toEqual([]);
  });
});

describe('parseBody: refused content', () => {
  it('refuses inline raw HTML, one problem per element (not for its closing tag), on its line (0-based)', () => {
    const check = checkBody('第一段。\n\n会议要求<font color="red">各单位</font>按时报送。');
    expect(check.problems.map((p) => [p.code, p.line])).toEqual([['body-raw-html', 2]]);
    expect(check.problems[0]!.message).toContain('<font color="red">');
    expect(check.problems[0]!.hint).toBeTruthy();
    expect(check.paragraphs).toBe(2);
  });

  it('refuses an HTML block', () => {
    const check = checkBody('第一段。\n\n<div>\n块\n</div>\n');
    expect(check.problems.map((p) => [p.code, p.line])).toEqual([['body-raw-html', 2]]);
  });

  it('refuses HTML comments', () => {
    expect(codes('段落。\n\n<!-- 注释 -->\n')).toEqual(['body-raw-html']);
  });

  it('refuses images in the body', () => {
    const check = checkBody('第一段。\n\n![会场](images/a.png)');
    expect(check.problems.map((p) => [p.code, p.line])).toEqual([['body-image', 2]]);
    expect(check.problems[0]!.hint).toContain('figures');
  });

  it('refuses javascript:, data:, vbscript: and file: links once each, whatever their case', () => {
    expect(codes('详见[通知](javascript:alert(1))。')).toEqual(['body-link']);
    expect(codes('详见[通知](JavaScript:alert(1))。')).toEqual(['body-link']);
    expect(codes('详见[通知]( javascript:alert(1))。')).toEqual(['body-link']);
    expect(codes('详见[通知](data:text/html;base64,PHNjcmlwdD4=)。')).toEqual(['body-link']);
    expect(codes('详见[通知](vbscript:msgbox)。')).toEqual(['body-link']);
    expect(codes('详见[通知](file:///etc/passwd)。')).toEqual(['body-link']);
    const check = checkBody('第一段。\n\n第二段。\n详见[通知](javascript:alert(1))。');
    expect(check.problems.map((p) => [p.code, p.line])).toEqual([['body-link', 3]]);
  });

  it('refuses links to other schemes and relative links', () => {
    expect(codes('详见[通知](ftp://example.org/a)。')).toEqual(['body-link']);
    expect(codes('详见[通知](notes/a.html)。')).toEqual(['body-link']);
  });

  it('refuses code blocks, indented or fenced', () => {
    expect(codes('第一段。\n\n    缩进的文字\n')).toEqual(['body-code']);
    expect(codes('第一段。\n\n```\ncode\n```\n')).toEqual(['body-code']);
  });

  it('reports every problem of a body in one pass', () => {
    expect(codes('<b>一</b>\n\n![x](a.png)\n\n[y](javascript:void(0))')).toEqual(['body-raw-html', 'body-image', 'body-link']);
  });
});

describe('parseBody: the block tree', () => {
  it('gives blocks with their source lines, heading levels, lists and quotes', () => {
    const { blocks, problems } = parseBody('# 一、总体\n\n段落**加粗**。\n\n3. 甲\n4. 乙\n\n> 引文\n\n---\n\n##### 五级\n');
    expect(problems).toEqual([]);
    expect(blocks.map((b) => [b.type, b.lines.start, b.lines.end])).toEqual([
      ['heading', 0, 1], ['paragraph', 2, 3], ['list', 4, 7], ['quote', 7, 8], ['thematicBreak', 9, 10], ['heading', 11, 12],
    ]);
    expect(blocks[0]).toMatchObject({ type: 'heading', level: 1, content: [{ type: 'text', value: '一、总体' }] });
    expect(blocks[1]).toMatchObject({ content: [{ type: 'text', value: '段落' }, { type: 'strong', children: [{ type: 'text', value: '加粗' }] }, { type: 'text', value: '。' }] });
    expect(blocks[2]).toMatchObject({ type: 'list', ordered: true, start: 3, tight: true, items: [{ lines: { start: 4, end: 5 } }, { lines: { start: 5, end: 7 } }] });
    expect(blocks[5]).toMatchObject({ type: 'heading', level: 4 });
  });

  it('tells tight lists from loose ones', () => {
    expect(parseBody('- 甲\n- 乙\n').blocks[0]).toMatchObject({ type: 'list', ordered: false, tight: true });
    expect(parseBody('- 甲\n\n- 乙\n').blocks[0]).toMatchObject({ type: 'list', tight: false });
  });

  it('gives inline content as a tree: links, emphasis, code, breaks; escapes and entities resolved', () => {
    const [p] = parseBody('见[**通知**](https://example.org/a "题")，`代码`\\*不是\\*&amp;行尾  \n下一行\n续').blocks;
    expect(p).toMatchObject({ type: 'paragraph', content: [
      { type: 'text', value: '见' },
      { type: 'link', href: 'https://example.org/a', title: '题', auto: false, children: [{ type: 'strong', children: [{ type: 'text', value: '通知' }] }] },
      { type: 'text', value: '，' },
      { type: 'code', value: '代码' },
      { type: 'text', value: '*不是*&行尾' },
      { type: 'hardBreak' },
      { type: 'text', value: '下一行' },
      { type: 'softBreak' },
      { type: 'text', value: '续' },
    ] });
  });

  it('gives the printed text: no Markdown syntax, no link addresses, the numbers of ordered lists', () => {
    const { blocks } = parseBody('# 一、**重要**\n\n见[通知](https://example.org/a)与<https://example.org/b>。\n\n2. 甲\n3. 乙\n\n- 丙\n');
    expect(blocksText(blocks)).toBe('一、重要\n见通知与https://example.org/b。\n2. 甲\n3. 乙\n丙');
    expect(blocksText(blocks)).not.toContain('*');
    expect(inlineText(parseInline('**2018年**会场，*摄影*').content)).toBe('2018年会场，摄影');
  });

  it('reports a problem on its own line of a paragraph', () => {
    const check = checkBody('第一段。\n\n第二段\n有<b>标签</b>和![图](a.png)。');
    expect(check.problems.map((p) => [p.code, p.line])).toEqual([['body-raw-html', 3], ['body-image', 3]]);
  });

  it('keeps a reference definition of a local address as printed text, as it always was', () => {
    const { blocks, problems } = parseBody('[注]: 见附件\n\n正文。');
    expect(problems).toEqual([]);
    expect(blocksText(blocks)).toBe('[注]: 见附件\n正文。');
  });

  it('checks captions the same way', () => {
    expect(parseInline('会场<b>照片</b>').problems.map((p) => p.code)).toEqual(['body-raw-html']);
    expect(parseInline('见[说明](notes.html)').problems.map((p) => p.code)).toEqual(['body-link']);
    expect(parseInline('**会场**，[说明](https://example.org)').problems).toEqual([]);
  });
});
