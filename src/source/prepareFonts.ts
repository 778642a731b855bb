// The series' own fonts, made ready for the issues being checked: each issue's TrueType subset
// (render/fontSubsets.ts), made here so that a font the converter cannot read is an error of
// validate, at its `fonts:` entry, before any browser starts; the build then takes the subsets
// from memory.
import type { Io } from '../io.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { msg } from '../i18n/message.js';
import type { FontRole, Issue } from '../model/types.js';
import { issueText } from '../model/issueText.js';
import { prepareSubsets, printedCodePoints } from '../render/fontSubsets.js';
import type { LoadedSeries } from './loadSeries.js';

export async function prepareFonts(io: Io, loaded: LoadedSeries, issues: readonly Issue[]): Promise<Diagnostic[]> {
  const series = loaded.series;
  // Only a series' own font files are subset: a series on the bundled faces costs nothing here.
  if (!series || !Object.values(series.fonts).some((font) => font?.embed === 'subset')) return [];
  const out: Diagnostic[] = [];
  const sets = issues.length ? issues.map((issue) => printedCodePoints(issueText(issue))) : [printedCodePoints(`${series.seriesLine}${series.name}${series.publisher}`)];
  // All at once, a worker per file (a machine has two cores or more); roles naming the same file and
  // face wait for the one conversion (render/fontSubsets.ts keeps it under way by key).
  const roles = (Object.entries(series.fonts) as [FontRole, NonNullable<(typeof series.fonts)[FontRole]>][]).filter(([, font]) => font.embed === 'subset');
  const results = await Promise.all(roles.map(([, font]) => prepareSubsets(io, font.file, font.face ?? {}, sets)));
  roles.forEach(([role, font], k) => {
    const failed = results[k]!.find((r) => !r.ok);
    if (failed && !failed.ok) {
      const entry = loaded.fontEntries[role];
      out.push(diagnostic(loaded.display, entry?.span ?? { line: 1, column: 1, endLine: 1, endColumn: 1 }, 'error', 'font-convert', msg('font-convert', { path: entry?.written ?? font.file, reason: failed.reason })));
    }
  });
  return out;
}
