// Every folder under test/fixtures/invalid/ is a broken series with the exact error diagnostics it must produce.
import { cpSync, existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';
import { cleanScratch, REPO, scratchDir } from './helpers.js';

const CASES = path.join(REPO, 'test', 'fixtures', 'invalid');

interface Expected {
  code: string;
  file: string;
  line: number;
  column: number;
}

/**
 * Cases where the tool is wrong today; expected.json says what it should report. Each runs as `it.fails`.
 */
const KNOWN_BUGS: Record<string, string> = {
  // The unclosed quote is reported at the end of the file (10:1, an empty line after the last one) instead of
  // at the opening quote (8:16). src/source/parseYaml.ts:73 uses yaml's error position, which is the end of the
  // runaway scalar; for MISSING_CHAR of a quote, use the start of the quoted scalar whose range ends there.
  'yaml-unclosed-quote': 'position of the unclosed quote',
  // Raw HTML in a double-quoted body ("…\n\n<b>…") is reported on line 11, inside the NEXT article, instead of
  // at the body (9:15). src/source/loadIssue.ts:41-51 (bodyLineSpan) adds the Markdown line number to the
  // line of any scalar; that holds for literal block scalars (`|`) only. For quoted, plain and folded (`>`)
  // scalars, return the span of the value.
  'body-raw-html-quoted': 'body line mapping of quoted scalars',
  // One wrong date (2017-12-28 in 2018-02.yaml) also puts total-gap and date-order errors on the correct
  // 2018-01.yaml, with the advice "Set `total: 3`" for the first issue, and "总第2期 follows 总第0期".
  // src/source/loadIssue.ts:163 records numbering facts even when the year contradicts the date; record none
  // when year-mismatch was reported (and checkNumbering.ts:67 should not speak of 总第0期).
  'date-wrong-year-numbering': 'numbering cascade from a year/date mismatch',
  // `number: 0` gives the schema error and also "2018年第0期 follows no 第1–-1期: 第1–-1期 of 2018 is missing".
  // src/source/loadIssue.ts:163 feeds facts that failed the schema (0, 1.5, …) to checkNumbering; require
  // Number.isInteger(number) && number >= 1 (same for total), or no schema error at those paths.
  'number-zero': 'numbering checks on schema-invalid numbers',
  // `title: []` gives two errors for one mistake: schema-range without a hint, and schema-type "title must be
  // text or a list, not a list". src/source/schemaCheck.ts:89-93 reports the oneOf failure even when a branch
  // of the value's own type failed with a precise error; and :113 passes `described` from the oneOf branch,
  // which has no description, so the hint is empty.
  'title-empty-list': 'oneOf title errors',
  // An article written as plain text gets "sections[0].articles[0] must be a mapping …" with no hint:
  // $defs/article has neither description nor examples (src/source/schemaCheck.ts:64-66 finds none). Give
  // schema-type a fallback hint (e.g. "Write the article as `- title: …` with `body: …` under it").
  'article-not-mapping': 'missing hint for a non-mapping article',
};

function caseDirs(): string[] {
  return readdirSync(CASES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/** The case-insensitive file systems of macOS and Windows find `Meeting.PNG` as `meeting.png`. */
function caseInsensitiveFs(): boolean {
  const probe = path.join(CASES, 'misnamed-image-case', 'issues', 'images', '2018-01-MEETING.PNG');
  return existsSync(probe);
}

const sortKey = (d: Expected) => `${d.file}\u0000${String(d.line).padStart(6, '0')}\u0000${String(d.column).padStart(6, '0')}\u0000${d.code}`;
const sorted = (list: Expected[]) => [...list].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));

/** The folder to validate in and the paths to name: the case itself, or its sub-folders that hold a series. */
function prepare(name: string): { cwd: string; paths: string[] } {
  let cwd = path.join(CASES, name);
  if (name === 'image-symlink-outside') {
    cwd = path.join(scratchDir('bulletin-symlink-'), name);
    cpSync(path.join(CASES, name), cwd, { recursive: true });
    symlinkSync('/etc/hosts', path.join(cwd, 'issues', 'images', 'hosts.png'));
  }
  if (existsSync(path.join(cwd, 'bulletin.yaml'))) return { cwd, paths: ['.'] };
  const paths = readdirSync(cwd, { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(path.join(cwd, e.name, 'bulletin.yaml'))).map((e) => e.name);
  return { cwd, paths };
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
      expect(expected.length, 'a case must expect at least one error').toBeGreaterThan(0);
      const { cwd, paths } = prepare(name);
      expect(paths.length).toBeGreaterThan(0);

      const result = await validate(paths, { cwd });
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      expect(sorted(errors.map(({ code, file, line, column }) => ({ code, file, line, column })))).toEqual(sorted(expected));

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
