// Checks that only ever warn, run later than the others when asked: a build starts Chrome as soon as
// the checks that can stop it have passed, and runs these while Chrome starts. What a later check
// finds takes the place in its source's list it would have had if the check had run in order, so
// what is reported, and in which order, is the same either way.
import type { Diagnostic } from './diagnostic.js';

export interface LaterCheck {
  /** Where in the list its findings go. */
  at: number;
  run: () => readonly Diagnostic[];
}

/** Runs `check` now into `out`, or, given `later`, keeps its place in `out` for `runLaterChecks`. */
export function checkNowOrLater(out: Diagnostic[], later: LaterCheck[] | undefined, check: () => readonly Diagnostic[]): void {
  if (later) later.push({ at: out.length, run: check });
  else out.push(...check());
}

/** Runs the checks kept in `later` (emptying it) and puts what they find into `out` where it belongs. */
export function runLaterChecks(out: Diagnostic[], later: LaterCheck[]): void {
  const checks = later.splice(0);
  // Last first: a check's findings then never move the place of one kept before it (same place: the earlier first).
  for (let k = checks.length - 1; k >= 0; k--) out.splice(checks[k]!.at, 0, ...checks[k]!.run());
}
