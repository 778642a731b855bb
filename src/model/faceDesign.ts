// The design of a Chinese face, as an editor names it (宋, 仿宋, 楷, 黑, and 小标宋 for titles), told
// from its names: 方正小标宋 / FZXiaoBiaoSong, 仿宋_GB2312 / FangSong, 楷体 / KaiTi / AR PL UKai,
// 黑体 / SimHei / Noto Sans, 宋体 / SimSun / Noto Serif / AR PL UMing. Names only: a face whose
// names say none of these has no known design.

export type FaceDesign = '小标宋' | '仿宋' | '楷' | '黑' | '宋';

/** What each design is called in a face's names, most specific first (仿宋 and 小标宋 contain 宋). */
const DESIGNS: readonly [FaceDesign, RegExp][] = [
  ['小标宋', /小标宋|小標宋|xiao\s*biao\s*song|FZXBS/i],
  ['仿宋', /仿宋|fang\s*song/i],
  ['楷', /楷|kaiti|\bu?kai\b|wen\s*kai/i],
  ['黑', /黑|\bhei(?:ti)?\b|simhei|yahei|microhei|zenhei|sans|gothic/i],
  ['宋', /宋|song(?:ti)?\b|simsun|serif|\bu?ming|mincho/i],
];

/** The design the names say, if any. */
export function faceDesign(names: readonly string[]): FaceDesign | undefined {
  for (const [design, pattern] of DESIGNS) if (names.some((name) => pattern.test(name))) return design;
  return undefined;
}
