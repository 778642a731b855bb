import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/source/parseYaml.js';
import { lintIssue } from '../../src/lint/lintIssue.js';
import { lintSeries } from '../../src/lint/lintSeries.js';
import { lintRules, type LintLevel } from '../../src/lint/lintCodes.js';
import { applyFixes } from '../../src/lint/applyFixes.js';

function lint(source: string, levels: Record<string, LintLevel> = {}, which = lintIssue) {
  const parsed = parseYaml(source, 'issue.yaml');
  expect(parsed.diagnostics).toEqual([]);
  return which({ source, doc: parsed.doc!, lineCounter: parsed.lineCounter, display: 'issue.yaml', rules: lintRules(levels) });
}

const ARTICLE = (fields: string) => `year: 2018\nsections:\n  - label: 工作动态\n    articles:\n      - title: 标题\n${fields}`;

describe('lintIssue: positions and fixes', () => {
  it('reports each finding at its line and column and fixes it in the file', () => {
    const source = ARTICLE('        body: |\n          会议指出,要加强管理。\n\n          共有 55 家园区。\n');
    const { diagnostics, fixes } = lint(source);
    expect(diagnostics.map((d) => [d.code, d.line, d.column, d.endColumn, d.severity])).toEqual([
      ['text-halfwidth-punct', 7, 15, 16, 'warning'],
      ['text-cjk-space', 9, 13, 14, 'warning'],
      ['text-cjk-space', 9, 16, 17, 'warning'],
    ]);
    expect(diagnostics[0]!.hint).toContain('--fix');
    expect(applyFixes(source, fixes).text).toBe(ARTICLE('        body: |\n          会议指出，要加强管理。\n\n          共有55家园区。\n'));
    expect(fixes[0]).toMatchObject({ line: 7, column: 15, original: ',', replacement: '，', code: 'text-halfwidth-punct' });
  });

  it('fixes a quoted one-line text exactly when it has no escapes', () => {
    const source = ARTICLE('        body: "会议指出,要加强管理。"\n');
    const { diagnostics, fixes } = lint(source);
    expect(diagnostics.map((d) => [d.line, d.column])).toEqual([[6, 20]]);
    expect(applyFixes(source, fixes).text).toContain('body: "会议指出，要加强管理。"');
  });

  it('reports at the value start without a fix in escaped, folded and multi-line texts', () => {
    for (const body of ['"会议\\t指出,要加强管理。"', '>\n          会议指出,要加强管理。\n          第二行', '会议指出,要加强\n          管理。']) {
      const source = ARTICLE(`        body: ${body}\n`);
      const { diagnostics, fixes } = lint(source);
      expect(diagnostics.map((d) => [d.code, d.line, d.column]), body).toEqual([['text-halfwidth-punct', 6, 15]]);
      expect(diagnostics[0]!.message).toContain('exact column is not known');
      expect(diagnostics[0]!.hint).toContain('by hand');
      expect(fixes).toEqual([]);
    }
  });

  it('checks every printed text of an issue, and nothing else', () => {
    const source = [
      'year: 2018',
      'kind: special',
      'label: 生态文明专刊。',
      'classification: 内部资料 (示例)',
      'note: 编者按:本期专刊。',
      'sections:',
      '  - label: 工作动态。',
      '    articles:',
      '      - id: a-b',
      '        title: [第一行,第二行。]',
      '        note: 编者按:按语。',
      '        body: 正文,正文。',
      '        figures:',
      '          - image: images/a (1).png',
      '            caption: 会议现场 (示例)',
      '            alt: 替代文本,不印出',
      '        source: 办公室 (示例)',
      'distribution:',
      '  extra: [各园区 (示例)]',
    ].join('\n');
    const lines = lint(source).diagnostics.map((d) => d.line);
    expect([...new Set(lines)]).toEqual([3, 4, 5, 7, 10, 11, 12, 15, 17, 19]);
  });

  it('checks the printed texts of a series file', () => {
    const source = 'series: 测试园区 (示例)\nname: 工作动态\npublisher: 办公室 (示例)\nissues: issues (old)\ndistribution:\n  report: [生态环境部 (示例)]\n';
    expect(lint(source, {}, lintSeries).diagnostics.map((d) => d.line)).toEqual([1, 1, 3, 3, 6, 6]);
  });
});

describe('lintIssue: levels and silencing', () => {
  const source = ARTICLE('        source: 办公室,供稿\n');

  it('drops checks set to off and reports checks set to error as errors', () => {
    expect(lint(source, { 'text-halfwidth-punct': 'off' })).toEqual({ diagnostics: [], fixes: [] });
    const { diagnostics, fixes } = lint(source, { 'text-halfwidth-punct': 'error' });
    expect(diagnostics.map((d) => d.severity)).toEqual(['error']);
    expect(fixes).toHaveLength(1);
  });

  it('is silenced on a line by `# bulletin-disable-line` with its code, or with no code', () => {
    expect(lint(ARTICLE('        source: 办公室,供稿  # bulletin-disable-line text-halfwidth-punct\n')).diagnostics).toEqual([]);
    expect(lint(ARTICLE('        source: 办公室,供稿 # bulletin-disable-line\n')).diagnostics).toEqual([]);
    expect(lint(ARTICLE('        source: 办公室,供稿 # bulletin-disable-line text-dash, text-cjk-space\n')).diagnostics).toHaveLength(1);
  });

  it('is silenced on the next line by `# bulletin-disable-next-line`', () => {
    const silenced = lint(ARTICLE('        # bulletin-disable-next-line text-halfwidth-punct\n        source: 办公室,供稿\n'));
    expect(silenced).toEqual({ diagnostics: [], fixes: [] });
    expect(lint(ARTICLE('        # bulletin-disable-next-line\n        id: a\n        source: 办公室,供稿\n')).diagnostics).toHaveLength(1);
  });

  it('silences a whole block from the comment on its header line; a # inside the block is text', () => {
    expect(lint(ARTICLE('        body: |  # bulletin-disable-line text-halfwidth-punct\n          会议,指出。\n\n          会议,强调。\n')).diagnostics).toEqual([]);
    const inside = lint(ARTICLE('        body: |\n          会议,指出。 # bulletin-disable-line\n'));
    expect(inside.diagnostics.map((d) => d.code)).toEqual(['text-halfwidth-punct']);
  });

  it('ignores directives inside quoted text', () => {
    expect(lint(ARTICLE('        source: "办公室,供稿 # bulletin-disable-line"\n')).diagnostics).toHaveLength(1);
  });
});
