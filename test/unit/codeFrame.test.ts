import { describe, expect, it } from 'vitest';
import { codeFrame, displayWidth, fitWidth } from '../../src/diagnostics/codeFrame.js';
import { formatHuman, plainStyle, summary } from '../../src/diagnostics/formatHuman.js';
import { formatGithub, formatJson } from '../../src/diagnostics/formatMachine.js';
import { diagnostic, sortDiagnostics, type Diagnostic, type Span } from '../../src/diagnostics/diagnostic.js';

/** A diagnostic with arbitrary text (the formatters' cases): diagnostics are data; `diagnostic()` takes catalogue messages. */
function plainDiagnostic(file: string, span: Span, severity: Diagnostic['severity'], code: Diagnostic['code'], message: string, hint?: string): Diagnostic {
  return { file, ...span, severity, code, message, ...(hint ? { hint } : {}) };
}


describe('displayWidth', () => {
  it('counts ASCII as one column', () => {
    expect(displayWidth('')).toBe(0);
    expect(displayWidth('title: x')).toBe(8);
  });

  it('counts CJK and full-width characters as two columns', () => {
    expect(displayWidth('工作动态')).toBe(8);
    expect(displayWidth('（）【】，。')).toBe(12);
    expect(displayWidth('〇')).toBe(2);
    expect(displayWidth('Ａ')).toBe(2); // full-width Latin
    expect(displayWidth('한')).toBe(2);
    expect(displayWidth('𠀀')).toBe(2); // CJK extension B, outside the BMP
  });

  it('counts half-width katakana as one column', () => {
    expect(displayWidth('ｱ')).toBe(1);
  });

  it('mixes widths', () => {
    expect(displayWidth('title: 标题')).toBe(11);
  });
});

describe('codeFrame', () => {
  const source = ['year: 2018', 'number: 2', 'total: 11', 'date: 2018-12-28', 'sections: []'].join('\n');

  it('shows the line before, the line and the line after, with a marker on the line', () => {
    const frame = codeFrame(source, 3, 8, 3, 10);
    expect(frame.map((f) => f.number)).toEqual([2, 3, 4]);
    expect(frame.map((f) => f.text)).toEqual(['number: 2', 'total: 11', 'date: 2018-12-28']);
    expect(frame[0]!.marker).toBeUndefined();
    expect(frame[1]!.marker).toBe('       ^^');
    expect(frame[2]!.marker).toBeUndefined();
  });

  it('stops at the first and the last line', () => {
    expect(codeFrame(source, 1, 1, 1, 5).map((f) => f.number)).toEqual([1, 2]);
    expect(codeFrame(source, 5, 1, 5, 2).map((f) => f.number)).toEqual([4, 5]);
  });

  it('pads the marker by display width, so it sits under CJK text', () => {
    const frame = codeFrame('label: 工作动态\ntitle: 标题', 2, 8, 2, 10);
    const line = frame.find((f) => f.number === 2)!;
    expect(line.marker).toBe(`${' '.repeat(7)}^^^^`);
    const cjkPrefix = codeFrame('标题: 值', 1, 5, 1, 6)[0]!;
    expect(cjkPrefix.marker).toBe(`${' '.repeat(6)}^^`);
  });

  it('underlines to the end of the line when the span runs over several lines', () => {
    const frame = codeFrame('a: 1\nb: |\n  x\n', 2, 1, 4, 1);
    expect(frame.find((f) => f.number === 2)!.marker).toBe('^^^^');
  });

  it('counts columns as a terminal draws them: wide Chinese and emoji, narrow ambiguous quotes, marks of no width', () => {
    expect(displayWidth('中文，（）')).toBe(10);
    expect(displayWidth('“通知”')).toBe(6);
    expect(displayWidth('👍a')).toBe(3);
    expect(displayWidth('é')).toBe(1);
    expect(fitWidth('中文abc', 3)).toBe('中');
    expect(fitWidth('中文abc', 5)).toBe('中文a');
  });

  it('sets the caret under the characters of the span in a line of Chinese, quotes and emoji', () => {
    const source = 'title: “清河街道”👍召开会议';
    const column = source.indexOf('召') + 1;
    const [entry] = codeFrame(source, 1, column, 1, column + 4);
    // `title: ` 7, “ 1, 清河街道 8, ” 1, 👍 2: the caret starts at column 19 on screen, four characters wide.
    expect(entry!.marker).toBe(`${' '.repeat(19)}${'^'.repeat(8)}`);
  });

  it('draws at least one caret for an empty span', () => {
    expect(codeFrame('', 1, 1, 1, 1)).toEqual([{ number: 1, text: '', marker: '^' }]);
  });

  it('shows tabs as spaces and handles CRLF line ends', () => {
    const frame = codeFrame('a:\r\n\tb: 1\r\nc: 2', 2, 1, 2, 2);
    expect(frame.map((f) => f.text)).toEqual(['a:', ' b: 1', 'c: 2']);
    expect(frame[1]!.marker).toBe('^');
  });

  it('cuts very long lines at 157 columns on screen and caps the caret line', () => {
    const long = `body: ${'很'.repeat(300)}`;
    const [entry] = codeFrame(long, 1, 7, 1, 307);
    // 6 columns of \`body: \`, then 75 Chinese characters of two columns each; the 76th would pass 157.
    expect(entry!.text).toBe(`body: ${'很'.repeat(75)}…`);
    expect(displayWidth(entry!.text)).toBe(157);
    expect(entry!.text.endsWith('…')).toBe(true);
    expect(entry!.marker).toBe(`${' '.repeat(6)}${'^'.repeat(80)}`);
  });
});

describe('formatHuman', () => {
  const d = plainDiagnostic('issues/2018-02.yaml', { line: 9, column: 9, endLine: 9, endColumn: 14 }, 'error', 'schema-unknown-key', 'unknown key `titel`', 'Did you mean `title`?');
  const source = ['a: 1', 'b: 2', 'c: 3', 'd: 4', 'e: 5', 'f: 6', 'g: 7', 'h:', '        titel: 标题', '        body: x'].join('\n');

  it('prints file:line:column, severity, message, code, a code frame and the hint', () => {
    const text = formatHuman(d, source, plainStyle);
    expect(text.split('\n')).toEqual([
      'issues/2018-02.yaml:9:9: error unknown key `titel` [schema-unknown-key]',
      '  8 | h:',
      '> 9 |         titel: 标题',
      '    |         ^^^^^',
      ' 10 |         body: x',
      '  hint: Did you mean `title`?',
    ]);
  });

  it('prints no frame without the source and no hint line without a hint', () => {
    // diagnostic() gives every code its general hint; a diagnostic may still come without one.
    const { hint: _, ...bare } = plainDiagnostic('a.yaml', { line: 1, column: 1, endLine: 1, endColumn: 1 }, 'warning', 'section-empty', 'no articles');
    expect(formatHuman(bare, undefined, plainStyle)).toBe('a.yaml:1:1: warning no articles [section-empty]');
  });

  it('summarises counts with plurals', () => {
    expect(summary([d], 1)).toBe('1 file checked: 1 error, 0 warnings');
    expect(summary([d, { ...d, severity: 'warning' }], 2)).toBe('2 files checked: 1 error, 1 warning');
  });
});

describe('formatJson and formatGithub', () => {
  const diagnostics: Diagnostic[] = [
    plainDiagnostic('issues/a,b:c.yaml', { line: 3, column: 8, endLine: 3, endColumn: 10 }, 'error', 'total-gap', 'total 100% wrong\nsecond line', 'Set `total: 2`.'),
    { file: 'issues/b.yaml', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'warning', code: 'section-empty', message: 'no articles' },
  ];

  it('prints a JSON array with the documented fields', () => {
    const parsed = JSON.parse(formatJson(diagnostics)) as Record<string, unknown>[];
    expect(parsed).toHaveLength(2);
    expect(Object.keys(parsed[0]!).sort()).toEqual(['code', 'column', 'endColumn', 'endLine', 'file', 'hint', 'line', 'message', 'severity'].sort());
    expect(parsed[0]).toMatchObject({ file: 'issues/a,b:c.yaml', line: 3, column: 8, endLine: 3, endColumn: 10, severity: 'error', code: 'total-gap', hint: 'Set `total: 2`.' });
    expect(parsed[1]!.hint).toBeNull();
    expect(formatJson([])).toBe('[]');
  });

  it('prints one GitHub workflow command per diagnostic, escaped', () => {
    const lines = formatGithub(diagnostics).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('::error file=issues/a%2Cb%3Ac.yaml,line=3,col=8,endLine=3,endColumn=10,title=bulletin total-gap::total 100%25 wrong%0Asecond line%0ASet `total: 2`.');
    expect(lines[1]).toMatch(/^::warning file=issues\/b\.yaml,line=1,col=1,/);
  });
});

describe('sortDiagnostics', () => {
  it('orders by file, then line, then column', () => {
    const at = (file: string, line: number, column: number) => plainDiagnostic(file, { line, column, endLine: line, endColumn: column }, 'error', 'total-gap', 'm');
    const sorted = sortDiagnostics([at('b', 1, 1), at('a', 2, 5), at('a', 2, 1), at('a', 1, 9)]);
    expect(sorted.map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual(['a:1:9', 'a:2:1', 'a:2:5', 'b:1:1']);
  });
});
