// Messages of the model and the checks of the printed text: src/model/, src/check/, src/lint/, src/layout/.
// Each entry: { en, zh }; placeholders `{name}` (or `{count|one|other}` for an English plural) the same in both.
import type { Entries } from '../entries.js';

export const modelMessages = {
} as const satisfies Entries;
