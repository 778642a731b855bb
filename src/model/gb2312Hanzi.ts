// The 6763 hanzi of GB 2312 (levels 1 and 2, rows 16–87: bytes 0xB0A1–0xF7FE), the set 仿宋_GB2312
// and 楷体_GB2312 are made for and what a face must have to set ordinary official prose. Decoded
// from their GB 2312 codes with the runtime's GB18030 decoder (a superset of GB 2312), once.

let cached: readonly number[] | null | undefined;

/** The code points of GB 2312's hanzi, in GB 2312 order; undefined when the runtime cannot decode GB18030. */
export function gb2312Hanzi(): readonly number[] | undefined {
  if (cached === undefined) {
    try {
      const decoder = new TextDecoder('gb18030', { fatal: true });
      const out: number[] = [];
      for (let high = 0xb0; high <= 0xf7; high++) {
        for (let low = 0xa1; low <= 0xfe; low++) {
          // Row 55 ends at 0xD7F9: its last five codes are empty, and stay out.
          const text = decoder.decode(Uint8Array.of(high, low));
          const cp = text.codePointAt(0)!;
          if (text.length === 1 && /\p{Script=Han}/u.test(text)) out.push(cp);
        }
      }
      cached = out.length === 6763 ? out : null;
    } catch {
      cached = null;
    }
  }
  return cached ?? undefined;
}
