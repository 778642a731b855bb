// One text → its copy-editing findings: every check run, protected stretches skipped, competing fixes settled.
import { msg } from '../i18n/message.js';
import { textContext, type TextContext } from './textContext.js';
import type { TextEdit, TextFinding, TextKind } from './types.js';
import type { Block } from '../model/blocks.js';
import { parseBody } from '../model/parseBody.js';
import { structureKeepingEdits } from './keepStructure.js';
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

/** A check: a pure function from a text (and what is known about it) to its findings. */
export type LintRule = (text: string, context: TextContext) => TextFinding[];

/** In order of precedence: where two fixes would change the same characters, the earlier check's stands. */
export const RULES: readonly LintRule[] = [
  titlePeriod, ordinal, dateZero, issueNumberPadded, yearRange, rangeTilde, ellipsis, dash,
  straightQuotes, halfwidthPunct, cjkSpace, unbalanced, dateMixed,
];


/**
 * `blocks`: the tree of a Markdown text, when it is parsed already (else it is parsed here);
 * `parse`: how the series reads Markdown (its `markdown:` options), for the check that fixes leave the tree as it is.
 */
export function lintText(text: string, kind: TextKind, blocks?: readonly Block[], parse: (text: string) => readonly Block[] = (t) => parseBody(t).blocks): TextFinding[] {
  const context = textContext(text, kind, blocks);
  const kept: TextFinding[] = [];
  // Characters some kept fix already changes (a mask, so many findings cost no more than a long text).
  const claimed = new Uint8Array(text.length);
  const free = (e: TextEdit) => !claimed.subarray(e.start, e.end).includes(1);
  for (const rule of RULES) {
    for (const f of rule(text, context)) {
      if (context.touchesProtected(f.start, f.end) || (f.fix && context.touchesProtected(f.fix.start, f.fix.end))) continue;
      // Two checks about the same characters (（一）、 is an ordinal, not two stray brackets): one report, one fix.
      if (f.fix && !free(f.fix)) continue;
      if (f.fix) claimed.fill(1, f.fix.start, f.fix.end);
      kept.push(f);
    }
  }
  if (kind === 'markdown') {
    const edits = kept.flatMap((f) => (f.fix ? [f.fix] : []));
    const safe = new Set(structureKeepingEdits(text, edits, (t) => (t === text && blocks ? blocks : parse(t))));
    for (const [k, f] of kept.entries()) {
      if (f.fix && !safe.has(f.fix)) kept[k] = { ...f, fix: undefined, hint: msg('lint.by-hand.markdown', { hint: f.hint }) };
    }
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
