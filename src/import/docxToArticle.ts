// A Word submission (readDocx's WordDocument) → the fields of an article source: title (one or two
// lines), subtitle and byline, the body in bulletin's Markdown (headings by Word's styles or by the
// Chinese numbering 一、（一）1.（1）, bold and italic, lists, pipe tables with their 表：caption,
// notes), the figures with their captions, and the unit's 供稿 line as `source:`. Cleans what Word
// leaves: manual line breaks, runs of spaces, full-width spaces at a paragraph's start, empty
// paragraphs. Pure.
import type { WordDocument, WordParagraph, WordRun, WordTable } from './readDocx.js';

export interface ImportedFigure {
  /** The pictures' member names in the .docx (word/media/…): one, or two or three side by side (one paragraph of Word). */
  media: string[];
  caption?: string;
  /** The body paragraph it is placed at (1 = the first). */
  paragraph: number;
}

export interface ImportedArticle {
  title: string | string[];
  subtitle?: string;
  byline?: string | string[];
  body: string;
  figures: ImportedFigure[];
  source?: string;
  /** True when no title was recognised and the first line or the file name stands in. */
  titleGuessed: boolean;
}

const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…·]/u;

interface Char {
  ch: string;
  bold: boolean;
  italic: boolean;
  note?: string;
}

/** A paragraph's characters, cleaned: manual line breaks joined, runs of spaces made one (none between Chinese), no spaces at either end. */
function cleanChars(runs: readonly WordRun[]): Char[] {
  const chars: Char[] = [];
  for (const r of runs) {
    if (r.footnote) chars.push({ ch: '', bold: false, italic: false, note: r.footnote });
    else for (const ch of r.text.replace(/\u00a0/g, ' ')) chars.push({ ch, bold: r.bold, italic: r.italic });
  }
  const out: Char[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c.ch !== ' ' && c.ch !== '\n' && c.ch !== '\t') {
      out.push(c);
      continue;
    }
    // A stretch of spaces and manual breaks: nothing between Chinese characters or at the edges, else one space.
    let j = i;
    while (j < chars.length && (chars[j]!.ch === ' ' || chars[j]!.ch === '\n' || chars[j]!.ch === '\t')) j++;
    const before = out.at(-1)?.ch;
    const after = chars[j]?.ch;
    const single = j - i === 1 && c.ch === ' ';
    if (before && after && !(CJK.test(before) && CJK.test(after) && !single)) {
      // A single typed space between Chinese is left for the copy-editing check (text-cjk-space) to report.
      if (!(CJK.test(before) && CJK.test(after) && c.ch === '\n')) out.push({ ...c, ch: ' ' });
    }
    i = j - 1;
  }
  // Full-width spaces Word users type to indent a paragraph.
  while (out.length && (out[0]!.ch === '\u3000' || out[0]!.ch === ' ')) out.shift();
  while (out.length && (out.at(-1)!.ch === '\u3000' || out.at(-1)!.ch === ' ')) out.pop();
  return out;
}

const plain = (chars: readonly Char[]) => chars.map((c) => c.ch).join('');

/** Markdown's special characters as text. */
function escapeInline(text: string): string {
  return text.replace(/[\\*_`[\]<>~]/g, (m) => `\\${m}`);
}

/** A line that Markdown would read as a heading, quote, list or rule at its start, made text. */
function escapeLineStart(line: string): string {
  return line.replace(/^(#|>|[-+](?=\s)|\d+(?=[.)]\s)|\|)/, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}

/** The inline Markdown of a paragraph's characters: bold as `**…**`, italic as `*…*`, notes as `[^n]`. */
function inlineMarkdown(chars: readonly Char[], noteNumber: (id: string) => number): string {
  let out = '';
  let k = 0;
  while (k < chars.length) {
    const c = chars[k]!;
    if (c.note !== undefined) {
      out += `[^${noteNumber(c.note)}]`;
      k++;
      continue;
    }
    let j = k;
    while (j < chars.length && chars[j]!.note === undefined && chars[j]!.bold === c.bold && chars[j]!.italic === c.italic) j++;
    const text = chars.slice(k, j).map((x) => x.ch).join('');
    const mark = (c.bold ? '**' : '') + (c.italic ? '*' : '');
    if (!mark || !text.trim()) out += escapeInline(text);
    else {
      // Spaces stay outside the marks (`** 一是**` would not be bold).
      const lead = /^\s*/.exec(text)![0];
      const trail = /\s*$/.exec(text)![0];
      const core = text.slice(lead.length, text.length - trail.length);
      out += `${lead}${mark}${escapeInline(core)}${[...mark].reverse().join('')}${trail}`;
    }
    k = j;
  }
  return out;
}

/** The heading level of the Chinese numbering at a paragraph's start: 一、 → 1, （一） → 2, 1. → 3, （1） → 4. */
export function numberingLevel(text: string): number | undefined {
  if (/^[一二三四五六七八九十]+、/.test(text)) return 1;
  if (/^[（(][一二三四五六七八九十]+[）)]/.test(text)) return 2;
  if (/^[0-9０-９]+[.．](?![0-9])/.test(text)) return 3;
  if (/^[（(][0-9０-９]+[）)]/.test(text)) return 4;
  return undefined;
}

const isEmpty = (p: WordParagraph) => p.images.length === 0 && plain(cleanChars(p.runs)) === '';
const allBold = (p: WordParagraph) => {
  const chars = cleanChars(p.runs).filter((c) => c.ch.trim());
  return chars.length > 0 && chars.every((c) => c.bold);
};
const textOf = (p: WordParagraph) => plain(cleanChars(p.runs));

const SUBTITLE = /^——|^—{1,2}/;
const DATE_LINE = /^[（(]\d{4}年\d{1,2}月\d{1,2}日[）)]$/;
const SOURCE_LINE = /供稿[）)]?$/;
const SIGNED_DATE = /^[0-9０-９〇一二三四五六七八九十]{4}年[0-9０-９一二三四五六七八九十]{1,2}月[0-9０-９一二三四五六七八九十]{1,3}日$/;
const CAPTION_FIGURE = /^图\s*[0-9０-９]*\s*[：:、.．]?/;

/** Converts a Word document to an article; `fallbackTitle` (the file's name) stands in when no title is found. */
export function docxToArticle(doc: WordDocument, fallbackTitle: string): ImportedArticle {
  const blocks = doc.blocks.filter((b) => b.type === 'table' || !isEmpty(b));
  let at = 0;
  const paragraphAt = (i: number) => (blocks[i]?.type === 'paragraph' ? (blocks[i] as WordParagraph) : undefined);

  // ---- The title: the Title style, or a first short paragraph that is centred or bold.
  const titleLines: string[] = [];
  let titleGuessed = false;
  const first = paragraphAt(0);
  const looksLikeTitle = (p: WordParagraph) => p.style === 'title' || ((p.align === 'center' || allBold(p) || p.headingLevel === 1) && textOf(p).length <= 60 && p.images.length === 0);
  if (first && looksLikeTitle(first)) {
    titleLines.push(textOf(first));
    at = 1;
    // A second line of the title: Word users break a long title by hand into a second centred line.
    const next = paragraphAt(1);
    if (next && next.images.length === 0 && next.list === undefined) {
      const t = textOf(next);
      const sameKind = next.style === 'title' ? first.style === 'title' : first.style !== 'title' && next.align === first.align && allBold(next) === allBold(first) && next.align === 'center';
      if (sameKind && t.length >= 4 && t.length <= 40 && !SUBTITLE.test(t) && !DATE_LINE.test(t) && !t.includes('\u3000') && numberingLevel(t) === undefined && !/[。：]$/.test(t)) {
        titleLines.push(t);
        at = 2;
      }
    }
  } else if (first && textOf(first).length <= 40 && first.images.length === 0) {
    titleLines.push(textOf(first));
    at = 1;
  } else {
    titleLines.push(fallbackTitle);
    titleGuessed = true;
  }

  // ---- Subtitle and byline: centred lines right under the title.
  let subtitle: string | undefined;
  const byline: string[] = [];
  for (let p = paragraphAt(at); p; p = paragraphAt(at)) {
    const t = textOf(p);
    if (p.images.length) break;
    if (subtitle === undefined && byline.length === 0 && (p.style === 'subtitle' || SUBTITLE.test(t)) && t.length <= 100) {
      subtitle = t.startsWith('——') ? t : `——${t.replace(/^—+/, '')}`;
      if (p.style === 'subtitle' && !SUBTITLE.test(t)) subtitle = t;
    } else if (byline.length < 4 && ((p.align === 'center' && t.length <= 30 && !allBold(p)) || DATE_LINE.test(t)) && numberingLevel(t) === undefined) {
      byline.push(t);
    } else break;
    at += 1;
  }

  // ---- The source line: the last paragraph, if it is a 供稿 line or a short right-aligned unit name
  // (before a date line that signs the text off, which stays in the body: a date is no unit).
  let end = blocks.length;
  let source: string | undefined;
  const lastIndex = paragraphAt(end - 1) && SIGNED_DATE.test(textOf(paragraphAt(end - 1)!)) ? end - 2 : end - 1;
  const last = paragraphAt(lastIndex);
  if (last && last.images.length === 0 && lastIndex >= at) {
    const t = textOf(last);
    if (t.length <= 60 && !SIGNED_DATE.test(t) && (SOURCE_LINE.test(t) || (last.align === 'right' && t.length <= 30 && !/[。；]$/.test(t)))) {
      source = t.replace(/^[（(]/, '').replace(/[）)]$/, '');
      blocks.splice(lastIndex, 1);
      end -= 1;
    }
  }

  // ---- The body.
  const out: string[] = [];
  const figures: ImportedFigure[] = [];
  const notes: string[] = [];
  const noteNumbers = new Map<string, number>();
  const noteNumber = (id: string) => {
    let n = noteNumbers.get(id);
    if (n === undefined) {
      n = noteNumbers.size + 1;
      noteNumbers.set(id, n);
      notes.push(`[^${n}]: ${escapeLineStart(escapeInline(doc.footnotes.get(id) ?? ''))}`);
    }
    return n;
  };
  let paragraphs = 0;
  /** Blocks of lines; a group's lines are written without a blank line between them (list items, a table with its caption). */
  const groups: string[][] = [];
  let listOpen = false;
  /** The counters of each Word list (by its id), per level. */
  const listCounters = new Map<string, number[]>();

  for (let i = at; i < end; i++) {
    const block = blocks[i]!;
    if (block.type === 'table') {
      groups.push(pipeTable(block));
      listOpen = false;
      continue;
    }
    const p = block;
    if (p.images.length) {
      const text = textOf(p);
      // The caption: text beside the picture that starts with 图, or the next paragraph when it starts with 图 or is a short centred line.
      let caption: string | undefined;
      if (text && CAPTION_FIGURE.test(text)) caption = text;
      else {
        const next = paragraphAt(i + 1);
        const t = next ? textOf(next) : '';
        if (next && i + 1 < end && next.images.length === 0 && t && (/^图/.test(t) || (next.align === 'center' && t.length <= 50 && !/[。；]$/.test(t)))) {
          caption = t;
          i += 1;
        }
      }
      // The caption as typed, 图1 included: the layout does not number figures.
      // Two or three pictures in one paragraph stand side by side in Word: a group; more, one figure each.
      const groups = p.images.length === 2 || p.images.length === 3 ? [p.images] : p.images.map((m) => [m]);
      groups.forEach((media, k) => figures.push({ media, ...(caption && k === groups.length - 1 ? { caption } : {}), paragraph: paragraphs + 1 }));
      if (!text || (caption && text === caption)) continue;
    }
    const chars = cleanChars(p.runs);
    const text = plain(chars);
    if (!text) continue;
    const next = blocks[i + 1];
    const nextNext = blocks[i + 2];
    // A 表1 … line above a table, with a 单位： line perhaps between: the table's caption.
    if (/^表/.test(text) && text.length <= 60 && (next?.type === 'table' || (next?.type === 'paragraph' && /^[（(]?单位[：:]/.test(textOf(next)) && nextNext?.type === 'table'))) {
      const caption = text.replace(/^表\s*[0-9０-９一二三四五六七八九十]*\s*[：:.．、]?\s*/, '');
      const lines = [`表：${escapeInline(caption)}`];
      if (next?.type === 'paragraph') {
        lines.push(escapeInline(textOf(next)));
        i += 1;
      }
      lines.push(...pipeTable(blocks[i + 1] as WordTable));
      i += 1;
      groups.push(lines);
      listOpen = false;
      continue;
    }
    // A list item of Word's automatic numbering: its number or bullet is not in the text. Bullets and
    // 1. 2. 3. become a Markdown list; other numbers (一、 （一） ①) are written before the text as
    // Word shows them, so that a numbered heading is read as one below.
    let numberText = '';
    if (p.list) {
      const { id, level, format, text: pattern } = p.list;
      const counters = listCounters.get(id) ?? [];
      listCounters.set(id, counters);
      counters.length = level + 1;
      counters[level] = (counters[level] ?? 0) + 1;
      const markdownList = format === 'bullet' || (format === 'decimal' && /^%\d[.)]?$/.test(pattern));
      if (markdownList && p.headingLevel === undefined) {
        const marker = format === 'bullet' ? '- ' : `${counters[level]}. `;
        const line = `${marker}${inlineMarkdown(chars, noteNumber)}`;
        if (listOpen) groups.at(-1)!.push(line);
        else groups.push([line]);
        listOpen = true;
        continue;
      }
      if (format !== 'bullet' && format !== 'none') numberText = pattern.replace(/%(\d)/g, (_, n: string) => formatNumber(counters[Number(n) - 1] ?? 1, format));
    }
    listOpen = false;
    // A heading: Word's heading styles, or a short line starting 一、（一）1.（1）.
    const shown = numberText + text;
    const numbered = numberingLevel(shown);
    const short = shown.length <= 50 && !/[。；：！？]$/.test(text);
    const level = p.headingLevel !== undefined && short ? numbered ?? Math.min(4, p.headingLevel) : numbered !== undefined && short && (allBold(p) || text.length <= 30) ? numbered : undefined;
    if (level !== undefined) {
      groups.push([`${'#'.repeat(level)} ${escapeInline(shown)}`]);
      continue;
    }
    paragraphs += 1;
    groups.push([escapeLineStart(escapeInline(numberText) + inlineMarkdown(chars, noteNumber))]);
  }
  if (notes.length) groups.push(...notes.map((n) => [n]));
  for (const f of figures) f.paragraph = Math.max(1, Math.min(f.paragraph, paragraphs));

  const title = titleLines.length === 1 ? titleLines[0]! : titleLines;
  return {
    title,
    ...(subtitle ? { subtitle } : {}),
    ...(byline.length ? { byline: byline.length === 1 ? byline[0]! : byline } : {}),
    body: `${groups.map((g) => g.join('\n')).join('\n\n')}\n`,
    figures,
    ...(source ? { source } : {}),
    titleGuessed,
  };
}

const CHINESE_DIGITS = '〇一二三四五六七八九';

/** A counter in a Word number format: 3 → 3, 三, ③, c, iii. */
function formatNumber(n: number, format: string): string {
  if (/^chinese|^ideograph|^taiwanese|^japaneseCounting/.test(format)) {
    if (n < 10) return CHINESE_DIGITS[n]!;
    if (n < 20) return `十${n % 10 ? CHINESE_DIGITS[n % 10] : ''}`;
    if (n < 100) return `${CHINESE_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CHINESE_DIGITS[n % 10] : ''}`;
    return String(n);
  }
  if (format === 'decimalEnclosedCircle' || format === 'decimalEnclosedCircleChinese') return n <= 20 ? String.fromCharCode(0x245f + n) : String(n);
  if (format === 'lowerLetter' || format === 'upperLetter') {
    const letter = String.fromCharCode(96 + (((n - 1) % 26) + 1));
    return format === 'upperLetter' ? letter.toUpperCase() : letter;
  }
  if (format === 'lowerRoman' || format === 'upperRoman') {
    const numerals: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
    let rest = n;
    let out = '';
    for (const [value, numeral] of numerals) for (; rest >= value; rest -= value) out += numeral;
    return format === 'upperRoman' ? out.toUpperCase() : out;
  }
  return String(n);
}

/** A Word table as a pipe table: the first row is the header; short rows are filled with empty cells. */
function pipeTable(table: WordTable): string[] {
  const width = Math.max(...table.rows.map((r) => r.length));
  const cell = (text: string | undefined) => escapeInline(text ?? '').replace(/\|/g, '\\|');
  const row = (r: readonly string[]) => `| ${Array.from({ length: width }, (_, k) => cell(r[k]) || ' ').join(' | ')} |`;
  const [head, ...rest] = table.rows;
  return [row(head!), `|${'---|'.repeat(width)}`, ...rest.map(row)];
}
