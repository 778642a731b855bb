// The self-check of the sides (issue 16, docs/duplex.md): in double-sided printing the sheet sides
// alternate from the cover's first page, a right-hand page (binding margin on the left, page number
// on the right, GB/T 9704 7.5) then a left-hand page (the mirror image); single-sided, every page is
// a right-hand page. Each body page is read back as printed: where its number lies across the page
// and where its text block starts. A page laid out for the other side is named with what to expect.
import { ptFromMm, type PageGeometry } from '../layout/presets.js';
import type { PageNumberForm } from '../model/types.js';
import { isRightHand } from './checkGeometry.js';
import type { PageText, TextRun } from './readPdfText.js';

export interface SidesProblem {
  /** The sheet side (1-based, the cover's first). */
  page: number;
  message: string;
}

/** A text block this close (mm) to the other side's edge, and closer to it than to its own, is on the wrong side. */
const EDGE_TOLERANCE_MM = 1;

function sideName(right: boolean): string {
  return right ? 'a right-hand page' : 'a left-hand page';
}

/**
 * `pages`: every page of the PDF, the cover's first; `coverPages`: the sheet sides before body page 1
 * (the cover and a blank back); `duplex`: double-sided printing (layout.duplex).
 */
export function checkSides(g: PageGeometry, form: PageNumberForm, pages: readonly PageText[], coverPages: number, duplex: boolean): SidesProblem[] {
  const problems: SidesProblem[] = [];
  pages.forEach((page, physical) => {
    if (physical < coverPages) return;
    const body = physical - coverPages + 1;
    const right = isRightHand(physical, duplex);
    const where = `body page ${body} (sheet side ${physical + 1}, ${sideName(right)}${duplex ? ' in double-sided printing' : ': single-sided, every page is one'})`;
    const typeTop = page.page.y1 - ptFromMm(g.margins.top);
    const typeBottom = typeTop - ptFromMm(g.typeArea.height);
    const visible = page.runs.filter((r) => !r.hidden && r.text.trim() !== '');
    // The page number: the runs under the type area.
    const below = visible.filter((r) => r.box.y1 <= typeBottom + 1);
    const number = form.replace('N', String(body)).replace(/\s+/g, '');
    if (below.length && below.map((r) => r.text).join('').replace(/\s+/g, '').includes(number)) {
      const x0 = Math.min(...below.map((r) => r.box.x0));
      const x1 = Math.max(...below.map((r) => r.box.x1));
      const middle = (page.page.x0 + page.page.x1) / 2;
      const onRight = (x0 + x1) / 2 > middle;
      if (onRight !== right) {
        problems.push({ page: physical + 1, message: `${where} prints its number ${form.replace('N', String(body))} on the ${onRight ? 'right' : 'left'}; GB/T 9704 puts it on the ${right ? 'right' : 'left'} of ${sideName(right)}` });
      }
    }
    // The text block: its left edge is the binding margin on a right-hand page, the outer one on a left-hand page.
    const inType = visible.filter((r: TextRun) => r.box.y0 >= typeBottom - 1 && r.box.y1 <= typeTop + 1);
    if (inType.length === 0) return;
    const left = Math.min(...inType.map((r) => r.box.x0));
    const own = page.page.x0 + ptFromMm(right ? g.margins.inner : g.margins.outer);
    const other = page.page.x0 + ptFromMm(right ? g.margins.outer : g.margins.inner);
    if (own !== other && Math.abs(left - other) < Math.abs(left - own) && Math.abs(left - other) <= ptFromMm(EDGE_TOLERANCE_MM)) {
      problems.push({ page: physical + 1, message: `${where} has its text block ${(ptToMm(left - page.page.x0)).toFixed(1)} mm from the left edge, the margins of ${sideName(!right)}; expected ${(right ? g.margins.inner : g.margins.outer)} mm (the binding margin, ${g.margins.inner} mm, on the ${right ? 'left' : 'right'})` });
    }
  });
  return problems;
}

function ptToMm(pt: number): number {
  return pt / ptFromMm(1);
}
