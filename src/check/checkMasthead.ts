// What validate says of a series line or a name too long for the masthead's one line at the
// preset's smallest size (layout/fitMasthead.ts): where it is, and what it will print at.
import { msg, type Message } from '../i18n/message.js';
import type { PageGeometry } from '../layout/presets.js';
import { fitMasthead } from '../layout/fitMasthead.js';
import type { DiagnosticCode } from '../diagnostics/diagnostic.js';

export interface MastheadProblem {
  /** The key of bulletin.yaml to point at. */
  key: 'series' | 'name';
  code: DiagnosticCode;
  message: Message;
  hint: Message;
}

export function checkMasthead(seriesLine: string, name: string, g: PageGeometry): MastheadProblem[] {
  const fit = fitMasthead(seriesLine, name, g);
  const problems: MastheadProblem[] = [];
  if (!fit.seriesLine.fits) {
    problems.push({
      key: 'series', code: 'series-line-too-long',
      message: msg('series-line-too-long.fit', { text: seriesLine, length: [...seriesLine].length, size: g.sizes.seriesLineMin }),
      hint: msg('series-line-too-long.fit.hint'),
    });
  }
  if (!fit.name.fits) {
    problems.push({
      key: 'name', code: 'masthead-too-long',
      message: msg('masthead-too-long.fit', { text: name, length: [...name].length, size: g.sizes.mastheadMin, printed: fit.name.size }),
      hint: msg('masthead-too-long.fit.hint'),
    });
  }
  return problems;
}
