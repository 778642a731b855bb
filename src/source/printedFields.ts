// The printed text of a parsed source, field by field, tied back to the file: what the glyph check
// and the control-character check read. A field's `printed` text is what a reader sees (Markdown
// syntax and link addresses removed, character references decoded); `mapped` is the text as
// written, with the file offset of each character (lint/scalarText.ts).
import type { Document } from 'yaml';
import { textTargets } from '../lint/textTargets.js';
import { scalarText, joinTexts, type MappedText } from '../lint/scalarText.js';
import { blocksText, inlineText } from '../model/blocks.js';
import type { MarkdownParses } from '../model/parseBody.js';

/** How a field is printed: as it is, as a Markdown body (notes too), or as inline Markdown (captions). */
export type PrintedAs = 'text' | 'markdown' | 'inline';

export interface PrintedSpec {
  path: readonly string[];
  as: PrintedAs;
  /** A list of strings is one text in several printed lines (a title). */
  lines?: boolean;
}

export interface PrintedField {
  as: PrintedAs;
  mapped: MappedText;
  printed: string;
}

const ARTICLE = ['sections', '*', 'articles', '*'];

/** Every text of an issue file that is printed (or shown, as a picture's text alternative). */
export const ISSUE_PRINTED: readonly PrintedSpec[] = [
  { path: ['label'], as: 'text' },
  { path: ['classification'], as: 'text' },
  { path: ['note'], as: 'markdown' },
  { path: ['sections', '*', 'label'], as: 'text' },
  { path: [...ARTICLE, 'title'], as: 'text', lines: true },
  { path: [...ARTICLE, 'note'], as: 'markdown' },
  { path: [...ARTICLE, 'body'], as: 'markdown' },
  { path: [...ARTICLE, 'figures', '*', 'caption'], as: 'inline' },
  { path: [...ARTICLE, 'figures', '*', 'alt'], as: 'text' },
  { path: [...ARTICLE, 'source'], as: 'text' },
  { path: ['distribution', 'extra', '*'], as: 'text' },
];

/** Every text of bulletin.yaml that is printed in each issue. */
export const SERIES_PRINTED: readonly PrintedSpec[] = [
  { path: ['series'], as: 'text' },
  { path: ['name'], as: 'text' },
  { path: ['publisher'], as: 'text' },
  { path: ['distribution', 'report', '*'], as: 'text' },
  { path: ['distribution', 'send', '*'], as: 'text' },
  { path: ['distribution', 'distribute', '*'], as: 'text' },
];

/** The printed fields of a document, in document order; nodes of the wrong shape are skipped (the schema reports them). */
export function printedFields(doc: Document, source: string, specs: readonly PrintedSpec[], markdown: MarkdownParses): PrintedField[] {
  const out: { field: PrintedField; at: number }[] = [];
  for (const spec of specs) {
    // One spec at a time, so each target is known by its spec; the kind given is not used here.
    for (const target of textTargets(doc, [{ path: spec.path, kind: 'plain', lines: spec.lines }])) {
      const parts = target.nodes.map((n) => scalarText(n, source)).filter((p): p is MappedText => p !== undefined);
      if (parts.length === 0) continue;
      const mapped = parts.length === 1 ? parts[0]! : joinTexts(parts);
      const printed = spec.as === 'markdown' ? blocksText(markdown.body(mapped.text).blocks)
        : spec.as === 'inline' ? inlineText(markdown.inline(mapped.text).content)
        : mapped.text;
      out.push({ field: { as: spec.as, mapped, printed }, at: mapped.at[0] ?? 0 });
    }
  }
  return out.sort((a, b) => a.at - b.at).map((o) => o.field);
}
