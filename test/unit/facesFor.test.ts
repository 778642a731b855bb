import { describe, expect, it } from 'vitest';
import { codeRanges, facesFor, type FontFace } from '../../src/render/fontFaces.js';

const face = (url: string, ranges: [number, number][]): FontFace => ({ family: 'bulletin-body', url, file: `/fonts/${url}`, ranges: codeRanges(ranges), format: 'woff2' });

describe('facesFor', () => {
  const latin = face('latin.woff2', [[0x20, 0x7e], [0xa0, 0xff]]);
  const slice1 = face('cjk-1.woff2', [[0x4e00, 0x4e00], [0x4e8c, 0x4e8c], [0x5de5, 0x5de6]]); // 一 二 工 左
  const slice2 = face('cjk-2.woff2', [[0x7b80, 0x7b80], [0x62a5, 0x62a5]]); // 简 报
  const slice3 = face('cjk-3.woff2', [[0x9f98, 0x9fa5]]);
  const whole = face('own.ttf', []);

  it('keeps exactly the slices some character of the text falls in, and every face without ranges', () => {
    expect(facesFor([latin, slice1, slice2, slice3, whole], '简报 2018').map((f) => f.url)).toEqual(['latin.woff2', 'cjk-2.woff2', 'own.ttf']);
    expect(facesFor([latin, slice1, slice2, slice3], '工作').map((f) => f.url)).toEqual(['cjk-1.woff2']);
  });

  it('finds characters on either end of a range, and none outside it', () => {
    expect(facesFor([slice1], '左')).toEqual([slice1]); // the upper end of 5de5-5de6
    expect(facesFor([slice3], '\u9f98')).toEqual([slice3]);
    expect(facesFor([slice3], '\u9fa5')).toEqual([slice3]);
    expect(facesFor([slice3], '\u9f97\u9fa6')).toEqual([]);
  });

  it('reads characters outside the Basic Multilingual Plane as one code point', () => {
    const ext = face('ext-b.woff2', [[0x20000, 0x2a6df]]);
    expect(facesFor([ext, slice1], '𠀀')).toEqual([ext]);
  });

  it('needs no face for an empty text, save those without ranges', () => {
    expect(facesFor([latin, whole], '')).toEqual([whole]);
  });
});
