// Property: whatever text an issue file holds, validate() resolves (never throws, never hangs) to diagnostics that
// each carry a file, a 1-based position inside that file, a code and a message. Three generators: random strings and
// bytes, YAML-ish text built from the schema's keys and YAML's punctuation, and mutations of the seed issue.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../src/validate.js';
import { cleanScratch, SEED, scratchDir } from './helpers.js';

const ISSUE = path.join('issues', '2018-02.yaml');
const SEED_TEXT = readFileSync(path.join(SEED, ISSUE), 'utf8');
let dir = '';
/** Runs per generator (300 in all by default); raise BULLETIN_PROPERTY_RUNS to search longer. */
const RUNS = Number(process.env.BULLETIN_PROPERTY_RUNS ?? 100);

beforeAll(() => {
  dir = path.join(scratchDir('bulletin-property-'), 'seed');
  cpSync(SEED, dir, { recursive: true });
});
afterAll(() => cleanScratch());

/** Writes `content` as the seed's issue file, validates the series and checks the shape of the answer. */
async function check(content: string | Uint8Array): Promise<void> {
  writeFileSync(path.join(dir, ISSUE), content);
  const result = await validate(['.'], { cwd: dir });
  expect(Array.isArray(result.diagnostics)).toBe(true);
  expect(Array.isArray(result.issues)).toBe(true);
  for (const d of result.diagnostics) {
    const where = `${d.code} ${JSON.stringify(d.message)} at ${d.file}:${d.line}:${d.column}`;
    expect(typeof d.file === 'string' && d.file.length > 0, where).toBe(true);
    expect(Number.isInteger(d.line) && d.line >= 1, `line of ${where}`).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1, `column of ${where}`).toBe(true);
    expect(d.endLine >= d.line, `endLine of ${where}`).toBe(true);
    expect(d.code, where).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(typeof d.message === 'string' && d.message.trim().length > 0, `message of ${where}`).toBe(true);
    expect(['error', 'warning']).toContain(d.severity);
    // The position lies in the file the code frame will show.
    const text = result.sources.get(d.file);
    if (text !== undefined) expect(d.line, `line inside the file: ${where}`).toBeLessThanOrEqual(text.split('\n').length);
  }
  // An issue with an error is never handed on to the build.
  const failing = new Set(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
  for (const issue of result.issues) expect(failing.has(path.relative(dir, issue.file))).toBe(false);
}

const KEYS = [
  'year', 'number', 'total', 'date', 'kind', 'label', 'classification', 'note', 'sections', 'distribution', 'articles',
  'title', 'body', 'figures', 'image', 'place', 'width', 'caption', 'alt', 'paragraph', 'id', 'source', 'extra', 'copies',
  '__proto__', 'constructor', '<<',
];
const FRAGMENTS = [
  ...KEYS, ...KEYS.map((k) => `${k}: `), ':', ': ', '-', '- ', '\n', '\n', '\n', '  ', '    ', '      ', '"', "'", '&a ', '*a', '&b ', '*b',
  '!tag ', '!!str ', '!!timestamp ', '!!js/function ', '[', ']', '{', '}', ', ', '|', '|-', '>', '# ', '---\n', '...\n', '%YAML 1.1\n',
  '? ', '2018', '2018-03-01', '1', '01', '-1', '1e9', 'true', 'no', '~', 'null', '工作动态', '园区召开工作会议', '𓀀', '\t', '\r\n',
  '\u0000', '\ufeff', '\ud800', 'regular', 'supplement', 'special', 'right', '"50%"', 'images/2018-02-kunming.png', '../x.png',
  '/etc/passwd', '[x](javascript:alert(1))', '![i](a.png)', '<iframe>', '```', '`', '*', '**', '#', '\\', '\\u', '\\x',
];

const yamlish = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 0, maxLength: 80 }).map((parts) => parts.join(''));

const randomText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: fc.constantFrom(...'abc:-[]{}"\'&*!|>#\n \t'.split('')), maxLength: 200 }),
  fc.uint8Array({ maxLength: 400 }),
);

type Edit =
  | { op: 'delete'; line: number }
  | { op: 'duplicate'; line: number }
  | { op: 'swap'; line: number; other: number }
  | { op: 'insert'; line: number; column: number; text: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), line: fc.nat(), other: fc.nat() }),
  fc.record({
    op: fc.constant('insert' as const), line: fc.nat(), column: fc.nat(),
    text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', minLength: 1, maxLength: 4 })),
  }),
);

function mutate(text: string, edits: readonly Edit[]): string {
  const lines = text.split('\n');
  for (const e of edits) {
    if (lines.length === 0) break;
    const i = e.line % lines.length;
    if (e.op === 'delete') lines.splice(i, 1);
    else if (e.op === 'duplicate') lines.splice(i, 0, lines[i]!);
    else if (e.op === 'swap') {
      const j = e.other % lines.length;
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    } else {
      const line = lines[i]!;
      const at = e.column % (line.length + 1);
      lines[i] = line.slice(0, at) + e.text + line.slice(at);
    }
  }
  return lines.join('\n');
}

const mutatedSeed = fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => mutate(SEED_TEXT, edits));

describe('validate() on arbitrary issue text', () => {
  it('the seed itself passes the checks (the harness works)', async () => {
    await check(SEED_TEXT);
    const result = await validate(['.'], { cwd: dir });
    expect(result.diagnostics).toEqual([]);
    expect(result.issues).toHaveLength(1);
  });

  it('random strings and bytes: always resolves to well-formed diagnostics', { timeout: 60_000 }, async () => {
    await fc.assert(fc.asyncProperty(randomText, check), { numRuns: RUNS });
  });

  it('YAML-ish text from schema keys and YAML punctuation: always resolves to well-formed diagnostics', { timeout: 60_000 }, async () => {
    await fc.assert(fc.asyncProperty(yamlish, check), { numRuns: RUNS });
  });

  it('mutations of the seed issue (lines deleted, duplicated, swapped, characters inserted): always resolves to well-formed diagnostics', { timeout: 60_000 }, async () => {
    await fc.assert(fc.asyncProperty(mutatedSeed, check), { numRuns: RUNS });
  });

  it('no input polluted Object.prototype', () => {
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
