// Notes at the page foot (`layout.notes: page`). Chrome has no footnote area, so the notes of a page
// are set into the flow: a full-width float holding that page's notes (moved out of the article's
// 注释 list, under a short rule, one size smaller, on the grid) is inserted into the paragraph right
// after the last line it leaves room for. The float goes below the line it is inserted in, the rest
// of the paragraph continues after it without a new indent, and its top padding takes up what is left
// of the page, so it ends at the foot of the type area.
//
// Where the line is comes from the PDF: each page is printed, its body lines read back (their text,
// the raised note marks left out) and found again in the article's text. One page at a time, in page
// order: a block is tried after the page's last line; pushed over, it is tried as many lines earlier
// as it measured; a note whose mark moves to the next page goes with that page's notes. An article whose
// notes do not settle in a few tries keeps all of them at its end (a warning says so).
import type { Page } from 'puppeteer-core';
import type { Issue } from '../model/types.js';
import type { PDFDocument } from './pdfLib.js';
import type { Destination } from './readDestinations.js';
import { readPageText } from '../check/readPdfText.js';
import { linePitchMm, ptFromMm } from '../layout/presets.js';

/** One page's notes of one article, and where they go. */
export interface NoteBlock {
  /** The id prefix of the article's notes (`<article id>-note`): a note's `li` is `prefix-n`. */
  readonly prefix: string;
  readonly numbers: readonly number[];
  /** The body lines of the page, last first (white space and note marks left out). */
  readonly lines: readonly string[];
  /** How many of the last lines to leave after the block (the first candidate tried). */
  readonly skip: number;
  /** Padding above the rule (pt) that sets the block's end on the foot of the type area. */
  readonly pad: number;
  /** The page (0-based) it was placed on. */
  readonly pageIndex: number;
}

export interface NotesPlacement {
  readonly blocks: readonly NoteBlock[];
  /** Articles (their notes' id prefix) whose notes stay at the end. */
  readonly atEnd: readonly string[];
}

export const blockId = (i: number) => `page-notes-${i + 1}`;
export const refId = (prefix: string, n: number) => `${prefix}-ref-${n}`;

/**
 * Puts the blocks into the loaded page, after taking out any set before (idempotent). Returns, per
 * block, the index of the candidate line it went after, or -1 when no line was found.
 */
export async function applyNotes(page: Page, blocks: readonly NoteBlock[]): Promise<number[]> {
  return page.evaluate((blocks: NoteBlock[]) => {
    const ns = (t: string) => t.replace(/\s+/g, '');
    // Take out what an earlier apply set: the notes back in their lists, the floats out.
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('.page-notes'))) {
      for (const li of Array.from(el.querySelectorAll<HTMLElement>('li.note'))) {
        for (const q of Array.from(li.querySelectorAll<HTMLElement>('p'))) q.removeAttribute('style');
        const home = document.getElementById(li.dataset.home ?? '');
        const next = Array.from(home?.children ?? []).find((x) => Number((x as HTMLElement).dataset.n) > Number(li.dataset.n));
        home?.insertBefore(li, next ?? null);
      }
      const p = el.parentElement?.closest('p') ?? null;
      el.remove();
      if (p) { p.style.removeProperty('orphans'); p.style.removeProperty('widows'); p.normalize(); }
    }
    for (const s of Array.from(document.querySelectorAll<HTMLElement>('.article-notes'))) s.style.removeProperty('display');
    // The note marks get ids, and links in the anchors nav make Chrome record their pages.
    let nav = document.getElementById('page-notes-anchors');
    if (!nav) {
      nav = document.createElement('nav');
      nav.id = 'page-notes-anchors';
      nav.className = 'pdf-anchors';
      nav.setAttribute('aria-hidden', 'true');
      nav.style.cssText = 'position:absolute;width:0;height:0;overflow:hidden';
      document.body.append(nav);
      const seen = new Set<string>();
      for (const a of Array.from(document.querySelectorAll<HTMLAnchorElement>('sup.note-ref > a'))) {
        const target = a.getAttribute('href')!.slice(1);
        const n = target.slice(target.lastIndexOf('-') + 1);
        const id = `${target.slice(0, target.lastIndexOf('-'))}-ref-${n}`;
        if (seen.has(id)) continue;
        seen.add(id);
        a.parentElement!.id = id;
        const link = document.createElement('a');
        link.href = `#${id}`;
        nav.append(link);
      }
      for (const ol of Array.from(document.querySelectorAll<HTMLElement>('.article-notes ol.notes-list'))) {
        ol.id ||= `${ol.querySelector('li.note')?.id.replace(/-\d+$/, '')}-list`;
        for (const li of Array.from(ol.children) as HTMLElement[]) {
          li.dataset.home = ol.id;
          li.dataset.n = li.id.slice(li.id.lastIndexOf('-') + 1);
        }
      }
    }
    // Links to the blocks' start and end, for this apply's blocks only.
    document.getElementById('page-notes-block-anchors')?.remove();
    const ends = document.createElement('nav');
    ends.id = 'page-notes-block-anchors';
    ends.className = 'pdf-anchors';
    ends.setAttribute('aria-hidden', 'true');
    ends.style.cssText = 'position:absolute;width:0;height:0;overflow:hidden';
    for (let i = 0; i < blocks.length; i++) for (const suffix of ['', '-end']) {
      const link = document.createElement('a');
      link.href = `#page-notes-${i + 1}${suffix}`;
      ends.append(link);
    }
    document.body.append(ends);
    const result = blocks.map((b, i) => {
      const ref = document.getElementById(`${b.prefix}-ref-${b.numbers[0]}`);
      const body = ref?.closest('.article-body');
      if (!ref || !body) return -1;
      // The text of the article and those after it, white space and note marks left out, with where each character is.
      const chars: { node: Text; offset: number }[] = [];
      let text = '';
      let refAt = -1;
      // (A walk by hand: the page's scripts are off, so a TreeWalker's filter callback cannot run.)
      const visit = (n: Node): void => {
        if (n === ref) { refAt = text.length; return; }
        if (n instanceof HTMLElement && n.matches('sup.note-ref, .page-notes, figure, .figure')) return;
        if (n instanceof Text) {
          const data = n.data;
          for (let k = 0; k < data.length; k++) {
            if (/\s/.test(data[k]!)) continue;
            chars.push({ node: n, offset: k });
            text += data[k];
          }
          return;
        }
        for (const c of Array.from(n.childNodes)) visit(c);
      };
      // This article's body and those after it: the page's last line may be in the next article.
      const bodies = Array.from(document.querySelectorAll<HTMLElement>('.article-body'));
      for (const b of bodies.slice(bodies.indexOf(body as HTMLElement))) visit(b);
      for (let c = b.skip; c < b.lines.length; c++) {
        const line = ns(b.lines[c]!);
        if (!line) continue;
        const at = text.indexOf(line, Math.max(0, refAt - line.length));
        if (at < 0) continue;
        const last = chars[at + line.length - 1]!;
        const para = last.node.parentElement?.closest('p');
        // Only a paragraph of the body's own text (not a table cell, a heading or a quotation's).
        if (!para || !para.parentElement?.classList.contains('article-body') || para.className) continue;
        // At the paragraph's end the block follows it; within it, a float the rest of it flows after.
        const ends = chars[at + line.length]?.node.parentElement?.closest('p') !== para;
        const box = document.createElement('div');
        box.className = 'page-notes';
        box.id = `page-notes-${i + 1}`;
        box.style.cssText = `${ends ? '' : 'float:left;'}clear:both;width:100%;break-inside:avoid;text-indent:0;padding-top:${b.pad}pt;font-size:var(--caption-size);line-height:var(--pitch);letter-spacing:0;text-align:justify;line-break:strict;overflow-wrap:anywhere;font-family:var(--font-body)`;
        const rule = document.createElement('div');
        rule.style.cssText = 'width:25%;height:calc(var(--pitch) / 2);border-bottom:0.5pt solid currentColor;margin-bottom:calc(var(--pitch) / 2)';
        box.append(rule);
        const ol = document.createElement('ol');
        ol.className = 'notes-list';
        ol.style.cssText = 'margin:0;padding:0;list-style:none';
        for (const n of b.numbers) {
          const li = document.getElementById(`${b.prefix}-${n}`);
          if (!li) continue;
          ol.append(li);
          // The body's paragraph style (indent, tracking) is not the notes': each hangs after its mark.
          for (const q of Array.from(li.querySelectorAll<HTMLElement>('p'))) {
            q.style.cssText = `text-indent:${q.classList.contains('note-text') ? '-1em' : '0'};padding-left:1em;letter-spacing:normal;orphans:1;widows:1`;
          }
        }
        box.append(ol);
        const end = document.createElement('div');
        end.id = `page-notes-${i + 1}-end`;
        box.append(end);
        if (ends) {
          para.after(box);
        } else {
          const after = last.node.splitText(last.offset + 1);
          after.parentNode!.insertBefore(box, after);
          para.style.setProperty('orphans', '1');
          para.style.setProperty('widows', '1');
        }
        return c;
      }
      return -1;
    });
    // An article's 注释 goes when every note of it is at a page foot.
    for (const s of Array.from(document.querySelectorAll<HTMLElement>('.article-notes'))) {
      if (!s.querySelector('li.note')) s.style.setProperty('display', 'none');
    }
    return result;
  }, blocks as NoteBlock[]);
}

/** The body lines of a page, last first (PDF heights grow upwards): runs grouped by baseline inside the type area, the raised marks left out. */
function bodyLines(pdf: PDFDocument, index: number, issue: Issue): string[] {
  const g = issue.series.layout.geometry;
  const text = readPageText(pdf, index);
  const top = text.page.y1 - ptFromMm(g.margins.top);
  const bottom = top - ptFromMm(g.typeArea.height);
  const lines = new Map<number, { x: number; t: string }[]>();
  for (const r of text.runs) {
    if (r.hidden || r.baseline > top || r.baseline < bottom - 2 || r.size < g.sizes.body * 0.75) continue;
    const key = [...lines.keys()].find((k) => Math.abs(k - r.baseline) < 2) ?? r.baseline;
    if (!lines.has(key)) lines.set(key, []);
    lines.get(key)!.push({ x: r.box.x0, t: r.text });
  }
  return [...lines].sort((a, b) => a[0] - b[0]).map(([, rs]) => rs.sort((a, b) => a.x - b.x).map((r) => r.t).join('').replace(/\s+/g, ''));
}

export interface NotesOutcome {
  placement: NotesPlacement;
  /** Prints it took. */
  prints: number;
}

const MAX_TRIES = 6;

/**
 * Places every note of the issue at the foot of the page its mark is on. `print` prints the page as
 * it is loaded (the placement applied) and gives the PDF and its destinations.
 */
export async function placeNotes(
  page: Page,
  issue: Issue,
  print: () => Promise<{ pdf: PDFDocument; dests: ReadonlyMap<string, Destination> }>,
): Promise<NotesOutcome> {
  const g = issue.series.layout.geometry;
  const pitch = ptFromMm(linePitchMm(g));
  const typeAreaPt = ptFromMm(g.typeArea.height);
  const articles = issue.sections.flatMap((s) => s.articles).map((a) => {
    const notes = a.blocks.flatMap((b) => (b.type === 'footnotes' ? b.notes.map((n) => n.number) : []));
    return { prefix: `${a.id}-note`, notes };
  }).filter((a) => a.notes.length);
  const blocks: NoteBlock[] = [];
  const atEnd = new Set<string>();
  let prints = 0;
  await applyNotes(page, blocks);
  let printed = await print();
  prints++;
  const placed = (prefix: string, n: number) => blocks.some((b) => b.prefix === prefix && b.numbers.includes(n));
  for (let guard = 0; guard < 200; guard++) {
    // The first note not yet placed, in page order, and the notes of its article on the same page.
    const open = articles.filter((a) => !atEnd.has(a.prefix)).flatMap((a) => a.notes.filter((n) => !placed(a.prefix, n)).map((n) => ({ prefix: a.prefix, n, at: printed.dests.get(refId(a.prefix, n)) })));
    const next = open.filter((o) => o.at).sort((x, y) => x.at!.pageIndex - y.at!.pageIndex || (x.at!.top ?? 0) - (y.at!.top ?? 0))[0];
    if (!next) {
      // A note whose mark has no page (not printed) stays at the end with its article.
      for (const o of open) atEnd.add(o.prefix);
      break;
    }
    const pageIndex = next.at!.pageIndex;
    let numbers = open.filter((o) => o.prefix === next.prefix && o.at?.pageIndex === pageIndex).map((o) => o.n);
    const lines = bodyLines(printed.pdf, pageIndex, issue);
    let skip = 0;
    let pad = 0;
    let done = false;
    const i = blocks.length;
    // A page already holding another article's notes: this article keeps its notes at the end.
    if (blocks.some((b) => b.prefix !== next.prefix && b.pageIndex === pageIndex)) {
      atEnd.add(next.prefix);
    } else {
      for (let t = 0; t < MAX_TRIES && numbers.length; t++) {
        const block: NoteBlock = { prefix: next.prefix, numbers, lines, skip, pad, pageIndex };
        const used = (await applyNotes(page, [...blocks, block]))[i]!;
        if (used < 0) break;
        const tried = await print();
        prints++;
        const start = tried.dests.get(blockId(i));
        const end = tried.dests.get(`${blockId(i)}-end`);
        const moved = numbers.filter((n) => (tried.dests.get(refId(next.prefix, n))?.pageIndex ?? -1) !== pageIndex);
        if (!start || !end || start.top === undefined || end.top === undefined) break;
        if (moved.length) {
          // Marks pushed over by the block go with the next page's notes.
          numbers = numbers.filter((n) => !moved.includes(n));
          pad = 0;
          continue;
        }
        if (start.pageIndex !== pageIndex || end.pageIndex !== pageIndex) {
          // Pushed over: measured where it landed, tried as many lines earlier as it is high.
          const needed = Math.ceil((end.top - start.top - pad) / pitch - 0.1);
          skip = Math.max(used + 1, needed);
          pad = 0;
          continue;
        }
        const gap = typeAreaPt - 1 - end.top;
        if (gap < pitch * 0.5) {
          blocks.push(block);
          printed = tried;
          done = true;
          break;
        }
        pad = Math.max(0, Math.round((pad + gap) * 100) / 100);
        skip = used;
      }
      if (!done) atEnd.add(next.prefix);
    }
    if (!done) {
      // Set back without it; its article's blocks go too (all of an article's notes at its end).
      for (let k = blocks.length - 1; k >= 0; k--) if (atEnd.has(blocks[k]!.prefix)) blocks.splice(k, 1);
      await applyNotes(page, blocks);
      printed = await print();
      prints++;
    }
  }
  return { placement: { blocks, atEnd: [...atEnd] }, prints };
}

/**
 * What of a placement the final print does not keep: a block not on the page of its marks, or not
 * ending at the foot of the type area (the pagination moved after it was placed). Each as the
 * article's notes prefix and the block's numbers.
 */
export function unkeptNotes(placement: NotesPlacement, dests: ReadonlyMap<string, Destination>, issue: Issue): { prefix: string; numbers: readonly number[] }[] {
  const g = issue.series.layout.geometry;
  const pitch = ptFromMm(linePitchMm(g));
  const typeAreaPt = ptFromMm(g.typeArea.height);
  return placement.blocks.filter((b, i) => {
    const start = dests.get(blockId(i));
    const end = dests.get(`${blockId(i)}-end`);
    if (!start || !end || end.top === undefined || start.pageIndex !== end.pageIndex) return true;
    if (b.numbers.some((n) => dests.get(refId(b.prefix, n))?.pageIndex !== end.pageIndex)) return true;
    const gap = typeAreaPt - end.top;
    return gap < -pitch * 0.5 || gap > pitch;
  }).map((b) => ({ prefix: b.prefix, numbers: b.numbers }));
}
