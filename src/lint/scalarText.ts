// A YAML string scalar → its text with the file offset of every character, exact where it can be proved.
import { isScalar, type Node } from '../vendor/yaml.js';

/** A text as the checks see it, tied back to the file. */
export interface MappedText {
  text: string;
  /** File offset of each character; the value's start where `exact` is 0. */
  at: number[];
  /** 1 where the character's file offset is known exactly (checked against the file's text). */
  exact: Uint8Array;
}

/** Offsets of a literal block's content: each line is the file line minus the block's indentation. */
function literalOffsets(source: string, headerStart: number, end: number): number[] {
  const offsets: number[] = [];
  let pos = source.indexOf('\n', headerStart) + 1;
  if (pos === 0) return offsets;
  let indent: number | undefined;
  while (pos < end) {
    let lineEnd = source.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = source.length;
    const contentEnd = source[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    let lead = 0; // the line's leading spaces, counted in place
    while (pos + lead < contentEnd && source.charCodeAt(pos + lead) === 32) lead++;
    if (indent === undefined && lead < contentEnd - pos) indent = lead;
    for (let k = pos + Math.min(indent ?? lead, lead); k < contentEnd; k++) offsets.push(k);
    if (lineEnd < source.length) offsets.push(lineEnd);
    pos = lineEnd + 1;
  }
  return offsets;
}

function consecutive(from: number, length: number): number[] {
  const out = new Array<number>(length);
  for (let i = 0; i < length; i++) out[i] = from + i;
  return out;
}

/** Candidate offsets by the scalar's style; they are trusted only after checking them character by character. */
function candidates(node: Node, source: string): number[] | undefined {
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const [start, end] = node.range;
  const value = node.value;
  switch (node.type) {
    // One offset per UTF-16 unit (the text's indices), not per code point: 𓀀 takes two.
    case 'PLAIN':
      return consecutive(start, value.length);
    case 'QUOTE_DOUBLE':
    case 'QUOTE_SINGLE':
      return consecutive(start + 1, value.length);
    case 'BLOCK_LITERAL':
      return literalOffsets(source, start, end);
    default:
      return undefined; // folded: lines are joined with spaces, so columns shift
  }
}

/**
 * The mapped text of each scalar already read, with the source it was read against: the copy-editing,
 * the printed fields and the check of plain texts read the same scalars of a file, and the offsets
 * (one number per character) are worth building once. Read-only for every caller.
 */
const mappedTexts = new WeakMap<Node, { source: string; mapped: MappedText }>();

/** The text of a string scalar; characters whose place in the file cannot be proved map to the value's start. */
export function scalarText(node: Node, source: string): MappedText | undefined {
  if (!isScalar(node) || typeof node.value !== 'string') return undefined;
  const known = mappedTexts.get(node);
  if (known && known.source === source && known.mapped.text === node.value) return known.mapped;
  const mapped = mapScalar(node, node.value, source);
  mappedTexts.set(node, { source, mapped });
  return mapped;
}

function mapScalar(node: Node, value: string, source: string): MappedText {
  const text = value;
  const start = node.range?.[0] ?? 0;
  const found = candidates(node, source) ?? [];
  const exact = new Uint8Array(text.length);
  let proved = found.length >= text.length;
  for (let i = 0; proved && i < text.length; i++) proved = source[found[i]!] === text[i];
  // Quoted text with escapes ('' or \") reads differently in the file: the candidate check fails and it is all approximate.
  if (proved && isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) proved = source[start + 1 + text.length] === source[start];
  if (proved) exact.fill(1);
  return { text, at: proved ? (found.length === text.length ? found : found.slice(0, text.length)) : new Array<number>(text.length).fill(start), exact };
}

/** Several texts read as one (the printed lines of a title), joined by line breaks that map nowhere exactly. */
export function joinTexts(parts: readonly MappedText[]): MappedText {
  const text = parts.map((p) => p.text).join('\n');
  const at: number[] = [];
  const exact = new Uint8Array(text.length);
  let offset = 0;
  for (const [k, p] of parts.entries()) {
    if (k > 0) {
      at.push(at.at(-1) ?? 0);
      offset += 1;
    }
    for (const a of p.at) at.push(a);
    exact.set(p.exact, offset);
    offset += p.text.length;
  }
  return { text, at, exact };
}
