// A .docx read into what an editor sees in Word: paragraphs with their style, alignment and runs
// (bold, italic), list numbering, tables, footnotes and pictures, in document order. Read directly
// from the package's XML (document.xml, styles.xml, numbering.xml, footnotes.xml and the
// relationships) with the capped ZIP reader, because a converter to HTML loses what the importer
// needs: alignment (a centred title, a right-aligned unit name), hidden text, tracked changes.
// Word's leftovers are resolved here: insertions accepted and deletions dropped (counted), comments
// dropped (counted), hidden text dropped, fields read as their result, alternate content read once.
// Pure: bytes in; throws DocxError with words for an editor.
import { readEntry, zipEntries, ZipError, type ZipEntry } from '../model/readZip.js';
import { msg, render, type Message } from '../i18n/message.js';
import { SaxesParser } from '../vendor/saxes.js';

/** Why a document is refused: `reason` is a message (or the zip reader's own words), `code` the diagnostic's. */
export class DocxError extends Error {
  constructor(readonly reason: Message | string, readonly code: 'import-damaged' | 'import-too-large' | 'import-macros' | 'import-too-long') {
    super(render(reason, 'en'));
  }
}

export interface WordRun {
  text: string;
  bold: boolean;
  italic: boolean;
  /** A footnote reference: the note's id in footnotes.xml (the run's text is empty). */
  footnote?: string;
}

export interface WordParagraph {
  type: 'paragraph';
  /** The style's name in lower case (`title`, `subtitle`, `heading 1`, `normal`, `标题 1` …). */
  style: string;
  /** The heading level the style gives (outline level 0 → 1), if any. */
  headingLevel?: number;
  align: 'left' | 'center' | 'right' | 'justify';
  runs: WordRun[];
  /** A list item of Word's automatic numbering: its list, its level (0 = outermost), and how the level is numbered. */
  list?: { id: string; level: number } & ListLevel;
  /** The pictures anchored in the paragraph: ZIP member names (word/media/…). */
  images: string[];
}

export interface WordTable {
  type: 'table';
  /** Cells as text (each cell's paragraphs joined). */
  rows: string[][];
}

export type WordBlock = WordParagraph | WordTable;

export interface WordDocument {
  blocks: WordBlock[];
  /** Footnote id → its text (paragraphs joined). */
  footnotes: Map<string, string>;
  /** Picture bytes by member name. */
  media: Map<string, Uint8Array>;
  /** What was resolved or left out, counted for the warnings. */
  counts: { insertions: number; deletions: number; comments: number; hidden: number; externalImages: number; externalLinks: number; pageBreaks: number };
  /** Pages as Word last counted them (docProps/app.xml), if it says. */
  pages?: number;
}

/** The limits of one submission. */
export const DOCX_LIMITS = {
  /** The .docx file itself. */
  fileBytes: 50 * 1024 * 1024,
  /** One XML member unpacked. */
  xmlBytes: 32 * 1024 * 1024,
  /** One picture unpacked. */
  imageBytes: 20 * 1024 * 1024,
  /** All members unpacked together, by their declared sizes. */
  totalBytes: 200 * 1024 * 1024,
  /** Pages (Word's own count), and characters of text when Word gives no count. */
  pages: 100,
  characters: 150_000,
} as const;

const mib = (bytes: number) => `${Math.round(bytes / 1048576)} MiB`;

interface Handlers {
  open?: (name: string, attrs: Record<string, string>) => void;
  text?: (text: string) => void;
  close?: (name: string) => void;
}

/** Parses an XML member with saxes (names with their prefix, as Word writes them: `w:p`). */
function parseXml(bytes: Uint8Array, member: string, handlers: Handlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('error', (e: Error) => {
    throw new DocxError(msg('import.docx.damaged-xml', { member, reason: e.message.split('\n')[0]! }), 'import-damaged');
  });
  parser.on('doctype', () => {
    throw new DocxError(msg('import.docx.doctype', { member }), 'import-damaged');
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag: { name: string; attributes: Record<string, string> }) => open(tag.name, tag.attributes));
  }
  if (handlers.text) parser.on('text', handlers.text);
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag: { name: string }) => close(tag.name));
  }
  parser.write(new TextDecoder('utf-8').decode(bytes)).close();
}

const on = (attrs: Record<string, string>) => !['0', 'false', 'off', 'none'].includes(attrs['w:val'] ?? 'true');

/** Relationship id → target (and whether it is external) of one part. */
function readRels(bytes: Uint8Array | undefined, member: string): Map<string, { target: string; external: boolean; type: string }> {
  const rels = new Map<string, { target: string; external: boolean; type: string }>();
  if (!bytes) return rels;
  parseXml(bytes, member, {
    open(name, a) {
      if (name === 'Relationship' && a['Id'] && a['Target']) rels.set(a['Id'], { target: a['Target'], external: a['TargetMode'] === 'External', type: a['Type'] ?? '' });
    },
  });
  return rels;
}

interface StyleInfo {
  name: string;
  outline?: number;
  basedOn?: string;
}

function readStyles(bytes: Uint8Array | undefined): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!bytes) return styles;
  let current: StyleInfo | undefined;
  let id = '';
  parseXml(bytes, 'word/styles.xml', {
    open(name, a) {
      if (name === 'w:style' && a['w:type'] === 'paragraph') {
        id = a['w:styleId'] ?? '';
        current = { name: id.toLowerCase() };
        styles.set(id, current);
      } else if (current && name === 'w:name') current.name = (a['w:val'] ?? current.name).toLowerCase();
      else if (current && name === 'w:outlineLvl') current.outline = Number(a['w:val']);
      else if (current && name === 'w:basedOn') current.basedOn = a['w:val'];
    },
    close(name) {
      if (name === 'w:style') current = undefined;
    },
  });
  return styles;
}

/** How a level of a Word list is numbered: its format (`decimal`, `bullet`, `chineseCounting` …) and text (`%1、`, `（%1）`). */
export interface ListLevel {
  format: string;
  text: string;
}

/** numId → level → how it is numbered. */
function readNumbering(bytes: Uint8Array | undefined): Map<string, Map<number, ListLevel>> {
  const abstract = new Map<string, Map<number, ListLevel>>();
  const nums = new Map<string, string>();
  if (!bytes) return new Map();
  let currentAbstract: Map<number, ListLevel> | undefined;
  let level = 0;
  let num: string | undefined;
  parseXml(bytes, 'word/numbering.xml', {
    open(name, a) {
      if (name === 'w:abstractNum') abstract.set(a['w:abstractNumId'] ?? '', (currentAbstract = new Map()));
      else if (name === 'w:lvl') {
        level = Number(a['w:ilvl'] ?? 0);
        currentAbstract?.set(level, { format: 'decimal', text: `%${level + 1}.` });
      } else if (name === 'w:numFmt' && currentAbstract?.has(level)) currentAbstract.get(level)!.format = a['w:val'] ?? 'decimal';
      else if (name === 'w:lvlText' && currentAbstract?.has(level)) currentAbstract.get(level)!.text = a['w:val'] ?? '';
      else if (name === 'w:num') num = a['w:numId'];
      else if (name === 'w:abstractNumId' && num !== undefined) nums.set(num, a['w:val'] ?? '');
    },
    close(name) {
      if (name === 'w:abstractNum') currentAbstract = undefined;
      if (name === 'w:num') num = undefined;
    },
  });
  const out = new Map<string, Map<number, ListLevel>>();
  for (const [id, abs] of nums) out.set(id, abstract.get(abs) ?? new Map());
  return out;
}

/** The heading level of a style, following `basedOn` (a custom style based on Heading 2 is a level-2 heading). */
function headingLevelOf(styles: Map<string, StyleInfo>, id: string): number | undefined {
  for (let s = styles.get(id), depth = 0; s && depth < 10; s = s.basedOn ? styles.get(s.basedOn) : undefined, depth++) {
    const m = /^(?:heading|标题)\s*([1-9])$/.exec(s.name);
    if (m) return Number(m[1]);
    if (s.outline !== undefined && s.outline >= 0 && s.outline < 9) return s.outline + 1;
  }
  return undefined;
}

/** The body (or the footnotes) of a part: blocks in order, with the counts of what was left out. */
function readParts(
  bytes: Uint8Array,
  member: string,
  ctx: { styles: Map<string, StyleInfo>; numbering: Map<string, Map<number, ListLevel>>; rels: Map<string, { target: string; external: boolean }>; counts: WordDocument['counts'] },
  onFootnote?: (id: string, text: string) => void,
): WordBlock[] {
  const blocks: WordBlock[] = [];
  let paragraph: WordParagraph | undefined;
  let run: { bold: boolean; italic: boolean; hidden: boolean } | undefined;
  let inRunProps = false;
  let inParaProps = false;
  let numId: string | undefined;
  let ilvl = 0;
  let inText = false;
  /** Depth inside elements whose text is left out: deletions, moved-away text, the fallback of alternate content. */
  let skip = 0;
  const skipping = new Set(['w:del', 'w:moveFrom', 'mc:Fallback']);
  // Tables: a stack (a table in a cell is read into that cell's text).
  // A merged cell keeps its text in the first cell: the columns it spans (w:gridSpan) and the rows it
  // covers (w:vMerge continuing) are empty cells, so that every row has the table's columns.
  const tables: { rows: string[][]; cell: string[] | undefined; span: number }[] = [];
  let footnoteId: string | undefined;
  let footnoteText: string[] = [];
  let fieldDepth = 0;
  let fieldInstruction = false;

  const startParagraph = () => {
    paragraph = { type: 'paragraph', style: 'normal', align: 'left', runs: [], images: [] };
    numId = undefined;
    ilvl = 0;
  };
  const addText = (text: string) => {
    if (!paragraph || !run || skip > 0 || run.hidden || fieldInstruction) {
      if (run?.hidden && text.trim()) ctx.counts.hidden += 1;
      return;
    }
    const last = paragraph.runs.at(-1);
    if (last && !last.footnote && last.bold === run.bold && last.italic === run.italic) last.text += text;
    else paragraph.runs.push({ text, bold: run.bold, italic: run.italic });
  };
  const paragraphText = (p: WordParagraph) => p.runs.map((r) => r.text).join('');

  parseXml(bytes, member, {
    open(name, a) {
      if (skipping.has(name)) {
        if (name === 'w:del' || name === 'w:moveFrom') ctx.counts.deletions += 1;
        skip += 1;
        return;
      }
      if (skip > 0) return;
      switch (name) {
        case 'w:footnote':
          footnoteId = a['w:type'] && a['w:type'] !== 'normal' ? undefined : a['w:id'];
          footnoteText = [];
          break;
        case 'w:tbl':
          tables.push({ rows: [], cell: undefined, span: 1 });
          break;
        case 'w:tr':
          tables.at(-1)?.rows.push([]);
          break;
        case 'w:tc':
          if (tables.length) {
            tables.at(-1)!.cell = [];
            tables.at(-1)!.span = 1;
          }
          break;
        case 'w:gridSpan':
          if (tables.at(-1)?.cell) tables.at(-1)!.span = Math.max(1, Math.min(63, Number(a['w:val']) || 1));
          break;
        case 'w:p':
          startParagraph();
          break;
        case 'w:pPr':
          inParaProps = true;
          break;
        case 'w:pStyle':
          if (paragraph && inParaProps && a['w:val']) {
            paragraph.style = ctx.styles.get(a['w:val'])?.name ?? a['w:val'].toLowerCase();
            const level = headingLevelOf(ctx.styles, a['w:val']);
            if (level !== undefined) paragraph.headingLevel = level;
          }
          break;
        case 'w:jc':
          if (paragraph && inParaProps && !inRunProps) {
            const v = a['w:val'];
            paragraph.align = v === 'center' ? 'center' : v === 'right' || v === 'end' ? 'right' : v === 'both' || v === 'distribute' ? 'justify' : 'left';
          }
          break;
        case 'w:numId':
          if (inParaProps) numId = a['w:val'];
          break;
        case 'w:ilvl':
          if (inParaProps) ilvl = Number(a['w:val'] ?? 0);
          break;
        case 'w:outlineLvl':
          if (paragraph && inParaProps && !inRunProps) {
            const level = Number(a['w:val']);
            if (level >= 0 && level < 9) paragraph.headingLevel = level + 1;
          }
          break;
        case 'w:r':
          run = { bold: false, italic: false, hidden: false };
          break;
        case 'w:rPr':
          inRunProps = true;
          break;
        case 'w:b':
          if (run && inRunProps) run.bold = on(a);
          break;
        case 'w:i':
          if (run && inRunProps) run.italic = on(a);
          break;
        case 'w:vanish':
          if (run && inRunProps) run.hidden = on(a);
          break;
        case 'w:t':
          inText = true;
          break;
        case 'w:tab':
          if (!inParaProps) addText(' ');
          break;
        case 'w:br':
        case 'w:cr':
          // A manual line break: Word's way of breaking a line by hand, not a new paragraph.
          if (a['w:type'] === 'page') ctx.counts.pageBreaks += 1;
          else if (a['w:type'] !== 'column') addText('\n');
          break;
        case 'w:pageBreakBefore':
          if (inParaProps && on(a)) ctx.counts.pageBreaks += 1;
          break;
        case 'w:noBreakHyphen':
          addText('-');
          break;
        case 'w:fldChar':
          if (a['w:fldCharType'] === 'begin') {
            fieldDepth += 1;
            fieldInstruction = true;
          } else if (a['w:fldCharType'] === 'separate') fieldInstruction = false;
          else if (a['w:fldCharType'] === 'end') {
            fieldDepth = Math.max(0, fieldDepth - 1);
            fieldInstruction = false;
          }
          break;
        case 'w:ins':
        case 'w:moveTo':
          ctx.counts.insertions += 1;
          break;
        case 'w:commentReference':
          ctx.counts.comments += 1;
          break;
        case 'w:footnoteReference':
          if (paragraph && a['w:id']) paragraph.runs.push({ text: '', bold: false, italic: false, footnote: a['w:id'] });
          break;
        case 'a:blip':
        case 'v:imagedata': {
          const id = a['r:embed'] ?? a['r:id'];
          const link = a['r:link'];
          const rel = id ? ctx.rels.get(id) : undefined;
          if (rel && !rel.external) paragraph?.images.push(resolveTarget(rel.target));
          else if (link || rel?.external) ctx.counts.externalImages += 1;
          break;
        }
        case 'w:hyperlink': {
          const rel = a['r:id'] ? ctx.rels.get(a['r:id']) : undefined;
          if (rel?.external) ctx.counts.externalLinks += 1;
          break;
        }
        default:
      }
    },
    text(text) {
      if (inText) addText(text);
    },
    close(name) {
      if (skipping.has(name)) {
        skip = Math.max(0, skip - 1);
        return;
      }
      if (skip > 0) return;
      switch (name) {
        case 'w:t':
          inText = false;
          break;
        case 'w:rPr':
          inRunProps = false;
          break;
        case 'w:pPr':
          inParaProps = false;
          if (paragraph && numId !== undefined && numId !== '0') {
            const levels = ctx.numbering.get(numId);
            if (levels) paragraph.list = { id: numId, level: ilvl, ...(levels.get(ilvl) ?? { format: 'decimal', text: `%${ilvl + 1}.` }) };
          }
          break;
        case 'w:r':
          run = undefined;
          break;
        case 'w:p': {
          if (!paragraph) break;
          const p = paragraph;
          paragraph = undefined;
          const table = tables.at(-1);
          if (table?.cell) {
            const text = paragraphText(p).replace(/\s+/g, ' ').trim();
            if (text) table.cell.push(text);
          } else if (footnoteId !== undefined) {
            const text = paragraphText(p).trim();
            if (text) footnoteText.push(text);
          } else blocks.push(p);
          break;
        }
        case 'w:tc': {
          const table = tables.at(-1);
          if (table?.cell) table.rows.at(-1)?.push(table.cell.join(' '), ...Array.from({ length: table.span - 1 }, () => ''));
          if (table) table.cell = undefined;
          break;
        }
        case 'w:tbl': {
          const table = tables.pop()!;
          const outer = tables.at(-1);
          const rows = table.rows.filter((r) => r.length > 0);
          if (outer?.cell) outer.cell.push(rows.map((r) => r.join(' ')).join(' '));
          else if (rows.length) blocks.push({ type: 'table', rows });
          break;
        }
        case 'w:footnote':
          if (footnoteId !== undefined && footnoteText.length) onFootnote?.(footnoteId, footnoteText.join(''));
          footnoteId = undefined;
          break;
        default:
      }
    },
  });
  return blocks;
}

/** A relationship target of word/document.xml as a member name (`media/image1.png` → `word/media/image1.png`). */
function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['word'];
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece && piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

/** Reads a .docx package. Throws DocxError (damaged, too large, macros, too long). */
export function readDocx(bytes: Uint8Array): WordDocument {
  if (bytes.length > DOCX_LIMITS.fileBytes) throw new DocxError(msg('import.docx.file-size', { size: mib(bytes.length), limit: mib(DOCX_LIMITS.fileBytes) }), 'import-too-large');
  let entries: Map<string, ZipEntry>;
  try {
    entries = zipEntries(bytes, 2000);
  } catch (error) {
    if (error instanceof ZipError) throw new DocxError(error.message.replace('(an .xlsx file is one)', '(a .docx file is one)'), 'import-damaged');
    throw error;
  }
  // A zip bomb is refused by what the archive declares, before anything is unpacked (and each
  // member is unpacked under a cap anyway, whatever it declares).
  const declared = [...entries.values()].reduce((s, e) => s + e.size, 0);
  if (declared > DOCX_LIMITS.totalBytes) throw new DocxError(msg('import.docx.unpacked', { size: mib(declared), limit: mib(DOCX_LIMITS.totalBytes) }), 'import-too-large');
  const read = (name: string, cap: number): Uint8Array | undefined => {
    const entry = entries.get(name);
    if (!entry) return undefined;
    try {
      return readEntry(bytes, entry, cap);
    } catch (error) {
      if (error instanceof ZipError) throw new DocxError(error.message, /allowed/.test(error.message) ? 'import-too-large' : 'import-damaged');
      throw error;
    }
  };
  const types = read('[Content_Types].xml', DOCX_LIMITS.xmlBytes);
  if (entries.has('word/vbaProject.bin') || (types && new TextDecoder().decode(types).includes('macroEnabled'))) {
    throw new DocxError(msg('import.docx.macros'), 'import-macros');
  }
  const document = read('word/document.xml', DOCX_LIMITS.xmlBytes);
  if (!document) throw new DocxError(msg('import.docx.no-document'), 'import-damaged');

  const app = read('docProps/app.xml', DOCX_LIMITS.xmlBytes);
  let pages: number | undefined;
  if (app) {
    let inPages = false;
    parseXml(app, 'docProps/app.xml', {
      open: (name) => void (inPages = name === 'Pages'),
      text: (t) => void (inPages && (pages = Number(t.trim()) || undefined)),
      close: () => void (inPages = false),
    });
  }
  const tooLong = (n: number) => new DocxError(msg('import.docx.pages', { pages: n, limit: DOCX_LIMITS.pages }), 'import-too-long');
  if (pages !== undefined && pages > DOCX_LIMITS.pages) throw tooLong(pages);

  const counts = { insertions: 0, deletions: 0, comments: 0, hidden: 0, externalImages: 0, externalLinks: 0, pageBreaks: 0 };
  const styles = readStyles(read('word/styles.xml', DOCX_LIMITS.xmlBytes));
  const numbering = readNumbering(read('word/numbering.xml', DOCX_LIMITS.xmlBytes));
  const rels = readRels(read('word/_rels/document.xml.rels', DOCX_LIMITS.xmlBytes), 'word/_rels/document.xml.rels');
  const blocks = readParts(document, 'word/document.xml', { styles, numbering, rels, counts });

  // Word's own count is missing when no word processor laid the document out: its page breaks then tell.
  if (counts.pageBreaks + 1 > DOCX_LIMITS.pages) throw tooLong(counts.pageBreaks + 1);

  const footnotes = new Map<string, string>();
  const notes = read('word/footnotes.xml', DOCX_LIMITS.xmlBytes);
  if (notes) {
    const noteRels = readRels(read('word/_rels/footnotes.xml.rels', DOCX_LIMITS.xmlBytes), 'word/_rels/footnotes.xml.rels');
    readParts(notes, 'word/footnotes.xml', { styles, numbering, rels: noteRels, counts }, (id, text) => footnotes.set(id, text));
  }
  if (counts.comments === 0 && entries.has('word/comments.xml')) {
    let found = 0;
    parseXml(read('word/comments.xml', DOCX_LIMITS.xmlBytes)!, 'word/comments.xml', { open: (name) => void (name === 'w:comment' && found++) });
    counts.comments = found;
  }

  const characters = blocks.reduce((s, b) => s + (b.type === 'paragraph' ? b.runs.reduce((t, r) => t + r.text.length, 0) : b.rows.flat().join('').length), 0);
  if (characters > DOCX_LIMITS.characters) throw new DocxError(msg('import.docx.characters', { count: characters, limit: DOCX_LIMITS.characters }), 'import-too-long');

  const media = new Map<string, Uint8Array>();
  for (const block of blocks) {
    if (block.type !== 'paragraph') continue;
    for (const name of block.images) {
      if (media.has(name)) continue;
      const data = read(name, DOCX_LIMITS.imageBytes);
      if (data) media.set(name, data);
    }
  }
  return { blocks, footnotes, media, counts, ...(pages !== undefined ? { pages } : {}) };
}
