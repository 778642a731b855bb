// Chinese text saved in the legacy GBK/GB18030 encoding (Windows Notepad before 2019, many older
// editors): recognised, so that the error says what it is, and decoded, so that `validate --fix`
// can write the same text as UTF-8.

/** Characters of Chinese prose outside ASCII: Han, CJK and full-width punctuation, general punctuation (“” …), enclosed numbers. */
const CHINESE = /[\p{Script=Han}\u2000-\u206f\u2460-\u24ff\u3000-\u303f\u3200-\u32ff\uff00-\uffef]/u;

/** Share of the multi-byte characters that must be common Chinese (GB2312's area, both bytes 0xA1–0xFE). */
const GB2312_SHARE = 0.8;

/**
 * The text of `bytes` when they are Chinese text in GBK/GB18030: not UTF-8 (the caller has found
 * that), valid GB18030, at least one multi-byte character, most of them in GB2312's area (so that
 * Big5 or another legacy encoding that happens to decode is not taken for GBK), and most of the
 * characters outside ASCII Chinese ones. Otherwise undefined.
 */
export function decodeGb18030(bytes: Uint8Array): string | undefined {
  let multi = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    const next = bytes[i + 1] ?? 0;
    multi += 1;
    if (next >= 0x30 && next <= 0x39) {
      i += 3; // a four-byte sequence
      continue;
    }
    if (lead >= 0xa1 && next >= 0xa1) common += 1;
    i += 1;
  }
  if (multi === 0 || common / multi < GB2312_SHARE) return undefined;
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  const wide = [...text].filter((c) => c.charCodeAt(0) >= 0x80);
  return wide.filter((c) => CHINESE.test(c)).length / wide.length >= GB2312_SHARE ? text : undefined;
}
