// Character classes of Chinese text: Han characters, CJK punctuation, and what counts as "next to Chinese".

const HAN = /^\p{Script=Han}$/u;

/** A Han character (汉字), 〇 included; `ch` is one code point. */
export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch);
}

/** Full-width punctuation and forms of Chinese typesetting: 。，、；：？！（）《》【】「」 and the like. */
export function isCjkPunct(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const cp = ch.codePointAt(0)!;
  return (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xff60) || (cp >= 0xfe30 && cp <= 0xfe4f);
}

/** A Han character or CJK punctuation: the text around it is Chinese. */
export function isChinese(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunct(ch);
}

/** Marks that sit between words in both scripts and so say nothing about the language: quotes, dashes, ellipses, Markdown emphasis. */
const TRANSPARENT = new Set(['“', '”', '‘', '’', '…', '—', '*']);

/** The code point that ends just before `i` (a whole surrogate pair), or undefined at the start. */
export function charBefore(text: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1];
}

/** The code point starting at `i` (a whole surrogate pair), or undefined at the end. */
export function charAt(text: string, i: number): string | undefined {
  if (i >= text.length) return undefined;
  const cp = text.codePointAt(i)!;
  return String.fromCodePoint(cp);
}

/** Whether the text just before `i` is Chinese, looking through quotes, dashes and emphasis marks. */
export function chineseBefore(text: string, i: number): boolean {
  let j = i;
  for (let steps = 0; steps < 8; steps++) {
    const ch = charBefore(text, j);
    if (ch === undefined) return false;
    if (!TRANSPARENT.has(ch)) return isChinese(ch);
    j -= ch.length;
  }
  return false;
}

/** Whether the text just after `i` (the character at `i` onwards) is Chinese, looking through quotes, dashes and emphasis marks. */
export function chineseAfter(text: string, i: number): boolean {
  let j = i;
  for (let steps = 0; steps < 8; steps++) {
    const ch = charAt(text, j);
    if (ch === undefined) return false;
    if (!TRANSPARENT.has(ch)) return isChinese(ch);
    j += ch.length;
  }
  return false;
}

/** Whether a stretch of text holds any Han character. */
export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}
