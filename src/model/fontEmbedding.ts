// Which fonts Chrome writes into a PDF as Type 3 fonts (glyphs as drawings: print shops refuse them,
// and the build's self-check fails). Tried with Chrome 156 (Skia's PDF backend) by printing a page
// with each kind of font and reading the PDF with pdffonts:
//
// | font | embedded as |
// |---|---|
// | TrueType outlines (glyf), in .ttf, .woff or .woff2 | CID TrueType |
// | PostScript outlines (CFF, an OpenType .otf) | Type 3 |
// | a variable font (fvar), at any weight | Type 3 |
// | OS/2 fsType with the "restricted licence" bit (0x0002, also with 0x0004 or 0x0008 beside it) or "bitmap embedding only" (0x0200) | Type 3 |
// | OS/2 fsType "preview & print", "editable", "no subsetting" (0x0004, 0x0008, 0x0100) | CID TrueType |
// | a colour font with TrueType outlines beside its SVG glyphs | CID TrueType |
//
// A font without outlines (bitmap strikes only) has nothing to embed either.
//
// bulletin does not hand Chrome the series' files as they are: each issue gets a TrueType subset
// of its characters (render/fontSubsets.ts), so PostScript (CFF) outlines, CID-keyed ones too, are
// converted and embed as CID TrueType. CFF2 (variable PostScript outlines) is not converted; the
// licence bits are kept in the subset, so a font that may not be embedded still is not.
import type { FontFacts } from './fontFile.js';
import { msg, type Message } from '../i18n/message.js';

/** Why Chrome would embed this font as Type 3, or undefined when it embeds it as a TrueType font. */
export function type3Reason(facts: FontFacts): Message | undefined {
  if (facts.outlines === undefined) return msg('font.type3.bitmaps');
  if (facts.outlines === 'CFF2') return msg('font.type3.cff2');
  if (facts.tables.has('fvar')) return msg('font.type3.variable');
  if (facts.fsType !== undefined && facts.fsType & 0x0002) return msg('font.type3.restricted');
  if (facts.fsType !== undefined && facts.fsType & 0x0200) return msg('font.type3.bitmap-only');
  return undefined;
}

export function type3Hint(facts: FontFacts): Message {
  if (facts.outlines === 'CFF2') return msg('font.type3.cff2.hint');
  if (facts.tables.has('fvar')) return msg('font.type3.variable.hint');
  if (facts.outlines === undefined) return msg('font.type3.bitmaps.hint');
  return msg('font.type3.licence.hint');
}
