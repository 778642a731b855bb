import { describe, expect, it } from 'vitest';
import { checkBody } from '../../src/model/markdownParser.js';

const codes = (md: string) => checkBody(md).problems.map((p) => p.code);

describe('checkBody: paragraphs', () => {
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

describe('checkBody: refused content', () => {
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
