// What every check needs to know about a text: its kind, its paragraphs, and the stretches never to touch.
import type { TextKind } from './types.js';

export interface Paragraph {
  start: number;
  end: number;
}

export interface TextContext {
  kind: TextKind;
  /** Blank-line separated blocks in Markdown; the whole text otherwise. */
  paragraphs: Paragraph[];
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

// Markdown syntax, in bodies and notes only.
const LINK_DESTINATION = /\]\((?:[^()\n]|\([^()\n]*\))*\)/g;
const LINE_MARKER = /^[ \t]*(?:#{1,6}(?=[ \t]|$)|>+|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]|$))/gm;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/gm;

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

export function textContext(text: string, kind: TextKind): TextContext {
  const mask = new Uint8Array(text.length);
  const mark = (start: number, end: number) => mask.fill(1, start, end);
  for (const [start, end] of inlineCode(text)) mark(start, end);
  for (const m of text.matchAll(URL)) mark(m.index, m.index + urlLength(m[0]));
  for (const [start, end] of emails(text)) mark(start, end);
  if (kind === 'markdown') {
    for (const m of text.matchAll(LINK_DESTINATION)) mark(m.index, m.index + m[0].length);
    for (const m of text.matchAll(LINE_MARKER)) mark(m.index, m.index + m[0].length);
    for (const m of text.matchAll(THEMATIC_BREAK)) mark(m.index, m.index + m[0].length);
  }

  const paragraphs: Paragraph[] = [];
  if (kind === 'markdown') {
    let start = 0;
    for (const m of text.matchAll(/\n[ \t]*(?=\n)/g)) {
      if (m.index > start) paragraphs.push({ start, end: m.index });
      start = m.index + m[0].length + 1;
    }
    if (start < text.length) paragraphs.push({ start, end: text.length });
  } else {
    paragraphs.push({ start: 0, end: text.length });
  }

  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);

  return {
    kind,
    paragraphs,
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
