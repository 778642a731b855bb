// What a submitted file really is, by its first bytes and (for a ZIP archive) its members, not by
// its name: a .docx renamed .doc is read, a .doc renamed .docx is refused with how to convert it.
// Pure: bytes in.
import { zipEntries, ZipError } from '../model/readZip.js';
import { msg, type Message } from '../i18n/message.js';

export type DocumentKind =
  | { kind: 'docx' }
  | { kind: 'docm' }
  | { kind: 'encrypted' }
  | { kind: 'doc' }
  | { kind: 'wps' }
  | { kind: 'pdf' }
  | { kind: 'odt' }
  | { kind: 'rtf' }
  | { kind: 'zip'; reason: Message | string }
  | { kind: 'unknown' };

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** Whether `bytes` hold `text` as UTF-16LE (the names of an OLE file's streams). */
function hasUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/** The kind of a submitted file; `extension` (lower case, with the dot) only tells a WPS file from a Word one. */
export function sniffDocument(bytes: Uint8Array, extension: string): DocumentKind {
  if (startsWith(bytes, OLE)) {
    // An OLE compound file: old Word (.doc), old WPS (.wps), or an encrypted .docx (Office keeps a
    // password-protected document in an OLE file with an `EncryptedPackage` stream).
    if (hasUtf16(bytes, 'EncryptedPackage')) return { kind: 'encrypted' };
    if (extension === '.wps' || hasUtf16(bytes, 'WpsContent')) return { kind: 'wps' };
    return { kind: 'doc' };
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { kind: 'pdf' };
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return { kind: 'rtf' };
  if (startsWith(bytes, [0x50, 0x4b])) {
    let names: string[];
    try {
      names = [...zipEntries(bytes).keys()];
    } catch (error) {
      if (error instanceof ZipError) return { kind: 'zip', reason: /^it is not a ZIP archive/.test(error.message) ? msg('import.zip.cut-off') : error.message };
      throw error;
    }
    if (names.includes('mimetype') && Buffer.from(bytes.subarray(30, 120)).toString('latin1').includes('opendocument')) return { kind: 'odt' };
    if (names.includes('word/vbaProject.bin')) return { kind: 'docm' };
    if (names.includes('word/document.xml') || names.includes('[Content_Types].xml')) return { kind: 'docx' };
    return { kind: 'zip', reason: msg('import.zip.no-document') };
  }
  return { kind: 'unknown' };
}

/** What an editor is told about a file that is not a .docx: its format in words. */
export function formatName(kind: DocumentKind['kind']): Message {
  switch (kind) {
    case 'doc': return msg('import.format.doc');
    case 'wps': return msg('import.format.wps');
    case 'pdf': return msg('import.format.pdf');
    case 'odt': return msg('import.format.odt');
    case 'rtf': return msg('import.format.rtf');
    default: return msg('import.format.unknown');
  }
}
