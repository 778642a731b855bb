// text-cjk-space: spaces between Chinese characters and digits or Latin words (text pasted from a PDF) → none.
import { msg } from '../../i18n/message.js';
import { charAt, charBefore, isHan } from '../cjkChars.js';
import type { TextContext } from '../textContext.js';
import type { TextFinding } from '../types.js';

const SPACES = /[ \t\u00a0]+/g;
const LATIN = /^[A-Za-z0-9%]$/;

export function cjkSpace(text: string, context: TextContext): TextFinding[] {
  const out: TextFinding[] = [];
  for (const m of text.matchAll(SPACES)) {
    const start = m.index;
    const end = start + m[0].length;
    if (start === context.lineStart(start)) continue; // indentation
    const before = charBefore(text, start);
    const after = charAt(text, end);
    if (before === undefined || after === undefined) continue;
    const mixed = (isHan(before) && LATIN.test(after)) || (LATIN.test(before) && isHan(after));
    if (!mixed) continue;
    // A URL, an address or code keeps the space that sets it apart.
    if (context.isProtected(start - 1) || context.isProtected(end) || context.touchesProtected(start, end)) continue;
    out.push({
      code: 'text-cjk-space',
      start,
      end,
      message: msg('text-cjk-space.between', { before, after }),
      hint: msg('text-cjk-space.remove.hint'),
      fix: { start, end, replacement: '' },
    });
  }
  return out;
}
