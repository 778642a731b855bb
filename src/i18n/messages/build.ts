// Messages of building: src/print/, src/render/, src/writers/, src/images/, src/import/, src/ofd/, src/cache/, src/output/, src/pipeline.ts, src/renderIssue.ts.
// Each entry: { en, zh }; placeholders `{name}` (or `{count|one|other}` for an English plural) the same in both.
import type { Entries } from '../entries.js';

export const buildMessages = {
} as const satisfies Entries;
