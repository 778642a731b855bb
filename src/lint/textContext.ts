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
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const INLINE_CODE = /(`+)[^`][\s\S]*?\1/g;

// Markdown syntax, in bodies and notes only.
const LINK_DESTINATION = /\]\([^)\n]*\)/g;
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

export function textContext(text: string, kind: TextKind): TextContext {
  const mask = new Uint8Array(text.length);
  const mark = (start: number, end: number) => mask.fill(1, start, end);
  for (const m of text.matchAll(INLINE_CODE)) mark(m.index, m.index + m[0].length);
  for (const m of text.matchAll(URL)) mark(m.index, m.index + urlLength(m[0]));
  for (const m of text.matchAll(EMAIL)) mark(m.index, m.index + m[0].length);
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
