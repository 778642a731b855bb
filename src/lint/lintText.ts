// One text → its copy-editing findings: every check run, protected stretches skipped, competing fixes settled.
import { textContext } from './textContext.js';
import type { LintRule, TextEdit, TextFinding, TextKind } from './types.js';
import { titlePeriod } from './rules/titlePeriod.js';
import { ordinal } from './rules/ordinal.js';
import { dateZero } from './rules/dateZero.js';
import { issueNumberPadded } from './rules/issueNumberPadded.js';
import { yearRange } from './rules/yearRange.js';
import { rangeTilde } from './rules/rangeTilde.js';
import { ellipsis } from './rules/ellipsis.js';
import { dash } from './rules/dash.js';
import { straightQuotes } from './rules/straightQuotes.js';
import { halfwidthPunct } from './rules/halfwidthPunct.js';
import { cjkSpace } from './rules/cjkSpace.js';
import { unbalanced } from './rules/unbalanced.js';
import { dateMixed } from './rules/dateMixed.js';

/** In order of precedence: where two fixes would change the same characters, the earlier check's stands. */
export const RULES: readonly LintRule[] = [
  titlePeriod, ordinal, dateZero, issueNumberPadded, yearRange, rangeTilde, ellipsis, dash,
  straightQuotes, halfwidthPunct, cjkSpace, unbalanced, dateMixed,
];

const overlaps = (a: TextEdit, b: TextEdit) => a.start < b.end && b.start < a.end;

export function lintText(text: string, kind: TextKind): TextFinding[] {
  const context = textContext(text, kind);
  const kept: TextFinding[] = [];
  for (const rule of RULES) {
    for (const f of rule(text, context)) {
      if (context.touchesProtected(f.start, f.end) || (f.fix && context.touchesProtected(f.fix.start, f.fix.end))) continue;
      // Two checks about the same characters (（一）、 is an ordinal, not two stray brackets): one report, one fix.
      const fix = f.fix;
      if (fix && kept.some((k) => k.fix && overlaps(k.fix, fix))) continue;
      kept.push(f);
    }
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
