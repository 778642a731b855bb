// Messages of what `init` and `new` write (the commented bulletin.yaml, the first issue) and say.
// Each entry: { en, zh }; placeholders `{name}` (or `{count|one|other}` for an English plural) the same in both.
import type { Entries } from '../entries.js';

export const scaffoldMessages = {
} as const satisfies Entries;
