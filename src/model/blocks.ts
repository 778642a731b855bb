// The typed tree of an article body, a note or a caption: what its Markdown says, parsed once (parseBody.ts).
// Both unions are discriminated by `type`; tables, footnotes and the like become new members.

/**
 * Lines of the Markdown text a block comes from: 0-based, `end` exclusive (markdown-it's `token.map`).
 * A paragraph or heading spans its own lines; a list, item or quote may take in the blank line after it.
 */
export interface SourceLines {
  readonly start: number;
  readonly end: number;
}

/** The four heading levels of Chinese official writing: # 一、 ## （一） ### 1. #### （1） (##### and ###### are level 4). */
export type HeadingLevel = 1 | 2 | 3 | 4;

export type Block = Paragraph | Heading | List | Quote | ThematicBreak | Footnotes | Table;

export interface Paragraph {
  readonly type: 'paragraph';
  readonly lines: SourceLines;
  readonly content: readonly Inline[];
}

export interface Heading {
  readonly type: 'heading';
  readonly lines: SourceLines;
  readonly level: HeadingLevel;
  readonly content: readonly Inline[];
}

export interface List {
  readonly type: 'list';
  readonly lines: SourceLines;
  readonly ordered: boolean;
  /** The number of the first item (1 unless the Markdown says otherwise; bullets: 1). */
  readonly start: number;
  /** Items not separated by blank lines: their paragraphs are printed without paragraph breaks. */
  readonly tight: boolean;
  readonly items: readonly ListItem[];
}

export interface ListItem {
  readonly lines: SourceLines;
  readonly blocks: readonly Block[];
}

export interface Quote {
  readonly type: 'quote';
  readonly lines: SourceLines;
  readonly blocks: readonly Block[];
}

/** The notes of a body (`[^1]: …` lines), in the order of their first reference: printed as 注释 at the article's end. */
export interface Footnotes {
  readonly type: 'footnotes';
  readonly lines: SourceLines;
  readonly notes: readonly Footnote[];
}

export interface Footnote {
  /** The label as written (`1` of `[^1]`, `注` of `[^注]`). */
  readonly label: string;
  /** Its number, from 1 in the order of first reference: printed ①②③. */
  readonly number: number;
  readonly blocks: readonly Block[];
}

/** `---` on a line of its own. */
export interface ThematicBreak {
  readonly type: 'thematicBreak';
  readonly lines: SourceLines;
}

/** How a table's rules are drawn: 三线表 (a rule above and below the header, one under the last row) or a full grid. */
export type TableStyle = 'three-line' | 'grid';

/** A column's alignment: as the Markdown divider says (`:--`, `:-:`, `--:`), else left, and right for a column of numbers. */
export type TableAlign = 'left' | 'center' | 'right';

/**
 * A table: a Markdown pipe table of a body (with the `表：…` and `单位：…` lines right above it as its
 * caption and unit), or a spreadsheet or CSV file an article's `tables:` loads (model/readTableFile.ts).
 */
export interface Table {
  readonly type: 'table';
  readonly lines: SourceLines;
  /** The caption printed after its number (表1 …): the `表：…` line above a pipe table, or a file table's `caption:`. */
  readonly caption: readonly Inline[] | undefined;
  /** Of a pipe table: the lines of its `表：` and `单位：` lines above it, when it has them. */
  readonly above?: SourceLines;
  /** The unit line printed at the top right (单位：万元), as written. */
  readonly unit: string | undefined;
  /** The header rows (one for a pipe table; a spreadsheet's merged header cells may take two). */
  readonly head: readonly TableRow[];
  readonly body: readonly TableRow[];
  /** One per column. */
  readonly align: readonly TableAlign[];
  /** The table's own style; absent: the series' (`tables.style`). */
  readonly style?: TableStyle;
  /** For a file table: the file as the source names it and what it read (for messages). */
  readonly file?: string;
}

export interface TableRow {
  /** The row's line in the Markdown (a file table's rows: the lines of its `tables:` entry). */
  readonly lines: SourceLines;
  /** Cells covered by a merged cell are left out; the merged cell says how far it spans. */
  readonly cells: readonly TableCell[];
}

export interface TableCell {
  readonly content: readonly Inline[];
  readonly colSpan?: number;
  readonly rowSpan?: number;
}

export type Inline = TextRun | Strong | Emphasis | Link | CodeSpan | SoftBreak | HardBreak | FootnoteRef;

/** Text as printed: escapes and entities resolved. */
export interface TextRun {
  readonly type: 'text';
  readonly value: string;
}

export interface Strong {
  readonly type: 'strong';
  readonly children: readonly Inline[];
}

export interface Emphasis {
  readonly type: 'emphasis';
  readonly children: readonly Inline[];
}

export interface Link {
  readonly type: 'link';
  /** Normalised (percent-encoded) as markdown-it gives it; only http(s): and mailto: pass validation. */
  readonly href: string;
  readonly title: string | undefined;
  /** An autolink `<https://…>`: its text is the address. */
  readonly auto: boolean;
  readonly children: readonly Inline[];
}

export interface CodeSpan {
  readonly type: 'code';
  readonly value: string;
}

/** A line break in the source inside a paragraph: printed as a space-like break, not a new line. */
export interface SoftBreak {
  readonly type: 'softBreak';
}

/** Two spaces or `\` at the end of a line: a new line within the paragraph. */
export interface HardBreak {
  readonly type: 'hardBreak';
}

/** A reference to a note, `[^1]`: printed as the note's number ① raised after the word. */
export interface FootnoteRef {
  readonly type: 'footnoteRef';
  readonly label: string;
  readonly number: number;
}

/** ①–⑳, ㉑–㊿, then (51): how Chinese documents number notes. */
export function noteMark(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCodePoint(0x3251 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCodePoint(0x32b1 + n - 36);
  return `(${n})`;
}

/** The heading printed above the notes of an article. */
export const NOTES_HEADING = '注释';

/** Paragraphs at the top level of a body: what a figure's `paragraph:` counts. */
export function paragraphCount(blocks: readonly Block[]): number {
  return blocks.filter((b) => b.type === 'paragraph').length;
}

/** The blocks that hold text (paragraphs and headings, at any depth), in order. */
export function textBlocks(blocks: readonly Block[]): (Paragraph | Heading)[] {
  const out: (Paragraph | Heading)[] = [];
  const walk = (list: readonly Block[]) => {
    for (const b of list) {
      if (b.type === 'paragraph' || b.type === 'heading') out.push(b);
      else if (b.type === 'list') for (const item of b.items) walk(item.blocks);
      else if (b.type === 'quote') walk(b.blocks);
      else if (b.type === 'footnotes') for (const note of b.notes) walk(note.blocks);
    }
  };
  walk(blocks);
  return out;
}

/** The tables of blocks, at any depth, in order. */
export function tables(blocks: readonly Block[]): Table[] {
  const out: Table[] = [];
  const walk = (list: readonly Block[]) => {
    for (const b of list) {
      if (b.type === 'table') out.push(b);
      else if (b.type === 'list') for (const item of b.items) walk(item.blocks);
      else if (b.type === 'quote') walk(b.blocks);
    }
  };
  walk(blocks);
  return out;
}

/** What a reader sees of a table row: its cells' text, one after the other (a space between). */
export function rowText(row: TableRow): string {
  return row.cells.map((c) => inlineText(c.content)).join(' ');
}

/** What a reader sees of a table: its caption, unit and rows, a line each. */
export function tableText(table: Table): string {
  return [table.caption ? inlineText(table.caption) : '', table.unit ?? '', ...[...table.head, ...table.body].map(rowText)].filter((l) => l !== '').join('\n');
}

/** What a reader sees of inline content: the text without Markdown syntax or link addresses. */
export function inlineText(content: readonly Inline[]): string {
  let out = '';
  for (const node of content) {
    switch (node.type) {
      case 'text':
      case 'code':
        out += node.value;
        break;
      case 'strong':
      case 'emphasis':
      case 'link':
        out += inlineText(node.children);
        break;
      case 'softBreak':
      case 'hardBreak':
        out += '\n';
        break;
      case 'footnoteRef':
        out += noteMark(node.number);
        break;
    }
  }
  return out;
}

/** What a reader sees of blocks: their text, one block a line, with the numbers of ordered lists. */
export function blocksText(blocks: readonly Block[]): string {
  const lines: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'paragraph':
      case 'heading':
        lines.push(inlineText(b.content));
        break;
      case 'list':
        // Bullets are drawn shapes; the numbers of an ordered list are printed in the body face.
        b.items.forEach((item, i) => lines.push(`${b.ordered ? `${b.start + i}. ` : ''}${blocksText(item.blocks)}`));
        break;
      case 'quote':
        lines.push(blocksText(b.blocks));
        break;
      case 'table':
        lines.push(tableText(b));
        break;
      case 'thematicBreak':
        break;
      case 'footnotes':
        lines.push(`${NOTES_HEADING}：`);
        for (const note of b.notes) lines.push(`${noteMark(note.number)}${blocksText(note.blocks)}`);
        break;
    }
  }
  return lines.join('\n');
}
