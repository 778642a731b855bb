// The printed texts of bulletin.yaml (series line, name, publisher, distribution units) → lintSource.
import { lintSource, type LintInput, type LintResult } from './lintSource.js';
import type { TextSpec } from './textTargets.js';

export const SERIES_TEXTS: readonly TextSpec[] = [
  { path: ['series'], kind: 'plain' },
  { path: ['name'], kind: 'plain' },
  { path: ['publisher'], kind: 'plain' },
  { path: ['distribution', 'report', '*'], kind: 'plain' },
  { path: ['distribution', 'send', '*'], kind: 'plain' },
  { path: ['distribution', 'distribute', '*'], kind: 'plain' },
];

export function lintSeries(input: LintInput): LintResult {
  return lintSource(input, SERIES_TEXTS);
}
