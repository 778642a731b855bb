// Shared helpers of the test suite: scratch folders, small series on disk, output collectors.
import { mkdtempSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the folder holding package.json). */
export const REPO = fileURLToPath(new URL('..', import.meta.url));
export const SEED = path.join(REPO, 'examples', 'seed');
export const DEMO = path.join(REPO, 'examples', 'demo');
export const SEED_PNG = path.join(SEED, 'issues', 'images', '2018-02-kunming.png');

const scratch: string[] = [];

/** A fresh folder under the OS temp folder; removed by `cleanScratch()` (call it in afterAll/afterEach). */
export function scratchDir(prefix = 'bulletin-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

export function cleanScratch(): void {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes `files` (path relative to `root` → text or bytes) and returns `root`. */
export function writeTree(root: string, files: Record<string, string | Uint8Array>): string {
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(root, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

export const SERIES_YAML = 'series: 测试园区\nname: 工作动态\npublisher: 测试园区建设办公室\n';

/** A valid issue source; `sections` replaces the default section list (YAML, indented as under `sections:`). */
export function issueYaml(o: { year?: number; number?: number; total?: number | null; date?: string; extra?: string; sections?: string } = {}): string {
  const year = o.year ?? 2018;
  return [
    `year: ${year}`,
    `number: ${o.number ?? 1}`,
    o.total === null ? undefined : `total: ${o.total ?? 1}`,
    `date: ${o.date ?? `${year}-03-01`}`,
    o.extra,
    'sections:',
    o.sections ?? '  - label: 工作动态\n    articles:\n      - title: 园区召开工作会议\n        body: 园区召开工作会议。',
  ].filter((l) => l !== undefined).join('\n') + '\n';
}

/** A writable stream that keeps what is written to it, for `main(argv, { stdout, stderr })`. */
export interface Collector extends NodeJS.WritableStream {
  text(): string;
  isTTY?: boolean;
}

export function collector(): Collector {
  let buffer = '';
  const stream = {
    write(chunk: string | Uint8Array, ...rest: unknown[]): boolean {
      buffer += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    },
    text: () => buffer,
  };
  return stream as unknown as Collector;
}

import type { Series } from '../src/model/types.js';
import { resolveSeries } from '../src/config/resolveSeries.js';

/** A resolved series as resolveSeries returns it (the schema's defaults, the standard page), for the pure model functions. */
export function makeSeries(overrides: { numbering?: Partial<Series['numbering']>; layout?: Partial<Series['layout']>; distribution?: Partial<Series['distribution']> } = {}): Series {
  const series = resolveSeries({ series: '测试园区', name: '工作动态', publisher: '测试园区建设办公室' }, '/series', '/series/bulletin.yaml', {});
  return {
    ...series,
    layout: { ...series.layout, ...overrides.layout },
    numbering: { ...series.numbering, ...overrides.numbering },
    distribution: { ...series.distribution, ...overrides.distribution },
  };
}

/** What one in-process run of the command line printed, and its exit code. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `main(argv)` in-process in `cwd` with collecting streams (no TTY: no colour) and `env` (default: empty). */
export async function runCli(argv: string[], cwd = REPO, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const { main } = await import('../src/cli/main.js');
  const stdout = collector();
  const stderr = collector();
  const code = await main(argv, { stdout, stderr, cwd, env });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
