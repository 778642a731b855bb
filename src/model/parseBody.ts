// The one Markdown parser of bodies, notes and captions: one markdown-it pass gives the block tree
// (blocks.ts) and the problems of the dialect (CommonMark without raw HTML, images, code blocks, and
// with web and mail links only). Render, lint and the glyph check read the tree; nothing else parses Markdown.
import MarkdownIt, { cjkFriendly, footnote } from '../vendor/markdownIt.js';
import type Token from 'markdown-it/lib/token.mjs';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import { inlineText, type Block, type Footnote, type HeadingLevel, type Inline, type ListItem, type SourceLines, type TableAlign, type TableCell, type TableRow } from './blocks.js';
import { tableProblems, captionOf, unitOf, notATable } from './tableRules.js';
import type { BodyProblem } from './bodyProblem.js';

export type { BodyProblem } from './bodyProblem.js';

import type { DiagnosticCode } from '../diagnostics/codes.js';
import { codeHint, codeMessage } from '../diagnostics/diagnostic.js';
import { msg, type Message, type ParamValue } from '../i18n/message.js';
import { SERIES_DEFAULTS } from '../source/schemaTypes.js';


/**
 * How a body's lines become paragraphs (`markdown.lineBreaks` in bulletin.yaml):
 * `paragraph` (the default): each line is a paragraph, as text pasted from Word is (a line ending in
 * `\\` or two spaces continues its paragraph on a new line); `1.` at the start of a line is the
 * paragraph's own number, printed as typed, not a Markdown list.
 * `join`: CommonMark: the lines of a paragraph are joined (without a space where either side is
 * Chinese), paragraphs are separated by blank lines, `1.` starts a Markdown list.
 */
export type LineBreaks = 'paragraph' | 'join';

export interface MarkdownOptions {
  lineBreaks: LineBreaks;
}

/** The schema's default (schemas/series.schema.json `markdown.lineBreaks`). */
export const DEFAULT_MARKDOWN: MarkdownOptions = { lineBreaks: SERIES_DEFAULTS.markdown.lineBreaks as LineBreaks };

/** What the parse of one text keeps in markdown-it's `env`. */
interface ParseEnv {
  lineBreaks: LineBreaks;
  /** Emphasis marks left as text, by the inline token's children (the inline state's tokens): their offsets in its content. */
  strayMarks: Map<Token[], number[]>;
  /** markdown-it-footnote's record: each defined label (`:1`) → the note's index once referenced, -1 while not. */
  footnotes?: { refs?: Record<string, number> };
}

export interface ParsedBody {
  blocks: readonly Block[];
  problems: readonly BodyProblem[];
}

export interface ParsedInline {
  content: readonly Inline[];
  problems: readonly BodyProblem[];
}

/** The only addresses a link may have. */
export const ALLOWED_LINK = /^(https?:|mailto:)/i;
/** Schemes refused with their own message: a link to them could run code or read files. */
const DANGEROUS_LINK = /^\s*(javascript|vbscript|file|data):/i;

let parser: MarkdownIt | undefined;
/** Whether markdown-it is in its block phase, where only reference definitions ask `validateLink`. */
let blockPhase = false;
/** Lines of the reference definitions met by the parse under way (parsing is synchronous). */
let definitions: number[] = [];

/** Half-width characters of the narrowest line of the presets (26 characters of a5-booklet): an address longer than that cannot stay on one line. */
export const LONG_URL = 52;
const URL_IN_TEXT = /(?:https?|ftp):\/\/[^\s<>"'“”‘’\u3000-\u303f\uff01-\uff60\p{Script=Han}]+|\bwww\.[^\s<>"'“”‘’\u3000-\u303f\uff01-\uff60\p{Script=Han}]+/gu;
const STRIKETHROUGH = /~~(?=[^~\s])[^~\n]*?[^~\s]~~|~~[^~\s]~~/;

/**
 * Raw HTML is parsed (as HTML tokens) so that it can be reported. Links and images of any address
 * become tokens, so that a refused address is reported where it is, rather than left as text.
 * Reference definitions (`[a]: url`) keep the web-and-mail rule: a definition of another address
 * stays a printed paragraph, as it always has been (and a link using it stays text).
 * So a text without problems gets the tree that the renderer's own parser (raw HTML as text, links
 * of web and mail addresses only) gave before the tree existed, and prints the same HTML.
 */
function markdown(): MarkdownIt {
  if (parser) return parser;
  const md = new MarkdownIt('commonmark', { html: true, linkify: false, typographer: false, breaks: false });
  // `**一是加强统筹。**会同各区` is bold: CommonMark's flanking rules fail next to Chinese punctuation.
  md.use(cjkFriendly);
  // `[^1]` and `[^1]: …`: notes, numbered in the order of their first reference.
  md.use(footnote as never); // its types are of markdown-it's CommonJS build
  // GFM pipe tables (`| 项目 | 金额 |` over `|---|--:|`): the one extension to CommonMark bodies have.
  md.enable('table');
  md.validateLink = (url: string) => !blockPhase || ALLOWED_LINK.test(url.trim());
  md.core.ruler.before('block', 'bulletin_block_phase', () => {
    blockPhase = true;
  });
  md.core.ruler.after('block', 'bulletin_inline_phase', () => {
    blockPhase = false;
  });
  // `lineBreaks: paragraph`: each line of a paragraph becomes a paragraph, before its inline parse.
  md.core.ruler.after('bulletin_inline_phase', 'bulletin_line_paragraphs', (state: StateCore) => {
    if ((state.env as ParseEnv).lineBreaks === 'paragraph') splitLines(state);
  });
  // Reference definitions (`[label]: https://…`) are noted where they are: the dialect writes addresses in the link.
  type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;
  const rules = (md.block.ruler as unknown as { __rules__: { name: string; fn: BlockRule; alt: string[] }[] }).__rules__;
  const reference = rules.find((r) => r.name === 'reference')!.fn;
  md.block.ruler.at('reference', ((state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
    if (reference(state, startLine, endLine, silent)) {
      if (!silent) definitions.push(startLine);
      return true;
    }
    // A definition of another address (`[注]: 见附件`) stays a printed paragraph, as written.
    return false;
  }) as never);
  // `lineBreaks: paragraph`: `1.` or `1)` at the start of a line is the paragraph's own number, as typed.
  const { fn: list, alt: listAlt } = rules.find((r) => r.name === 'list')!;
  md.block.ruler.at('list', ((state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
    if ((state.env as ParseEnv).lineBreaks === 'paragraph' && ORDERED_MARKER.test(state.src.slice(state.bMarks[startLine]! + state.tShift[startLine]!, state.eMarks[startLine]))) return false;
    return list(state, startLine, endLine, silent);
  }) as never, { alt: [...listAlt] }); // the chains a list may interrupt (a paragraph, a quote), as before
  // `lineBreaks: paragraph`: a quotation is its lines that start with `>`. CommonMark's lazy
  // continuation would take the paragraphs typed after it (and `[^1]: …` notes) into the quote.
  const { fn: blockquote, alt: blockquoteAlt } = rules.find((r) => r.name === 'blockquote')!;
  md.block.ruler.at('blockquote', ((state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
    if ((state.env as ParseEnv).lineBreaks !== 'paragraph') return blockquote(state, startLine, endLine, silent);
    let stop = startLine + 1;
    for (; stop < endLine; stop++) {
      const at = state.bMarks[stop]! + state.tShift[stop]!;
      if (at < state.eMarks[stop]! && state.src.charCodeAt(at) !== 0x3e /* > */) break;
    }
    const lineMax = state.lineMax;
    state.lineMax = Math.min(lineMax, stop); // the quote's last paragraph ends there too
    try {
      return blockquote(state, startLine, Math.min(endLine, stop), silent);
    } finally {
      state.lineMax = lineMax;
    }
  }) as never, { alt: [...blockquoteAlt] });
  // `lineBreaks: paragraph`: a line of `---` under a paragraph is a rule, not the underline of a (setext) heading made of the lines above.
  const { fn: lheading, alt: lheadingAlt } = rules.find((r) => r.name === 'lheading')!;
  md.block.ruler.at('lheading', ((state: StateBlock, startLine: number, endLine: number, silent: boolean) =>
    (state.env as ParseEnv).lineBreaks !== 'paragraph' && lheading(state, startLine, endLine, silent)) as never, { alt: [...lheadingAlt] });
  // Each emphasis mark remembers where it was, so that one left as text can be reported at its column.
  type InlineRule = (state: StateInline, silent: boolean) => boolean;
  const inlineRules = (md.inline.ruler as unknown as { __rules__: { name: string; fn: InlineRule }[] }).__rules__;
  const emphasis = inlineRules.find((r) => r.name === 'emphasis')!.fn;
  md.inline.ruler.at('emphasis', ((state: StateInline, silent: boolean) => {
    const first = state.tokens.length;
    const start = state.pos;
    if (!emphasis(state, silent)) return false;
    // The marks are the last tokens pushed (text pending before them is pushed first).
    const count = state.pos - start;
    for (let k = Math.max(first, state.tokens.length - count); k < state.tokens.length; k++) state.tokens[k]!.meta = { markAt: state.pos - (state.tokens.length - k) };
    return true;
  }) as never);
  md.inline.ruler2.before('fragments_join', 'bulletin_stray_marks', ((state: StateInline) => {
    const marks: number[] = [];
    for (const token of state.tokens) {
      const at = (token.meta as { markAt?: number } | null)?.markAt;
      if (token.type === 'text' && at !== undefined && (token.content === '*' || token.content === '_')) marks.push(at);
    }
    if (marks.length) (state.env as ParseEnv).strayMarks?.set(state.tokens, marks);
    return false;
  }) as never);
  parser = md;
  return md;
}

/** An ordered-list marker at the start of a line (CommonMark: up to nine digits, `.` or `)`, then a space or the end). */
const ORDERED_MARKER = /^[0-9]{1,9}[.)](?:[ \t]|$)/;

/** A line that ends in a hard break: an odd number of backslashes, or two spaces. */
const HARD_BREAK = /(?:(?<!\\)(?:\\\\)*\\| {2,})$/;

/** Splits each paragraph at its line ends (not at hard breaks) into paragraphs of their own lines. */
function splitLines(state: StateCore): void {
  const tokens = state.tokens;
  const out: Token[] = [];
  const copy = (token: Token, changes: Partial<Token>): Token => Object.assign(new state.Token(token.type, token.tag, token.nesting), token, changes);
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    const inline = tokens[i + 1];
    const close = tokens[i + 2];
    if (open.type !== 'paragraph_open' || inline?.type !== 'inline' || !close || !open.map || !inline.content.includes('\n')) {
      out.push(open);
      continue;
    }
    const lines = inline.content.split('\n');
    let from = 0;
    for (let k = 0; k < lines.length; k++) {
      if (k < lines.length - 1 && HARD_BREAK.test(lines[k]!)) continue;
      const content = lines.slice(from, k + 1).join('\n').trim();
      const map: [number, number] = [open.map[0] + from, open.map[0] + k + 1];
      from = k + 1;
      if (!content) continue;
      out.push(copy(open, { map }), copy(inline, { map, content, children: [] }), copy(close, {}));
    }
    i += 2;
  }
  tokens.splice(0, tokens.length, ...out);
}

/** Characters after or before which a joined line takes no space: Chinese (and Japanese, Korean) text and its punctuation. */
const WIDE = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}\\u2014\\u2018\\u2019\\u201c\\u201d\\u2026\\u3000-\\u303f\\uff00-\\uffef]';
const WIDE_END = new RegExp(`${WIDE}$`, 'u');
const WIDE_START = new RegExp(`^${WIDE}`, 'u');

/** `lineBreaks: join`: a line break next to Chinese text joins the lines without a space (no stray space after 。). */
function joinWideBreaks(root: Inline[]): void {
  const leaves: { list: Inline[]; node: Inline }[] = [];
  const walk = (list: Inline[]) => {
    for (const node of list) {
      if ('children' in node) walk(node.children as Inline[]);
      else leaves.push({ list, node });
    }
  };
  walk(root);
  const valueOf = (node: Inline | undefined) => (node?.type === 'text' || node?.type === 'code' ? node.value : '');
  leaves.forEach((leaf, k) => {
    if (leaf.node.type !== 'softBreak') return;
    if (!WIDE_END.test(valueOf(leaves[k - 1]?.node)) && !WIDE_START.test(valueOf(leaves[k + 1]?.node))) return;
    const list = leaf.list;
    const at = list.indexOf(leaf.node);
    const before = list[at - 1];
    const after = list[at + 1];
    // The two lines become one run of text.
    if (before?.type === 'text' && after?.type === 'text') list.splice(at - 1, 3, { type: 'text', value: before.value + after.value });
    else list.splice(at, 1);
  });
}

const HINT_HTML_INLINE = msg('body-raw-html.inline.hint');
const HINT_HTML_BLOCK = codeHint('body-raw-html');
const HINT_LINK = codeHint('body-link');
const HINT_LONG_URL = codeHint('body-long-url');
/** The address of a long link as a message shows it: its start. */
const longUrl = (url: string) => msg('body-long-url', { url: `${url.slice(0, 40)}…`, length: url.length });

/** Warnings on a run of printed text: Markdown the dialect does not have, and addresses too long for a line. */
function textWarnings(value: string, line: number, problems: BodyProblem[]): void {
  const strike = STRIKETHROUGH.exec(value);
  if (strike) {
    problems.push({ line: line + (value.slice(0, strike.index).match(/\n/g)?.length ?? 0), severity: 'warning', code: 'body-markdown-unsupported',
      message: msg('body-markdown-unsupported.strikethrough', { text: strike[0].slice(0, 30) }), hint: msg('body-markdown-unsupported.strikethrough.hint') });
  }
  for (const m of value.matchAll(URL_IN_TEXT)) {
    if (m[0].length <= LONG_URL) continue;
    problems.push({ line: line + (value.slice(0, m.index).match(/\n/g)?.length ?? 0), severity: 'warning', code: 'body-long-url',
      message: longUrl(m[0]), hint: HINT_LONG_URL });
  }
}

/** Where the inline content being built comes from: for the positions of stray emphasis marks. */
interface InlineSource {
  /** The inline token's content (what markdown-it's inline parser read). */
  content: string;
  /** Offsets in `content` of the emphasis marks left as text. */
  marks: readonly number[] | undefined;
  /** The lines of the whole Markdown text. */
  lines: readonly string[];
}

/** Emphasis marks left as text → warnings at their line and column (not in addresses, nor `_` inside a Latin word). */
function strayMarks(source: InlineSource, firstLine: number, problems: BodyProblem[]): void {
  const { content, marks, lines } = source;
  if (!marks?.length) return;
  const urls = [...content.matchAll(URL_IN_TEXT)].map((m) => [m.index, m.index + m[0].length] as const);
  // One warning per run of marks (`**` left open is one mistake).
  const runs: { at: number; length: number }[] = [];
  for (const at of [...marks].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && last.at + last.length === at && content[last.at] === content[at]) last.length += 1;
    else runs.push({ at, length: 1 });
  }
  for (const { at, length } of runs) {
    const mark = content[at]!;
    const marksText = mark.repeat(length);
    if (urls.some(([from, to]) => at >= from && at < to)) continue;
    if (mark === '_' && /[A-Za-z0-9]/.test(content[at - 1] ?? '') && /[A-Za-z0-9]/.test(content[at + length] ?? '')) continue;
    const before = content.slice(0, at);
    const index = before.match(/\n/g)?.length ?? 0;
    const line = firstLine + index;
    const lineStart = before.lastIndexOf('\n') + 1;
    const contentLine = content.slice(lineStart, content.indexOf('\n', at) < 0 ? content.length : content.indexOf('\n', at));
    const offset = lines[line]?.indexOf(contentLine) ?? -1;
    problems.push({
      line, column: offset < 0 ? undefined : offset + at - lineStart, length: offset < 0 ? undefined : length, severity: 'warning', code: 'body-stray-emphasis-mark',
      message: msg('body-stray-emphasis-mark', { mark: marksText }),
      hint: mark === '*'
        ? msg('body-stray-emphasis-mark.asterisk.hint', { escaped: `\\${mark}`.repeat(length) })
        : msg('body-stray-emphasis-mark.underscore.hint', { escaped: `\\${mark}`.repeat(length) }),
    });
  }
}

/** Builds the inline tree of one `inline` token; `line` is the line it starts on, counted on at each break. */
function inlines(children: readonly Token[], firstLine: number, problems: BodyProblem[], source?: InlineSource): Inline[] {
  if (source) strayMarks(source, firstLine, problems);
  type Open = { token: Token; children: Inline[] };
  const root: Inline[] = [];
  const stack: Open[] = [];
  const here = () => stack.at(-1)?.children ?? root;
  let line = firstLine;
  const pushText = (value: string) => {
    const list = here();
    const last = list.at(-1);
    // One run of text, however markdown-it cut it (a stray mark is a token of its own until fragments_join).
    if (last?.type === 'text') list[list.length - 1] = { type: 'text', value: last.value + value };
    else list.push({ type: 'text', value });
  };
  const close = (open: Open): Inline | undefined => {
    switch (open.token.type) {
      case 'strong_open':
        return { type: 'strong', children: open.children };
      case 'em_open':
        return { type: 'emphasis', children: open.children };
      case 'link_open': {
        const title = open.token.attrGet('title');
        return { type: 'link', href: open.token.attrGet('href') ?? '', title: title || undefined, auto: open.token.info === 'auto', children: open.children };
      }
      default:
        return undefined;
    }
  };
  for (const token of children) {
    switch (token.type) {
      case 'text':
        // Emphasis delimiters that found their pair leave empty text behind.
        if (token.content) pushText(token.content);
        if (token.content.includes('[^') && source) undefinedNotes(token.content, firstLine, source.lines, problems);
        // An autolink's text is its address, reported with the link.
        if ((token.content.includes('~~') || token.content.length > LONG_URL) && stack.at(-1)?.token.info !== 'auto') textWarnings(token.content, line, problems);
        break;
      case 'code_inline':
        here().push({ type: 'code', value: token.content });
        break;
      case 'footnote_ref': {
        const meta = token.meta as { id: number; label?: string };
        here().push({ type: 'footnoteRef', label: meta.label ?? '', number: meta.id + 1 });
        break;
      }
      case 'softbreak':
        here().push({ type: 'softBreak' });
        line += 1;
        break;
      case 'hardbreak':
        here().push({ type: 'hardBreak' });
        line += 1;
        break;
      case 'strong_open':
      case 'em_open':
        stack.push({ token, children: [] });
        break;
      case 'link_open': {
        const href = token.attrGet('href') ?? '';
        const dangerous = DANGEROUS_LINK.exec(href);
        if (dangerous) {
          problems.push({ line, code: 'body-link', message: msg('body-link.dangerous', { scheme: dangerous[1]! }), hint: HINT_LINK });
        } else if (!ALLOWED_LINK.test(href)) {
          problems.push({ line, code: 'body-link', message: msg('body-link.scheme', { href: href.slice(0, 60) }), hint: HINT_LINK });
        } else if (token.info === 'auto' && href.length > LONG_URL) {
          problems.push({ line, severity: 'warning', code: 'body-long-url', message: longUrl(href), hint: HINT_LONG_URL });
        }
        stack.push({ token, children: [] });
        break;
      }
      case 'strong_close':
      case 'em_close':
      case 'link_close': {
        const open = stack.pop();
        const node = open && close(open);
        if (node) here().push(node);
        break;
      }
      case 'html_inline':
        // The opening tag is reported, not its closing one.
        if (!token.content.startsWith('</')) {
          problems.push({ line, code: 'body-raw-html', message: msg('body-raw-html.body', { html: token.content.slice(0, 40) }), hint: HINT_HTML_INLINE });
        }
        break;
      case 'image':
        problems.push({ line, code: 'body-image', message: msg('body-image.body'), hint: codeHint('body-image') });
        break;
      default:
        // markdown-it joins text_special into text; nothing else reaches here in this dialect.
        if (token.content) pushText(token.content);
    }
  }
  // Unclosed runs cannot come out of markdown-it (it balances them); keep their content if they do.
  while (stack.length) {
    const open = stack.pop()!;
    const node = close(open);
    if (node) here().push(node);
  }
  return root;
}

const HINT_NOTE_UNDEFINED = msg('footnote-undefined.mark.hint');

/** `[^1]` in printed text: a reference to a note that no `[^1]: …` line defines (it prints as typed). */
function undefinedNotes(value: string, firstLine: number, lines: readonly string[], problems: BodyProblem[]): void {
  for (const m of value.matchAll(/\[\^([^\]\s]*)\]/g)) {
    const mark = m[0];
    // Its line and column in the Markdown: the first line from the paragraph's on that has it.
    let line = firstLine;
    let column = -1;
    for (let k = firstLine; k < lines.length && column < 0; k++) {
      column = lines[k]!.indexOf(mark);
      if (column >= 0) line = k;
    }
    problems.push({
      line, column: column < 0 ? undefined : column, length: column < 0 ? undefined : mark.length, code: 'footnote-undefined',
      message: msg('footnote-undefined.mark', { mark }),
      hint: HINT_NOTE_UNDEFINED,
    });
  }
}

/** Notes written (`[^2]: …`) but referred to nowhere in the text: they would not print. */
function unusedNotes(env: ParseEnv, lines: readonly string[], problems: BodyProblem[]): void {
  const refs = env.footnotes?.refs ?? {};
  for (const [key, index] of Object.entries(refs)) {
    if (index >= 0) continue;
    const label = key.slice(1);
    const mark = `[^${label}]:`;
    const line = Math.max(0, lines.findIndex((l) => l.trimStart().startsWith(mark)));
    const column = lines[line]?.indexOf(mark) ?? -1;
    problems.push({
      line, column: column < 0 ? undefined : column, length: column < 0 ? undefined : mark.length - 1, severity: 'warning', code: 'footnote-unused',
      message: msg('footnote-unused', { mark: `[^${label}]` }),
      hint: msg('footnote-unused.label.hint', { mark: `[^${label}]` }),
    });
  }
}

const linesOf = (token: Token): SourceLines => ({ start: token.map?.[0] ?? 0, end: token.map?.[1] ?? 0 });

type Container =
  | { kind: 'root'; blocks: Block[] }
  | { kind: 'table'; token: Token; head: TableRow[]; body: TableRow[]; align: (TableAlign | undefined)[]; inHead: boolean; row: { token: Token; cells: TableCell[] } | undefined }
  | { kind: 'quote'; token: Token; blocks: Block[] }
  | { kind: 'list'; token: Token; items: ListItem[]; loose: boolean }
  | { kind: 'item'; token: Token; blocks: Block[] }
  | { kind: 'footnotes'; token: Token; notes: Footnote[]; blocks: Block[] }
  | { kind: 'note'; token: Token; blocks: Block[] };

/** A body or a note → its block tree and the problems of the dialect, in one pass. */
export function parseBody(text: string, options: MarkdownOptions = DEFAULT_MARKDOWN): ParsedBody {
  const problems: BodyProblem[] = [];
  definitions = [];
  const env: ParseEnv = { lineBreaks: options.lineBreaks, strayMarks: new Map() };
  const tokens = markdown().parse(text, env);
  const lines = text.split('\n');
  for (const line of definitions) {
    problems.push({ line, severity: 'warning', code: 'body-markdown-unsupported', message: msg('body-markdown-unsupported.reference'), hint: msg('body-markdown-unsupported.reference.hint') });
  }
  definitions = [];
  unusedNotes(env, lines, problems);
  const root: Container = { kind: 'root', blocks: [] };
  const stack: Container[] = [root];
  const top = () => stack.at(-1)!;
  const add = (block: Block) => {
    const c = top();
    if (c.kind !== 'list' && c.kind !== 'footnotes' && c.kind !== 'table') c.blocks.push(block);
  };
  let line = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.map) line = token.map[0];
    switch (token.type) {
      case 'paragraph_open':
      case 'heading_open': {
        const inline = tokens[i + 1];
        const content = inline?.type === 'inline'
          ? inlines(inline.children ?? [], inline.map?.[0] ?? line, problems, { content: inline.content, marks: env.strayMarks.get(inline.children ?? []), lines })
          : [];
        if (options.lineBreaks === 'join') {
          joinWideBreaks(content);
          if (token.type === 'paragraph_open') joinedLines(token, lines, problems);
        }
        if (token.type === 'heading_open') {
          add({ type: 'heading', lines: linesOf(token), level: Math.min(4, Number(token.tag.slice(1))) as HeadingLevel, content });
        } else {
          add({ type: 'paragraph', lines: linesOf(token), content });
          const item = top();
          const list = stack.at(-2);
          // markdown-it hides the paragraphs of a tight list's items.
          if (item.kind === 'item' && list?.kind === 'list' && !token.hidden) list.loose = true;
        }
        i += 2; // inline + close
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        stack.push({ kind: 'list', token, items: [], loose: false });
        break;
      case 'list_item_open':
        stack.push({ kind: 'item', token, blocks: [] });
        break;
      case 'blockquote_open':
        stack.push({ kind: 'quote', token, blocks: [] });
        break;
      case 'list_item_close': {
        const item = stack.pop();
        const list = top();
        if (item?.kind === 'item' && list.kind === 'list') list.items.push({ lines: linesOf(item.token), blocks: item.blocks });
        break;
      }
      case 'bullet_list_close':
      case 'ordered_list_close': {
        const list = stack.pop();
        if (list?.kind !== 'list') break;
        const ordered = list.token.type === 'ordered_list_open';
        add({ type: 'list', lines: linesOf(list.token), ordered, start: ordered ? Number(list.token.attrGet('start') ?? 1) : 1, tight: !list.loose, items: list.items });
        break;
      }
      case 'blockquote_close': {
        const quote = stack.pop();
        if (quote?.kind === 'quote') add({ type: 'quote', lines: linesOf(quote.token), blocks: quote.blocks });
        break;
      }
      case 'hr':
        add({ type: 'thematicBreak', lines: linesOf(token) });
        break;
      case 'footnote_block_open':
        stack.push({ kind: 'footnotes', token, notes: [], blocks: [] });
        break;
      case 'footnote_open':
        stack.push({ kind: 'note', token, blocks: [] });
        break;
      case 'footnote_close': {
        const note = stack.pop();
        const block = top();
        if (note?.kind === 'note' && block.kind === 'footnotes') {
          const meta = note.token.meta as { id: number; label?: string };
          block.notes.push({ label: meta.label ?? '', number: meta.id + 1, blocks: note.blocks });
        }
        break;
      }
      case 'footnote_block_close': {
        const block = stack.pop();
        if (block?.kind !== 'footnotes' || block.notes.length === 0) break;
        const starts = block.notes.flatMap((n) => n.blocks.map((b) => b.lines.start));
        const ends = block.notes.flatMap((n) => n.blocks.map((b) => b.lines.end));
        add({ type: 'footnotes', lines: { start: Math.min(...starts, lines.length), end: Math.max(...ends, 0) }, notes: block.notes });
        break;
      }
      case 'table_open':
        stack.push({ kind: 'table', token, head: [], body: [], align: [], inHead: false, row: undefined });
        break;
      case 'thead_open':
      case 'thead_close': {
        const t = top();
        if (t.kind === 'table') t.inHead = token.type === 'thead_open';
        break;
      }
      case 'tr_open': {
        const t = top();
        if (t.kind === 'table') t.row = { token, cells: [] };
        break;
      }
      case 'th_open':
      case 'td_open': {
        const t = top();
        const inline = tokens[i + 1];
        const content = inline?.type === 'inline'
          ? inlines(inline.children ?? [], t.kind === 'table' && t.row?.token.map ? t.row.token.map[0] : line, problems, { content: inline.content, marks: env.strayMarks.get(inline.children ?? []), lines })
          : [];
        if (t.kind === 'table' && t.row) {
          if (t.inHead) {
            const style = token.attrGet('style') ?? '';
            t.align.push(style.includes('right') ? 'right' : style.includes('center') ? 'center' : style.includes('left') ? 'left' : undefined);
          }
          t.row.cells.push({ content });
        }
        i += 2; // inline + close
        break;
      }
      case 'tr_close': {
        const t = top();
        if (t.kind === 'table' && t.row) (t.inHead ? t.head : t.body).push({ lines: linesOf(t.row.token), cells: t.row.cells });
        if (t.kind === 'table') t.row = undefined;
        break;
      }
      case 'table_close': {
        const t = stack.pop();
        if (t?.kind !== 'table') break;
        tableProblems(t.head, t.body, lines, problems);
        // The `单位：…` and `表：…` lines right above the table are its unit and caption, not paragraphs.
        const holder = top();
        const before = holder.kind === 'list' || holder.kind === 'table' ? [] : holder.blocks;
        let unit: string | undefined;
        let caption: readonly Inline[] | undefined;
        let above: SourceLines | undefined;
        for (let k = 0; k < 2; k++) {
          const last = before.at(-1);
          if (last?.type !== 'paragraph') break;
          const text = inlineText(last.content).trim();
          const u = unit === undefined && caption === undefined ? unitOf(text) : undefined;
          const c = caption === undefined ? captionOf(last.content) : undefined;
          if (u !== undefined) unit = u;
          else if (c !== undefined) caption = c;
          else break;
          before.pop();
          above = { start: last.lines.start, end: above?.end ?? last.lines.end };
        }
        add({ type: 'table', lines: linesOf(t.token), ...(above ? { above } : {}), caption, unit, head: t.head, body: t.body, align: numericAlign(t.head, t.body, t.align) });
        break;
      }
      case 'html_block':
        problems.push({ line, code: 'body-raw-html', message: msg('body-raw-html.body', { html: token.content.trim().slice(0, 40) }), hint: HINT_HTML_BLOCK });
        break;
      case 'code_block':
      case 'fence':
        problems.push({ line, code: 'body-code', message: codeMessage('body-code'), hint: codeHint('body-code') });
        break;
    }
  }
  notATable(root.blocks, lines, problems);
  return { blocks: root.blocks, problems };
}

/** A column's alignment: as its divider says, else right for a column of numbers, else left. */
function numericAlign(head: readonly TableRow[], body: readonly TableRow[], given: readonly (TableAlign | undefined)[]): TableAlign[] {
  const columns = Math.max(given.length, ...head.map((r) => r.cells.length));
  return Array.from({ length: columns }, (_, c) => given[c] ?? (isNumberColumn(body.map((r) => r.cells[c]).filter((x): x is TableCell => x !== undefined).map((x) => inlineText(x.content))) ? 'right' : 'left'));
}

/** A number as statistics print one: 1,234.5  -3.2%  +12  ２５ (with a sign, thousands separators, decimals, a per cent or per mille sign). */
export const NUMBER_CELL = /^[-+−±]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?\s*[%‰％]?$/;
/** What an empty cell of numbers is filled with: a dash, 0-like marks. */
const NO_NUMBER = /^(?:|[-—–－…／/]|——)$/;

/** A column of numbers: every cell a number or empty (a dash), and at least one number. */
export function isNumberColumn(texts: readonly string[]): boolean {
  const trimmed = texts.map((t) => t.trim());
  return trimmed.some((t) => NUMBER_CELL.test(t)) && trimmed.every((t) => NUMBER_CELL.test(t) || NO_NUMBER.test(t));
}

/** A caption: inline Markdown on its own (no blocks), checked the same way. */
export function parseInline(text: string): ParsedInline {
  const problems: BodyProblem[] = [];
  const env: ParseEnv = { lineBreaks: 'join', strayMarks: new Map() };
  const inline = markdown().parseInline(text, env)[0];
  const content = inlines(inline?.children ?? [], 0, problems, inline && { content: inline.content, marks: env.strayMarks.get(inline.children ?? []), lines: text.split('\n') });
  joinWideBreaks(content);
  return { content, problems };
}

/** Sentence ends of Chinese prose: a line that ends in one was most likely a paragraph of its own. */
const SENTENCE_END = /[。！？；…：][”’」』）)]*$/u;
/** How many such lines a joined paragraph may have before it is reported. */
const JOINED_SENTENCES = 2;

/** `lineBreaks: join`: a paragraph made of several lines that end like sentences is reported (text pasted from Word). */
function joinedLines(token: Token, lines: readonly string[], problems: BodyProblem[]): void {
  if (!token.map) return;
  const [start, end] = token.map;
  if (end - start < 3) return;
  const sentences = lines.slice(start, end - 1).filter((l) => SENTENCE_END.test(l.trimEnd())).length;
  if (sentences < JOINED_SENTENCES) return;
  problems.push({
    line: start, severity: 'warning', code: 'body-lines-joined',
    message: msg('body-lines-joined.sentences', { lines: end - start, sentences }),
    hint: codeHint('body-lines-joined'),
  });
}

/** Parses each distinct text once, however many times it is asked for (validation, lint, the model). */
export interface MarkdownParses {
  body(text: string): ParsedBody;
  inline(text: string): ParsedInline;
}

/** `options`: the series' `markdown:` (how a body's lines become paragraphs). */
export function markdownParses(options: MarkdownOptions = DEFAULT_MARKDOWN): MarkdownParses {
  const bodies = new Map<string, ParsedBody>();
  const captions = new Map<string, ParsedInline>();
  return {
    body(text) {
      let parsed = bodies.get(text);
      if (!parsed) bodies.set(text, (parsed = parseBody(text, options)));
      return parsed;
    },
    inline(text) {
      let parsed = captions.get(text);
      if (!parsed) captions.set(text, (parsed = parseInline(text)));
      return parsed;
    },
  };
}

/** A problem of a plain text (a title, a label, a source line, a distribution entry), at an offset of the text. */
export interface TextProblem {
  offset: number;
  length: number;
  code: DiagnosticCode;
  message: Message;
  hint: Message;
}

/**
 * A plain text field is checked like a body: no raw HTML (a tag as the body's parser recognises it)
 * and no Markdown image. Such a field prints as typed, so neither can become markup or fetch
 * anything; but a series template that writes the field unescaped would make it markup, and a reader
 * would see the tags. `field` names it in the message ("a source line"), best as a message of its own.
 */
export function plainTextProblems(text: string, field: ParamValue): TextProblem[] {
  const problems: TextProblem[] = [];
  if (!text.includes('<') && !text.includes('![')) return problems;
  // A tag as an HTML parser starts one (stricter than a body's CommonMark tags: `<svg/onload=…>` is one
  // to a browser): `<` and a letter, `<!` or `<?`. A closing tag goes with its opening one.
  for (const m of text.matchAll(/<(?:[A-Za-z]|!|\?)/g)) {
    const end = text.indexOf('>', m.index);
    const tag = text.slice(m.index, end < 0 ? text.length : end + 1);
    problems.push({ offset: m.index, length: tag.length, code: 'body-raw-html', message: msg('body-raw-html', { html: tag.slice(0, 40), field }), hint: msg('body-raw-html.plain.hint') });
  }
  if (!text.includes('![')) return problems;
  const tokens = markdown().parseInline(text, {})[0]?.children ?? [];
  let from = 0;
  for (const token of tokens) {
    if (token.type === 'image') {
      const offset = Math.max(0, text.indexOf('![', from));
      from = offset + 2;
      problems.push({ offset, length: 2, code: 'body-image', message: msg('body-image.plain', { field }), hint: msg('body-image.plain.hint') });
    }
  }
  return problems;
}
