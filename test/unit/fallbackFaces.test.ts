// The bundled fallback faces (src/render/fontFaces.ts): each role's family prints what Chinese
// official prose uses (Ⅲ, μ, ℃, ①–⑳, ㊀, 𬍛 …) from bundled faces only, in ranges that never overlap (so
// Chrome has one face per character and never reaches a font of the machine for them), a series'
// own file first; glyph-missing is per role; a character no font has is printed as 〓.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { familyOf, fontFaces, type FontFace } from '../../src/render/fontFaces.js';
import { computeFallbackCoverage } from '../../src/render/fallbackCoverageOf.js';
import { roleCoverage, seriesCoverage, uncoveredCharacters } from '../../src/check/checkGlyphs.js';
import { markMissingGlyphs } from '../../src/render/missingGlyphs.js';
import { makeSeries } from '../helpers.js';

const OFFICE = 'Ⅰ Ⅱ Ⅲ Ⅳ Ⅻ ⅲ α β μ Ω µ ² ³ ℃ ㎡ ㎥ ㎏ ‰ ‱ № § ① ⑩ ⑲ ⑳ ⑴ ⒇ ⒈ ㈠ ㈩ ㊀ ≤ ≥ ± × ÷ ∉ ≌ ← → ★ ☑ ☐ ✔ 〓 ※ ＡＢＣ１２３ 〔 〕 堃 喆 䶮 𬍛 𫖯 𬀩 𰻞';

/**
 * Every code point faces of two fonts of the family claim (the slices of one font may share a few
 * code points, such as №: the glyph is the same whichever Chrome takes).
 */
function overlaps(faces: readonly FontFace[]): number[] {
  const owner = new Map<number, string>();
  const twice: number[] = [];
  for (const f of faces) {
    const font = f.file.replace(/\/files\/.*$/, '');
    for (let i = 0; i < f.ranges.length; i += 2) {
      for (let cp = f.ranges[i]!; cp <= f.ranges[i + 1]!; cp++) {
        const other = owner.get(cp);
        if (other !== undefined && other !== font) twice.push(cp);
        owner.set(cp, font);
      }
    }
  }
  return twice;
}

describe('the bundled fallback faces', () => {
  it('print what office prose uses in every role, and nothing of it is left to the machine', () => {
    const series = makeSeries();
    for (const role of ['title', 'body', 'heading', 'kai', 'pageNumber'] as const) {
      expect(uncoveredCharacters(OFFICE, roleCoverage(series, role)), role).toEqual([]);
    }
    // What no bundled face has: an Extension B character outside the 通用规范汉字表, Egyptian hieroglyphs.
    expect(uncoveredCharacters('𠀀𓀀㐀', seriesCoverage(series))).toEqual(['𠀀', '𓀀', '㐀']);
  });

  it('give each character of a family to one font only, the Chinese face first', () => {
    const faces = fontFaces(makeSeries());
    for (const role of ['title', 'body', 'heading'] as const) {
      const family = faces.filter((f) => f.family === familyOf(role));
      expect(overlaps(family), role).toEqual([]);
      const owner = (ch: string) => family.find((f) => { for (let i = 0; i < f.ranges.length; i += 2) if (ch.codePointAt(0)! >= f.ranges[i]! && ch.codePointAt(0)! <= f.ranges[i + 1]!) return true; return false; })?.file;
      expect(owner('中'), role).toMatch(/noto-s(erif|ans)-sc/);
      expect(owner('①'), role).toMatch(/noto-s(erif|ans)-sc/);
      expect(owner('μ'), role).toMatch(role === 'heading' ? /noto-sans\/files\/noto-sans-greek/ : /noto-serif\/files\/noto-serif-greek/);
      expect(owner('Ⅲ'), role).toMatch(/noto-sans-symbols\//);
      expect(owner('𬍛'), role).toMatch(/lxgw-wenkai/);
      expect(owner('☐'), role).toMatch(/noto-sans-symbols-2/);
    }
  });

  it('come after a series\' own font file, for what it lacks only', () => {
    const series = makeSeries();
    const own = { ...series, fonts: { body: { family: 'x', file: '/series/fonts/fangsong.ttf', coverage: [[0x20, 0x7e], [0x4e00, 0x9fa5]] as [number, number][] } } };
    const body = fontFaces(own).filter((f) => f.family === 'bulletin-body');
    expect(body[0]!.file).toBe('/series/fonts/fangsong.ttf');
    // The bundled faces claim nothing the file has: Chrome takes 中 and A from the office's font.
    const claimed = body.slice(1).some((f) => { for (let i = 0; i < f.ranges.length; i += 2) if (f.ranges[i]! <= 0x4e2d && f.ranges[i + 1]! >= 0x4e2d || f.ranges[i]! <= 0x41 && f.ranges[i + 1]! >= 0x41) return true; return false; });
    expect(claimed).toBe(false);
    expect(uncoveredCharacters('中A，Ⅲμ①𬍛', roleCoverage(own, 'body'))).toEqual([]);
  });

  it('follow the table read from the font files (npm run font-coverage after a font package changes)', async () => {
    const committed = JSON.parse(readFileSync(new URL('../../src/render/fallbackCoverage.json', import.meta.url), 'utf8')) as unknown;
    expect(await computeFallbackCoverage()).toEqual(committed);
  }, 60_000);
});

describe('a character no font has', () => {
  it('is printed as 〓 in the text of the page, not in its markup, styles or attributes', () => {
    const covers = seriesCoverage(makeSeries());
    const page = '<style>.𠀀 { content: "𠀀"; }</style><p title="𠀀">向𠀀同志学习，Ⅲ类</p><!-- 𠀀 --><img alt="𠀀">';
    const { html, replaced } = markMissingGlyphs(page, covers);
    expect(html).toBe('<style>.𠀀 { content: "𠀀"; }</style><p title="𠀀">向〓同志学习，Ⅲ类</p><!-- 𠀀 --><img alt="𠀀">');
    expect(replaced).toEqual(['𠀀']);
    const clean = '<p>全市地表水Ⅲ类</p>';
    expect(markMissingGlyphs(clean, covers).html).toBe(clean);
  });
});
