// The printed texts of an issue file (titles, labels, bodies, notes, captions, source lines, units) → lintSource.
import { lintSource, type LintInput, type LintResult } from './lintSource.js';
import type { TextSpec } from './textTargets.js';

const ARTICLE = ['sections', '*', 'articles', '*'];

export const ISSUE_TEXTS: readonly TextSpec[] = [
  { path: ['label'], kind: 'title' },
  { path: ['classification'], kind: 'plain' },
  { path: ['note'], kind: 'markdown' },
  { path: ['sections', '*', 'label'], kind: 'title' },
  { path: [...ARTICLE, 'title'], kind: 'title', lines: true },
  { path: [...ARTICLE, 'note'], kind: 'markdown' },
  { path: [...ARTICLE, 'body'], kind: 'markdown' },
  { path: [...ARTICLE, 'figures', '*', 'caption'], kind: 'plain' },
  { path: [...ARTICLE, 'source'], kind: 'plain' },
  { path: ['distribution', 'extra', '*'], kind: 'plain' },
];

export function lintIssue(input: LintInput): LintResult {
  return lintSource(input, ISSUE_TEXTS);
}
