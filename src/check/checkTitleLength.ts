// What validate says of an article title that takes more lines than the layout allows
// (`layout.titleLines`, 3 in both presets): the lines it would print, so the editor sees where it breaks.
import { msg, type Message } from '../i18n/message.js';
import type { PageGeometry } from '../layout/presets.js';
import { breakTitle, titleLineCount } from '../layout/breakTitle.js';
import { titleMeasureEm } from '../layout/titleMeasureEm.js';
import { textEm } from '../layout/textEm.js';

export interface TitleLengthProblem {
  message: Message;
  hint: Message;
}

/** `title`: the source value (a string, or a list of lines); anything else is the schema's to report. */
export function checkTitleLength(title: unknown, g: PageGeometry): TitleLengthProblem | undefined {
  const source = typeof title === 'string' ? title.split('\n') : Array.isArray(title) && title.every((t) => typeof t === 'string') ? (title as string[]) : undefined;
  if (!source) return undefined;
  const measure = titleMeasureEm(g);
  // A title that fits with a line to spare for each of its lines cannot take more than allowed (the
  // breaker's rules move a break by a few characters, never by a line): only the others are broken
  // here, which spares validate the word segmenter's start (about 30 ms) for almost every issue.
  const bound = source.filter((l) => l.trim() !== '').reduce((n, l) => n + Math.ceil(textEm(l) / measure) + 1, 0);
  if (bound <= g.titleLines) return undefined;
  // Counted without the word segmenter (the same count); the lines themselves only for a title too long.
  if (titleLineCount(source, measure) <= g.titleLines) return undefined;
  const { lines, tooMany } = breakTitle(source, measure, g.titleLines);
  if (!tooMany) return undefined;
  const perLine = Math.floor(titleMeasureEm(g));
  const authored = source.filter((l) => l.trim() !== '').length;
  const shown = lines.map((l) => `「${l}」`).join(' / ');
  if (authored > g.titleLines) {
    return {
      message: msg('title-too-long.authored', { authored, limit: g.titleLines, lines: shown }),
      hint: msg('title-too-long.authored.hint', { perLine, size: g.sizes.title, printed: lines.length }),
    };
  }
  return {
    message: msg('title-too-long.broken', { printed: lines.length, size: g.sizes.title, perLine, limit: g.titleLines, lines: shown }),
    hint: msg('title-too-long.broken.hint', { most: g.titleLines * perLine, printed: lines.length }),
  };
}
