import { describe, expect, it } from 'vitest';
import type { Node } from 'yaml';
import { parseYaml } from '../../src/source/parseYaml.js';
import { scalarText, joinTexts } from '../../src/lint/scalarText.js';

/** The mapped text of the value of `key` in a one-level YAML source. */
function mapped(source: string, key = 'text') {
  const parsed = parseYaml(source, 'test.yaml');
  expect(parsed.diagnostics).toEqual([]);
  const node = parsed.doc!.get(key, true) as Node;
  return scalarText(node, source)!;
}

/** Every character's offset points at that character in the file. */
function pointsRight(source: string, m: ReturnType<typeof mapped>): boolean {
  return [...m.text].every((_, i) => m.exact[i] === 1 && source[m.at[i]!] === m.text[i]);
}

describe('scalarText: exact positions', () => {
  it('maps a plain one-line scalar exactly', () => {
    const source = 'other: 1\ntext: 园区召开会议。  # comment\n';
    const m = mapped(source);
    expect(m.text).toBe('园区召开会议。');
    expect(pointsRight(source, m)).toBe(true);
    expect(m.at[0]).toBe(source.indexOf('园'));
  });

  it('maps a literal block exactly: each line is the file line minus the indentation', () => {
    const source = 'text: |\n    第一段，\n      缩进多两格。\n\n    第二段。\nnext: 1\n';
    const m = mapped(source);
    expect(m.text).toBe('第一段，\n  缩进多两格。\n\n第二段。\n');
    expect(pointsRight(source, m)).toBe(true);
  });

  it('maps a literal block with CRLF line ends and strip or keep chomping', () => {
    for (const source of ['text: |-\r\n  第一行\r\n  第二行\r\nnext: 1\r\n', 'text: |+\n  第一行\n\n\nnext: 1\n', 'text: |  # a comment\n  第一行\n']) {
      const m = mapped(source);
      expect(pointsRight(source, m), JSON.stringify(source)).toBe(true);
    }
  });

  it('maps quoted one-line scalars exactly when they hold no escapes', () => {
    const source = 'text: "园区召开会议。"\nsingle: \'会议\'\n';
    expect(pointsRight(source, mapped(source))).toBe(true);
    expect(pointsRight(source, mapped(source, 'single'))).toBe(true);
  });
});

describe('scalarText: approximate positions', () => {
  it('maps escaped, folded and multi-line texts to the value start, as not exact', () => {
    const cases = [
      'text: "园区\\"会议\\""\n',
      "text: '他说''好'''\n",
      'text: >\n  折叠的\n  正文\n',
      'text: 多行的\n  普通文本\n',
      'text: "两行的\n  引号文本"\n',
    ];
    for (const source of cases) {
      const m = mapped(source);
      expect(m.exact.every((e) => e === 0), JSON.stringify(source)).toBe(true);
      expect(new Set(m.at)).toEqual(new Set(['text: '.length])); // where the value starts
    }
  });

  it('refuses non-strings', () => {
    const parsed = parseYaml('text: 12\n', 'test.yaml');
    expect(scalarText(parsed.doc!.get('text', true) as Node, 'text: 12\n')).toBeUndefined();
  });
});

describe('joinTexts', () => {
  it('joins the lines of a title with line breaks that map nowhere exactly', () => {
    const source = 'text:\n  - 第一行\n  - 第二行\n';
    const parsed = parseYaml(source, 'test.yaml');
    const seq = parsed.doc!.get('text', true) as { items: Node[] };
    const joined = joinTexts(seq.items.map((n) => scalarText(n, source)!));
    expect(joined.text).toBe('第一行\n第二行');
    expect([...joined.exact]).toEqual([1, 1, 1, 0, 1, 1, 1]);
    expect(source[joined.at[4]!]).toBe('第');
  });
});
