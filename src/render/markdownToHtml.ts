// Article Markdown → HTML: paragraphs, the four heading levels, lists, emphasis, and figures floated in place.
import type Token from 'markdown-it/lib/token.mjs';
import { safeParser } from '../model/markdownParser.js';

const ALLOWED_LINK = /^(https?:|mailto:)/i;

/** The heading levels of Chinese official writing: # 一、 ## （一） ### 1. #### （1）. */
const HEADING_CLASS: Record<string, string> = { h1: 'h-1', h2: 'h-2', h3: 'h-3', h4: 'h-4', h5: 'h-4', h6: 'h-4' };

export interface RenderedBody {
  html: string;
  paragraphs: number;
}

let configured = false;

function parser() {
  const md = safeParser();
  if (!configured) {
    configured = true;
    // Only web and mail links survive, whatever markdown-it would allow (it lets data:image through).
    md.validateLink = (url: string) => ALLOWED_LINK.test(url.trim());
    // Runs of digits get a class: the stylesheet narrows them to half-width, as on the 28-character grid.
    md.renderer.rules.text = (tokens, idx) => digitRuns(md.utils.escapeHtml(tokens[idx]!.content));
  }
  return md;
}

/** Wraps runs of ASCII digits (with their decimal points) in `<span class="num">`. */
export function digitRuns(escaped: string): string {
  return escaped.replace(/[0-9]+(?:\.[0-9]+)*/g, (run) => `<span class="num">${run}</span>`);
}

/**
 * `figures` maps a 1-based paragraph number to HTML placed just before that paragraph, so a
 * floated figure starts level with the paragraph's first line.
 */
export function markdownToHtml(markdown: string, figures: ReadonlyMap<number, string> = new Map()): RenderedBody {
  const md = parser();
  const tokens: Token[] = md.parse(markdown, {});
  let paragraphs = 0;
  let depth = 0;
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'heading_open') {
      const inline = tokens[i + 1]!;
      out.push(`<p class="${HEADING_CLASS[token.tag] ?? 'h-4'}">${md.renderer.renderInline(inline.children ?? [], md.options, {})}</p>\n`);
      i += 2; // inline + heading_close
      continue;
    }
    if (token.type === 'paragraph_open' && depth === 0) {
      paragraphs += 1;
      const figure = figures.get(paragraphs);
      if (figure) out.push(figure);
    }
    if (token.nesting === 1) depth += 1;
    if (token.nesting === -1) depth -= 1;
    out.push(md.renderer.render([token], md.options, {}));
  }
  // Figures pointing past the last paragraph (caught by validation) still must not vanish.
  for (const [n, figure] of figures) if (n > paragraphs) out.push(figure);
  return { html: out.join(''), paragraphs };
}

/** Inline Markdown (editor's notes on one line, captions) without the paragraph wrapper. */
export function inlineMarkdownToHtml(markdown: string): string {
  return parser().renderInline(markdown);
}
