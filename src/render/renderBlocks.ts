// The block tree of a body or note → HTML: paragraphs, the four heading levels, lists, emphasis, and
// figures placed in front of their paragraph. The markup is the one markdown-it printed for these
// bodies, byte for byte (test/unit/renderBlocks.test.ts), so layouts and stylesheets keep working.
import { noteMark, NOTES_HEADING, type Block, type Inline } from '../model/blocks.js';
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
/** `notes`: what the ids of an article's notes start with (unique in the issue). */
export function renderInlines(content: readonly Inline[], notes = 'note'): string {
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
        out += `<strong>${renderInlines(node.children, notes)}</strong>`;
        break;
      case 'emphasis':
        out += `<em>${renderInlines(node.children, notes)}</em>`;
        break;
      case 'link':
        // Validation refuses other addresses; should one get here, its text is printed without the link.
        out += ALLOWED_LINK.test(node.href)
          ? `<a href="${escapeHtml(node.href)}"${node.title ? ` title="${escapeHtml(node.title)}"` : ''}>${renderInlines(node.children, notes)}</a>`
          : renderInlines(node.children, notes);
        break;
      case 'softBreak':
        out += '\n';
        break;
      case 'hardBreak':
        out += '<br />\n';
        break;
      case 'footnoteRef':
        // Raised after the word it explains; the link leads to the note (its id is unique in the article: render/viewModel.ts prefixes it).
        out += `<sup class="note-ref"><a href="#${notes}-${node.number}">${noteMark(node.number)}</a></sup>`;
        break;
    }
  }
  return out;
}

/** The heading levels of Chinese official writing: # 一、 ## （一） ### 1. #### （1）. */
const HEADING_CLASS = { 1: 'h-1', 2: 'h-2', 3: 'h-3', 4: 'h-4' } as const;

/** `tight`: the blocks of an item of a tight list, whose paragraphs print without `<p>`. */
function renderBlock(block: Block, tight: boolean, notes = 'note'): string {
  switch (block.type) {
    case 'paragraph':
      return tight ? renderInlines(block.content, notes) : `<p>\n${renderInlines(block.content, notes)}</p>\n`;
    case 'heading':
      return `<p class="${HEADING_CLASS[block.level]}">${renderInlines(block.content, notes)}</p>\n`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : '';
      const items = block.items.map((item) => `<li>\n${item.blocks.map((b) => renderBlock(b, block.tight, notes)).join('')}</li>\n`);
      return `<${tag}${start}>\n${items.join('')}</${tag}>\n`;
    }
    case 'quote':
      return `<blockquote>\n${block.blocks.map((b) => renderBlock(b, false, notes)).join('')}</blockquote>\n`;
    case 'thematicBreak':
      return '<hr />\n';
    case 'footnotes': {
      // 注释 at the article's end, each note after its number ①②③, in a smaller size (bulletin.css).
      const items = block.notes.map((note) => {
        const [first, ...rest] = note.blocks;
        const lead = first?.type === 'paragraph' ? `<p class="note-text"><span class="note-mark">${noteMark(note.number)}</span>${renderInlines(first.content, notes)}</p>\n` : `<p class="note-text"><span class="note-mark">${noteMark(note.number)}</span></p>\n${first ? renderBlock(first, false, notes) : ''}`;
        return `<li class="note" id="${notes}-${note.number}">${lead}${rest.map((b) => renderBlock(b, false, notes)).join('')}</li>\n`;
      });
      return `<section class="notes">\n<p class="notes-heading">${NOTES_HEADING}：</p>\n<ol class="notes-list">\n${items.join('')}</ol>\n</section>\n`;
    }
  }
}

/**
 * `figures` maps a 1-based paragraph number to HTML placed just before that paragraph, so a
 * floated figure starts level with the paragraph's first line.
 */
export function renderBlocks(blocks: readonly Block[], figures: ReadonlyMap<number, string> = new Map(), notes = 'note'): RenderedBody {
  let paragraphs = 0;
  const out: string[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      paragraphs += 1;
      const figure = figures.get(paragraphs);
      if (figure) out.push(figure);
    }
    out.push(renderBlock(block, false, notes));
  }
  // Figures pointing past the last paragraph (caught by validation) still must not vanish.
  for (const [n, figure] of figures) if (n > paragraphs) out.push(figure);
  return { html: out.join(''), paragraphs };
}
