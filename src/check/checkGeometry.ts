// The self-check's measure of the page: what readPdfText read (each run's box, size and baseline,
// where each picture lies) against the preset's PageGeometry. A page Chrome shrank to fit something
// wider than the type area, a body set at another size or off the line grid, text that runs past the
// type area (or is cut off at its edge), a picture over text or over another picture, and a caption
// printed on another page than its photo pass every text check and still ruin the print: each fails
// the build, naming the page, the element and what was expected against what was found.
//
// Tolerances come from the geometry and from how Chrome sets a page, not from the look of one PDF:
// - sizes: the body's glyph size ±0.2 pt (a size Chrome rounds to another would be a point off);
// - baselines: Chrome puts each line on a whole CSS pixel (0.75 pt), so two lines on the grid are a
//   multiple of the pitch apart within one pixel;
// - across: a quarter of the grid's character pitch (a run's right edge is estimated from the glyphs'
//   advances, which overshoot the last glyph's ink by its tracking; a character cut in half is more);
// - up and down: half the leading of a body line (a run's height is estimated from its size; a line's
//   glyphs lie inside its line box, which lies inside the type area).
import { charPitchMm, linePitchMm, MM_PER_PT, ptFromMm, type PageGeometry } from '../layout/presets.js';
import type { FoundItem } from './checkVisibleText.js';
import type { Box, PageText, TextRun } from './readPdfText.js';
import { msg, render, type Message } from '../i18n/message.js';
import { checkProblem, commas, quoted, type CheckProblem } from './problem.js';

export interface GeometryProblem extends CheckProblem {
  /** The physical pages (1-based) it was seen on, the cover's first. */
  pages: number[];
}

/** The body's glyph size may differ from the preset's by this much (points). */
export const SIZE_TOLERANCE_PT = 0.2;
/** One CSS pixel in points: Chrome places every line box on whole pixels. */
const CSS_PIXEL_PT = 0.75;
/** Characters drawn as leaders (the contents' dots) and as white space are not text a reader misses. */
/** A run that is only notes' marks (①–⑳, ㉑–㊿): raised after a word, not a line of body text. */
const NOTE_MARKS = /^[\s\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]+$/u;
const LEADERS = /^[\s.·…\u2024-\u2026\u00B7\u30FB]*$/;

const mm = (pt: number) => (pt * MM_PER_PT).toFixed(1);
const pt = (value: number) => `${Math.round(value * 100) / 100} pt`;

function quote(text: string): string {
  const chars = [...text.replace(/\s+/g, '')];
  return chars.length > 16 ? `${chars.slice(0, 16).join('')}…` : chars.join('');
}

interface Zones {
  /** The type area of the page. */
  type: Box;
  /** Where else text may be: the page number's band under a body page, the top margin of a cover page. */
  extra: Box;
  extraName: Message;
  /** The first page of an article begun on the cover (singleArticle.cover: article) has both: the masthead's zone too. */
  masthead?: Box;
}

/** The type area and the other zone of a page, in PDF points (origin bottom left). */
function zonesOf(g: PageGeometry, page: PageText, bodyNumber: number | undefined, rightHand: boolean, mastheadToo = false): Zones {
  // Sides are physical (docs/duplex.md): a right-hand page has the binding margin on the left.
  const left = page.page.x0 + ptFromMm(rightHand ? g.margins.inner : g.margins.outer);
  const top = page.page.y1 - ptFromMm(g.margins.top);
  const type = { x0: left, x1: left + ptFromMm(g.typeArea.width), y1: top, y0: top - ptFromMm(g.typeArea.height) };
  if (bodyNumber === undefined) {
    // The masthead may begin above the type area.
    return { type, extra: { ...type, y0: type.y1, y1: page.page.y1 }, extraName: msg('self-check.geometry.zone.masthead') };
  }
  // The page number: its dashes' middle `below` under the type area, one page-number size high either way.
  const below = ptFromMm(g.pageNumber.below) + g.sizes.pageNumber;
  return { type, extra: { ...type, y1: type.y0, y0: type.y0 - below }, extraName: msg('self-check.geometry.zone.page-number'), ...(mastheadToo ? { masthead: { ...type, y0: type.y1, y1: page.page.y1 } } : {}) };
}

/** Whether the sheet side at `physical` (0-based, the cover's first page 0) is a right-hand page. */
export function isRightHand(physical: number, duplex: boolean): boolean {
  return !duplex || physical % 2 === 0;
}

function inside(zone: Box, box: Box, across: number, upDown: number): boolean {
  return box.x0 >= zone.x0 - across && box.x1 <= zone.x1 + across && box.y0 >= zone.y0 - upDown && box.y1 <= zone.y1 + upDown;
}

function overlap(a: Box, b: Box): { w: number; h: number } {
  return { w: Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0), h: Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) };
}

/** Where a box lies on the page, as an editor measures it: millimetres from the top edge. */
function fromTop(page: PageText, box: Box): Message {
  return msg('self-check.geometry.from-top', { top: mm(page.page.y1 - box.y1), bottom: mm(page.page.y1 - box.y0) });
}

/**
 * `pages`: every page of the PDF as readPdfText read it, the cover's first; `coverPages`: how many
 * the cover takes; `found`: where checkVisibleText found each block of the source (body pages, 0-based).
 * `bodyOnCover`: the article begins on the cover (singleArticle.cover: article), so `coverPages`
 * is 0 and the first page is body page 1 that also carries the masthead: its text may be in the
 * masthead's zone as well as in the page number's, and a picture above the article's first line
 * there is the masthead's art.
 */
export function checkGeometry(g: PageGeometry, pages: readonly PageText[], coverPages: number, found: readonly FoundItem[], fitted: ReadonlyMap<string, number> = new Map(), duplex = true, bodyOnCover = false): GeometryProblem[] {
  /** Problems by what they say (the same on several pages is said once, for all of them). */
  const said = new Map<string, { text: Message; physicals: number[] }>();
  const problems = {
    push({ page, text }: { page: number; text: Message }) {
      const key = render(text, 'en');
      if (!said.has(key)) said.set(key, { text, physicals: [] });
      said.get(key)!.physicals.push(page - 1);
    },
  };
  const pitch = ptFromMm(linePitchMm(g));
  const body = g.sizes.body;
  const across = ptFromMm(charPitchMm(g)) / 4;
  const upDown = (pitch - body) / 2;
  const pageName = (physical: number) => pagesName([physical], coverPages);
  /** What each run found belongs to. */
  const owner = new Map<TextRun, FoundItem>();
  for (const item of found) for (const { run } of item.runs) owner.set(run, item);
  const named = (run: TextRun) => {
    const item = owner.get(run);
    return quoted(item?.what, quote(run.text));
  };

  // 1. Every run inside the type area, or in the page number's band / the masthead's zone.
  pages.forEach((page, physical) => {
    const zones = zonesOf(g, page, physical < coverPages ? undefined : physical - coverPages + 1, isRightHand(physical, duplex), bodyOnCover && physical === 0);
    const outside = page.runs.filter((r) => !r.hidden && !LEADERS.test(r.text)
      && !inside(zones.type, r.box, across, upDown) && !inside(zones.extra, r.box, across, upDown)
      && !(zones.masthead && inside(zones.masthead, r.box, across, upDown)));
    if (outside.length === 0) return;
    const run = outside[0]!;
    const t = zones.type;
    const cut = run.cut ? msg('self-check.geometry.cut') : '';
    const where = run.box.x1 > t.x1 + across ? msg('self-check.geometry.past-right', { mm: mm(run.box.x1 - t.x1), cut })
      : run.box.x0 < t.x0 - across ? msg('self-check.geometry.left-of', { mm: mm(t.x0 - run.box.x0), cut })
        : run.box.y1 > t.y1 + upDown ? msg('self-check.geometry.above', { where: fromTop(page, run.box) })
          : msg('self-check.geometry.below', { where: fromTop(page, run.box) });
    problems.push({
      page: physical + 1,
      text: msg('self-check.geometry.outside', {
        named: named(run), where, width: g.typeArea.width, height: g.typeArea.height, zone: zones.extraName,
        more: outside.length > 1 ? msg('self-check.geometry.outside.more', { count: outside.length - 1 }) : '',
      }),
    });
  });

  // 2. Body paragraphs at the preset's size, their lines on the grid.
  const paragraphs = found.filter((f) => f.kind === 'paragraph');
  const byPage = new Map<number, { item: FoundItem; run: TextRun }[]>();
  for (const item of paragraphs) {
    for (const { page, run } of item.runs) {
      // A note's mark ① is raised and smaller, by design (templates/bulletin.css `.note-ref`).
      if (NOTE_MARKS.test(run.text)) continue;
      if (!byPage.has(page)) byPage.set(page, []);
      byPage.get(page)!.push({ item, run });
    }
  }
  const linesOf = (runs: readonly { run: TextRun }[]) => new Set(runs.map((r) => Math.round(r.run.baseline / CSS_PIXEL_PT))).size;
  for (const [bodyIndex, runs] of [...byPage].sort((a, b) => a[0] - b[0])) {
    const physical = bodyIndex + coverPages;
    const wrong = runs.filter(({ run }) => Math.abs(run.size - body) > SIZE_TOLERANCE_PT);
    if (wrong.length) {
      const { item, run } = wrong[0]!;
      const sizes = [...new Set(wrong.map((w) => Math.round(w.run.size * 100) / 100))];
      const all = wrong.length === runs.length && sizes.length === 1;
      // Lines a whole page apart shrink with it: the page was scaled, not one paragraph set smaller.
      const lines = [...new Set(runs.map((r) => Math.round(r.run.baseline * 4) / 4))].sort((a, b) => b - a);
      const gap = lines.length > 1 ? Math.min(...lines.slice(1).map((l, i) => lines[i]! - l)) : undefined;
      const ratio = run.size / body;
      // A fitted article (fitting, print/fitLastPage.ts) has its own pitch, shrunk with the page too.
      const scaled = all && gap !== undefined && [pitch, ...fitted.values()].some((p) => Math.abs(gap - p * ratio) <= CSS_PIXEL_PT);
      const detail = scaled ? msg('self-check.geometry.size.shrunk', { percent: Math.round(ratio * 100), width: g.typeArea.width })
        : all ? '' : msg('self-check.geometry.size.lines', { some: linesOf(wrong), all: linesOf(runs) });
      problems.push({
        page: physical + 1,
        text: all ? msg('self-check.geometry.size.page', { sizes: commas(sizes.map(pt)), body: pt(body), detail })
          : msg('self-check.geometry.size.item', { what: item.what, sizes: commas(sizes.map(pt)), body: pt(body), detail }),
      });
      continue; // the grid of a page set at another size says nothing more
    }
    // Consecutive lines of body text (top to bottom), each on the grid of the first. A fitted article
    // (fitting, print/fitLastPage.ts) is on its own grid, of exactly its fitted pitch; where the text
    // passes from one grid to the other, the distance says nothing.
    const pitchOf = (item: FoundItem) => (item.article !== undefined ? fitted.get(item.article) : undefined) ?? pitch;
    const lines: { baseline: number; item: FoundItem }[] = [];
    for (const { item, run } of [...runs].sort((a, b) => b.run.baseline - a.run.baseline)) {
      if (lines.length && Math.abs(lines.at(-1)!.baseline - run.baseline) <= CSS_PIXEL_PT) continue;
      lines.push({ baseline: run.baseline, item });
    }
    for (let i = 1; i < lines.length; i++) {
      const d = lines[i - 1]!.baseline - lines[i]!.baseline;
      const a = lines[i - 1]!.item;
      const b = lines[i]!.item;
      const p = pitchOf(b);
      if (pitchOf(a) !== p) continue;
      const k = Math.max(1, Math.round(d / p));
      if (Math.abs(d - k * p) > CSS_PIXEL_PT + 0.05) {
        const fittedPitch = p !== pitch ? msg('self-check.geometry.grid.fitted', { pitch: (p * MM_PER_PT).toFixed(2) }) : '';
        problems.push({
          page: physical + 1,
          text: msg('self-check.geometry.grid', {
            what: a === b ? a.what : msg('self-check.and', { first: a.what, second: b.what }),
            mm: mm(d), pitch: linePitchMm(g).toFixed(2), lines: g.grid.lines, fitted: fittedPitch,
          }),
        });
        break;
      }
    }
  }

  // 3. Pictures: not over each other, and on body pages not over text (nor under it).
  // On the first page of an article begun on the cover, the masthead ends where the article's text begins.
  const firstTops = bodyOnCover ? found.flatMap((f) => f.runs.filter((r) => r.page === 0).map((r) => r.run.box.y1)) : [];
  const articleTop = firstTops.length ? Math.max(...firstTops) : undefined;
  pages.forEach((page, physical) => {
    const images = page.images.filter((b) => b.x1 - b.x0 > across && b.y1 - b.y0 > across);
    for (let i = 0; i < images.length; i++) {
      for (let j = i + 1; j < images.length; j++) {
        const o = overlap(images[i]!, images[j]!);
        if (o.w > across && o.h > upDown) {
          problems.push({ page: physical + 1, text: msg('self-check.geometry.pictures-overlap', { first: fromTop(page, images[i]!), second: fromTop(page, images[j]!) }) });
        }
      }
      // On the cover, art behind the masthead (a background picture) is a design, not a figure out of place.
      if (physical < coverPages) continue;
      if (physical === 0 && articleTop !== undefined && images[i]!.y0 >= articleTop) continue;
      // A picture no taller than a line sits in the line like a character (a template's mark or icon):
      // it is set with the text, not over it.
      if (images[i]!.y1 - images[i]!.y0 <= pitch) continue;
      const over = page.runs.filter((r) => (!r.hidden || r.hidden === 'covered') && r.text.trim() !== '' && !LEADERS.test(r.text)).filter((r) => {
        const o = overlap(images[i]!, r.box);
        return o.w > across && o.h > upDown;
      });
      if (over.length) {
        problems.push({
          page: physical + 1,
          text: msg('self-check.geometry.picture-over-text', {
            where: fromTop(page, images[i]!), named: named(over[0]!),
            more: over.length > 1 ? msg('self-check.geometry.picture-over-text.more', { count: over.length - 1 }) : '',
          }),
        });
      }
    }
  });

  // 4. A caption right under its picture, on the same page. (An SVG figure is drawn as shapes, not as
  // a picture the reading sees: its caption is not checked.)
  for (const caption of found) {
    if (caption.kind !== 'caption' || caption.figure?.svg || caption.runs.length === 0) continue;
    const physical = caption.page + coverPages;
    const page = pages[physical]!;
    const runs = caption.runs.filter((r) => r.page === caption.page).map((r) => r.run);
    const top = Math.max(...runs.map((r) => r.box.y1));
    const x0 = Math.min(...runs.map((r) => r.box.x0));
    const x1 = Math.max(...runs.map((r) => r.box.x1));
    const picture = page.images.find((b) => b.x0 <= x1 && b.x1 >= x0 && b.y0 >= top - upDown && b.y0 - top <= pitch + upDown);
    if (picture) continue;
    const elsewhere = pages.findIndex((p, i) => i >= coverPages && i !== physical && p.images.length > 0 && Math.abs(i - physical) === 1);
    problems.push({
      page: physical + 1,
      text: msg('self-check.geometry.caption-away', {
        what: caption.what, text: quote(runs.map((r) => r.text).join('')),
        nearest: elsewhere >= 0 ? msg('self-check.geometry.caption-away.nearest', { page: pageName(elsewhere) }) : '',
      }),
    });
  }
  return [...said.values()].map(({ text, physicals }) => ({
    pages: physicals.map((p) => p + 1),
    ...checkProblem(msg('self-check.geometry.on-pages', { pages: pagesName(physicals, coverPages), problem: text })),
  }));
}

/** 「page 3」, 「pages 1–4」, 「pages 1, 3 and 5」, 「the cover」 for physical pages (0-based). */
export function pagesName(physicals: readonly number[], coverPages: number): Message {
  const cover = physicals.filter((p) => p < coverPages);
  const body = physicals.filter((p) => p >= coverPages).map((p) => p - coverPages + 1);
  const parts: Message[] = [];
  if (cover.length) {
    parts.push(coverPages > 1 ? msg(cover.length > 1 ? 'self-check.pages.cover-many' : 'self-check.pages.cover-one', { list: commas(cover.map((p) => p + 1)) }) : msg('self-check.pages.cover'));
  }
  if (body.length) {
    const runs: string[] = [];
    for (let i = 0; i < body.length;) {
      let j = i;
      while (j + 1 < body.length && body[j + 1] === body[j]! + 1) j++;
      runs.push(j - i >= 2 ? `${body[i]}–${body[j]}` : j > i ? `${body[i]}, ${body[j]}` : `${body[i]}`);
      i = j + 1;
    }
    // In Chinese every run is an item of the list: 「1、2、5、7」.
    const list = { en: runs.length > 1 ? `${runs.slice(0, -1).join(', ')} and ${runs.at(-1)}` : runs[0]!, zh: runs.join('、').replace(/, /g, '、') };
    parts.push(msg(body.length > 1 ? 'self-check.pages.body-many' : 'self-check.pages.body-one', { list }));
  }
  return parts.length > 1 ? msg('self-check.and', { first: parts[0]!, second: parts[1]! }) : parts[0]!;
}
