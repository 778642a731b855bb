// The one Markdown dialect of article bodies: CommonMark without raw HTML, images or front matter.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

let strict: MarkdownIt | undefined;
let safe: MarkdownIt | undefined;

/** Parser that keeps raw HTML as tokens, so the checker can point at it. */
function strictParser(): MarkdownIt {
  strict ??= new MarkdownIt('commonmark', { html: true, linkify: false, typographer: false });
  return strict;
}

/** Parser used for rendering: raw HTML is text, links are restricted (see render/markdownToHtml.ts). */
export function safeParser(): MarkdownIt {
  safe ??= new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false, breaks: false });
  return safe;
}

export interface BodyProblem {
  /** 0-based line within the Markdown text. */
  line: number;
  code: string;
  message: string;
  hint: string;
}

export interface BodyCheck {
  paragraphs: number;
  problems: BodyProblem[];
}

const ALLOWED_LINK = /^(https?:|mailto:)/i;

function inlineProblems(token: Token, line: number, problems: BodyProblem[]): void {
  for (const child of token.children ?? []) {
    if (child.type === 'html_inline' && child.content.startsWith('</')) continue; // the opening tag is reported
    if (child.type === 'html_inline') {
      problems.push({ line, code: 'body-raw-html', message: `raw HTML \`${child.content.slice(0, 40)}\` is not accepted in an article body`, hint: 'Write Markdown only: *emphasis*, lists, `#` headings. Remove the HTML tag.' });
    } else if (child.type === 'image') {
      problems.push({ line, code: 'body-image', message: 'images inside the body text are not accepted', hint: 'Add the photo under `figures:` of the article, with `paragraph:` saying where it goes.' });
    } else if (child.type === 'link_open') {
      const href = child.attrGet('href') ?? '';
      if (!ALLOWED_LINK.test(href)) {
        problems.push({ line, code: 'body-link', message: `link \`${href.slice(0, 60)}\` is not an http(s): or mailto: address`, hint: 'Links may only point to web pages (https://…) or e-mail addresses (mailto:…).' });
      }
    }
  }
}

export function checkBody(markdown: string): BodyCheck {
  const problems: BodyProblem[] = [];
  let paragraphs = 0;
  let depth = 0;
  // markdown-it validates links itself and leaves bad ones as text; see them first with validateLink off.
  const parser = strictParser();
  const tokens = parser.parse(markdown, {});
  let line = 0;
  for (const token of tokens) {
    if (token.map) line = token.map[0];
    if (token.type === 'html_block') {
      problems.push({ line, code: 'body-raw-html', message: `raw HTML \`${token.content.trim().slice(0, 40)}\` is not accepted in an article body`, hint: 'Write Markdown only: paragraphs, *emphasis*, lists, `#` headings. Remove the HTML.' });
    } else if (token.type === 'fence' || token.type === 'code_block') {
      problems.push({ line, code: 'body-code', message: 'code blocks are not part of a bulletin article', hint: 'Indented or fenced text becomes a code block in Markdown: start paragraphs at the left margin of the block.' });
    } else if (token.type === 'inline') {
      inlineProblems(token, line, problems);
    }
    if (token.type === 'paragraph_open' && depth === 0) paragraphs += 1;
    if (token.nesting === 1) depth += 1;
    if (token.nesting === -1) depth -= 1;
  }
  for (const m of markdown.matchAll(/\]\(\s*(javascript|vbscript|file|data):/gi)) {
    problems.push({ line: markdown.slice(0, m.index).split('\n').length - 1, code: 'body-link', message: `link to a \`${m[1]}:\` address is not accepted`, hint: 'Links may only point to web pages (https://…) or e-mail addresses (mailto:…).' });
  }
  return { paragraphs, problems };
}
