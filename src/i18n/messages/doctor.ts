// Messages of `bulletin doctor`'s report.
// Each entry: { en, zh }; placeholders `{name}` (or `{count|one|other}` for an English plural) the same in both.
import type { Entries } from '../entries.js';

export const doctorMessages = {
} as const satisfies Entries;
