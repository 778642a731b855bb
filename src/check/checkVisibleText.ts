// The self-check's reading of the body: every section label, article title and block of text (the
// editor's notes, paragraphs, headings, list items, source lines) must be visible in the PDF, in the
// order of the source, and every caption somewhere on the pages. A series stylesheet that hides a
// paragraph (display: none, transparent or white text, a tiny size, a box of no height with overflow
// hidden) fails the build, naming what a reader would miss. Where each block was found (its runs) is
// what the geometry check (checkGeometry.ts) measures.
import type { Issue } from '../model/types.js';
import { inlineText, noteMark, rowText, textBlocks, type Block, type Table } from '../model/blocks.js';
import { msg, type Message } from '../i18n/message.js';
import type { HiddenReason, PageText, TextRun } from './readPdfText.js';
import { checkProblem } from './problem.js';

/** How a run is hidden, as the problems say it. */
const HIDDEN: Record<HiddenReason, Message> = {
  invisible: msg('self-check.hidden.invisible'),
  transparent: msg('self-check.hidden.transparent'),
  tiny: msg('self-check.hidden.tiny'),
  clipped: msg('self-check.hidden.clipped'),
  background: msg('self-check.hidden.background'),
  covered: msg('self-check.hidden.covered'),
};

export interface VisibleTextProblem {
  /** What is missing: 「【工作动态】」, the title of an article, paragraph 3 of an article. */
  what: Message;
  /** In English; `text` is the catalogue message (for every language). */
  message: string;
  text: Message;
}

/** What a block of the source is, for the checks that treat kinds differently. */
export type ItemKind = 'label' | 'title' | 'note' | 'paragraph' | 'heading' | 'source' | 'caption' | 'footnote' | 'quote' | 'byline' | 'attachment' | 'table';

/** A block of the source found in the PDF: the runs that draw it, by body page (0-based). */
export interface FoundItem {
  /** What it is, as the problems name it: 「paragraph 3 of 「T」」. */
  what: Message;
  kind: ItemKind;
  /** For a caption: its figure (to skip pictures the check cannot see, SVG drawn as shapes). */
  figure?: { article: string; index: number; svg: boolean };
  /** The id of the article a paragraph, heading or source line belongs to (fitting sets articles apart). */
  article?: string;
  /** The body page its first character is drawn on (0-based). */
  page: number;
  runs: { page: number; run: TextRun }[];
}

export interface TextLocation {
  problems: VisibleTextProblem[];
  found: FoundItem[];
}

/** Characters that print as nothing or as one of several look-alikes are compared loosely. */
const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D]/g;
const DOTS = /[\u00B7\u2027\u2219\u22C5\u30FB\uFF65]/g;
const INVISIBLE = /[\s\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF\uFFFD]/gu;

/** The text as compared: compatibility forms folded (NFKC), lower case, no white space or invisible characters. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(DASHES, '-').replace(DOTS, '·').replace(INVISIBLE, '');
}

/**
 * How a block may be broken up in the PDF's drawing order: into pieces of at least MIN_PIECE
 * characters (the last may be shorter), with at most GAP characters between two pieces on a page (a
 * hyphen, a number drawn out of order), or continued on the next page when at most PAGE_TAIL
 * characters follow it on its page (the footer; the next page draws its captions first). Scattered
 * characters never count: a hidden phrase is not found again in the letters of the text after it.
 */
const MIN_PIECE = 4;
const GAP = 24;
const PAGE_TAIL = 96;
/** Backing off from the longest match (the text after a piece may begin like the block goes on). */
const BACK_OFF = 3;
/** Work allowed for the whole search, in characters compared: a bound for pathological text. */
const BUDGET = 50_000_000;

interface Item {
  what: Message;
  kind: ItemKind;
  text: string;
  figure?: FoundItem['figure'];
  /** A table's caption or unit line. */
  above?: boolean;
  /** The id of the article it belongs to (a fitted article keeps its own pitch). */
  article?: string;
}

/** A table's caption, unit line and rows (the header once: it may repeat on the pages the table runs on). */
function tableItems(table: Table, what: Message): Item[] {
  const items: Item[] = [];
  if (table.caption) items.push({ what: msg('self-check.what.table-caption', { table: what }), kind: 'table', text: inlineText(table.caption), above: true });
  if (table.unit) items.push({ what: msg('self-check.what.table-unit', { table: what }), kind: 'table', text: table.unit, above: true });
  table.head.forEach((row, r) => items.push({ what: msg('self-check.what.table-header', { row: r + 1, table: what }), kind: 'table', text: rowText(row) }));
  table.body.forEach((row, r) => items.push({ what: msg('self-check.what.table-row', { row: r + 1, table: what }), kind: 'table', text: rowText(row) }));
  return items.filter((item) => item.text.trim() !== '');
}

function noteItems(note: readonly Block[] | undefined, whose: Message): Item[] {
  return textBlocks(note ?? []).map((block, i) => ({ what: i > 0 ? msg('self-check.what.note-part', { note: whose, part: i + 1 }) : whose, kind: 'note' as const, text: inlineText(block.content) }));
}

/** What must be visible, in order, and the captions (drawn where their figure floats: in any order). */
function itemsOf(issue: Issue): { ordered: Item[]; captions: { title: number; item: Item }[] } {
  const ordered: Item[] = noteItems(issue.note, msg('self-check.what.issue-note'));
  const captions: { title: number; item: Item }[] = [];
  for (const section of issue.sections) {
    if (section.label !== undefined) ordered.push({ what: msg('self-check.what.label', { label: section.label }), kind: 'label', text: section.label });
    for (const article of section.articles) {
      const title = ordered.length;
      ordered.push({ what: msg('self-check.what.title', { title: article.title }), kind: 'title', text: article.titleLines.join('') });
      article.subtitle !== undefined && ordered.push({ what: msg('self-check.what.subtitle', { title: article.title }), kind: 'byline', text: article.subtitle });
      article.byline.forEach((line, i) => ordered.push({ what: msg('self-check.what.byline', { number: i + 1, title: article.title }), kind: 'byline', text: line }));
      ordered.push(...noteItems(article.note, msg('self-check.what.article-note', { title: article.title })));
      let paragraph = 0;
      let table = 0;
      for (const top of article.blocks) {
        if (top.type === 'footnotes') continue;
        if (top.type === 'table') {
          // The rows in order; the caption and unit line above them may be drawn after them, so anywhere.
          const items = tableItems(top, msg('self-check.what.table', { number: ++table, title: article.title }));
          ordered.push(...items.filter((item) => !item.above).map((item) => ({ ...item, article: article.id })));
          captions.push(...items.filter((item) => item.above).map((item) => ({ title, item })));
          continue;
        }
        // A quotation is set in 楷体: its lines keep the grid's pitch, but the face puts its baseline elsewhere in the line.
        const quoted = top.type === 'quote';
        for (const block of textBlocks([top])) {
          const heading = block.type === 'heading';
          const what = heading ? msg('self-check.what.heading', { title: article.title }) : msg(quoted ? 'self-check.what.quote' : 'self-check.what.paragraph', { number: ++paragraph, title: article.title });
          ordered.push({ what, kind: heading ? 'heading' : quoted ? 'quote' : 'paragraph', text: inlineText(block.content), article: article.id });
        }
      }
      article.attachments.forEach((x, i) => ordered.push({ what: msg('self-check.what.attachment-entry', { number: i + 1, title: article.title }), kind: 'attachment', text: `${article.attachments.length > 1 ? `${i + 1}.` : ''}${x.title}` }));
      if (article.source) ordered.push({ what: msg('self-check.what.source', { title: article.title }), kind: 'source', text: `（${article.source}）`, article: article.id });
      // The notes (注释) come after the source line, each with its mark (or at the foot of their pages).
      for (const block of article.blocks) {
        if (block.type !== 'footnotes') continue;
        for (const note of block.notes) {
          textBlocks(note.blocks).forEach((b, i) => {
            const item = { what: msg('self-check.what.footnote', { mark: noteMark(note.number), title: article.title }), kind: 'footnote' as const, text: `${i === 0 ? noteMark(note.number) : ''}${inlineText(b.content)}` };
            // At the page foot (layout.notes: page) a note is printed amid the body: looked for like a caption.
            if (issue.series.layout.notes === 'page') captions.push({ title, item });
            else ordered.push(item);
          });
        }
      }
      // Attachments printed with the issue: 附件N, the title, the text, each on pages of its own.
      article.attachments.forEach((x, i) => {
        if (!x.blocks) return;
        const name = msg('self-check.what.attachment', { number: i + 1, title: article.title });
        ordered.push({ what: msg('self-check.what.attachment-title', { attachment: name }), kind: 'title', text: x.title });
        textBlocks(x.blocks.filter((b) => b.type !== 'footnotes')).forEach((b, k) => ordered.push({ what: msg('self-check.what.attachment-paragraph', { number: k + 1, attachment: name }), kind: b.type === 'heading' ? 'heading' : 'paragraph', text: inlineText(b.content) }));
      });
      article.figures.forEach((figure, index) => {
        if (!figure.captionContent?.length) return;
        const item = { what: msg('self-check.what.caption', { number: index + 1, title: article.title }), kind: 'caption' as const, text: inlineText(figure.captionContent), figure: { article: article.id, index, svg: figure.mime === 'image/svg+xml' } };
        captions.push({ title, item });
      });
      // A group's shared caption, printed once under its photos (checked under them like the others).
      article.figures.forEach((figure, index) => {
        const group = figure.group;
        if (group?.index !== 0 || !group.captionContent?.length) return;
        const item = { what: msg('self-check.what.group-caption', { number: group.entry + 1, title: article.title }), kind: 'caption' as const, text: inlineText(group.captionContent), figure: { article: article.id, index, svg: false } };
        captions.push({ title, item });
      });
    }
  }
  return { ordered, captions };
}

function quote(text: string): string {
  const chars = [...text.replace(/\s+/g, '')];
  return chars.length > 16 ? `${chars.slice(0, 16).join('')}…` : chars.join('');
}

/**
 * `bodyPages`: the text of the body pages as readPdfText reads them. `unprintable`: characters no font
 * has (they print as an empty box, or in a fallback face: either way they are not compared).
 */
export function checkVisibleText(issue: Issue, bodyPages: readonly PageText[], unprintable: ReadonlySet<string> = new Set()): VisibleTextProblem[] {
  return locateText(issue, bodyPages, unprintable).problems;
}

/** {@link checkVisibleText}, and where each block of the source was found: the runs that draw it. */
export function locateText(issue: Issue, bodyPages: readonly PageText[], unprintable: ReadonlySet<string> = new Set()): TextLocation {
  const fold = (t: string) => [...foldText(t)].filter((c) => !unprintable.has(c)).join('');
  // The visible runs folded one by one, so that each character of the text is known to come from its run.
  const owners: { page: number; run: TextRun; from: number; to: number }[] = [];
  const pageEnds: number[] = [];
  let text = '';
  bodyPages.forEach((page, p) => {
    for (const run of page.runs) {
      if (run.hidden) continue;
      const t = fold(run.text);
      if (!t) continue;
      owners.push({ page: p, run, from: text.length, to: text.length + t.length });
      text += t;
    }
    pageEnds.push(text.length);
  });
  const pageOf = (i: number) => {
    let lo = 0;
    let hi = pageEnds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pageEnds[mid]! > i) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  /** The index in `owners` of the run that holds `text[i]`. */
  const ownerOf = (i: number) => {
    let lo = 0;
    let hi = owners.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (owners[mid]!.from <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  let budget = BUDGET;
  /** The pieces of the last match found ([start, end) in `text`), pushed as the successful search unwinds. */
  let pieces: [number, number][] = [];
  /** `p` from `k` on, its next piece starting at `text[i]`: the end of the match in `text`, or -1. */
  const match = (p: string, k: number, i: number): number => {
    let n = 0;
    while (k + n < p.length && text[i + n] === p[k + n]) n++;
    budget -= n + GAP;
    if (k + n === p.length) {
      pieces.push([i, i + n]);
      return i + n;
    }
    if (budget < 0) return -1;
    for (let back = 0; back <= BACK_OFF && n - back >= MIN_PIECE; back++) {
      const kk = k + n - back;
      const ii = i + n - back;
      const need = p.slice(kk, kk + MIN_PIECE);
      const near = text.slice(ii + 1, ii + 1 + GAP + need.length).indexOf(need);
      if (near >= 0) {
        const end = match(p, kk, ii + 1 + near);
        if (end >= 0) {
          pieces.push([i, ii]);
          return end;
        }
      }
      // The block goes on on the next page, after what that page draws first.
      const page = pageOf(ii - 1);
      if (page + 1 < pageEnds.length && pageEnds[page]! - ii <= PAGE_TAIL) {
        for (let j = text.indexOf(need, pageEnds[page]!); j >= 0 && j < pageEnds[page + 1]!; j = text.indexOf(need, j + 1)) {
          const end = match(p, kk, j);
          if (end >= 0) {
            pieces.push([i, ii]);
            return end;
          }
          if (budget < 0) return -1;
        }
      }
      if (budget < 0) return -1;
    }
    return -1;
  };
  const find = (p: string, from: number): number => {
    const first = p.slice(0, MIN_PIECE);
    for (let j = text.indexOf(first, from); j >= 0; j = text.indexOf(first, j + 1)) {
      pieces = [];
      const end = match(p, 0, j);
      if (end >= 0) return end;
      if (budget < 0) return -1;
    }
    return -1;
  };
  /**
   * The runs of the last match, in drawing order: those it covers at least half of (a piece may
   * begin in a run that only shares a few words with the block).
   */
  const foundItem = (item: Item): FoundItem => {
    const covered = new Map<number, number>();
    for (const [a, b] of pieces) {
      for (let o = ownerOf(a); o < owners.length && owners[o]!.from < b; o++) {
        const { from, to } = owners[o]!;
        covered.set(o, (covered.get(o) ?? 0) + Math.min(b, to) - Math.max(a, from));
      }
    }
    const runs = [...covered].filter(([o, n]) => n * 2 >= owners[o]!.to - owners[o]!.from).sort((x, y) => x[0] - y[0])
      .map(([o]) => ({ page: owners[o]!.page, run: owners[o]!.run }));
    const found: FoundItem = { what: item.what, kind: item.kind, page: runs[0]?.page ?? pageOf(Math.min(...pieces.map(([a]) => a))), runs };
    if (item.figure) found.figure = item.figure;
    if (item.article) found.article = item.article;
    return found;
  };

  const problems: VisibleTextProblem[] = [];
  const found: FoundItem[] = [];
  const missing = (item: Item, p: string) => {
    if (budget < 0) {
      problems.push({ what: item.what, ...checkProblem(msg('self-check.visible.timeout', { what: item.what })) });
      return;
    }
    // Seen, but before what comes before it in the source: out of order.
    const why = find(p, 0) >= 0 ? msg('self-check.visible.out-of-order') : whyHidden(p, bodyPages, text, fold);
    problems.push({ what: item.what, ...checkProblem(msg('self-check.visible.missing', { what: item.what, text: quote(item.text), why })) });
  };
  const { ordered, captions } = itemsOf(issue);
  /** Where each ordered item was found (its first character), or -1. */
  const starts: number[] = [];
  let cursor = 0;
  for (const item of ordered) {
    const p = fold(item.text);
    starts.push(-1);
    if (p.length === 0) continue;
    const end = find(p, cursor);
    if (end >= 0) {
      cursor = end;
      starts[starts.length - 1] = Math.min(...pieces.map(([a]) => a));
      found.push(foundItem(item));
      continue;
    }
    missing(item, p);
    if (budget < 0) return { problems, found };
  }
  // A caption is drawn with its figure, which floats: looked for from the page its article starts on,
  // whole (it is short: pieces of it are found in any text), in lines of its own (runs that hold
  // nothing else) rather than as words of the body.
  // Of several such lines (a heading may read like a caption), one on a page with a picture.
  const whole = (p: string, from: number): boolean => {
    let any = -1;
    let aligned = -1;
    for (let j = text.indexOf(p, from); j >= 0; j = text.indexOf(p, j + 1)) {
      if (owners[ownerOf(j)]!.from === j && owners[ownerOf(j + p.length - 1)]!.to === j + p.length) {
        if (bodyPages[pageOf(j)]!.images.length > 0) {
          aligned = j;
          break;
        }
        if (aligned < 0) aligned = j;
      }
      if (any < 0) any = j;
    }
    const at = aligned >= 0 ? aligned : any;
    if (at >= 0) pieces = [[at, at + p.length]];
    return at >= 0;
  };
  for (const { title, item } of captions) {
    const p = fold(item.text);
    if (p.length === 0) continue;
    const from = starts[title]! >= 0 ? (pageEnds[pageOf(starts[title]!) - 1] ?? 0) : 0;
    if (whole(p, from) || whole(p, 0) || find(p, from) >= 0 || find(p, 0) >= 0) found.push(foundItem(item));
    else missing(item, p);
    if (budget < 0) break;
  }
  return { problems, found };
}

/** Why a block is not seen: how the runs drawn invisible that hold it (or part of it) are hidden. */
function whyHidden(p: string, pages: readonly PageText[], visible: string, fold: (t: string) => string): Message {
  // The hidden runs in drawing order, as one text (Chrome draws a glyph or a few per run), and the
  // stretches of consecutive runs hidden the same way.
  let hiddenText = '';
  const reasons: HiddenReason[] = [];
  const stretches: { text: string; reason: HiddenReason }[] = [];
  for (const page of pages) {
    let stretch: { text: string; reason: HiddenReason } | undefined;
    for (const run of page.runs) {
      const t = fold(run.text);
      if (!run.hidden) {
        if (t) stretch = undefined;
        continue;
      }
      hiddenText += t;
      for (let i = 0; i < t.length; i++) reasons.push(run.hidden);
      if (stretch?.reason !== run.hidden) stretches.push((stretch = { text: '', reason: run.hidden }));
      stretch.text += t;
    }
  }
  // Its first characters, or a good share of its pieces, among the hidden runs or the visible text.
  const piece = Math.min(p.length, 8);
  const at = hiddenText.indexOf(p.slice(0, piece));
  if (at >= 0) return msg('self-check.visible.all', { how: HIDDEN[reasons[at]!] });
  const part = stretches.filter((r) => r.text.length >= MIN_PIECE && p.includes(r.text)).sort((a, b) => b.text.length - a.text.length)[0];
  if (part) return msg('self-check.visible.part', { how: HIDDEN[part.reason] });
  const chunks: string[] = [];
  for (let k = 0; k + piece <= p.length; k += piece) chunks.push(p.slice(k, k + piece));
  const enough = Math.max(1, Math.ceil(chunks.length / 3));
  const inHidden = chunks.map((c) => hiddenText.indexOf(c)).filter((j) => j >= 0);
  if (inHidden.length >= enough) return msg('self-check.visible.part', { how: HIDDEN[reasons[inHidden[0]!]!] });
  const inVisible = chunks.filter((c) => visible.includes(c)).length;
  if (inVisible >= 2 && inVisible >= chunks.length / 2) return msg('self-check.visible.part-missing');
  return msg('self-check.visible.not-drawn');
}
