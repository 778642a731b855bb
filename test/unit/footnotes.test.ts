// Notes `[^1]`: parsed into the block tree (numbered in the order of first reference), printed ①②③
// after the article's source line, and reported where a mark or a note has no partner.
import { describe, expect, it } from 'vitest';
import { parseBody } from '../../src/model/parseBody.js';
import { blocksText, noteMark, textBlocks } from '../../src/model/blocks.js';
import { renderBlocks } from '../../src/render/renderBlocks.js';
import { render } from '../../src/i18n/message.js';

const BODY = '会议传达了文件精神[^文件]，部署了全年工作[^1]。\n各单位汇报了进展[^文件]。\n[^1]: 见附件2。\n[^文件]: 《关于推进园区建设的通知》。\n';

describe('footnotes', () => {
  it('numbers notes in the order of their first reference, whatever their labels or the order they are written in', () => {
    const { blocks, problems } = parseBody(BODY);
    expect(problems).toEqual([]);
    const notes = blocks.find((b) => b.type === 'footnotes');
    expect(notes?.type === 'footnotes' && notes.notes.map((n) => [n.label, n.number, blocksText(n.blocks)])).toEqual([
      ['文件', 1, '《关于推进园区建设的通知》。'],
      ['1', 2, '见附件2。'],
    ]);
    // The notes are the last block; the two lines of text stay two paragraphs (a line a paragraph).
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'footnotes']);
    expect(blocksText(blocks)).toBe('会议传达了文件精神①，部署了全年工作②。\n各单位汇报了进展①。\n注释：\n①《关于推进园区建设的通知》。\n②见附件2。');
    // Lint and the glyph check read the notes' text too.
    expect(textBlocks(blocks).map((b) => b.lines.start)).toEqual([0, 1, 3, 2]);
  });

  it('prints the marks raised and linked, and the notes as a list after 注释', () => {
    const { blocks } = parseBody(BODY);
    const html = renderBlocks(blocks, new Map(), 'a1-note').html;
    expect(html).toContain('文件精神<sup class="note-ref"><a href="#a1-note-1">①</a></sup>，');
    expect(html).toContain('<p class="notes-heading">注释：</p>');
    expect(html).toContain('<li class="note" id="a1-note-2"><p class="note-text"><span class="note-mark">②</span>见附件<span class="num">2</span>。</p>');
  });

  it('reports a mark without a note (error) and a note without a mark (warning) at their line and column, labels as written', () => {
    const { problems } = parseBody('正文[^1]和[^说明]。\n[^1]: 注释。\n[^多余]: 没有引用。');
    expect(problems.map((p) => [p.code, p.line, p.column, p.severity ?? 'error'])).toEqual([
      ['footnote-unused', 2, 0, 'warning'],
      ['footnote-undefined', 0, 7, 'error'],
    ]);
    const text = problems.map((p) => render(p.message, 'en')).join('\n');
    expect(text).toContain('`[^说明]`');
    expect(text).toContain('`[^多余]`');
    expect(text).not.toMatch(/%[0-9A-F]{2}/);
  });

  it('numbers ① to ⑳, then ㉑ to ㊿, then (51)', () => {
    expect([1, 2, 20, 21, 35, 36, 50, 51].map(noteMark)).toEqual(['①', '②', '⑳', '㉑', '㉟', '㊱', '㊿', '(51)']);
  });
});
