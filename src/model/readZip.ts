// The members of a ZIP archive (an .xlsx workbook is one), read with limits: the archive's own
// directory is read here, and each member asked for is inflated (fflate) in a stream that stops at a
// cap, whatever sizes the archive declares, so a "zip bomb" costs at most the cap. Pure: bytes in.
import { Inflate } from 'fflate';
import { msg, render, type Message } from '../i18n/message.js';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

/** What is wrong with an archive: `message` in English, `text` the catalogue message. */
export class ZipError extends Error {
  readonly text: Message;
  constructor(text: Message) {
    super(render(text, 'en'));
    this.text = text;
  }
}

const mib = (bytes: number) => `${Math.round((bytes / 1048576) * 10) / 10} MiB`;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000;

/** The archive's directory: its members by name. Throws ZipError when it is no ZIP archive or a damaged one. */
export function zipEntries(bytes: Uint8Array, maxEntries = 10_000): Map<string, ZipEntry> {
  // The end-of-directory record: in the last 64 KiB + 22 bytes (its comment may be up to 64 KiB).
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipError(msg('zip.not-zip'));
  const count = u16(bytes, end + 10);
  const dirOffset = u32(bytes, end + 16);
  if (count > maxEntries) throw new ZipError(msg('zip.members', { count }));
  const entries = new Map<string, ZipEntry>();
  let at = dirOffset;
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw new ZipError(msg('zip.directory'));
    const nameLength = u16(bytes, at + 28);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, {
      name, method: u16(bytes, at + 10), compressedSize: u32(bytes, at + 20), size: u32(bytes, at + 24), offset: u32(bytes, at + 42),
    });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

/** A member's bytes, at most `cap` of them (a member that inflates to more is refused, whatever it declares). */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, cap: number): Uint8Array {
  if (entry.size > cap) throw new ZipError(msg('zip.member-too-large', { name: entry.name, size: mib(entry.size), cap: mib(cap) }));
  const local = entry.offset;
  if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw new ZipError(msg('zip.member-damaged', { name: entry.name }));
  const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw new ZipError(msg('zip.member-cut', { name: entry.name }));
  if (entry.method === 0) {
    if (data.length > cap) throw new ZipError(msg('zip.member-over', { name: entry.name, cap: mib(cap) }));
    return data;
  }
  if (entry.method !== 8) throw new ZipError(msg('zip.method', { name: entry.name, method: entry.method }));
  const parts: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > cap) {
      over = true;
      throw new ZipError(msg('zip.bomb', { name: entry.name, cap: mib(cap) }));
    }
    parts.push(chunk);
  });
  try {
    // In slices, so that a member that inflates beyond the cap is stopped soon after it passes it.
    const SLICE = 16 * 1024;
    for (let k = 0; k < data.length; k += SLICE) inflate.push(data.subarray(k, Math.min(data.length, k + SLICE)), k + SLICE >= data.length);
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (error) {
    if (over || error instanceof ZipError) throw error;
    throw new ZipError(msg('zip.member-damaged.reason', { name: entry.name, reason: (error as Error).message }));
  }
  const out = new Uint8Array(total);
  let k = 0;
  for (const p of parts) {
    out.set(p, k);
    k += p.length;
  }
  return out;
}
