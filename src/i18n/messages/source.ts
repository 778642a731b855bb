// Messages of reading sources: src/source/, src/config/, src/validate.ts, src/fixFiles.ts.
// Each entry: { en, zh }; placeholders `{name}` (or `{count|one|other}` for an English plural) the same in both.
import type { Entries } from '../entries.js';

export const sourceMessages = {
} as const satisfies Entries;
