// Messages of the command line: src/cli/ (help texts, progress, summaries, usage errors).
// Each entry: { en, zh }; placeholders `{name}` (or `{count|one|other}` for an English plural) the same in both.
import type { Entries } from '../entries.js';

export const cliMessages = {
} as const satisfies Entries;
