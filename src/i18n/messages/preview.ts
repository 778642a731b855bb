// Messages of the preview server's pages, overlays and terminal lines: src/preview/.
// Each entry: { en, zh }; placeholders `{name}` (or `{count|one|other}` for an English plural) the same in both.
import type { Entries } from '../entries.js';

export const previewMessages = {
} as const satisfies Entries;
