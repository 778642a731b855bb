// validate --fix: convert sources saved in GBK/GB18030 to UTF-8, apply the safe copy-editing fixes in place,
// changing nothing else in the files, then check again.
// Steps: validate → convert legacy-encoded files (validate again) → per file: read it fresh, apply the fixes from the
// back, check the YAML still means the same, write atomically → validate again.
import path from 'node:path';
import { nodeIo, type Io } from './io.js';
import { validate, type ValidateOptions, type ValidateResult } from './validate.js';
import { applyFixes } from './lint/applyFixes.js';
import { parseYaml } from './source/parseYaml.js';
import type { SourceFixes, TextFix } from './lint/types.js';
import { decodeGb18030 } from './source/legacyEncoding.js';
import { msg, render, type Message } from './i18n/message.js';

/** A change made to a file; `line`/`column` are its place in the file before the change. */
export interface FixChange extends TextFix {
  /** The file name shown in diagnostics. */
  file: string;
}

export interface FixResult extends ValidateResult {
  changes: FixChange[];
  /** Files that had fixes but were left unchanged, and why: `reason` in English, `text` in the catalogue (for any language). */
  refused: { file: string; reason: string; text: Message }[];
  /** Files converted from GBK/GB18030 to UTF-8 (their display names). */
  converted: string[];
}

/** Fixes can uncover others (an overlap settled in the first run): a few runs at most. */
const MAX_RUNS = 3;

/** The same keys, list lengths and non-text values, so a fix changed only the characters of texts. */
function sameShape(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' || typeof b === 'string') return typeof a === 'string' && typeof b === 'string';
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => sameShape(v, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameShape((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return Object.is(a, b);
}

function decode(bytes: Uint8Array): { text: string; bom: boolean } | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    const bom = text.charCodeAt(0) === 0xfeff;
    return { text: bom ? text.slice(1) : text, bom };
  } catch {
    return undefined;
  }
}

/** The real path of a file to edit, unless it is a symbolic link (never edited through the link). */
async function editable(io: Io, file: string): Promise<string | undefined> {
  const real = await io.realpath(file).catch(() => undefined);
  const expected = await io.realpath(path.dirname(file)).then((dir) => path.join(dir, path.basename(file))).catch(() => undefined);
  return real && real === expected ? real : undefined;
}

/** Writes a GBK/GB18030 file's text back as UTF-8: the same characters, line breaks and all, in another encoding. */
async function convertFile(io: Io, file: string): Promise<{ reason: Message } | undefined> {
  const real = await editable(io, file);
  if (!real) return { reason: msg('fix.refused.symlink') };
  const bytes = await io.readFile(real);
  if (decode(bytes)) return { reason: msg('fix.refused.changed') };
  const text = decodeGb18030(bytes);
  if (text === undefined) return { reason: msg('fix.refused.changed') };
  const mode = (await io.stat(real)).mode;
  await io.writeFile(real, text, { mode });
  return undefined;
}

/** Applies one file's fixes; returns the changes made, or why none were. */
async function fixFile(io: Io, source: SourceFixes): Promise<{ applied: TextFix[] } | { reason: Message }> {
  const real = await editable(io, source.file);
  if (!real) return { reason: msg('fix.refused.symlink') };
  const fresh = decode(await io.readFile(real));
  if (!fresh || fresh.text !== source.text) return { reason: msg('fix.refused.changed') };
  const { text, applied } = applyFixes(fresh.text, source.fixes);
  if (applied.length === 0) return { applied };
  const before = parseYaml(fresh.text, source.display);
  const after = parseYaml(text, source.display);
  if (after.diagnostics.length > 0 || !sameShape(before.data, after.data)) return { reason: msg('fix.refused.meaning') };
  const mode = (await io.stat(real)).mode;
  await io.writeFile(real, fresh.bom ? `\uFEFF${text}` : text, { mode });
  return { applied };
}

export async function fixFiles(paths: readonly string[], options: ValidateOptions = {}): Promise<FixResult> {
  const io = options.io ?? nodeIo;
  const changes: FixChange[] = [];
  const refused = new Map<string, Message>();
  let checked = await validate(paths, options);
  const converted: string[] = [];
  for (const legacy of checked.legacyEncoded) {
    const refusal = await convertFile(io, legacy.file);
    if (refusal) refused.set(legacy.display, refusal.reason);
    else converted.push(legacy.display);
  }
  // Converted files are read again: their text may have fixes of its own.
  if (converted.length) checked = await validate(paths, options);
  for (let run = 0; run < MAX_RUNS; run++) {
    let changed = false;
    for (const source of checked.fixes) {
      if (refused.has(source.display)) continue;
      const outcome = await fixFile(io, source);
      if ('reason' in outcome) refused.set(source.display, outcome.reason);
      else if (outcome.applied.length) {
        changed = true;
        changes.push(...outcome.applied.map((fix) => ({ ...fix, file: source.display })));
      }
    }
    if (!changed) break;
    checked = await validate(paths, options);
  }
  return { ...checked, changes, converted, refused: [...refused].map(([file, text]) => ({ file, reason: render(text, 'en'), text })) };
}
