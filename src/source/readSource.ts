// Reads a YAML source file as text, refusing what is not a small regular UTF-8 file before parsing it.
import type { Io } from '../io.js';
import { errnoCode } from '../io.js';
import { isInside } from '../model/checkAsset.js';
import { decodeGb18030 } from './legacyEncoding.js';
import { diagnostic, FILE_START, type Diagnostic, type DiagnosticCode } from '../diagnostics/diagnostic.js';
import { msg, type Message } from '../i18n/message.js';

/** Sources larger than this are refused unread: no bulletin issue comes near it. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/**
 * `root`, when given, is the real path of the series folder: a source whose real path lies outside
 * it (a symbolic link committed in a pull request) is refused unread, so its text can never show up
 * in a code frame, a CI log or an annotation.
 */
export async function readSource(io: Io, path: string, displayPath: string, root?: string): Promise<ReadResult> {
  const fail = (code: DiagnosticCode, message: Message, hint?: Message): ReadResult => ({
    ok: false,
    diagnostic: diagnostic(displayPath, FILE_START, 'error', code, message, hint),
  });
  if (root !== undefined) {
    let real: string;
    try {
      real = await io.realpath(path);
    } catch (error) {
      return errnoCode(error) === 'ENOENT' ? fail('source-missing', msg('source-missing')) : fail('source-unreadable', msg('source-unreadable', { reason: errnoCode(error) ?? String(error) }));
    }
    if (!isInside(root, real)) {
      return fail('source-outside', msg('source-outside'));
    }
  }
  let size: number;
  try {
    const info = await io.stat(path);
    if (!info.isFile) return fail('source-not-file', msg('source-not-file'));
    size = info.size;
  } catch (error) {
    return errnoCode(error) === 'ENOENT'
      ? fail('source-missing', msg('source-missing'))
      : fail('source-unreadable', msg('source-unreadable', { reason: errnoCode(error) ?? String(error) }));
  }
  if (size > MAX_SOURCE_BYTES) {
    return fail(
      'source-too-large',
      msg('source-too-large', { size: (size / 1048576).toFixed(1), limit: MAX_SOURCE_BYTES / 1048576 }),
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(path);
  } catch (error) {
    // A file listed but not readable (its permissions): the source's problem, not a crash.
    return fail('source-unreadable', msg('source-unreadable', { reason: errnoCode(error) ?? String(error) }));
  }
  if (bytes.length > MAX_SOURCE_BYTES) return fail('source-too-large', msg('source-too-large.read'));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (decodeGb18030(bytes) !== undefined) {
      return fail('source-encoding-gbk', msg('source-encoding-gbk'), msg('source-encoding-gbk.notepad.hint'));
    }
    return fail('source-encoding', msg('source-encoding'));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}
