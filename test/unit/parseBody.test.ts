import { describe, expect, it } from 'vitest';
import { parseBody, parseInline } from '../../src/model/parseBody.js';

const JOIN = { lineBreaks: 'join' } as const;
import { blocksText, inlineText, paragraphCount } from '../../src/model/blocks.js';
import { render } from '../../src/i18n/message.js';

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
    expect(paragraphCount(parseBody('第一段第一行\n第一段第二行\n\n第二段。', JOIN).blocks)).toBe(2);
  });

  it('does not count headings or list items as paragraphs', () => {
    const md = '# 一、总体情况\n\n段落一。\n\n## （一）进展\n\n1. 第一项\n2. 第二项\n\n- 要点\n\n段落二。\n';
    const parsed = parseBody(md, JOIN);
    expect(parsed.problems).toEqual([]);
    expect(paragraphCount(parsed.blocks)).toBe(2);
    // Each line a paragraph (the default): `1.` and `2.` are paragraphs of their own, numbered as typed.
    expect(checkBody(md).paragraphs).toBe(4);
  });

  it('accepts emphasis and web and mail links', () => {
    expect(codes('*强调* 与 **加粗**，详见[通知](https://example.org/a)或[来信](mailto:office@example.org)，<https://example.org>。')).toEqual([]);
  });
});

describe('parseBody: refused content', () => {
  it('refuses inline raw HTML, one problem per element (not for its closing tag), on its line (0-based)', () => {
    const check = checkBody('第一段。\n\n会议要求<font color="red">各单位</font>按时报送。');
    expect(check.problems.map((p) => [p.code, p.line])).toEqual([['body-raw-html', 2]]);
    expect(render(check.problems[0]!.message, 'en')).toContain('<font color="red">');
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
    expect(render(check.problems[0]!.hint, 'en')).toContain('figures');
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
    const { blocks, problems } = parseBody('# 一、总体\n\n段落**加粗**。\n\n3. 甲\n4. 乙\n\n> 引文\n\n---\n\n##### 五级\n', JOIN);
    expect(problems).toEqual([]);
    expect(blocks.map((b) => [b.type, b.lines.start, b.lines.end])).toEqual([
      ['heading', 0, 1], ['paragraph', 2, 3], ['list', 4, 7], ['quote', 7, 8], ['thematicBreak', 9, 10], ['heading', 11, 12],
    ]);
    expect(blocks[0]).toMatchObject({ type: 'heading', level: 1, content: [{ type: 'text', value: '一、总体' }] });
    expect(blocks[1]).toMatchObject({ content: [{ type: 'text', value: '段落' }, { type: 'strong', children: [{ type: 'text', value: '加粗' }] }, { type: 'text', value: '。' }] });
    expect(blocks[2]).toMatchObject({ type: 'list', ordered: true, start: 3, tight: true, items: [{ lines: { start: 4, end: 5 } }, { lines: { start: 5, end: 7 } }] });
    expect(blocks[5]).toMatchObject({ type: 'heading', level: 4 });
  });

  it('ends a quotation at the first line without `>` when each line is a paragraph: no lazy continuation takes the text or the notes after it', () => {
    const { blocks, problems } = parseBody('批示如下：\n> 要抓紧落实[^1]。\n> 请区生态环境局牵头。\n我们要认真学习领会。\n[^1]: 见附件。\n');
    expect(problems).toEqual([]);
    expect(blocks.map((b) => [b.type, b.lines.start, b.lines.end])).toEqual([['paragraph', 0, 1], ['quote', 1, 3], ['paragraph', 3, 4], ['footnotes', 4, 5]]);
    // CommonMark's lazy continuation stays where lines are joined.
    expect(parseBody('> 引文\n接着。\n', JOIN).blocks.map((b) => b.type)).toEqual(['quote']);
  });

  it('tells tight lists from loose ones', () => {
    expect(parseBody('- 甲\n- 乙\n').blocks[0]).toMatchObject({ type: 'list', ordered: false, tight: true });
    expect(parseBody('- 甲\n\n- 乙\n').blocks[0]).toMatchObject({ type: 'list', tight: false });
  });

  it('gives inline content as a tree: links, emphasis, code, breaks; escapes and entities resolved', () => {
    const [p] = parseBody('见[**通知**](https://example.org/a "题")，`代码`\\*不是\\*&amp;行尾  \nnext line\non', JOIN).blocks;
    expect(p).toMatchObject({ type: 'paragraph', content: [
      { type: 'text', value: '见' },
      { type: 'link', href: 'https://example.org/a', title: '题', auto: false, children: [{ type: 'strong', children: [{ type: 'text', value: '通知' }] }] },
      { type: 'text', value: '，' },
      { type: 'code', value: '代码' },
      { type: 'text', value: '*不是*&行尾' },
      { type: 'hardBreak' },
      { type: 'text', value: 'next line' },
      { type: 'softBreak' },
      { type: 'text', value: 'on' },
    ] });
  });

  it('gives the printed text: no Markdown syntax, no link addresses, the numbers of ordered lists', () => {
    const { blocks } = parseBody('# 一、**重要**\n\n见[通知](https://example.org/a)与<https://example.org/b>。\n\n2. 甲\n3. 乙\n\n- 丙\n', JOIN);
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

describe('parseBody: text as pasted from Word', () => {
  const first = (md: string, options?: { lineBreaks: 'paragraph' | 'join' }) => parseBody(md, options).blocks[0];

  it('makes emphasis next to Chinese punctuation what the writer meant (CJK-friendly flanking)', () => {
    expect(first('**一是加强统筹。**会同各区')).toMatchObject({ content: [{ type: 'strong', children: [{ type: 'text', value: '一是加强统筹。' }] }, { type: 'text', value: '会同各区' }] });
    expect(first('*强调*，后文')).toMatchObject({ content: [{ type: 'emphasis', children: [{ type: 'text', value: '强调' }] }, { type: 'text', value: '，后文' }] });
    expect(first('__加粗__。后文')).toMatchObject({ content: [{ type: 'strong', children: [{ type: 'text', value: '加粗' }] }, { type: 'text', value: '。后文' }] });
    expect(first('这是**“引号”**文字，**（一）加强领导。**各单位')).toMatchObject({ content: [
      { type: 'text', value: '这是' }, { type: 'strong', children: [{ type: 'text', value: '“引号”' }] }, { type: 'text', value: '文字，' },
      { type: 'strong', children: [{ type: 'text', value: '（一）加强领导。' }] }, { type: 'text', value: '各单位' },
    ] });
    for (const md of ['**一是加强统筹。**会同各区', '*强调*，', '__加粗__。']) expect(blocksText(parseBody(md).blocks)).not.toMatch(/[*_]/);
    // Latin text keeps CommonMark's rules.
    expect(first('**foo.**bar')).toMatchObject({ content: [{ type: 'text', value: '**foo.**bar' }] });
  });

  it('warns of an emphasis mark left as text, at its line and column; not of escaped marks, addresses or snake_case', () => {
    const { problems } = parseBody('第一段。\n会议**要求各单位\n见 https://example.org/a_b 与 file_name，\\*注');
    expect(problems.map((p) => [p.code, p.line, p.column, p.length, p.severity])).toEqual([
      ['body-stray-emphasis-mark', 1, 2, 2, 'warning'],
    ]);
    expect(render(problems[0]!.message, 'en')).toContain('`**`');
    expect(parseBody('中文_下划线_文字').problems.map((p) => [p.code, p.column])).toEqual([['body-stray-emphasis-mark', 2], ['body-stray-emphasis-mark', 6]]);
    // Inside a list item or a quote, the column is that of the source line.
    expect(parseBody('> 引文*星号').problems.map((p) => p.column)).toEqual([4]);
    expect(parseInline('图*说明').problems.map((p) => [p.code, p.column])).toEqual([['body-stray-emphasis-mark', 1]]);
  });

  it('makes each line a paragraph (the default), keeping hard breaks', () => {
    const { blocks, problems } = parseBody('　　第一段。\n　　第二段。\n第三段第一行  \n第三段第二行\n\n第四段。');
    expect(problems).toEqual([]);
    expect(blocks.map((b) => [b.type, b.lines.start, b.lines.end])).toEqual([['paragraph', 0, 1], ['paragraph', 1, 2], ['paragraph', 2, 4], ['paragraph', 5, 6]]);
    expect(blocksText(blocks)).toBe('第一段。\n第二段。\n第三段第一行\n第三段第二行\n第四段。');
    // Emphasis does not run from one paragraph into the next.
    expect(blocksText(parseBody('**一是\n二是**').blocks)).toBe('**一是\n二是**');
  });

  it('joins the lines of a paragraph with `lineBreaks: join`, with no space next to Chinese text', () => {
    const { blocks } = parseBody('第一行。\n第二行，\nEnglish words\nand more\n中文', JOIN);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ content: [{ type: 'text', value: '第一行。第二行，English words' }, { type: 'softBreak' }, { type: 'text', value: 'and more中文' }] });
  });

  it('warns of a paragraph joined from lines that end like sentences (`lineBreaks: join` only)', () => {
    const pasted = '第一段。\n第二段。\n第三段。\n第四段。';
    expect(parseBody(pasted, JOIN).problems.map((p) => [p.code, p.line, p.severity])).toEqual([['body-lines-joined', 0, 'warning']]);
    expect(parseBody(pasted).problems).toEqual([]);
    expect(parseBody('一句话分在\n三行里\n写完。', JOIN).problems).toEqual([]);
  });

  it('keeps numbering as typed: 1、 （一） 一、 and 1. begin paragraphs, not lists', () => {
    const md = '一、总体情况\n（一）进展\n1、第一项\n1. 第一项\n1. 第二项\n3) 第三项\n2018. 年份';
    const { blocks } = parseBody(md);
    expect(blocks.every((b) => b.type === 'paragraph')).toBe(true);
    expect(blocksText(blocks)).toBe(md);
    // A numbered line after a paragraph is a paragraph of its own, not lost into the one above.
    expect(blocksText(parseBody('会议要求：\n2. 加强统筹').blocks)).toBe('会议要求：\n2. 加强统筹');
    // Bullets stay lists.
    expect(first('- 甲\n- 乙')).toMatchObject({ type: 'list', ordered: false });
    // `join` is CommonMark: `1.` starts a list.
    expect(first('1. 甲\n2. 乙', JOIN)).toMatchObject({ type: 'list', ordered: true });
  });
});

describe('parseBody: rules under each line a paragraph', () => {
  it('reads `---` under a line as a rule and `===` as text, not as the underline of a heading', () => {
    expect(parseBody('第一段。\n第二段\n---\n第三段').blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'thematicBreak', 'paragraph']);
    expect(blocksText(parseBody('标题\n===').blocks)).toBe('标题\n===');
    expect(parseBody('标题\n===', JOIN).blocks.map((b) => b.type)).toEqual(['heading']);
  });
});
