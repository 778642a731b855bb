// Reads a YAML source file as text, refusing what is not a small regular UTF-8 file before parsing it.
import type { Io } from '../io.js';
import { errnoCode } from '../io.js';
import { isInside } from '../model/checkAsset.js';
import { decodeGb18030 } from './legacyEncoding.js';
import { diagnostic, FILE_START, type Diagnostic, type DiagnosticCode } from '../diagnostics/diagnostic.js';

/** Sources larger than this are refused unread: no bulletin issue comes near it. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/**
 * `root`, when given, is the real path of the series folder: a source whose real path lies outside
 * it (a symbolic link committed in a pull request) is refused unread, so its text can never show up
 * in a code frame, a CI log or an annotation.
 */
export async function readSource(io: Io, path: string, displayPath: string, root?: string): Promise<ReadResult> {
  const fail = (code: DiagnosticCode, message: string, hint?: string): ReadResult => ({
    ok: false,
    diagnostic: diagnostic(displayPath, FILE_START, 'error', code, message, hint),
  });
  if (root !== undefined) {
    let real: string;
    try {
      real = await io.realpath(path);
    } catch (error) {
      return errnoCode(error) === 'ENOENT' ? fail('source-missing', 'file not found', 'Check the path.') : fail('source-unreadable', `cannot read the file (${errnoCode(error) ?? String(error)})`);
    }
    if (!isInside(root, real)) {
      return fail('source-outside', 'this source leads outside the series folder (a symbolic link); it was not read', 'Replace the link with the file itself, inside the series folder.');
    }
  }
  let size: number;
  try {
    const info = await io.stat(path);
    if (!info.isFile) return fail('source-not-file', 'not a regular file', 'Name a .yaml file or a series folder.');
    size = info.size;
  } catch (error) {
    return errnoCode(error) === 'ENOENT'
      ? fail('source-missing', 'file not found', 'Check the path.')
      : fail('source-unreadable', `cannot read the file (${errnoCode(error) ?? String(error)})`);
  }
  if (size > MAX_SOURCE_BYTES) {
    return fail(
      'source-too-large',
      `source too large: ${(size / 1048576).toFixed(1)} MiB, the limit is ${MAX_SOURCE_BYTES / 1048576} MiB`,
      'An issue file holds text only; split it or move large content out.',
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    // A file listed but not readable (its permissions): the source's problem, not a crash.
    return fail('source-unreadable', `cannot read the file (${errnoCode(error) ?? String(error)})`);
  }
  if (bytes.length > MAX_SOURCE_BYTES) return fail('source-too-large', 'source too large');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (decodeGb18030(bytes) !== undefined) {
      return fail('source-encoding-gbk', 'the file is saved in the GBK/GB18030 encoding (as Windows Notepad saves Chinese text), not UTF-8',
        'Run `bulletin validate --fix` to convert it to UTF-8 (only the encoding changes), or save it again as UTF-8 (Notepad: File → Save As → Encoding: UTF-8).');
    }
    return fail('source-encoding', 'the file is not valid UTF-8', 'Save the file as UTF-8 (without GBK or other legacy encodings).');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}
