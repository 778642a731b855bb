// Every folder under test/fixtures/invalid/ is a broken series with the exact diagnostics it must produce.
import { cpSync, existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';
import { cleanScratch, REPO, scratchDir } from './helpers.js';

const CASES = path.join(REPO, 'test', 'fixtures', 'invalid');

interface Expected {
  code: string;
  /** Absent for errors: warnings are marked. */
  severity?: 'warning';
  file: string;
  line: number;
  column: number;
}

/**
 * Cases where the tool is wrong today; expected.json says what it should report. Each runs as `it.fails`.
 */
const KNOWN_BUGS: Record<string, string> = {
};

function caseDirs(): string[] {
  return readdirSync(CASES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/** The case-insensitive file systems of macOS and Windows find `Meeting.PNG` as `meeting.png`. */
function caseInsensitiveFs(): boolean {
  const probe = path.join(CASES, 'misnamed-image-case', 'issues', 'images', '2018-01-MEETING.PNG');
  return existsSync(probe);
}

const sortKey = (d: Expected) => `${d.file}\u0000${String(d.line).padStart(6, '0')}\u0000${String(d.column).padStart(6, '0')}\u0000${d.code}\u0000${d.severity ?? ''}`;
const sorted = (list: Expected[]) => [...list].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));

/**
 * The folder to validate in and the paths to name: the case itself, or its sub-folders that hold a
 * series, or else the issue files at its top (issues outside any series).
 */
function prepare(name: string): { cwd: string; paths: string[] } {
  let cwd = path.join(CASES, name);
  if (name === 'image-symlink-outside') {
    cwd = path.join(scratchDir('bulletin-symlink-'), name);
    cpSync(path.join(CASES, name), cwd, { recursive: true });
    symlinkSync('/etc/hosts', path.join(cwd, 'issues', 'images', 'hosts.png'));
  }
  if (existsSync(path.join(cwd, 'bulletin.yaml'))) return { cwd, paths: ['.'] };
  const paths = readdirSync(cwd, { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(path.join(cwd, e.name, 'bulletin.yaml'))).map((e) => e.name);
  if (paths.length) return { cwd, paths };
  // No series at all: from a copy in a scratch folder, so that no bulletin.yaml above the repository counts.
  const orphan = path.join(scratchDir('bulletin-orphan-'), name);
  cpSync(cwd, orphan, { recursive: true });
  return { cwd: orphan, paths: readdirSync(orphan).filter((f) => /\.ya?ml$/.test(f)).sort() };
}

afterAll(() => cleanScratch());

describe('invalid series fixtures', () => {
  const names = caseDirs();

  it('has the cases the issue asks for, each with expected.json', () => {
    expect(names.length).toBeGreaterThanOrEqual(22);
    for (const name of names) expect(existsSync(path.join(CASES, name, 'expected.json')), name).toBe(true);
    for (const name of Object.keys(KNOWN_BUGS)) expect(names).toContain(name);
  });

  for (const name of names) {
    const skip = (name === 'image-symlink-outside' && (process.platform === 'win32' || !existsSync('/etc/hosts')))
      || (name === 'misnamed-image-case' && caseInsensitiveFs());
    const run = KNOWN_BUGS[name] ? it.skipIf(skip).fails : it.skipIf(skip);
    run(`${name}${KNOWN_BUGS[name] ? ` (known bug: ${KNOWN_BUGS[name]})` : ''}`, async () => {
      const expected = JSON.parse(readFileSync(path.join(CASES, name, 'expected.json'), 'utf8')) as Expected[];
      expect(expected.length, 'a case must expect at least one diagnostic').toBeGreaterThan(0);
      const { cwd, paths } = prepare(name);
      expect(paths.length).toBeGreaterThan(0);

      const result = await validate(paths, { cwd });
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      const reported = result.diagnostics.map(({ code, severity, file, line, column }) => ({ code, ...(severity === 'warning' ? { severity } : {}), file, line, column }));
      expect(sorted(reported)).toEqual(sorted(expected));

      for (const d of result.diagnostics) {
        expect(d.message.trim(), `${d.code} message`).not.toBe('');
        expect(d.hint?.trim(), `${d.code} at ${d.file}:${d.line}:${d.column} has no hint`).toBeTruthy();
        // The position lies in the file, and the file is the one shown in the code frame.
        const text = result.sources.get(d.file);
        expect(text, `no source text kept for ${d.file}`).toBeDefined();
        expect(d.line).toBeLessThanOrEqual(text!.split('\n').length);
      }
      // An issue with errors is not handed on to the build.
      const failing = new Set(errors.map((d) => d.file));
      for (const issue of result.issues) expect(failing.has(path.relative(cwd, issue.file))).toBe(false);
    });
  }
});
