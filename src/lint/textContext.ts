// What every check needs to know about a text: its kind, its paragraphs, and the stretches never to touch.
//
// The checks work on the source text, not on the block tree: a finding and its fix are offsets into
// the text (and through scalarText.ts into the YAML file), and the tree has positions by line only
// (markdown-it's token.map; inline content has none). So the tree gives what lines can say: which
// lines make a paragraph or a heading, which are thematic breaks or a setext underline, and which
// paragraphs hold inline code or links at all. Within those lines, the stretches to leave alone
// (URLs, e-mail addresses, backtick runs, `](…)`, list and heading marks) are found in the text by
// the scans below, which err on the side of protecting too much. Nothing here renders Markdown.
import type { TextKind } from './types.js';
import { tables, textBlocks, type Block, type Inline } from '../model/blocks.js';
import { parseBody } from '../model/parseBody.js';

export interface Paragraph {
  start: number;
  end: number;
}

export interface TextContext {
  kind: TextKind;
  /** The paragraphs and headings of the block tree in Markdown (list items and quotes included); the whole text otherwise. */
  paragraphs: Paragraph[];
  /** The text of each Markdown heading (without a setext underline); none in other kinds. */
  headings: Paragraph[];
  /** Whether the character at `i` belongs to a URL, an e-mail address, inline code or Markdown syntax. */
  isProtected(i: number): boolean;
  /** Whether any character of [start, end) is protected. */
  touchesProtected(start: number, end: number): boolean;
  /** Offset of the start of the line holding `i`. */
  lineStart(i: number): number;
  /** Where the text of the line starting at `lineStart` begins: past Markdown heading marks and emphasis in bodies. */
  contentStart(lineStart: number): number;
}

// Characters that end a URL written in Chinese text: whitespace, quotes, brackets, CJK punctuation, Han.
const URL_END = String.raw`\s<>"'“”‘’\u3000-\u303f\uff01-\uff60\p{Script=Han}`;
const URL = new RegExp(String.raw`(?:https?|ftp|file):\/\/[^${URL_END}]*|\bwww\.[^${URL_END}]+|mailto:[^${URL_END}]+`, 'giu');
const EMAIL_LOCAL = /[\w.+-]/;
const EMAIL_DOMAIN = /^[\w-]+(?:\.[\w-]+)+/;
/** Inline code is short: a backtick run closes within this many characters or is taken literally. */
const CODE_REACH = 2000;

/**
 * A character reference (`&lt;`, `&amp;`, `&#x4e00;`): one character as the Markdown parser reads
 * it, and never to be changed: `&amp;中` must not become `&amp；中`. Also left alone in plain texts,
 * which print it as typed.
 */
const CHARACTER_REFERENCE = /&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g;

// Markdown syntax, in bodies and notes only.
/** A backslash escape (`\(`, `\*`): the parser prints the mark itself; a full-width mark after the backslash would print the backslash. */
const BACKSLASH_ESCAPE = /\\[!-/:-@[-`{-~]/g;
const LINK_DESTINATION = /\]\((?:[^()\n]|\([^()\n]*\))*\)/g;
/** A note mark `[^1]`, and the `[^1]: ` that starts a note's text. */
const NOTE_MARK = /\[\^[^\]\s]+\](?::[ \t]*)?/g;
const LINE_MARKER = /^[ \t]*(?:#{1,6}(?=[ \t]|$)|>+|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]|$))/gm;

/** Drops sentence punctuation that follows a URL: `见https://example.org/a.` keeps its full stop outside. */
function urlLength(url: string): number {
  let end = url.length;
  while (end > 0 && /[.,;:!?]/.test(url[end - 1]!)) end -= 1;
  const open = (url.slice(0, end).match(/\(/g) ?? []).length;
  let close = (url.slice(0, end).match(/\)/g) ?? []).length;
  while (end > 0 && url[end - 1] === ')' && close > open) {
    end -= 1;
    close -= 1;
  }
  return end;
}

/** Spans of `code`: a run of backticks up to the next run of the same length (scanned by hand: no regex backtracking). */
function inlineCode(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let i = text.indexOf('`');
  while (i >= 0) {
    let k = i;
    while (text[k] === '`') k += 1;
    const run = text.slice(i, k);
    let close = -1;
    for (let j = text.indexOf(run, k); j >= 0 && j - k <= CODE_REACH; j = text.indexOf(run, j + run.length)) {
      if (text[j + run.length] !== '`' && text[j - 1] !== '`') {
        close = j;
        break;
      }
      while (text[j] === '`') j += 1;
      j -= run.length;
    }
    if (close >= 0) {
      spans.push([i, close + run.length]);
      i = text.indexOf('`', close + run.length);
    } else {
      i = text.indexOf('`', k);
    }
  }
  return spans;
}

/** Spans of e-mail addresses, grown outwards from each @ (bounded, so long words cost nothing). */
function emails(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && EMAIL_LOCAL.test(text[start - 1]!)) start -= 1;
    const domain = EMAIL_DOMAIN.exec(text.slice(at + 1, at + 256));
    if (start < at && domain) spans.push([start, at + 1 + domain[0].length]);
  }
  return spans;
}

/** Whether inline content holds a node of the type, at any depth. */
function holds(content: readonly Inline[], type: 'code' | 'link'): boolean {
  return content.some((n) => n.type === type || ((n.type === 'strong' || n.type === 'emphasis' || n.type === 'link') && holds(n.children, type)));
}

/** Offsets where each line starts; line breaks as markdown-it counts them (\r\n, \r, \n), so its line numbers apply. */
function lineOffsets(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/\r\n?|\n/g)) starts.push(m.index + m[0].length);
  return starts;
}

/**
 * `blocks`: the tree of a Markdown text, when the caller has it (validation parses each body once);
 * otherwise the text is parsed here.
 */
export function textContext(text: string, kind: TextKind, blocks?: readonly Block[]): TextContext {
  const mask = new Uint8Array(text.length);
  const mark = (start: number, end: number) => mask.fill(1, start, end);
  for (const m of text.matchAll(URL)) mark(m.index, m.index + urlLength(m[0]));
  for (const [start, end] of emails(text)) mark(start, end);
  if (text.includes('&')) for (const m of text.matchAll(CHARACTER_REFERENCE)) mark(m.index, m.index + m[0].length);

  const lineStarts = lineOffsets(text);
  const paragraphs: Paragraph[] = [];
  const headings: Paragraph[] = [];
  if (kind === 'markdown') {
    // Line n of the tree → [start of line n, end of line `last` before its line break).
    const span = (first: number, last: number): Paragraph => {
      const start = lineStarts[first] ?? text.length;
      let end = lineStarts[last + 1] ?? text.length;
      while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end -= 1;
      return { start, end };
    };
    const tree = blocks ?? parseBody(text).blocks;
    for (const block of textBlocks(tree)) {
      const p = span(block.lines.start, block.lines.end - 1);
      paragraphs.push(p);
      if (holds(block.content, 'code')) for (const [start, end] of inlineCode(text.slice(p.start, p.end))) mark(p.start + start, p.start + end);
      if (holds(block.content, 'link')) for (const m of text.slice(p.start, p.end).matchAll(LINK_DESTINATION)) mark(p.start + m.index, p.start + m.index + m[0].length);
      if (block.type === 'heading') {
        // A setext heading is its text and an underline (=== or ---): the underline is syntax.
        const setext = block.lines.end - block.lines.start > 1;
        headings.push(setext ? span(block.lines.start, block.lines.end - 2) : p);
        if (setext) {
          const underline = span(block.lines.end - 1, block.lines.end - 1);
          mark(underline.start, underline.end);
        }
      }
    }
    // Table rows are paragraphs of their own; the pipes and the divider line are syntax. The 表： and 单位： lines above are paragraphs too.
    for (const table of tables(tree)) {
      if (table.above) for (let l = table.above.start; l < table.above.end; l++) paragraphs.push(span(l, l));
      for (const row of [...table.head, ...table.body]) {
        const p = span(row.lines.start, row.lines.start);
        paragraphs.push(p);
        for (let k = p.start; k < p.end; k++) if (text[k] === '|' && text[k - 1] !== '\\') mark(k, k + 1);
      }
      const header = table.head[0];
      if (header) {
        const divider = span(header.lines.start + 1, header.lines.start + 1);
        mark(divider.start, divider.end);
      }
    }
    paragraphs.sort((a, b) => a.start - b.start);
    const breaks = (list: readonly Block[]): void => {
      for (const b of list) {
        if (b.type === 'thematicBreak') {
          const line = span(b.lines.start, b.lines.end - 1);
          mark(line.start, line.end);
        } else if (b.type === 'list') for (const item of b.items) breaks(item.blocks);
        else if (b.type === 'quote') breaks(b.blocks);
      }
    };
    breaks(tree);
    for (const m of text.matchAll(LINE_MARKER)) mark(m.index, m.index + m[0].length);
    // Note marks `[^1]` and the `[^1]:` that starts a note's text are syntax.
    if (text.includes('[^')) for (const m of text.matchAll(NOTE_MARK)) mark(m.index, m.index + m[0].length);
    if (text.includes('\\')) for (const m of text.matchAll(BACKSLASH_ESCAPE)) mark(m.index, m.index + m[0].length);
  } else {
    for (const [start, end] of inlineCode(text)) mark(start, end);
    paragraphs.push({ start: 0, end: text.length });
  }

  return {
    kind,
    paragraphs,
    headings,
    isProtected: (i) => mask[i] === 1,
    touchesProtected: (start, end) => mask.subarray(start, end).includes(1),
    lineStart(i) {
      let lo = 0;
      let hi = lineStarts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lineStarts[mid]! <= i) lo = mid;
        else hi = mid - 1;
      }
      return lineStarts[lo]!;
    },
    contentStart(lineStart) {
      if (kind !== 'markdown') return lineStart;
      const m = /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*{1,2})?/.exec(text.slice(lineStart, lineStart + 16));
      return lineStart + (m ? m[0].length : 0);
    },
  };
}
