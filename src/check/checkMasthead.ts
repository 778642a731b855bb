// What validate says of a series line or a name too long for the masthead's one line at the
// preset's smallest size (layout/fitMasthead.ts): where it is, and what it will print at.
import type { PageGeometry } from '../layout/presets.js';
import { fitMasthead } from '../layout/fitMasthead.js';
import type { DiagnosticCode } from '../diagnostics/diagnostic.js';

export interface MastheadProblem {
  /** The key of bulletin.yaml to point at. */
  key: 'series' | 'name';
  code: DiagnosticCode;
  message: string;
  hint: string;
}

export function checkMasthead(seriesLine: string, name: string, g: PageGeometry): MastheadProblem[] {
  const fit = fitMasthead(seriesLine, name, g);
  const problems: MastheadProblem[] = [];
  if (!fit.seriesLine.fits) {
    problems.push({
      key: 'series', code: 'series-line-too-long',
      message: `the series line 「${seriesLine}」 (${[...seriesLine].length} characters) does not fit on one line of the masthead even at ${g.sizes.seriesLineMin} pt: it is printed in two lines`,
      hint: 'Shorten the series line (about 20 characters fit on one line), for example to the short name of the office or programme.',
    });
  }
  if (!fit.name.fits) {
    problems.push({
      key: 'name', code: 'masthead-too-long',
      message: `the name 「${name}」 (${[...name].length} characters) does not fit on one line of the masthead at ${g.sizes.mastheadMin} pt: it is printed at ${fit.name.size} pt`,
      hint: 'Shorten the name (up to 10 characters fit); the rest of it can go into the series line above it.',
    });
  }
  return problems;
}
