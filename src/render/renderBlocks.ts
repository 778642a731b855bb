// The block tree of a body or note → HTML: paragraphs, the four heading levels, lists, emphasis, and
// figures placed in front of their paragraph. The markup is the one markdown-it printed for these
// bodies, byte for byte (test/unit/renderBlocks.test.ts), so layouts and stylesheets keep working.
import type { Block, Inline } from '../model/blocks.js';
import { ALLOWED_LINK } from '../model/parseBody.js';

export interface RenderedBody {
  html: string;
  paragraphs: number;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ESCAPES[ch]!);
}

/** Wraps runs of ASCII digits (with their decimal points) in `<span class="num">`. */
export function digitRuns(escaped: string): string {
  return escaped.replace(/[0-9]+(?:\.[0-9]+)*/g, (run) => `<span class="num">${run}</span>`);
}

/** Inline content (a paragraph's, a heading's, a caption's) without a wrapper. */
export function renderInlines(content: readonly Inline[]): string {
  let out = '';
  for (const node of content) {
    switch (node.type) {
      case 'text':
        // Runs of digits get a class: the stylesheet narrows them to half-width, as on the 28-character grid.
        out += digitRuns(escapeHtml(node.value));
        break;
      case 'code':
        out += `<code>${escapeHtml(node.value)}</code>`;
        break;
      case 'strong':
        out += `<strong>${renderInlines(node.children)}</strong>`;
        break;
      case 'emphasis':
        out += `<em>${renderInlines(node.children)}</em>`;
        break;
      case 'link':
        // Validation refuses other addresses; should one get here, its text is printed without the link.
        out += ALLOWED_LINK.test(node.href)
          ? `<a href="${escapeHtml(node.href)}"${node.title ? ` title="${escapeHtml(node.title)}"` : ''}>${renderInlines(node.children)}</a>`
          : renderInlines(node.children);
        break;
      case 'softBreak':
        out += '\n';
        break;
      case 'hardBreak':
        out += '<br />\n';
        break;
    }
  }
  return out;
}

/** The heading levels of Chinese official writing: # 一、 ## （一） ### 1. #### （1）. */
const HEADING_CLASS = { 1: 'h-1', 2: 'h-2', 3: 'h-3', 4: 'h-4' } as const;

/** `tight`: the blocks of an item of a tight list, whose paragraphs print without `<p>`. */
function renderBlock(block: Block, tight: boolean): string {
  switch (block.type) {
    case 'paragraph':
      return tight ? renderInlines(block.content) : `<p>\n${renderInlines(block.content)}</p>\n`;
    case 'heading':
      return `<p class="${HEADING_CLASS[block.level]}">${renderInlines(block.content)}</p>\n`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : '';
      const items = block.items.map((item) => `<li>\n${item.blocks.map((b) => renderBlock(b, block.tight)).join('')}</li>\n`);
      return `<${tag}${start}>\n${items.join('')}</${tag}>\n`;
    }
    case 'quote':
      return `<blockquote>\n${block.blocks.map((b) => renderBlock(b, false)).join('')}</blockquote>\n`;
    case 'thematicBreak':
      return '<hr />\n';
  }
}

/**
 * `figures` maps a 1-based paragraph number to HTML placed just before that paragraph, so a
 * floated figure starts level with the paragraph's first line.
 */
export function renderBlocks(blocks: readonly Block[], figures: ReadonlyMap<number, string> = new Map()): RenderedBody {
  let paragraphs = 0;
  const out: string[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      paragraphs += 1;
      const figure = figures.get(paragraphs);
      if (figure) out.push(figure);
    }
    out.push(renderBlock(block, false));
  }
  // Figures pointing past the last paragraph (caught by validation) still must not vanish.
  for (const [n, figure] of figures) if (n > paragraphs) out.push(figure);
  return { html: out.join(''), paragraphs };
}
