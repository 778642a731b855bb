// Helpers of the copy-editing tests: run lintText on a text and look at what it found and what the fixes give.
import { lintText } from '../../src/lint/lintText.js';
import type { LintCode } from '../../src/lint/lintCodes.js';
import type { TextFinding, TextKind } from '../../src/lint/types.js';

/** The findings of one check (all checks run, as in validate, so overlaps are settled the same way). */
export function found(text: string, code: LintCode, kind: TextKind = 'markdown'): TextFinding[] {
  return lintText(text, kind).filter((f) => f.code === code);
}

/** What each finding of `code` points at: the characters between start and end. */
export function marked(text: string, code: LintCode, kind: TextKind = 'markdown'): string[] {
  return found(text, code, kind).map((f) => text.slice(f.start, f.end));
}

/** The text after the fixes of `code` (or of every check). */
export function fixed(text: string, code?: LintCode, kind: TextKind = 'markdown'): string {
  const edits = lintText(text, kind).filter((f) => f.fix && (!code || f.code === code)).map((f) => f.fix!);
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.replacement + out.slice(e.end);
  return out;
}

/** Every code found in a text. */
export function codes(text: string, kind: TextKind = 'markdown'): LintCode[] {
  return lintText(text, kind).map((f) => f.code);
}
