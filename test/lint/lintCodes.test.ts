import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LINT_CODES, lintRules } from '../../src/lint/lintCodes.js';
import { RULES } from '../../src/lint/lintText.js';
import { REPO } from '../helpers.js';

interface Schema {
  properties: { lint: { description: string; examples: unknown[]; properties: { rules: { additionalProperties: boolean; description: string; examples: unknown[]; properties: Record<string, { description: string; examples: unknown[] }> } } } };
  $defs: { lintLevel: { enum: string[] } };
}

describe('the copy-editing codes', () => {
  const schema = JSON.parse(readFileSync(path.join(REPO, 'schemas', 'series.schema.json'), 'utf8')) as Schema;
  const rules = schema.properties.lint.properties.rules;

  it('are the keys of lint.rules in the series schema, each with a description and an example', () => {
    expect(Object.keys(rules.properties)).toEqual([...LINT_CODES]);
    expect(rules.additionalProperties).toBe(false);
    for (const [code, p] of Object.entries(rules.properties)) {
      expect(p.description, code).toBeTruthy();
      expect(p.examples.every((e) => schema.$defs.lintLevel.enum.includes(e as string)), code).toBe(true);
    }
    expect(schema.$defs.lintLevel.enum).toEqual(['off', 'warning', 'error']);
  });

  it('are listed in the README', () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
    for (const code of LINT_CODES) expect(readme, code).toContain(`\`${code}\``);
  });

  it('each have a check, and default to warning', () => {
    expect(RULES).toHaveLength(LINT_CODES.length);
    expect(Object.values(lintRules())).toEqual(LINT_CODES.map(() => 'warning'));
    expect(lintRules({ 'text-dash': 'off' })['text-dash']).toBe('off');
  });
});
