// Every folder under test/fixtures/invalid/ is a broken series with the exact diagnostics it must produce.
import { cpSync, existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';
import { localize, type Diagnostic } from '../src/diagnostics/diagnostic.js';
import { formatHuman } from '../src/diagnostics/formatHuman.js';
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

/** Three English words in a row, outside what the editor typed (backticks, 「」) and paths: an English sentence left in Chinese. */
const ENGLISH_RUN = /\b[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}\b/;
function englishLeft(text: string): string | undefined {
  // Unicode's names of characters (U+2069 POP DIRECTIONAL ISOLATE) are names, in capitals, in every language.
  const prose = text.replace(/`[^`]*`/g, '').replace(/「[^」]*」/g, '').replace(/\S*[\\/.]\S*/g, '').replace(/\b[A-Z][A-Z0-9-]*(?: [A-Z][A-Z0-9-]*)+\b/g, '');
  return ENGLISH_RUN.exec(prose)?.[0];
}

/** The diagnostic in Chinese: from the catalogue, Chinese in its message and hint, no English sentence left. */
function expectChinese(d: Diagnostic): void {
  const where = `${d.code} at ${d.file}:${d.line}:${d.column}`;
  expect(d.text, `${where}: the message is plain English, not from the catalogue`).toBeDefined();
  const zh = localize(d, 'zh');
  for (const [part, text] of [['message', zh.message], ['hint', zh.hint ?? '']] as const) {
    expect(text, `${where}: ${part} in Chinese`).toMatch(/\p{Script=Han}/u);
    expect(englishLeft(text), `${where}: English left in the Chinese ${part}: ${text}`).toBeUndefined();
  }
  // In English, the text is the catalogue's English.
  expect(localize(d, 'en').message).toBe(d.message);
}

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
        // Both languages: the Chinese from the catalogue, and the report as the command line prints it.
        expectChinese(d);
        const report = formatHuman(localize(d, 'zh'), text, undefined, 'zh');
        expect(report).toContain(`${d.file}:${d.line}:${d.column}: 错误`.replace('错误', d.severity === 'error' ? '错误' : '警告'));
      }
      // An issue with errors is not handed on to the build.
      const failing = new Set(errors.map((d) => d.file));
      for (const issue of result.issues) expect(failing.has(path.relative(cwd, issue.file))).toBe(false);
    });
  }
});
