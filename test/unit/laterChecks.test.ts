// The checks that only warn, run after the others (a build starts Chrome between the two): the same
// findings in the same order as validate reports them in one go.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate, type ValidateResult } from '../../src/validate.js';
import { runLaterChecks, checkNowOrLater, type LaterCheck } from '../../src/diagnostics/laterChecks.js';
import { codeMessage, diagnostic, type Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { REPO } from '../helpers.js';

const at = (line: number, code: 'glyph-missing' | 'title-too-long' | 'control-character') =>
  diagnostic('a.yaml', { line, column: 1, endLine: line, endColumn: 2 }, 'warning', code, codeMessage(code));

describe('runLaterChecks', () => {
  it('puts what a later check finds where it would have been found in order, ties included', () => {
    const now: Diagnostic[] = [];
    const later: LaterCheck[] = [];
    now.push(at(1, 'control-character'));
    checkNowOrLater(now, later, () => [at(1, 'glyph-missing'), at(2, 'glyph-missing')]);
    now.push(at(1, 'control-character'));
    checkNowOrLater(now, later, () => [at(3, 'title-too-long')]);
    checkNowOrLater(now, later, () => [at(4, 'title-too-long')]);
    now.push(at(5, 'control-character'));
    expect(now).toHaveLength(3);
    runLaterChecks(now, later);
    expect(now.map((d) => `${d.line} ${d.code}`)).toEqual(['1 control-character', '1 glyph-missing', '2 glyph-missing', '1 control-character', '3 title-too-long', '4 title-too-long', '5 control-character']);
    expect(later).toEqual([]);
  });
});

const plain = ({ runLaterChecks: _, ...rest }: ValidateResult) => rest;

describe('validate with laterWarnings', () => {
  const cases = ['examples/seed', 'test/fixtures/invalid/title-too-long', 'test/fixtures/invalid/glyph-missing-roles', 'test/fixtures/invalid/glyph-missing-positions',
    'test/fixtures/invalid/masthead-too-long', 'test/fixtures/lint/dirty', 'test/fixtures/invalid/date-wrong-year-numbering', 'test/fixtures/invalid/text-control-characters'];
  for (const dir of cases) {
    it(`reports for ${dir}, once its later checks ran, exactly what validate reports at once`, async () => {
      const cwd = path.join(REPO, dir);
      const atOnce = await validate(['.'], { cwd });
      const split = await validate(['.'], { cwd, laterWarnings: true });
      expect(atOnce.runLaterChecks).toBeUndefined();
      // Before they run, no warning of theirs, and no error is missing.
      expect(split.diagnostics.filter((d) => d.severity === 'error')).toEqual(atOnce.diagnostics.filter((d) => d.severity === 'error'));
      expect(split.issues.map((i) => i.file)).toEqual(atOnce.issues.map((i) => i.file));
      expect(plain(split.runLaterChecks!())).toEqual(plain(atOnce));
    });
  }

  it('keeps the warnings that only warn for later (what a build does before Chrome starts)', async () => {
    for (const [dir, code] of [['test/fixtures/invalid/title-too-long', 'title-too-long'], ['test/fixtures/invalid/glyph-missing-roles', 'glyph-missing'], ['test/fixtures/lint/dirty', 'text-halfwidth-punct'], ['test/fixtures/invalid/masthead-too-long', 'masthead-too-long']] as const) {
      const split = await validate(['.'], { cwd: path.join(REPO, dir), laterWarnings: true });
      expect(split.diagnostics.map((d) => d.code), dir).not.toContain(code);
      expect(split.runLaterChecks!().diagnostics.map((d) => d.code), dir).toContain(code);
    }
  });
});
