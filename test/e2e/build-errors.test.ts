// End to end: how `bulletin build` fails, and what it leaves in the output folder; --pdf and --html.
// The command line runs in-process: main(argv, { stdout, stderr, cwd, env }).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanScratch, REPO, runCli, SEED, scratchDir, type CliRun } from '../helpers.js';
import { buildEnv, CHROMIUM, HAS_CHROMIUM, SKIP_REASON, e2eTitle } from './poppler.js';

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

const run = (argv: string[], cwd = REPO) => runCli(argv, cwd, { ...buildEnv(), NO_COLOR: '1' });

/** Files and folders under `dir` (relative, sorted); [] when it does not exist. */
function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).sort();
}

/** A copy of the seed whose first article has `title:` misspelt as `titel:`. */
function brokenSeed(): { dir: string; line: number } {
  const dir = path.join(scratchDir('bulletin-e2e-broken-'), 'seed');
  cpSync(SEED, dir, { recursive: true });
  const file = path.join(dir, 'issues', '2018-02.yaml');
  const lines = readFileSync(file, 'utf8').split('\n');
  const index = lines.indexOf('        title:');
  expect(index).toBeGreaterThan(0);
  lines[index] = '        titel:';
  writeFileSync(file, lines.join('\n'));
  return { dir, line: index + 1 };
}

afterAll(() => cleanScratch());

describe('bulletin build: failures', () => {
  it('exits 1 on invalid sources, prints the diagnostic, and writes nothing', async () => {
    const { dir, line } = brokenSeed();
    const out = path.join(path.dirname(dir), 'out');
    const r = await run(['build', 'seed', '-o', 'out'], path.dirname(dir));
    expect(r.code).toBe(1);
    const printed = r.stdout + r.stderr;
    expect(printed).toContain(`issues/2018-02.yaml:${line}:9: error`);
    expect(printed).toContain('[schema-unknown-key]');
    expect(printed).toContain('unknown key `titel`');
    expect(tree(out).filter((f) => f.endsWith('.pdf'))).toEqual([]);
    expect(tree(out)).toEqual([]);
  });

  it('leaves an existing older PDF untouched when the sources are invalid', async () => {
    const { dir } = brokenSeed();
    const out = path.join(path.dirname(dir), 'out');
    const old = path.join(out, '2018-02.pdf');
    const html = path.join(out, '2018-02.html');
    const oldBytes = Buffer.from('%PDF-1.4\n% an older build\n%%EOF\n');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'notes.txt'), 'not ours'); // something else in the folder
    writeFileSync(old, oldBytes);
    writeFileSync(html, '<!DOCTYPE html><title>older</title>');
    const when = new Date('2020-01-01T00:00:00Z');
    utimesSync(old, when, when);
    const before = tree(out);

    const r = await run(['build', dir, '-o', out]);
    expect(r.code).toBe(1);
    expect(readFileSync(old).equals(oldBytes)).toBe(true);
    expect(statSync(old).mtime.toISOString()).toBe(when.toISOString());
    expect(readFileSync(html, 'utf8')).toBe('<!DOCTYPE html><title>older</title>');
    expect(tree(out)).toEqual(before); // no temporary files left either
  });

  it('exits 4 when --browser names no executable, says how to install Chromium, and writes nothing', async () => {
    const out = path.join(scratchDir('bulletin-e2e-nobrowser-'), 'out');
    const r = await run(['build', 'examples/seed', '-o', out, '--browser', '/nonexistent']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('/nonexistent');
    expect(r.stderr).toMatch(/Install Chromium/i);
    expect(r.stderr).toMatch(/apt-get install chromium/);
    expect(tree(out)).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });
});

describe.skipIf(!HAS_CHROMIUM)(e2eTitle('bulletin build --pdf / --html'), () => {
  const outs = { pdf: '', html: '' };
  const runs: Partial<Record<'pdf' | 'html', CliRun>> = {};

  beforeAll(async () => {
    for (const kind of ['pdf', 'html'] as const) {
      outs[kind] = path.join(scratchDir(`bulletin-e2e-${kind}-`), 'out');
      runs[kind] = await run(['build', 'examples/seed', '-o', outs[kind], `--${kind}`, '--browser', CHROMIUM]);
    }
  }, 120_000);

  it('--pdf writes the PDF and no HTML page of the issue', () => {
    expect(runs.pdf!.code, runs.pdf!.stderr).toBe(0);
    expect(tree(outs.pdf).filter((f) => f !== 'index.html')).toEqual(['2018-02.pdf']);
    expect(readFileSync(path.join(outs.pdf, '2018-02.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(runs.pdf!.stdout.trim().split('\n')[0]).toBe(path.join(outs.pdf, '2018-02.pdf'));
  });

  it('--pdf writes only the PDF (no index.html either)', () => {
    expect(runs.pdf!.code, runs.pdf!.stderr).toBe(0);
    expect(tree(outs.pdf)).toEqual(['2018-02.pdf']);
    expect(runs.pdf!.stdout.trim().split('\n')).toEqual([path.join(outs.pdf, '2018-02.pdf')]);
  });

  it('--html writes only the HTML page and its files', () => {
    expect(runs.html!.code, runs.html!.stderr).toBe(0);
    const files = tree(outs.html);
    expect(files).toContain('2018-02.html');
    expect(files).toContain('2018-02_files');
    expect(files.filter((f) => f.endsWith('.pdf'))).toEqual([]);
    // The series index is HTML too: it may come with a whole-series build.
    expect(files.filter((f) => !f.startsWith('2018-02_files/') && f !== 'index.html')).toEqual(['2018-02.html', '2018-02_files']);
    expect(runs.html!.stdout.trim().split('\n').filter((f) => path.basename(f) !== 'index.html')).toEqual([path.join(outs.html, '2018-02.html')]);
    // The index links only to what this build wrote: the HTML page, no PDF.
    const index = readFileSync(path.join(outs.html, 'index.html'), 'utf8');
    expect(index).toContain('href="2018-02.html"');
    expect(index).not.toContain('.pdf');
  });
});
