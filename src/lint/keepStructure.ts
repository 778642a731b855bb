// A copy-editing fix changes characters, never what the Markdown means: each fix of a body or note is
// checked against the block tree before and after (paragraphs, headings, lists, quotes, emphasis,
// links, breaks; not the text), and a fix that would change it is left to the editor.
// (`1、` → `1.` can make a paragraph a list item; `--` → `——` can turn a heading underline into text.)
import type { Block } from '../model/blocks.js';
import type { TextEdit } from './types.js';

/** The tree without its text: what a fix may not change. */
export function treeShape(blocks: readonly Block[]): string {
  return JSON.stringify(blocks, (key, value: unknown) => (key === 'value' ? undefined : value));
}

/** `text` with non-overlapping `edits` made (an edit overlapping an earlier one is left out). */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    if (e.start < at) continue;
    out += text.slice(at, e.start) + e.replacement;
    at = e.end;
  }
  return out + text.slice(at);
}

/**
 * The edits that leave the tree of `text` as it is. All at once first (the common case: one more
 * parse); when that changes the tree, each on its own, and those that pass must pass together too.
 */
export function structureKeepingEdits<E extends TextEdit>(text: string, edits: readonly E[], parse: (text: string) => readonly Block[]): E[] {
  if (edits.length === 0) return [];
  const before = treeShape(parse(text));
  const keeps = (some: readonly E[]) => treeShape(parse(applyEdits(text, some))) === before;
  if (keeps(edits)) return [...edits];
  const kept = edits.filter((e) => keeps([e]));
  return keeps(kept) ? kept : [];
}
