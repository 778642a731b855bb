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
import { CONTRACT } from '../render/templateContract.js';

/** The notes of one article in a page's block (an article's notes keep its own numbers ①②…). */
export interface NoteGroup {
  /** The id prefix of the article's notes (`<article id>-note`): a note's `li` is `prefix-n`. */
  readonly prefix: string;
  readonly numbers: readonly number[];
}

/** One page's notes (of one article or more), and where they go. */
export interface NoteBlock {
  /** In page order: the first group's first mark is the page's first. */
  readonly groups: readonly NoteGroup[];
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
      const first = b.groups[0];
      const ref = first ? document.getElementById(`${first.prefix}-ref-${first.numbers[0]}`) : null;
      const article = ref?.closest('article.article');
      if (!ref || !article) return -1;
      // The printed text of the article and those after it (titles, bylines, bodies, source lines, notes
      // left at an end), white space and note marks left out, with where each character is.
      const chars: { node: Text; offset: number }[] = [];
      let text = '';
      let refAt = -1;
      // (A walk by hand: the page's scripts are off, so a TreeWalker's filter callback cannot run.)
      const visit = (n: Node): void => {
        if (n === ref) { refAt = text.length; return; }
        if (n instanceof HTMLElement && (n.matches('sup.note-ref, .page-notes, figure, .figure, .pdf-anchors') || n.style.display === 'none')) return;
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
      // The page's last line may be in a later article: all of them from this one on.
      const articles = Array.from(document.querySelectorAll<HTMLElement>('article.article'));
      for (const a of articles.slice(articles.indexOf(article as HTMLElement))) visit(a);
      // Each line found in the text, top to bottom, as a chain: from the line of the first mark on, each
      // line after the one above it (a line of repeated words is not taken for an earlier one).
      const at: number[] = b.lines.map(() => -1);
      let pos = -1;
      for (let c = b.lines.length - 1; c >= 0; c--) {
        const line = ns(b.lines[c]!);
        if (!line) continue;
        if (pos < 0) {
          const found = text.indexOf(line, Math.max(0, refAt - line.length));
          if (found < 0 || found > refAt) continue;
          at[c] = found;
          pos = found + line.length;
        } else {
          const found = text.indexOf(line, pos);
          if (found < 0 || found - pos > 400) continue;
          at[c] = found;
          pos = found + line.length;
        }
      }
      if (pos < 0) {
        // The mark's own line not found (a mark in a table cell): each line after the mark.
        for (let c = 0; c < b.lines.length; c++) {
          const line = ns(b.lines[c]!);
          if (line) at[c] = text.indexOf(line, Math.max(0, refAt - line.length));
        }
      }
      for (let c = b.skip; c < b.lines.length; c++) {
        const line = ns(b.lines[c]!);
        if (!line || at[c]! < 0) continue;
        const last = chars[at[c]! + line.length - 1]!;
        const el = last.node.parentElement!;
        const nextEl = chars[at[c]! + line.length]?.node.parentElement ?? null;
        const para = el.closest('p');
        // A paragraph of the body's own text: the block follows it at its end, or is a float within it
        // that the rest of the paragraph flows after.
        const plain = !!para && !!para.parentElement?.classList.contains('article-body') && !para.className;
        // Any other block of an article (a quotation, a table, a source line, the notes at an end): the
        // block follows it when this is its last line; a title, byline or heading is not left above the notes.
        const outer = plain ? para : (el.closest('.article-body > *') ?? el.closest('article.article > *'));
        if (!outer || outer.matches('.article-title, .article-lines, .article-body, h1, h2, h3, h4, h5, h6, .h-1, .h-2, .h-3, .h-4, .table-caption, .table-unit')) continue;
        const ends = !nextEl || !outer.contains(nextEl);
        if (!plain && !ends) continue;
        const box = document.createElement('div');
        box.className = 'page-notes';
        box.id = `page-notes-${i + 1}`;
        box.style.cssText = `${ends ? '' : 'float:left;'}clear:both;width:100%;break-inside:avoid;text-indent:0;padding-top:${b.pad}pt;font-size:var(--caption-size);line-height:var(--pitch);letter-spacing:0;text-align:justify;line-break:strict;overflow-wrap:anywhere;font-family:var(--font-body);font-weight:normal;text-align-last:auto`;
        const rule = document.createElement('div');
        rule.style.cssText = 'width:25%;height:calc(var(--pitch) / 2);border-bottom:0.5pt solid currentColor;margin-bottom:calc(var(--pitch) / 2)';
        box.append(rule);
        // Each article's notes in a list of their own, with its own numbers.
        for (const g of b.groups) {
          const ol = document.createElement('ol');
          ol.className = 'notes-list';
          ol.style.cssText = 'margin:0;padding:0;list-style:none';
          for (const n of g.numbers) {
            const li = document.getElementById(`${g.prefix}-${n}`);
            if (!li) continue;
            ol.append(li);
            // The body's paragraph style (indent, tracking) is not the notes': each hangs after its mark.
            for (const q of Array.from(li.querySelectorAll<HTMLElement>('p'))) {
              q.style.cssText = `text-indent:${q.classList.contains('note-text') ? '-1em' : '0'};padding-left:1em;letter-spacing:normal;orphans:1;widows:1`;
            }
          }
          box.append(ol);
        }
        const end = document.createElement('div');
        end.id = `page-notes-${i + 1}-end`;
        box.append(end);
        if (ends) {
          outer.after(box);
        } else {
          const after = last.node.splitText(last.offset + 1);
          after.parentNode!.insertBefore(box, after);
          para!.style.setProperty('orphans', '1');
          para!.style.setProperty('widows', '1');
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
  /** A block is on the page of the distribution block (版记): its offset is to be found anew. */
  onDistributionPage: boolean;
}

const MAX_TRIES = 6;

/**
 * Sets the distribution block's (版记's) offset to foot aside while notes are placed, or gives it back:
 * the block at the foot of the 版记's page ends on it, and the pagination then sets the offset anew.
 */
async function holdDistribution(page: Page, hold: boolean): Promise<void> {
  await page.evaluate((hold: boolean) => {
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('.distribution-wrap'))) {
      if (hold) el.style.setProperty('padding-top', '0', 'important');
      else el.style.removeProperty('padding-top');
    }
  }, hold);
}

/**
 * Places every note of the issue at the foot of the page its mark is on. `print` prints the page as
 * it is loaded (the placement applied) and gives the PDF and its destinations. The distribution
 * block's offset is set aside while it works: when a block is on its page, the pagination is to be
 * settled again from offset 0.
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
  await holdDistribution(page, true);
  await applyNotes(page, blocks);
  let printed = await print();
  prints++;
  const placed = (prefix: string, n: number) => blocks.some((b) => b.groups.some((g) => g.prefix === prefix && g.numbers.includes(n)));
  const onPage = (dests: ReadonlyMap<string, Destination>, groups: readonly NoteGroup[], pageIndex: number) =>
    groups.map((g) => ({ prefix: g.prefix, numbers: g.numbers.filter((n) => dests.get(refId(g.prefix, n))?.pageIndex === pageIndex) })).filter((g) => g.numbers.length);
  for (let guard = 0; guard < 200; guard++) {
    // The notes not yet placed, in page order; those on the page of the first are that page's block.
    const open = articles.filter((a) => !atEnd.has(a.prefix)).flatMap((a) => a.notes.filter((n) => !placed(a.prefix, n)).map((n) => ({ prefix: a.prefix, n, at: printed.dests.get(refId(a.prefix, n)) })));
    const sorted = open.filter((o) => o.at).sort((x, y) => x.at!.pageIndex - y.at!.pageIndex || (x.at!.top ?? 0) - (y.at!.top ?? 0));
    const next = sorted[0];
    if (!next) {
      // A note whose mark has no page (not printed) stays at the end with its article.
      for (const o of open) atEnd.add(o.prefix);
      break;
    }
    const pageIndex = next.at!.pageIndex;
    let groups: NoteGroup[] = [];
    for (const o of sorted.filter((o) => o.at!.pageIndex === pageIndex)) {
      const group = groups.find((g) => g.prefix === o.prefix);
      if (group) groups = groups.map((g) => (g === group ? { prefix: g.prefix, numbers: [...g.numbers, o.n] } : g));
      else groups.push({ prefix: o.prefix, numbers: [o.n] });
    }
    const lines = bodyLines(printed.pdf, pageIndex, issue);
    let skip = 0;
    let pad = 0;
    let done = false;
    const i = blocks.length;
    for (let t = 0; t < MAX_TRIES && groups.length; t++) {
      const block: NoteBlock = { groups, lines, skip, pad, pageIndex };
      const used = (await applyNotes(page, [...blocks, block]))[i]!;
      if (used < 0) break;
      const tried = await print();
      prints++;
      const start = tried.dests.get(blockId(i));
      const end = tried.dests.get(`${blockId(i)}-end`);
      if (!start || !end || start.top === undefined || end.top === undefined) break;
      const kept = onPage(tried.dests, groups, pageIndex);
      if (kept.reduce((k, g) => k + g.numbers.length, 0) < groups.reduce((k, g) => k + g.numbers.length, 0)) {
        // Marks pushed over by the block go with the next page's notes.
        groups = kept;
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
      // The foot it ends on: the type area's, or on the 版记's page the top of the 版记 set at the foot.
      const dist = tried.dests.get(CONTRACT.distributionId);
      const distEnd = tried.dests.get(CONTRACT.distributionEndId);
      let foot = typeAreaPt - 1;
      if (dist && distEnd && dist.pageIndex === pageIndex && dist.top !== undefined && distEnd.top !== undefined) {
        if (distEnd.pageIndex !== pageIndex) {
          // The 版记 no longer fits under the block: as if pushed over.
          skip = used + 1;
          pad = 0;
          continue;
        }
        foot -= distEnd.top - end.top;
      }
      const gap = foot - end.top;
      if (gap < pitch * 0.5) {
        blocks.push(block);
        printed = tried;
        done = true;
        break;
      }
      pad = Math.max(0, Math.round((pad + gap) * 100) / 100);
      skip = used;
    }
    if (!done) {
      // The articles of a block that does not settle keep all their notes at their end (their blocks
      // on earlier pages go too); the other articles' notes are placed again.
      for (const g of groups.length ? groups : [{ prefix: next.prefix }]) atEnd.add(g.prefix);
      for (let k = blocks.length - 1; k >= 0; k--) {
        const rest = blocks[k]!.groups.filter((g) => !atEnd.has(g.prefix));
        if (rest.length === blocks[k]!.groups.length) continue;
        // A page's block that loses an article is placed again with what is left.
        blocks.splice(k);
      }
      await applyNotes(page, blocks);
      printed = await print();
      prints++;
    }
  }
  await holdDistribution(page, false);
  const distPage = printed.dests.get(CONTRACT.distributionId)?.pageIndex;
  return { placement: { blocks, atEnd: [...atEnd] }, prints, onDistributionPage: blocks.some((b) => b.pageIndex === distPage) };
}

/**
 * What of a placement the final print does not keep: a block not on the page of its marks, or not
 * ending at the foot of the type area or on the 版记 (the pagination moved after it was placed). Each
 * as an article's notes prefix and its numbers in the block.
 */
export function unkeptNotes(placement: NotesPlacement, dests: ReadonlyMap<string, Destination>, issue: Issue): { prefix: string; numbers: readonly number[] }[] {
  const g = issue.series.layout.geometry;
  const pitch = ptFromMm(linePitchMm(g));
  const typeAreaPt = ptFromMm(g.typeArea.height);
  const dist = dests.get(CONTRACT.distributionId);
  return placement.blocks.filter((b, i) => {
    const start = dests.get(blockId(i));
    const end = dests.get(`${blockId(i)}-end`);
    if (!start || !end || end.top === undefined || start.pageIndex !== end.pageIndex) return true;
    if (b.groups.some((g) => g.numbers.some((n) => dests.get(refId(g.prefix, n))?.pageIndex !== end.pageIndex))) return true;
    // Over the 版记 (set at the foot by its offset): it ends above it.
    if (dist?.pageIndex === end.pageIndex && dist.top !== undefined) return dist.top < end.top - 1;
    const gap = typeAreaPt - end.top;
    return gap < -pitch * 0.5 || gap > pitch;
  }).flatMap((b) => b.groups);
}
