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

/** Parses of one text the check may make: a body of thousands of fixes, many of them harmful, costs no more than this. */
export const MAX_PARSES = 64;

/**
 * The edits that leave the tree of `text` as it is. All at once first (the common case: one more
 * parse); when that changes the tree, halves of them, down to the edits that change it on their own
 * (a few parses per harmful edit); those that pass must pass together too. Past `MAX_PARSES`, the
 * edits not yet known to be safe are left out (to the editor).
 */
export function structureKeepingEdits<E extends TextEdit>(text: string, edits: readonly E[], parse: (text: string) => readonly Block[]): E[] {
  if (edits.length === 0) return [];
  const before = treeShape(parse(text));
  let parses = 1;
  const keeps = (some: readonly E[]) => {
    parses += 1;
    return treeShape(parse(applyEdits(text, some))) === before;
  };
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const kept: E[] = [];
  const sift = (group: readonly E[]): void => {
    if (group.length === 0 || parses >= MAX_PARSES) return;
    if (keeps(group)) kept.push(...group);
    else if (group.length > 1) {
      const half = Math.ceil(group.length / 2);
      sift(group.slice(0, half));
      sift(group.slice(half));
    }
  };
  sift(sorted);
  if (kept.length === edits.length) return kept;
  return kept.length && keeps(kept) ? kept : [];
}
