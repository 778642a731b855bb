// The pipeline's order: invalid sources stop before a browser is started, a build whose writers
// need no printing never starts one, and `inspect --paginated` prints the paginated model.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, chooseWriters, type BuildEvent } from '../../src/pipeline.js';
import { WRITERS } from '../../src/writers/writers.js';
import { BulletinError } from '../../src/diagnostics/exitCodes.js';
import { runCli, SEED } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const dirs: string[] = [];
function copySeed(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bulletin-pipeline-'));
  dirs.push(dir);
  cpSync(SEED, path.join(dir, 'seed'), { recursive: true });
  return path.join(dir, 'seed');
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the pipeline', () => {
  it('maps --pdf, --html and --yearbook to writers, and says which need printing', () => {
    expect(chooseWriters({}).map((w) => w.name)).toEqual(['pdf', 'html', 'index']);
    expect(chooseWriters({ pdf: true }).map((w) => w.name)).toEqual(['pdf']);
    expect(chooseWriters({ pdf: true, ofd: true }).map((w) => w.name)).toEqual(['pdf', 'ofd']);
    expect(chooseWriters({ html: true, yearbook: 2025 }).map((w) => w.name)).toEqual(['html', 'yearbook', 'index']);
    expect(Object.values(WRITERS).filter((w) => w.needs === 'none').map((w) => w.name)).toEqual(['wechat', 'index']);
  });

  it('does not start a browser for invalid sources', async () => {
    const seed = copySeed();
    const file = path.join(seed, 'issues', '2018-02.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^year: 2018$/m, 'year: 2019'));
    const events: BuildEvent[] = [];
    // A browser that does not exist would fail the build with exit 4 if it were looked for.
    const result = await build([seed], { outDir: path.join(seed, 'dist'), browser: '/nonexistent/chrome', onProgress: (e) => events.push(e) });
    expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(events.filter((e) => e.type === 'browser')).toEqual([]);
    expect(existsSync(path.join(seed, 'dist'))).toBe(false);
  });

  it('writes the series index without a browser when no writer needs printing', async () => {
    const seed = copySeed();
    const events: BuildEvent[] = [];
    const result = await build([seed], { outDir: path.join(seed, 'dist'), writers: ['index'], browser: '/nonexistent/chrome', onProgress: (e) => events.push(e) });
    expect(result.written).toEqual([path.join(seed, 'dist', 'index.html')]);
    expect(events.filter((e) => e.type === 'browser')).toEqual([]);
    const index = readFileSync(path.join(seed, 'dist', 'index.html'), 'utf8');
    expect(index).toContain('2018年第2期（总第11期）');
    // Nothing else was written: the index links to no PDF and no HTML page (an earlier build's would not count either).
    expect(index).not.toMatch(/href="[^"#]*\.(pdf|html)"/);
  });

  it('refuses, before a browser is looked for, two series whose issues would write the same names into one folder', async () => {
    const a = copySeed();
    const b = copySeed();
    const events: BuildEvent[] = [];
    const out = path.join(path.dirname(a), 'dist');
    const error = await build([a, b], { outDir: out, browser: '/nonexistent/chrome', onProgress: (e) => events.push(e) }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(BulletinError);
    expect((error as BulletinError).exitCode).toBe(2);
    expect((error as BulletinError).message).toMatch(/2018-02\.yaml and .*2018-02\.yaml would both write `2018-02\.pdf`/);
    expect(events.filter((e) => e.type === 'browser')).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });

  it.skipIf(!existsSync(CHROMIUM))('inspect --paginated prints the view with real contents numbers and the pagination', async () => {
    const r = await runCli(['inspect', '--paginated', 'examples/seed/issues/2018-02.yaml'], undefined, { BULLETIN_BROWSER: CHROMIUM });
    expect(r.code).toBe(0);
    const view = JSON.parse(r.stdout) as { toc: { id: string; page: string }[]; pagination: { starts: Record<string, number>; coverPages: number; totalPages: number; passes: number; fitting: object } };
    expect(view.pagination.starts).toEqual({ 'section-1': 1, 'kunming-meeting': 1, 'shanghai-acceptance': 4 });
    expect(view.toc.map((e) => e.page)).toEqual(['- 1 -', '- 1 -', '- 4 -']);
    // Fitting (issue 16) took the fifth body page away by tightening the last article alone: one
    // print of the pagination (a draft whose last page is to be fitted is not confirmed: the tries
    // print over it), then the tries (a probe of the strongest tightening, a weaker one that does not
    // work, and the least that works: one character more a line).
    expect(view.pagination).toMatchObject({ coverPages: 1, totalPages: 5, passes: 4 });
    expect(view.pagination.fitting).toMatchObject({
      status: 'fitted', range: 'the last article', bodyPagesBefore: 5, bodyPagesAfter: 4, tries: 3,
      fit: { chars: 29, trackingEm: -0.034, articles: ['shanghai-acceptance'] },
      summary: 'fitted the last article (pitch 28.99 pt, tracking −0.034 em): 5 → 4 body pages',
    });
  }, 60_000);
});
