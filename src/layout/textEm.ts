// How wide a line of text sets, in ems of its size, estimated without a browser: full-width
// characters (CJK, full-width punctuation and forms, symbols) take 1 em, half-width Latin letters,
// digits and spaces about half. The estimate errs wide (the bundled serif's digits are 0.55 em, its
// capitals up to 0.75), so a line the estimate fits also fits on paper; where it is wrong all the
// same, the stylesheet lets the line wrap rather than run over the type area.

/** Estimated advance of one character, in em. */
export function charEm(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp === 0x20) return 0.3;
  if (cp >= 0x30 && cp <= 0x39) return 0.6;
  if (cp >= 0x41 && cp <= 0x5a) return 0.75;
  if (cp < 0x7f) return cp >= 0x61 && cp <= 0x7a ? 0.6 : 0.45;
  // Latin with accents, Greek, Cyrillic and general punctuation outside the CJK blocks: proportional forms.
  if (cp < 0x2000) return 0.75;
  // Half-width katakana and forms.
  if (cp >= 0xff61 && cp <= 0xffdc) return 0.5;
  return 1;
}

/** Estimated advance of a text, in em. */
export function textEm(text: string): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em;
}
