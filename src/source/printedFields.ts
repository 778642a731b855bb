// The printed text of a parsed source, field by field, tied back to the file: what the glyph check
// and the control-character check read. A field's `printed` text is what a reader sees (Markdown
// syntax and link addresses removed, character references decoded); `mapped` is the text as
// written, with the file offset of each character (lint/scalarText.ts).
import type { Document } from 'yaml';
import { textTargets } from '../lint/textTargets.js';
import { scalarText, joinTexts, type MappedText } from '../lint/scalarText.js';
import { blocksText, inlineText, noteMark, type Block, type Inline } from '../model/blocks.js';
import type { MarkdownParses } from '../model/parseBody.js';
import type { FontRole } from '../model/types.js';

/** How a field is printed: as it is, as a Markdown body (notes too), or as inline Markdown (captions). */
export type PrintedAs = 'text' | 'markdown' | 'inline';

export interface PrintedSpec {
  path: readonly string[];
  as: PrintedAs;
  /** A list of strings is one text in several printed lines (a title). */
  lines?: boolean;
  /**
   * The font roles that print it (templates/bulletin.css): a title is printed in the title's font
   * and, in the contents, the body's. The first is the role of a Markdown text's paragraphs.
   */
  roles: readonly FontRole[];
  /** An article body: bold and level-1 headings in the heading font, emphasis and level-2 headings in kai. */
  rich?: boolean;
}

export interface PrintedField {
  as: PrintedAs;
  mapped: MappedText;
  printed: string;
  /** The printed text by the font role that prints it. */
  byRole: Partial<Record<FontRole, string>>;
}

const ARTICLE = ['sections', '*', 'articles', '*'];

/** Every text of an issue file that is printed (or shown, as a picture's text alternative). */
const articleFields = (article: readonly string[]): PrintedSpec[] => [
  { path: [...article, 'title'], as: 'text', lines: true, roles: ['title', 'body'] },
  { path: [...article, 'subtitle'], as: 'text', roles: ['kai'] },
  { path: [...article, 'byline'], as: 'text', lines: true, roles: ['kai'] },
  { path: [...article, 'note'], as: 'markdown', roles: ['kai'] },
  { path: [...article, 'body'], as: 'markdown', roles: ['body'], rich: true },
  { path: [...article, 'figures', '*', 'caption'], as: 'inline', roles: ['kai'] },
  { path: [...article, 'figures', '*', 'alt'], as: 'text', roles: ['body'] },
  { path: [...article, 'source'], as: 'text', roles: ['body'] },
  { path: [...article, 'attachments', '*'], as: 'text', roles: ['body'] },
  { path: [...article, 'attachments', '*', 'title'], as: 'text', roles: ['body', 'title'] },
  { path: [...article, 'attachments', '*', 'body'], as: 'markdown', roles: ['body'], rich: true },
];

/** Every text of an issue file that is printed (or shown, as a picture's text alternative). */
export const ISSUE_PRINTED: readonly PrintedSpec[] = [
  { path: ['label'], as: 'text', roles: ['heading'] },
  { path: ['classification'], as: 'text', roles: ['heading'] },
  { path: ['note'], as: 'markdown', roles: ['kai'] },
  { path: ['sections', '*', 'label'], as: 'text', roles: ['heading'] },
  ...articleFields(ARTICLE),
  // An issue without sections.
  ...articleFields(['articles', '*']),
  { path: ['signoff', '*'], as: 'text', roles: ['body'] },
  { path: ['distribution', 'extra', '*'], as: 'text', roles: ['body'] },
];

/** Every text of bulletin.yaml that is printed in each issue. */
export const SERIES_PRINTED: readonly PrintedSpec[] = [
  { path: ['series'], as: 'text', roles: ['title'] },
  { path: ['name'], as: 'text', roles: ['title'] },
  { path: ['publisher'], as: 'text', roles: ['body'] },
  { path: ['distribution', 'report', '*'], as: 'text', roles: ['body'] },
  { path: ['distribution', 'send', '*'], as: 'text', roles: ['body'] },
  { path: ['distribution', 'distribute', '*'], as: 'text', roles: ['body'] },
];

/** Text by the role that prints it, collected from a block tree. */
function collectRoles(blocks: readonly Block[], role: FontRole, rich: boolean, out: Partial<Record<FontRole, string>>): void {
  const add = (r: FontRole, text: string) => {
    out[r] = `${out[r] ?? ''}${text}`;
  };
  const inline = (content: readonly Inline[], r: FontRole) => {
    for (const node of content) {
      if (node.type === 'text' || node.type === 'code') add(r, node.value);
      else if (node.type === 'strong') inline(node.children, rich ? 'heading' : r);
      else if (node.type === 'emphasis') inline(node.children, rich ? 'kai' : r);
      else if (node.type === 'link') inline(node.children, r);
      else if (node.type === 'footnoteRef') add(r, noteMark(node.number));
      else add(r, '\n');
    }
  };
  for (const b of blocks) {
    if (b.type === 'paragraph') inline(b.content, role);
    else if (b.type === 'heading') inline(b.content, rich && b.level === 1 ? 'heading' : rich && b.level === 2 ? 'kai' : role);
    else if (b.type === 'list') {
      // The numbers of an ordered list are printed in the body's face.
      if (b.ordered) add(role, b.items.map((_, i) => `${b.start + i}.`).join(' '));
      for (const item of b.items) collectRoles(item.blocks, role, rich, out);
    } else if (b.type === 'quote') collectRoles(b.blocks, rich ? 'kai' : role, rich, out); // quotations in 楷体
    else if (b.type === 'footnotes') {
      add(role, '注释：');
      for (const note of b.notes) {
        add(role, noteMark(note.number));
        collectRoles(note.blocks, role, rich, out);
      }
    } else if (b.type === 'table') {
      // The caption and the header cells are set in the heading face (黑体), the rest as the body.
      const heading = rich ? 'heading' : role;
      if (b.caption) inline([{ type: 'text', value: '表0123456789　' }, ...b.caption], heading);
      if (b.unit) add(role, b.unit);
      for (const row of b.head) for (const cell of row.cells) inline(cell.content, heading);
      for (const row of b.body) for (const cell of row.cells) inline(cell.content, role);
      if (b.head.length) add(heading, '续表');
    }
    if (b.type !== 'thematicBreak') add(role, '\n');
  }
}

/** The printed fields of a document, in document order; nodes of the wrong shape are skipped (the schema reports them). */
export function printedFields(doc: Document, source: string, specs: readonly PrintedSpec[], markdown: MarkdownParses): PrintedField[] {
  const out: { field: PrintedField; at: number }[] = [];
  for (const spec of specs) {
    // One spec at a time, so each target is known by its spec; the kind given is not used here.
    for (const target of textTargets(doc, [{ path: spec.path, kind: 'plain', lines: spec.lines }])) {
      const parts = target.nodes.map((n) => scalarText(n, source)).filter((p): p is MappedText => p !== undefined);
      if (parts.length === 0) continue;
      const mapped = parts.length === 1 ? parts[0]! : joinTexts(parts);
      const byRole: Partial<Record<FontRole, string>> = {};
      let printed: string;
      if (spec.as === 'markdown') {
        const blocks = markdown.body(mapped.text).blocks;
        printed = blocksText(blocks);
        collectRoles(blocks, spec.roles[0]!, spec.rich ?? false, byRole);
      } else {
        printed = spec.as === 'inline' ? inlineText(markdown.inline(mapped.text).content) : mapped.text;
        for (const role of spec.roles) byRole[role] = printed;
      }
      out.push({ field: { as: spec.as, mapped, printed, byRole }, at: mapped.at[0] ?? 0 });
    }
  }
  return out.sort((a, b) => a.at - b.at).map((o) => o.field);
}
