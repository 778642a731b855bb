// The closed set of copy-editing checks (GB/T 15834/15835): codes, levels and the default of each.

export const LINT_CODES = [
  'text-halfwidth-punct',
  'text-straight-quotes',
  'text-unbalanced',
  'text-dash',
  'text-ellipsis',
  'text-range-tilde',
  'text-year-range',
  'text-title-period',
  'text-ordinal',
  'text-date-zero',
  'text-date-mixed',
  'text-issue-number-padded',
  'text-cjk-space',
] as const;

export type LintCode = (typeof LINT_CODES)[number];

/** How a series wants a check reported: not at all, as a warning (the default), or as an error. */
export type LintLevel = 'off' | 'warning' | 'error';

export type LintRules = Readonly<Record<LintCode, LintLevel>>;

export function isLintCode(code: string): code is LintCode {
  return (LINT_CODES as readonly string[]).includes(code);
}

/** Every check on, as a warning, with the levels a series sets laid over it. */
export function lintRules(levels: Partial<Record<string, LintLevel>> = {}): LintRules {
  const rules = {} as Record<LintCode, LintLevel>;
  for (const code of LINT_CODES) rules[code] = levels[code] ?? 'warning';
  return rules;
}

/** Copy-editing checks only warn, unless the series makes one of them an error. */
export function lintOnlyWarns(rules: LintRules): boolean {
  return !Object.values(rules).includes('error');
}
