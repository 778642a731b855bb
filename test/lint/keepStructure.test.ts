// --fix never changes what the Markdown of a body means: fixes are checked against the block tree.
import { describe, expect, it } from 'vitest';
import { MAX_PARSES, structureKeepingEdits, treeShape } from '../../src/lint/keepStructure.js';
import { lintText } from '../../src/lint/lintText.js';
import { parseBody } from '../../src/model/parseBody.js';
import { render } from '../../src/i18n/message.js';

const parse = (text: string) => parseBody(text).blocks;
const join = (text: string) => parseBody(text, { lineBreaks: 'join' }).blocks;

describe('structureKeepingEdits', () => {
  it('keeps edits that change only characters, and drops one that makes a list item a paragraph', () => {
    const text = '第一段...\n- 要点';
    const dots = { start: 3, end: 6, replacement: '……' };
    const bullet = { start: 7, end: 9, replacement: '-' };
    expect(structureKeepingEdits(text, [dots], parse)).toEqual([dots]);
    expect(structureKeepingEdits(text, [dots, bullet], parse)).toEqual([dots]);
  });

  it('sees emphasis, breaks and paragraphs, not the text', () => {
    expect(treeShape(parse('**加粗**甲'))).toBe(treeShape(parse('**粗体**乙')));
    expect(treeShape(parse('**加粗**甲'))).not.toBe(treeShape(parse('**加粗*甲')));
    expect(treeShape(parse('甲  \n乙'))).not.toBe(treeShape(parse('甲\n乙')));
  });
});

describe('lintText: fixes that would change the tree are findings without a fix', () => {
  it('a dash fix that would swallow the space after a bullet, an ordinal fix that would remove a hard break', () => {
    for (const text of ['* -- 注：各单位按期报送', '（一）、  \n加强统筹']) {
      const findings = lintText(text, 'markdown');
      expect(findings.length, text).toBeGreaterThan(0);
      for (const f of findings) {
        expect(f.fix, text).toBeUndefined();
        expect(render(f.hint, 'en')).toContain('Change it by hand');
      }
    }
  });

  it('checks with the series\' reading of lines: with `join`, 1. is a list and the fix that makes 1、 into 1. is kept only where no list appears', () => {
    // `1、 第一项` → `1.第一项`: no space after the number, no list: the fix is safe in both readings.
    for (const p of [parse, join]) expect(lintText('1、 第一项', 'markdown', p('1、 第一项'), p).map((f) => f.fix?.replacement)).toEqual(['1.']);
  });
});

describe('structureKeepingEdits: cost', () => {
  it('finds the one harmful edit among many in a few parses, and stops at its budget', () => {
    const lines = Array.from({ length: 400 }, (_, k) => `第${k}行...`);
    const text = `${lines.join('\n')}\n- 要点`;
    const edits = lines.map((line, k) => {
      const start = lines.slice(0, k).join('\n').length + (k ? 1 : 0) + line.indexOf('...');
      return { start, end: start + 3, replacement: '……' };
    });
    const bullet = { start: text.length - 4, end: text.length - 2, replacement: '-' };
    let parses = 0;
    const counted = (t: string) => {
      parses += 1;
      return parse(t);
    };
    const kept = structureKeepingEdits(text, [...edits, bullet], counted);
    expect(kept).toHaveLength(400);
    expect(kept).not.toContain(bullet);
    expect(parses).toBeLessThan(30);
    // Harmful edits everywhere: the budget holds, and what is kept is still safe.
    parses = 0;
    const harmful = Array.from({ length: 200 }, (_, k) => ({ start: text.length - 4, end: text.length - 2, replacement: '-'.repeat(k % 2) }));
    const some = structureKeepingEdits(text, [...edits.slice(0, 100), ...harmful], counted);
    expect(parses).toBeLessThanOrEqual(MAX_PARSES + 1);
    expect(some.every((e) => e.replacement === '……')).toBe(true);
  });
});
