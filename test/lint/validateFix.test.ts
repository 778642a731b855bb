// `bulletin validate` with the copy-editing checks, in-process: warnings on their lines in every format, and --fix.
import { chmodSync, cpSync, readFileSync, statSync, symlinkSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixFiles } from '../../src/index.js';
import { cleanScratch, REPO, runCli, scratchDir, writeTree } from '../helpers.js';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'lint');
const ISSUE = path.join('issues', '2018-01.yaml');

const run = (argv: string[], cwd: string) => runCli(argv, cwd);

function copyOf(name: 'dirty' | 'clean' | 'unfixable'): string {
  const dir = path.join(scratchDir('bulletin-lint-'), name);
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

/**
 * Each kind of mistake a fixture holds (test/fixtures/lint/<name>/expected.json): the code, a stretch
 * of its line, and the characters of that stretch the warning points at.
 */
interface Mistake {
  code: string;
  file: string;
  line: string;
  at: string;
}

const mistakesOf = (name: 'dirty' | 'unfixable') => JSON.parse(readFileSync(path.join(FIXTURES, name, 'expected.json'), 'utf8')) as Mistake[];

/** Every kind of fixable mistake, in the dirty fixture. */
const MISTAKES = mistakesOf('dirty');

/** Line and column (1-based, UTF-16 like the reports) of `at` within the first line holding `line`. */
function positionOf(text: string, line: string, at: string): { line: number; column: number } {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.includes(line));
  expect(index, line).toBeGreaterThanOrEqual(0);
  return { line: index + 1, column: lines[index]!.indexOf(line) + line.indexOf(at) + 1 };
}

afterAll(() => cleanScratch());

describe('validate: copy-editing warnings', () => {
  it('reports each kind of mistake on its line: human format with file:line:col, exit 0', async () => {
    const dir = copyOf('dirty');
    const r = await run(['validate', '.'], dir);
    expect(r.code).toBe(0);
    for (const m of MISTAKES) {
      const { line, column } = positionOf(read(dir, m.file), m.line, m.at);
      expect(r.stdout, `${m.code} at ${m.line}`).toContain(`${m.file}:${line}:${column}: warning`);
    }
    expect(r.stdout).not.toContain('error');
    expect(r.stderr).toMatch(/0 errors, \d+ warnings/);
  });

  it('reports them in JSON with their codes and positions', async () => {
    const dir = copyOf('dirty');
    const r = await run(['validate', '--format', 'json', '.'], dir);
    const report = JSON.parse(r.stdout) as { file: string; line: number; column: number; code: string; severity: string; hint: string }[];
    for (const m of MISTAKES) {
      const { line, column } = positionOf(read(dir, m.file), m.line, m.at);
      expect(report, `${m.code} at ${m.line}`).toContainEqual(expect.objectContaining({ file: m.file, line, column, code: m.code, severity: 'warning' }));
    }
    for (const d of report) expect(d.hint).toMatch(/--fix` does it\.$/);
  });

  it('reports them as GitHub warning annotations', async () => {
    const dir = copyOf('dirty');
    const r = await run(['validate', '--format', 'github', '.'], dir);
    for (const m of MISTAKES) {
      const { line, column } = positionOf(read(dir, m.file), m.line, m.at);
      expect(r.stdout).toContain(`::warning file=${m.file},line=${line},col=${column},`);
    }
    expect(r.stdout).toContain('title=bulletin text-dash');
  });

  it('exits 1 on the dirty copy with --fail-on-warnings, and 0 on the clean one', async () => {
    expect((await run(['validate', '--fail-on-warnings', '.'], copyOf('dirty'))).code).toBe(1);
    const clean = await run(['validate', '--fail-on-warnings', '.'], copyOf('clean'));
    expect(clean.code).toBe(0);
    expect(clean.stderr).toMatch(/0 errors, 0 warnings/);
  });

  it('reports the mistakes only a person can fix on their lines, without a fix', async () => {
    const dir = copyOf('unfixable');
    const text = read(dir, ISSUE);
    const r = await run(['validate', '--format', 'json', '.'], dir);
    const report = JSON.parse(r.stdout) as { file: string; line: number; column: number; code: string; hint: string }[];
    const expected = mistakesOf('unfixable').map((m) => ({ code: m.code, file: m.file, ...positionOf(read(dir, m.file), m.line, m.at) }));
    expect(report.map(({ code, file, line, column }) => ({ code, file, line, column }))).toEqual(expected);
    for (const d of report) expect(d.hint).not.toContain('--fix');
    const fixed = await run(['validate', '--fix', '.'], dir);
    expect(read(dir, ISSUE)).toBe(text);
    expect(fixed.stderr).toContain('0 fixes applied');
  });
});

describe('validate --fix', () => {
  it('turns the dirty fixture into the clean one byte for byte, and prints each change', async () => {
    const dir = copyOf('dirty');
    const dirty = { series: read(dir, 'bulletin.yaml'), issue: read(dir, ISSUE) };
    const r = await run(['validate', '--fix', dir], REPO);
    expect(r.code).toBe(0);
    expect(read(dir, ISSUE)).toBe(readFileSync(path.join(FIXTURES, 'clean', ISSUE), 'utf8'));
    expect(read(dir, 'bulletin.yaml')).toBe(readFileSync(path.join(FIXTURES, 'clean', 'bulletin.yaml'), 'utf8'));
    // One line per change, at its place in the file as it was.
    const display = path.join(dir, ISSUE); // outside the working folder: shown in full
    const { line, column } = positionOf(dirty.issue, '会议强调"', '"');
    expect(r.stdout).toContain(`${display}:${line}:${column}: text-straight-quotes “"” → ““”`);
    expect(r.stdout).toContain('text-title-period “。” → “”');
    expect(r.stderr).toMatch(/fixes applied in 2 files/);
    // What is left is checked again: nothing.
    expect(r.stderr).toMatch(/0 errors, 0 warnings/);
  });

  it('leaves comments, quoting, key order, indentation and flow lists as they were', async () => {
    const dir = copyOf('dirty');
    const before = read(dir, ISSUE).split('\n');
    await run(['validate', '--fix', '.'], dir);
    const after = read(dir, ISSUE).split('\n');
    expect(after).toHaveLength(before.length);
    for (const [i, line] of before.entries()) {
      const indent = (l: string) => /^ */.exec(l)![0].length;
      expect(indent(after[i]!), `indentation of line ${i + 1}`).toBe(indent(line));
      if (line.trimStart().startsWith('#') && !line.includes('、') && !line.includes('（')) expect(after[i]).toBe(line);
    }
    for (const kept of ['date: "2018-03-01"', "      - id: 'spring-meeting'", '        body: >-', '# yaml-language-server: $schema=../../../../../schemas/issue.schema.json']) {
      expect(after).toContain(kept);
    }
    const series = read(dir, 'bulletin.yaml');
    expect(series).toContain('    report: [生态环境部, 商务部]\n    send: [各省（区、市）生态环境厅]');
    expect(series).toContain('publisher: 测试园区建设办公室（示例）   # half-width brackets in the dirty twin');
  });

  it('changes nothing on a second run', async () => {
    const dir = copyOf('dirty');
    await run(['validate', '--fix', '.'], dir);
    const once = read(dir, ISSUE);
    const again = await run(['validate', '--fix', '.'], dir);
    expect(read(dir, ISSUE)).toBe(once);
    expect(again.stdout.trim()).toBe('');
    expect(again.stderr).toContain('0 fixes applied');
  });

  it('keeps stdout valid JSON with --format json (the changes go to stderr)', async () => {
    const r = await run(['validate', '--fix', '--format', 'json', '.'], copyOf('dirty'));
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.stderr).toContain('text-ordinal “1、” → “1.”');
  });

  it('keeps a byte order mark, CRLF line ends and the file mode', async () => {
    const dir = copyOf('dirty');
    const file = path.join(dir, ISSUE);
    writeFileSync(file, `\uFEFF${read(dir, ISSUE).replace(/\n/g, '\r\n')}`);
    chmodSync(file, 0o600);
    await run(['validate', '--fix', '.'], dir);
    const clean = readFileSync(path.join(FIXTURES, 'clean', ISSUE), 'utf8');
    expect(readFileSync(file, 'utf8')).toBe(`\uFEFF${clean.replace(/\n/g, '\r\n')}`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it.skipIf(process.platform === 'win32')('does not edit a file through a symbolic link', async () => {
    const dir = copyOf('dirty');
    const target = path.join(path.dirname(dir), 'elsewhere.yaml');
    renameSync(path.join(dir, ISSUE), target);
    symlinkSync(target, path.join(dir, ISSUE));
    const before = readFileSync(target, 'utf8');
    const r = await run(['validate', '--fix', ISSUE], dir); // named: a folder listing skips links
    expect(readFileSync(target, 'utf8')).toBe(before);
    // A link leading out of the series is not even read (source-outside); one inside is not fixed.
    expect(`${r.stdout}${r.stderr}`).toMatch(/source-outside|not fixed: a symbolic link/);
  });

  it('is a library function: fixFiles', async () => {
    const dir = copyOf('dirty');
    const result = await fixFiles(['.'], { cwd: dir });
    expect(result.changes.length).toBeGreaterThan(20);
    expect(result.changes.every((c) => c.file === ISSUE || c.file === 'bulletin.yaml')).toBe(true);
    expect(result.diagnostics).toEqual([]);
    expect(result.fixes).toEqual([]);
  });

  it('converts a file Notepad saved in GBK to UTF-8, byte for byte (CRLF line ends and all), and says so', async () => {
    const dir = path.join(scratchDir('bulletin-gbk-'), 'series');
    cpSync(path.join(REPO, 'test', 'fixtures', 'hostile', 'source-gbk-notepad'), dir, { recursive: true });
    const before = await run(['validate', '.'], dir);
    expect(before.code).toBe(1);
    expect(before.stdout).toContain(`${ISSUE}:1:1: error the file is saved in the GBK/GB18030 encoding`);
    expect(before.stdout).toContain('bulletin validate --fix');
    const r = await run(['validate', '--fix', '.'], dir);
    expect(r.stdout).toContain(`${ISSUE}: converted from GBK/GB18030 to UTF-8`);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, ISSUE))).toEqual(readFileSync(path.join(dir, 'utf8.txt')));
    expect(read(dir, ISSUE)).toContain('会议要求各单位加强统筹，确保各项任务按期完成。\r\n');
  });

  it('leaves a fix that would change what the Markdown means, and makes the others', async () => {
    const dir = writeTree(path.join(scratchDir('bulletin-lint-'), 'series'), {
      'bulletin.yaml': 'series: 测试园区\nname: 工作动态\npublisher: 测试园区建设办公室\n',
      [ISSUE]: [
        'year: 2018', 'number: 1', 'total: 1', 'date: 2018-03-01', 'sections:', '  - label: 工作动态', '    articles:',
        '      - title: 园区召开春季工作会议', '        body: |',
        '          会议部署了全年工作...',
        '          * -- 注：各单位按期报送',
        '          （一）、  ',
        '          加强统筹。', '',
      ].join('\n'),
    });
    const r = await run(['validate', '--fix', '.'], dir);
    const text = read(dir, ISSUE);
    expect(text).toContain('会议部署了全年工作……\n');
    // `*——注` would be no list item; `（一）` without the two spaces would lose its line break.
    expect(text).toContain('          * -- 注：各单位按期报送\n          （一）、  \n');
    expect(r.stdout).toMatch(/text-dash[^\n]*\n[^]*hint: [^\n]*Change it by hand: made by --fix, the change would make the Markdown read differently/);
    expect(r.stdout).toContain('text-ordinal');
  });
});

describe('disable comments', () => {
  it('silence a check on their line and keep --fix away from it', async () => {
    const dir = copyOf('dirty');
    const text = read(dir, ISSUE)
      .replace('# a full stop after the label in the dirty twin', '# bulletin-disable-line text-title-period')
      .replace('        note: 编者按:请各单位认真学习.', '        # bulletin-disable-next-line\n        note: 编者按:请各单位认真学习.')
      .replace('        body: |', '        body: |  # bulletin-disable-line text-cjk-space');
    writeFileSync(path.join(dir, ISSUE), text);
    const r = await run(['validate', '--format', 'json', ISSUE], dir);
    const report = JSON.parse(r.stdout) as { code: string; line: number }[];
    const at = (needle: string) => positionOf(text, needle, needle).line;
    expect(report.filter((d) => d.line === at('- label: 工作动态。'))).toEqual([]);
    expect(report.filter((d) => d.line === at('note: 编者按:'))).toEqual([]);
    expect(report.some((d) => d.code === 'text-cjk-space')).toBe(false);
    expect(report.some((d) => d.code === 'text-dash')).toBe(true);
    await run(['validate', '--fix', ISSUE], dir);
    const after = read(dir, ISSUE);
    expect(after).toContain('- label: 工作动态。');
    expect(after).toContain('note: 编者按:请各单位认真学习.');
    expect(after).toContain('共有 55 家园区');
    expect(after).toContain('会议——这是');
  });
});

describe('lint settings in bulletin.yaml', () => {
  it('turns a check off, or makes it an error', async () => {
    const dir = copyOf('dirty');
    const series = read(dir, 'bulletin.yaml');
    writeFileSync(path.join(dir, 'bulletin.yaml'), series.replace('    text-cjk-space: warning', '    text-cjk-space: "off"\n    text-dash: error'));
    const r = await run(['validate', '--format', 'json', '.'], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { code: string; severity: string }[];
    expect(report.some((d) => d.code === 'text-cjk-space')).toBe(false);
    expect(report.filter((d) => d.code === 'text-dash').map((d) => d.severity)).toEqual(['error']);
  });

  it('refuses an unknown check with a suggestion', async () => {
    const dir = copyOf('clean');
    writeFileSync(path.join(dir, 'bulletin.yaml'), read(dir, 'bulletin.yaml').replace('text-cjk-space: warning', 'text-cjk-spaces: warning'));
    const r = await run(['validate', '--format', 'json', '.'], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { code: string; hint: string }[];
    expect(report[0]).toMatchObject({ code: 'schema-unknown-key' });
    expect(report[0]!.hint).toContain('Did you mean `text-cjk-space`?');
  });
});
