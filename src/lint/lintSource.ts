// The printed texts of one source file → copy-editing diagnostics at file positions, and the exact fixes.
import { msg } from '../i18n/message.js';
import { isScalar, type Document, type LineCounter, type Node } from '../vendor/yaml.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { offsetSpan } from '../source/parseYaml.js';
import { lintText } from './lintText.js';
import { scalarText, joinTexts, type MappedText } from './scalarText.js';
import { disableComments } from './disableComments.js';
import { textTargets, type TextSpec } from './textTargets.js';
import type { LintRules } from './lintCodes.js';
import type { TextFix } from './types.js';
import type { Block } from '../model/blocks.js';

export interface LintResult {
  diagnostics: Diagnostic[];
  /** Fixes that are safe to apply to the file's text: exact positions only. */
  fixes: TextFix[];
}

export interface LintInput {
  /** The file's text, as parsed (without a byte order mark). */
  source: string;
  doc: Document;
  lineCounter: LineCounter;
  /** The file name shown in diagnostics. */
  display: string;
  rules: LintRules;
  /** The block tree of a Markdown text (body, note), when the caller has parsed it already. */
  parseMarkdown?: (text: string) => readonly Block[];
}

const BLOCK = new Set(['BLOCK_LITERAL', 'BLOCK_FOLDED']);

export function lintSource(input: LintInput, specs: readonly TextSpec[]): LintResult {
  const { source, doc, lineCounter: lc, display, rules } = input;
  const result: LintResult = { diagnostics: [], fixes: [] };
  const disabled = disableComments(source, doc, lc);
  for (const target of textTargets(doc, specs)) {
    const parts = target.nodes.map((n) => scalarText(n, source)).filter((p): p is MappedText => p !== undefined);
    if (parts.length === 0) continue;
    const mapped = parts.length === 1 ? parts[0]! : joinTexts(parts);
    // A directive on the header line of a block (`body: |  # bulletin-disable-line …`) covers the whole block.
    const headerLines = target.nodes.filter((n: Node) => isScalar(n) && BLOCK.has(String(n.type)) && n.range).map((n) => lc.linePos(n.range![0]).line);
    const exactBetween = (from: number, to: number) => to > from && mapped.exact.subarray(from, to).every((e) => e === 1);
    const blocks = target.kind === 'markdown' ? input.parseMarkdown?.(mapped.text) : undefined;
    for (const f of lintText(mapped.text, target.kind, blocks, input.parseMarkdown)) {
      const level = rules[f.code];
      if (level === 'off') continue;
      const exact = exactBetween(f.start, f.end);
      const start = mapped.at[f.start]!;
      const span = offsetSpan(lc, start, exact ? mapped.at[f.end - 1]! + 1 : start);
      if (disabled(span.line, f.code) || headerLines.some((line) => disabled(line, f.code))) continue;
      let fix: TextFix | undefined;
      if (f.fix && exactBetween(f.fix.start, f.fix.end)) {
        const from = mapped.at[f.fix.start]!;
        const to = mapped.at[f.fix.end - 1]! + 1;
        // The fix must replace exactly the characters it was computed on, in one stretch of the file.
        if (source.slice(from, to) === mapped.text.slice(f.fix.start, f.fix.end)) {
          const at = lc.linePos(from);
          fix = { start: from, end: to, replacement: f.fix.replacement, code: f.code, line: at.line, column: at.col, original: source.slice(from, to) };
        }
      }
      const hint = fix ? msg('lint.fixable', { hint: f.hint })
        : f.fix ? msg('lint.by-hand.file', { hint: f.hint }) : f.hint;
      const message = exact ? f.message : msg('lint.inexact', { message: f.message });
      result.diagnostics.push(diagnostic(display, span, level, f.code, message, hint));
      if (fix) result.fixes.push(fix);
    }
  }
  return result;
}
