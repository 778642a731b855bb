// The block tree of a body or note → HTML: paragraphs, the four heading levels, lists, emphasis, and
// figures placed in front of their paragraph. The markup is the one markdown-it printed for these
// bodies, byte for byte (test/unit/renderBlocks.test.ts), so layouts and stylesheets keep working.
import { noteMark, NOTES_HEADING, type Block, type Inline, type Table, type TableStyle } from '../model/blocks.js';
import { ALLOWED_LINK } from '../model/parseBody.js';
import { tableLayout } from '../layout/tableLayout.js';
import { lastRowId } from '../model/keepBreaks.js';
import { PRESETS, type PageGeometry } from '../layout/presets.js';

const STANDARD_GEOMETRY = PRESETS.standard;

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

/** How the tables of a body are printed: their number (表1 …), id and the page they are laid out for. */
export interface TableContext {
  readonly geometry: PageGeometry;
  /** The series' style, for a table that names none. */
  readonly style: TableStyle;
  /** The next table's number and id (called once per table, in order). */
  next(): { number: number; id: string };
}

/**
 * A table: its caption and unit line above it, then the table. The header rows repeat on each page a
 * long table runs on, under a first row 「续表N」 that the caption covers on the first page (the
 * stylesheet lays the caption over it), so only the continuations show it. Sizes, column widths and
 * row heights come from the per-issue stylesheet (issueCss.ts: tableCss), by the table's id.
 */
export function renderTable(table: Table, ctx: TableContext): string {
  const { number, id } = ctx.next();
  const layout = tableLayout(table, ctx.geometry);
  const style = table.style ?? ctx.style;
  const columns = layout.widths.length;
  const unit = table.unit ? `<p class="table-unit">${digitRuns(escapeHtml(table.unit))}</p>\n` : '';
  const caption = `<p class="table-caption">表${number}${table.caption ? `\u3000${renderInlines(table.caption)}` : ''}</p>\n`;
  // Header cells say where they lie (first row, down to the last row, spanning columns): the rules of a 三线表 follow them.
  const cells = (tag: 'th' | 'td', row: Table['head'][number], lines: number, r: number, rowId = '') => {
    let c = 0;
    const out = row.cells.map((cell) => {
      const align = table.align[c] ?? 'left';
      c += cell.colSpan ?? 1;
      const span = `${(cell.colSpan ?? 1) > 1 ? ` colspan="${cell.colSpan}"` : ''}${(cell.rowSpan ?? 1) > 1 ? ` rowspan="${cell.rowSpan}"` : ''}`;
      const classes = tag === 'td'
        ? [align !== 'left' ? align : '']
        : [align === 'right' && (cell.colSpan ?? 1) === 1 ? 'right' : '', r === 0 ? 'head-first' : '', r + (cell.rowSpan ?? 1) >= table.head.length ? 'head-last' : (cell.colSpan ?? 1) > 1 ? 'head-span' : ''];
      const cls = classes.filter(Boolean).join(' ');
      return `<${tag}${span}${cls ? ` class="${cls}"` : ''}>${renderInlines(cell.content)}</${tag}>`;
    });
    return `<tr class="rows-${lines}"${rowId}>${out.join('')}</tr>\n`;
  };
  const head = table.head.map((row, r) => cells('th', row, layout.headRows[r] ?? 1, r)).join('');
  // The last row has an id: the print finds its page when a source line follows the table (model/keepBreaks.ts).
  const body = table.body.map((row, r) => cells('td', row, layout.bodyRows[r] ?? 1, r, r === table.body.length - 1 ? ` id="${lastRowId(id)}"` : '')).join('');
  const cols = layout.widths.map(() => '<col />').join('');
  const cont = `<tr class="table-cont rows-1"><th colspan="${columns}"><span class="table-cont-label">续表${number}</span>${table.unit ? `<span class="table-cont-unit">${digitRuns(escapeHtml(table.unit))}</span>` : ''}</th></tr>\n`;
  return `<div class="table table-${style}" id="${id}">\n<div class="table-top">\n${caption}${unit}</div>\n<div class="table-scroll">\n<table>\n<colgroup>${cols}</colgroup>\n<thead>\n${cont}${head}</thead>\n<tbody>\n${body}</tbody>\n<tfoot><tr class="table-end"><td colspan="${columns}"></td></tr></tfoot>\n</table>\n</div>\n</div>\n`;
}

/** `tight`: the blocks of an item of a tight list, whose paragraphs print without `<p>`. */
function renderBlock(block: Block, tight: boolean, notes = 'note', ctx?: TableContext): string {
  switch (block.type) {
    case 'paragraph':
      return tight ? renderInlines(block.content, notes) : `<p>\n${renderInlines(block.content, notes)}</p>\n`;
    case 'heading':
      return `<p class="${HEADING_CLASS[block.level]}">${renderInlines(block.content, notes)}</p>\n`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : '';
      const items = block.items.map((item) => `<li>\n${item.blocks.map((b) => renderBlock(b, block.tight, notes, ctx)).join('')}</li>\n`);
      return `<${tag}${start}>\n${items.join('')}</${tag}>\n`;
    }
    case 'quote':
      return `<blockquote>\n${block.blocks.map((b) => renderBlock(b, false, notes, ctx)).join('')}</blockquote>\n`;
    case 'thematicBreak':
      return '<hr />\n';
    case 'footnotes': {
      // 注释 at the article's end, each note after its number ①②③, in a smaller size (bulletin.css).
      const items = block.notes.map((note) => {
        const [first, ...rest] = note.blocks;
        const lead = first?.type === 'paragraph' ? `<p class="note-text"><span class="note-mark">${noteMark(note.number)}</span>${renderInlines(first.content, notes)}</p>\n` : `<p class="note-text"><span class="note-mark">${noteMark(note.number)}</span></p>\n${first ? renderBlock(first, false, notes, ctx) : ''}`;
        return `<li class="note" id="${notes}-${note.number}">${lead}${rest.map((b) => renderBlock(b, false, notes, ctx)).join('')}</li>\n`;
      });
      return `<section class="notes">\n<p class="notes-heading">${NOTES_HEADING}：</p>\n<ol class="notes-list">\n${items.join('')}</ol>\n</section>\n`;
    }
    case 'table':
      return renderTable(block, ctx ?? plainTables());
  }
}

/**
 * `figures` maps a 1-based paragraph number to HTML placed just before that paragraph, so a
 * floated figure starts level with the paragraph's first line.
 */
export function renderBlocks(blocks: readonly Block[], figures: ReadonlyMap<number, string> = new Map(), notes = 'note', tables?: TableContext): RenderedBody {
  let paragraphs = 0;
  const out: string[] = [];
  const ctx = tables ?? plainTables();
  for (const block of blocks) {
    if (block.type === 'paragraph') {
      paragraphs += 1;
      const figure = figures.get(paragraphs);
      if (figure) out.push(figure);
    }
    out.push(renderBlock(block, false, notes, ctx));
  }
  // Figures pointing past the last paragraph (caught by validation) still must not vanish.
  for (const [n, figure] of figures) if (n > paragraphs) out.push(figure);
  return { html: out.join(''), paragraphs };
}

/** Tables outside an article (an editor's note of the issue): numbered on their own, on the standard page. */
function plainTables(): TableContext {
  let n = 0;
  return { geometry: STANDARD_GEOMETRY, style: 'three-line', next: () => ({ number: ++n, id: `table-${n}` }) };
}
