// The command line in-process: main(argv, { stdout, stderr, cwd, env }) with collecting streams.
import { closeSync, cpSync, openSync, readFileSync, writeFileSync, ftruncateSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ExitCode } from '../src/diagnostics/exitCodes.js';
import { cleanScratch, issueYaml, runCli, REPO, SEED, SERIES_YAML, scratchDir, writeTree } from './helpers.js';
import { t } from '../src/i18n/message.js';
import { displayWidth } from '../src/diagnostics/codeFrame.js';

/** Runs the CLI with colour off (no TTY, empty environment) in `cwd`. */
const run = (argv: string[], cwd = REPO) => runCli(argv, cwd);

/** A copy of the seed whose issue has `title:` misspelt as `titel:` in its first article; returns the folder and where. */
function seedWithTypo(): { dir: string; line: number; column: number } {
  const dir = scratchDir();
  cpSync(SEED, dir, { recursive: true });
  const file = path.join(dir, 'issues', '2018-02.yaml');
  const lines = readFileSync(file, 'utf8').split('\n');
  const index = lines.indexOf('        title:');
  expect(index).toBeGreaterThan(0);
  lines[index] = '        titel:';
  writeFileSync(file, lines.join('\n'));
  return { dir, line: index + 1, column: 9 };
}

afterAll(() => cleanScratch());

describe('bulletin validate', () => {
  it('passes the seed: exit 0, no diagnostics', async () => {
    const r = await run(['validate', 'examples/seed']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/0 errors, 0 warnings/);
  });

  it('passes the demo: exit 0, zero errors and zero warnings', async () => {
    const r = await run(['validate', 'examples/demo']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/0 errors, 0 warnings/);
    const json = await run(['validate', '--format', 'json', 'examples/demo']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it('reports a broken copy of the seed for people: exit 1, position, code, code frame and hint', async () => {
    const { dir, line, column } = seedWithTypo();
    const r = await run(['validate', '.'], dir);
    expect(r.code).toBe(1);
    const out = r.stdout;
    expect(out).toContain(`issues/2018-02.yaml:${line}:${column}: error`);
    expect(out).toContain('[schema-unknown-key]');
    expect(out).toContain('unknown key `titel`');
    expect(out).toMatch(/^ {2}hint: Did you mean `title`\?/m);
    // The code frame: the offending line marked with `>`, then a caret line under `titel`.
    const frame = out.split('\n');
    const marked = frame.findIndex((l) => l.startsWith(`>${line} |`));
    expect(marked).toBeGreaterThan(0);
    expect(frame[marked]).toContain('titel:');
    expect(frame[marked + 1]).toMatch(/^ +\| {9}\^{5}$/);
    expect(r.stderr).toMatch(/1 error, 0 warnings/);
    expect(out).not.toMatch(/\u001b\[/); // no colour without a terminal
  });

  it('prints a JSON array with --format json', async () => {
    const { dir, line, column } = seedWithTypo();
    const r = await run(['validate', '--format', 'json', '.'], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(Array.isArray(report)).toBe(true);
    expect(report).toHaveLength(1);
    expect(Object.keys(report[0]!).sort()).toEqual(['code', 'column', 'endColumn', 'endLine', 'file', 'hint', 'line', 'message', 'severity']);
    expect(report[0]).toMatchObject({ file: 'issues/2018-02.yaml', line, column, endLine: line, endColumn: column + 5, severity: 'error', code: 'schema-unknown-key' });
    expect(report[0]!.message).toEqual(expect.stringContaining('titel'));
    expect(report[0]!.hint).toEqual(expect.stringContaining('title'));
  });

  it('prints GitHub annotations with --format github', async () => {
    const { dir, line } = seedWithTypo();
    const r = await run(['validate', '--format', 'github', '.'], dir);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    for (const l of lines) expect(l).toMatch(/^::error file=.*,line=\d+,col=\d+/);
    expect(lines[0]).toContain(`::error file=issues/2018-02.yaml,line=${line},col=9,`);
  });

  it('accepts -f as short for --format', async () => {
    const { dir } = seedWithTypo();
    const r = await run(['validate', '-f', 'json', '.'], dir);
    expect(JSON.parse(r.stdout)).toHaveLength(1);
  });

  it('exits 2 for an unknown flag', async () => {
    const r = await run(['validate', '--bogus', 'examples/seed']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--bogus'");
  });

  it('exits 2 for an unknown format', async () => {
    const r = await run(['validate', '--format', 'xml', 'examples/seed']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('xml');
  });

  it('exits 2 for a path that does not exist', async () => {
    const r = await run(['validate', 'examples/nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('path not found: examples/nope');
    expect(r.stderr).toContain('hint:');
  });

  it('exits 2 for a folder outside any series', async () => {
    const r = await run(['validate', '.'], scratchDir());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not in a bulletin series');
  });

  it('exits 2 for an unknown command', async () => {
    expect((await run(['frobnicate'])).code).toBe(2);
  });

  describe('--fail-on-warnings', () => {
    function warningOnly(): string {
      return writeTree(scratchDir(), {
        'bulletin.yaml': SERIES_YAML,
        'issues/2018-01.yaml': issueYaml({ sections: '  - label: 工作动态\n    articles: []' }),
      });
    }

    it('exits 0 with warnings only', async () => {
      const r = await run(['validate', '.'], warningOnly());
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('warning');
      expect(r.stdout).toContain('[section-empty]');
      expect(r.stderr).toMatch(/0 errors, 1 warning\b/);
    });

    it('exits 1 with warnings only under --fail-on-warnings', async () => {
      const r = await run(['validate', '--fail-on-warnings', '.'], warningOnly());
      expect(r.code).toBe(1);
    });

    it('still exits 0 under --fail-on-warnings when there is nothing to say', async () => {
      expect((await run(['validate', '--fail-on-warnings', 'examples/seed'])).code).toBe(0);
    });
  });

  it('refuses a 50 MB source quickly with source-too-large', async () => {
    const dir = writeTree(scratchDir(), { 'bulletin.yaml': SERIES_YAML, 'issues/2018-01.yaml': '' });
    const fd = openSync(path.join(dir, 'issues', '2018-01.yaml'), 'r+');
    ftruncateSync(fd, 50 * 1024 * 1024); // sparse
    closeSync(fd);
    const started = performance.now();
    const r = await run(['validate', '--format', 'json', '.'], dir);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { code: string; file: string; message: string; hint: string }[];
    expect(report.map((d) => `${d.file} ${d.code}`)).toEqual(['issues/2018-01.yaml source-too-large']);
    expect(report[0]!.message).toContain('50.0 MiB');
    expect(report[0]!.hint).toBeTruthy();
  });

  it('prints nothing but results and errors with --quiet', async () => {
    const r = await run(['--quiet', 'validate', 'examples/seed']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
  });
});

describe('bulletin inspect', () => {
  it('prints the view the templates receive for the seed issue, as JSON', async () => {
    const r = await run(['inspect', 'examples/seed/issues/2018-02.yaml']);
    expect(r.code).toBe(0);
    const view = JSON.parse(r.stdout) as {
      issueLine: string; dateLine: string; year: number; number: number; total: number; kind: string;
      toc: { id: string; page: string }[];
      sections: { id: string; label: string; articles: { id: string; bodyHtml: string }[] }[];
    };
    expect(view.issueLine).toBe('2018年第2期（总第11期）');
    expect(view.dateLine).toBe('二〇一八年十二月二十八日');
    expect(view).toMatchObject({ year: 2018, number: 2, total: 11, kind: 'regular' });
    expect(view.toc.map((e) => [e.id, e.page])).toEqual([['section-1', '- 0 -'], ['kunming-meeting', '- 0 -'], ['shanghai-acceptance', '- 0 -']]);
    expect(view.sections.map((s) => s.id)).toEqual(['section-1']);
    expect(view.sections[0]!.label).toBe('工作动态');
    expect(view.sections[0]!.articles.map((a) => a.id)).toEqual(['kunming-meeting', 'shanghai-acceptance']);
    // The figures are placed in the body HTML, before their paragraph.
    expect(view.sections[0]!.articles.map((a) => /<img src="([^"]+)"/.exec(a.bodyHtml)?.[1])).toEqual([
      '2018-02_files/images/issues/images/2018-02-kunming.png',
      '2018-02_files/images/issues/images/2018-02-acceptance.png',
    ]);
    expect(r.stdout).not.toContain(process.cwd());
  });

  it('prints the supplement line of the demo supplement', async () => {
    const r = await run(['inspect', 'examples/demo/issues/2026-zk1.yaml']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ issueLine: '2026年增刊第1期', dateLine: '二〇二六年一月三十日', kind: 'supplement', total: null });
  });

  it('exits 1 with the diagnostics for a broken issue', async () => {
    const { dir, line } = seedWithTypo();
    const r = await run(['inspect', 'issues/2018-02.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`issues/2018-02.yaml:${line}:9`);
  });

  it('exits 2 without an issue file', async () => {
    expect((await run(['inspect'])).code).toBe(2);
  });
});

describe('help', () => {
  it('shows examples and exit codes in the program help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('Exit codes:');
    expect(r.stdout).toMatch(/^ {2}70 +internal error/m);
    expect(r.stdout).toContain('validate');
    expect(r.stdout).toContain('inspect');
  });

  it('shows examples in the help of validate', async () => {
    const r = await run(['validate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('--format');
    expect(r.stdout).toContain('--fail-on-warnings');
  });

  it('prints the version', async () => {
    const r = await run(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
  });
});

describe('an internal error', () => {
  const BUG = "Cannot read properties of undefined (reading 'line')";
  /** A stack frame line as Node prints it. */
  const FRAME = /^\s+at .+:\d+:\d+\)?$/m;

  /** Runs the CLI with validateCommand replaced by one that fails as a bug would: a TypeError, not a BulletinError. */
  async function runBroken(argv: string[]) {
    vi.resetModules();
    vi.doMock('../src/cli/validateCommand.js', () => ({
      validateCommand: async () => {
        throw new TypeError(BUG);
      },
    }));
    try {
      return await run(argv);
    } finally {
      vi.doUnmock('../src/cli/validateCommand.js');
      vi.resetModules();
    }
  }

  it('exits 70 with one line to report and a hint, without the stack', async () => {
    const r = await runBroken(['validate', 'examples/seed']);
    expect(r.code).toBe(ExitCode.InternalError);
    expect(r.code).toBe(70);
    expect(r.stderr).toContain(`error internal error, please report this: ${BUG}\n`);
    expect(r.stderr).toContain('hint: Run the command again with --verbose');
    expect(r.stderr).not.toMatch(FRAME);
    expect(r.stderr).not.toContain('TypeError');
    expect(r.stdout).toBe('');
  });

  it('prints the stack under --verbose', async () => {
    const r = await runBroken(['--verbose', 'validate', 'examples/seed']);
    expect(r.code).toBe(70);
    expect(r.stderr).toContain(`internal error, please report this: ${BUG}`);
    expect(r.stderr).toContain(`TypeError: ${BUG}`);
    expect(r.stderr).toMatch(FRAME);
    expect(r.stderr).not.toContain('hint:');
  });

  it('leaves the commands whole afterwards', async () => {
    expect((await run(['validate', 'examples/seed'])).code).toBe(0);
  });
});

describe('the interface in Chinese', () => {
  const ZH = { LANG: 'zh_CN.UTF-8' };
  const C = { LANG: 'C' };
  /** Help text without its spaces and line breaks: commander wraps descriptions to the width. */
  const flat = (text: string) => text.replace(/\s+/g, '');
  const COMMANDS = {
    validate: 'cli.help.validate',
    import: 'cli.help.import',
    inspect: 'cli.help.inspect',
    build: 'cli.help.build',
    preview: 'cli.help.preview',
    doctor: 'cli.help.doctor',
    init: 'cli.help.init',
    new: 'cli.help.new',
  } as const;

  it('writes the program help in Chinese under a Chinese locale, commander\'s own words too', async () => {
    const r = await runCli(['--help'], REPO, ZH);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^用法：bulletin \[options\] \[command\]\n/);
    for (const heading of ['选项：', '命令：', '示例：', '退出码：']) expect(r.stdout).toContain(`\n${heading}\n`);
    expect(flat(r.stdout)).toContain(flat(t('zh', 'cli.help.program')));
    expect(r.stdout).toMatch(/-h, --help +显示命令的帮助/);
    expect(r.stdout).toMatch(/-V, --version +显示版本号/);
    expect(r.stdout).toMatch(/（可选：en、zh）/);
    expect(r.stdout).toMatch(/^ {2}70 +内部错误/m);
    expect(r.stdout).not.toMatch(/Usage:|Options:|Commands:|display help|output the version|Examples:|Exit codes:/);
  });

  it('writes the program help in English under LANG=C', async () => {
    const r = await runCli(['--help'], REPO, C);
    expect(r.stdout).toMatch(/^Usage: bulletin \[options\] \[command\]\n/);
    expect(flat(r.stdout)).toContain(flat(t('en', 'cli.help.program')));
    expect(r.stdout).toMatch(/-h, --help +display help for command/);
    expect(r.stdout).not.toMatch(/用法|选项：|显示命令的帮助|退出码/);
  });

  it('writes each command\'s help in the locale\'s language', async () => {
    for (const [command, id] of Object.entries(COMMANDS)) {
      const zh = await runCli([command, '--help'], REPO, ZH);
      expect(zh.code, command).toBe(0);
      expect(zh.stdout, command).toMatch(new RegExp(`^用法：bulletin ${command} `));
      expect(flat(zh.stdout), command).toContain(flat(t('zh', id)));
      expect(zh.stdout, command).toContain('显示命令的帮助');
      expect(zh.stdout, command).not.toMatch(/Usage:|Options:|Arguments:|Examples:|display help|default:|\(default/);
      const en = await runCli([command, '--help'], REPO, C);
      expect(en.stdout, command).toMatch(new RegExp(`^Usage: bulletin ${command} `));
      expect(flat(en.stdout), command).toContain(flat(t('en', id)));
      expect(en.stdout, command).not.toContain('用法');
    }
    // `help <command>` and the extras commander adds after an option's text.
    const help = await runCli(['help', 'validate'], REPO, ZH);
    expect(help.stdout).toMatch(/-f, --format <format> +输出格式（可选：human、json、github；默认：human）/);
    const build = await runCli(['build', '--help'], REPO, ZH);
    expect(build.stdout).toMatch(/-o, --out-dir <dir> +输出文件夹（默认：dist）/);
    expect(build.stdout).toContain('目录页码来自实际排版');
  });

  it('wraps Chinese help by its width on screen', async () => {
    const r = await runCli(['build', '--help'], REPO, ZH);
    for (const line of r.stdout.split('\n').filter((l) => /^ {2}-|^ {20,}\S/.test(l))) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
  });

  it('lets --lang en win over BULLETIN_LANG=zh, and BULLETIN_LANG over the locale', async () => {
    const en = await runCli(['--lang', 'en', 'validate', '--help'], REPO, { BULLETIN_LANG: 'zh', LANG: 'zh_CN.UTF-8' });
    expect(en.stdout).toMatch(/^Usage: bulletin validate/);
    expect(flat(en.stdout)).toContain(flat(t('en', 'cli.help.validate')));
    const zh = await runCli(['validate', '--help'], REPO, { BULLETIN_LANG: 'zh', LANG: 'C' });
    expect(zh.stdout).toMatch(/^用法：bulletin validate/);
    const flag = await runCli(['--lang=zh', 'validate', '--help'], REPO, C);
    expect(flag.stdout).toMatch(/^用法：bulletin validate/);
  });

  it('says what is wrong with the command line in Chinese, by commander\'s error code', async () => {
    const unknown = await runCli(['validate', '--bogus', 'examples/seed'], REPO, ZH);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('错误：未知选项 `--bogus`\n（加 --help 查看用法）\n');
    const similar = await runCli(['validate', '--formt', 'json'], REPO, ZH);
    expect(similar.stderr).toContain('错误：未知选项 `--formt`\n  提示：是不是要输入 `--format`？\n');
    const choice = await runCli(['validate', '--format', 'xml'], REPO, ZH);
    expect(choice.code).toBe(2);
    expect(choice.stderr).toContain('选项 `--format` 的值 `xml` 无效，可用的值为 `human`、`json`、`github`');
    const missing = await runCli(['inspect'], REPO, ZH);
    expect(missing.stderr).toContain('缺少必需的参数 `issue-file`');
    const excess = await runCli(['inspect', 'a.yaml', 'b.yaml'], REPO, ZH);
    expect(excess.stderr).toContain('`inspect` 的参数太多：应为1个，实际有2个');
    const command = await runCli(['valdate'], REPO, ZH);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('错误：未知命令 `valdate`\n  提示：是不是要输入 `validate`？');
    const year = await runCli(['build', '--yearbook', 'next'], REPO, ZH);
    expect(year.code).toBe(2);
    expect(year.stderr).toContain('错误：`--yearbook next` 不是年份\n  提示：例如：`--yearbook 2025`。');
    // The same in English, as commander words it.
    const en = await runCli(['validate', '--formt', 'json'], REPO, C);
    expect(en.stderr).toBe("error unknown option '--formt'\n  hint: Did you mean --format?\n(run with --help for usage)\n");
    expect((await runCli(['inspect', 'a.yaml', 'b.yaml'], REPO, C)).stderr).toContain("too many arguments for 'inspect'. Expected 1 argument but got 2.");
  });

  it('speaks Chinese for a series whose bulletin.yaml says lang: zh, under LANG=C', async () => {
    const { dir, line } = seedWithTypo();
    writeFileSync(path.join(dir, 'bulletin.yaml'), `lang: zh\n${readFileSync(path.join(dir, 'bulletin.yaml'), 'utf8')}`);
    const r = await runCli(['validate', '.'], dir, C);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`issues/2018-02.yaml:${line}:9: 错误 `);
    expect(r.stderr).toContain('已检查');
    expect(r.stderr).toMatch(/1个错误，0个警告/);
    // The flag and the variable still win over the series.
    expect((await runCli(['validate', '.'], dir, { LANG: 'C', BULLETIN_LANG: 'en' })).stderr).toMatch(/1 error, 0 warnings/);
    expect((await runCli(['--lang', 'en', 'validate', '.'], dir, ZH)).stderr).toMatch(/1 error, 0 warnings/);
  });

  it('sets the caret under the right characters of a Chinese line', async () => {
    const dir = scratchDir();
    cpSync(SEED, dir, { recursive: true });
    const file = path.join(dir, 'issues', '2018-02.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('为学习贯彻党的十九大精神，', '为学习贯彻党的十九大精神,'));
    const r = await runCli(['validate', '.'], dir, ZH);
    const lines = r.stdout.split('\n');
    const marked = lines.findIndex((l) => l.startsWith('>') && l.includes('十九大精神,'));
    expect(marked, r.stdout).toBeGreaterThan(0);
    const gutter = lines[marked]!.indexOf('| ') + 2;
    const caret = lines[marked + 1]!;
    // Ten spaces of YAML indentation, then 12 Chinese characters of two columns each: the comma is at column 34.
    expect(caret.slice(gutter)).toBe(`${' '.repeat(10 + 24)}^`);
    expect(lines[marked]!.slice(gutter).startsWith(`${' '.repeat(10)}为学习贯彻党的十九大精神,`)).toBe(true);
  });
});
