// The printed texts of an issue file (titles, labels, bodies, notes, captions, source lines, units) → lintSource.
import { lintSource, type LintInput, type LintResult } from './lintSource.js';
import type { TextSpec } from './textTargets.js';

const ARTICLE = ['sections', '*', 'articles', '*'];

const articleTexts = (article: readonly string[]): TextSpec[] => [
  { path: [...article, 'title'], kind: 'title', lines: true },
  { path: [...article, 'subtitle'], kind: 'plain' },
  { path: [...article, 'byline'], kind: 'plain', lines: true },
  { path: [...article, 'note'], kind: 'markdown' },
  { path: [...article, 'body'], kind: 'markdown' },
  { path: [...article, 'figures', '*', 'caption'], kind: 'plain' },
  { path: [...article, 'source'], kind: 'plain' },
  { path: [...article, 'attachments', '*'], kind: 'title' },
  { path: [...article, 'attachments', '*', 'title'], kind: 'title' },
  { path: [...article, 'attachments', '*', 'body'], kind: 'markdown' },
];

export const ISSUE_TEXTS: readonly TextSpec[] = [
  { path: ['label'], kind: 'title' },
  { path: ['classification'], kind: 'plain' },
  { path: ['note'], kind: 'markdown' },
  { path: ['sections', '*', 'label'], kind: 'title' },
  ...articleTexts(ARTICLE),
  ...articleTexts(['articles', '*']),
  { path: ['signoff', '*'], kind: 'plain' },
  { path: ['distribution', 'extra', '*'], kind: 'plain' },
];

export function lintIssue(input: LintInput): LintResult {
  return lintSource(input, ISSUE_TEXTS);
}
