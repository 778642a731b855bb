// The one Markdown parser of bodies, notes and captions: one markdown-it pass gives the block tree
// (blocks.ts) and the problems of the dialect (CommonMark without raw HTML, images, code blocks, and
// with web and mail links only). Render, lint and the glyph check read the tree; nothing else parses Markdown.
import MarkdownIt from '../vendor/markdownIt.js';
import type Token from 'markdown-it/lib/token.mjs';
import type { Block, HeadingLevel, Inline, ListItem, SourceLines } from './blocks.js';

import type { DiagnosticCode } from '../diagnostics/codes.js';

export interface BodyProblem {
  /** 0-based line within the Markdown text. */
  line: number;
  /** The code's own severity when absent: an error. */
  severity?: 'warning';
  code: DiagnosticCode;
  message: string;
  hint: string;
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
  md.validateLink = (url: string) => !blockPhase || ALLOWED_LINK.test(url.trim());
  md.core.ruler.before('block', 'bulletin_block_phase', () => {
    blockPhase = true;
  });
  md.core.ruler.after('block', 'bulletin_inline_phase', () => {
    blockPhase = false;
  });
  // Reference definitions (`[label]: https://…`) are noted where they are: the dialect writes addresses in the link.
  type BlockRule = (state: unknown, startLine: number, endLine: number, silent: boolean) => boolean;
  const rules = (md.block.ruler as unknown as { __rules__: { name: string; fn: BlockRule }[] }).__rules__;
  const reference = rules.find((r) => r.name === 'reference')!.fn;
  md.block.ruler.at('reference', ((state: unknown, startLine: number, endLine: number, silent: boolean) => {
    if (reference(state, startLine, endLine, silent)) {
      if (!silent) definitions.push(startLine);
      return true;
    }
    // A definition of another address (`[注]: 见附件`) stays a printed paragraph, as written.
    return false;
  }) as never);
  parser = md;
  return md;
}

const HINT_HTML_INLINE = 'Write Markdown only: *emphasis*, lists, `#` headings. Remove the HTML tag.';
const HINT_HTML_BLOCK = 'Write Markdown only: paragraphs, *emphasis*, lists, `#` headings. Remove the HTML.';
const HINT_LINK = 'Links may only point to web pages (https://…) or e-mail addresses (mailto:…).';
const HINT_LONG_URL = 'It is broken across lines in print, where no reader can click it: give the link a short text, `[通知全文](https://…)`, or a shorter address.';

/** Warnings on a run of printed text: Markdown the dialect does not have, and addresses too long for a line. */
function textWarnings(value: string, line: number, problems: BodyProblem[]): void {
  const strike = STRIKETHROUGH.exec(value);
  if (strike) {
    problems.push({ line: line + (value.slice(0, strike.index).match(/\n/g)?.length ?? 0), severity: 'warning', code: 'body-markdown-unsupported',
      message: `strikethrough \`${strike[0].slice(0, 30)}\` is not part of a bulletin's Markdown: the tildes print as typed`, hint: 'Remove the text, or the tildes: a printed bulletin has no struck-out text.' });
  }
  for (const m of value.matchAll(URL_IN_TEXT)) {
    if (m[0].length <= LONG_URL) continue;
    problems.push({ line: line + (value.slice(0, m.index).match(/\n/g)?.length ?? 0), severity: 'warning', code: 'body-long-url',
      message: `the address \`${m[0].slice(0, 40)}…\` (${m[0].length} characters) is longer than a line`, hint: HINT_LONG_URL });
  }
}

/** Builds the inline tree of one `inline` token; `line` is the line it starts on, counted on at each break. */
function inlines(children: readonly Token[], firstLine: number, problems: BodyProblem[]): Inline[] {
  type Open = { token: Token; children: Inline[] };
  const root: Inline[] = [];
  const stack: Open[] = [];
  const here = () => stack.at(-1)?.children ?? root;
  let line = firstLine;
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
        if (token.content) here().push({ type: 'text', value: token.content });
        // An autolink's text is its address, reported with the link.
        if ((token.content.includes('~~') || token.content.length > LONG_URL) && stack.at(-1)?.token.info !== 'auto') textWarnings(token.content, line, problems);
        break;
      case 'code_inline':
        here().push({ type: 'code', value: token.content });
        break;
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
          problems.push({ line, code: 'body-link', message: `link to a \`${dangerous[1]}:\` address is not accepted`, hint: HINT_LINK });
        } else if (!ALLOWED_LINK.test(href)) {
          problems.push({ line, code: 'body-link', message: `link \`${href.slice(0, 60)}\` is not an http(s): or mailto: address`, hint: HINT_LINK });
        } else if (token.info === 'auto' && href.length > LONG_URL) {
          problems.push({ line, severity: 'warning', code: 'body-long-url', message: `the address \`${href.slice(0, 40)}…\` (${href.length} characters) is longer than a line`, hint: HINT_LONG_URL });
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
          problems.push({ line, code: 'body-raw-html', message: `raw HTML \`${token.content.slice(0, 40)}\` is not accepted in an article body`, hint: HINT_HTML_INLINE });
        }
        break;
      case 'image':
        problems.push({ line, code: 'body-image', message: 'images inside the body text are not accepted', hint: 'Add the photo under `figures:` of the article, with `paragraph:` saying where it goes.' });
        break;
      default:
        // markdown-it joins text_special into text; nothing else reaches here in this dialect.
        if (token.content) here().push({ type: 'text', value: token.content });
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

const linesOf = (token: Token): SourceLines => ({ start: token.map?.[0] ?? 0, end: token.map?.[1] ?? 0 });

type Container =
  | { kind: 'root'; blocks: Block[] }
  | { kind: 'quote'; token: Token; blocks: Block[] }
  | { kind: 'list'; token: Token; items: ListItem[]; loose: boolean }
  | { kind: 'item'; token: Token; blocks: Block[] };

/** A body or a note → its block tree and the problems of the dialect, in one pass. */
export function parseBody(text: string): ParsedBody {
  const problems: BodyProblem[] = [];
  definitions = [];
  const tokens = markdown().parse(text, {});
  for (const line of definitions) {
    problems.push({ line, severity: 'warning', code: 'body-markdown-unsupported', message: 'a reference-style link definition (`[…]: https://…`): the line does not print, and text in square brackets elsewhere becomes its link', hint: 'Write the address in the link itself, `[通知全文](https://…)`, and remove this line.' });
  }
  definitions = [];
  const root: Container = { kind: 'root', blocks: [] };
  const stack: Container[] = [root];
  const top = () => stack.at(-1)!;
  const add = (block: Block) => {
    const c = top();
    if (c.kind !== 'list') c.blocks.push(block);
  };
  let line = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.map) line = token.map[0];
    switch (token.type) {
      case 'paragraph_open':
      case 'heading_open': {
        const inline = tokens[i + 1];
        const content = inline?.type === 'inline' ? inlines(inline.children ?? [], inline.map?.[0] ?? line, problems) : [];
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
      case 'html_block':
        problems.push({ line, code: 'body-raw-html', message: `raw HTML \`${token.content.trim().slice(0, 40)}\` is not accepted in an article body`, hint: HINT_HTML_BLOCK });
        break;
      case 'code_block':
      case 'fence':
        problems.push({ line, code: 'body-code', message: 'code blocks are not part of a bulletin article', hint: 'Indented or fenced text becomes a code block in Markdown: start paragraphs at the left margin of the block.' });
        break;
    }
  }
  return { blocks: root.blocks, problems };
}

/** A caption: inline Markdown on its own (no blocks), checked the same way. */
export function parseInline(text: string): ParsedInline {
  const problems: BodyProblem[] = [];
  const inline = markdown().parseInline(text, {})[0];
  return { content: inlines(inline?.children ?? [], 0, problems), problems };
}

/** Parses each distinct text once, however many times it is asked for (validation, lint, the model). */
export interface MarkdownParses {
  body(text: string): ParsedBody;
  inline(text: string): ParsedInline;
}

export function markdownParses(): MarkdownParses {
  const bodies = new Map<string, ParsedBody>();
  const captions = new Map<string, ParsedInline>();
  return {
    body(text) {
      let parsed = bodies.get(text);
      if (!parsed) bodies.set(text, (parsed = parseBody(text)));
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
  message: string;
  hint: string;
}

/**
 * A plain text field is checked like a body: no raw HTML (a tag as the body's parser recognises it)
 * and no Markdown image. Such a field prints as typed, so neither can become markup or fetch
 * anything; but a series template that writes the field unescaped would make it markup, and a reader
 * would see the tags. `field` names it in the message ("a source line").
 */
export function plainTextProblems(text: string, field: string): TextProblem[] {
  const problems: TextProblem[] = [];
  if (!text.includes('<') && !text.includes('![')) return problems;
  // A tag as an HTML parser starts one (stricter than a body's CommonMark tags: `<svg/onload=…>` is one
  // to a browser): `<` and a letter, `<!` or `<?`. A closing tag goes with its opening one.
  for (const m of text.matchAll(/<(?:[A-Za-z]|!|\?)/g)) {
    const end = text.indexOf('>', m.index);
    const tag = text.slice(m.index, end < 0 ? text.length : end + 1);
    problems.push({ offset: m.index, length: tag.length, code: 'body-raw-html', message: `raw HTML \`${tag.slice(0, 40)}\` is not accepted in ${field}`, hint: 'Write plain text here: remove the tag (a long title is a list of lines, not <br>; a `<` of its own is written ＜ or 小于).' });
  }
  if (!text.includes('![')) return problems;
  const tokens = markdown().parseInline(text, {})[0]?.children ?? [];
  let from = 0;
  for (const token of tokens) {
    if (token.type === 'image') {
      const offset = Math.max(0, text.indexOf('![', from));
      from = offset + 2;
      problems.push({ offset, length: 2, code: 'body-image', message: `an image (\`![…](…)\`) is not accepted in ${field}`, hint: 'Pictures go under `figures:` of an article; write plain text here.' });
    }
  }
  return problems;
}
