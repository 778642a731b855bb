// Messages of the diagnostic codes of src/diagnostics/codes.ts: `<code>` is what the code says in general, `<code>.hint` what to do.
// Each entry: { en, zh }; placeholders `{name}` (or `{count|one|other}` for an English plural) the same in both.
import type { Entries } from '../entries.js';

export const codesMessages = {
} as const satisfies Entries;
