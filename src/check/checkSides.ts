// The self-check of the sides (issue 16, docs/duplex.md): in double-sided printing the sheet sides
// alternate from the cover's first page, a right-hand page (binding margin on the left, page number
// on the right, GB/T 9704 7.5) then a left-hand page (the mirror image); single-sided, every page is
// a right-hand page. Each body page is read back as printed: where its number lies across the page
// (its margins are checkGeometry's, on the same physical sides). A page laid out for the other side is named.
import { ptFromMm, type PageGeometry } from '../layout/presets.js';
import type { PageNumberForm } from '../model/types.js';
import { isRightHand } from './checkGeometry.js';
import type { PageText } from './readPdfText.js';
import { msg, type Message } from '../i18n/message.js';
import { checkProblem, type CheckProblem } from './problem.js';

export interface SidesProblem extends CheckProblem {
  /** The sheet side (1-based, the cover's first). */
  page: number;
}

function sideName(right: boolean): Message {
  return msg(right ? 'self-check.sides.right-hand' : 'self-check.sides.left-hand');
}

function side(right: boolean): Message {
  return msg(right ? 'self-check.sides.right' : 'self-check.sides.left');
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
    const where = msg(duplex ? 'self-check.sides.where.duplex' : 'self-check.sides.where.single', { body, side: physical + 1, side_name: sideName(right) });
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
        problems.push({ page: physical + 1, ...checkProblem(msg('self-check.sides.number', { where, number: form.replace('N', String(body)), printed: side(onRight), expected: side(right), side_name: sideName(right) })) });
      }
    }
    // The text block's side is checkGeometry's: each line inside the type area of its physical side
    // (a text block mirrored runs 2 mm past one edge). Its left edge alone cannot tell the side: a
    // page of tables or centred lines may start anywhere.
  });
  return problems;
}
