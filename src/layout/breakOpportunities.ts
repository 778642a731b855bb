// Where a line of Chinese text may break, and how good each place is, for the line breakers of
// titles (breakTitle.ts) and contents entries (fillLines.ts). The rules of Chinese typesetting
// (禁则, GB/T 15834 and common practice):
// - never before a closing mark (，。、；：？！」』）》〉】 …), never after an opening one (「『（《〈【 …);
// - a dash —— or an ellipsis …… is never split, nor starts a line;
// - never inside a Latin word or a number (3.5%, PM2.5, COVID-19, 1,000), nor between a number and
//   the character after it (2018年, 12月, 4家) or 第 and its number (第2期), nor inside an ordinal
//   in Chinese numerals or after it (第四季度, 第十二次, 第三批), nor inside a year in Chinese numerals
//   (二〇一九年);
// - after a space, between words.
// The better places (a small bonus the balancing weighs): after a comma or other pause, after a
// closing or before an opening bracket, after 暨 (it joins two names), between words, before the
// words that often start the second part of a title (在昆明召开, 通过验收). A place inside a word (建|设, 摘|要) is allowed but
// avoided: words are found with the dictionary of ICU's Chinese word segmentation (Intl.Segmenter,
// part of Node's full ICU; with a small-ICU Node every character counts as a word and this costs nothing).

/** No line starts with these. */
const CLOSING = new Set([...'，。、；：？！,.;:?!」』）》〉】〕〗］｝)]}”’%％‰℃°′″…—–·・～~々〜ー']);
/** No line ends with these. */
const OPENING = new Set([...'「『（《〈【〔〖［｛([{“‘＃#￥¥$']);
/** Pauses: the best places to end a line. */
const PAUSES = new Set([...'，、；：。？！,;:']);
/** Characters that join two parts of a number or a word when they stand between them: 3.5, 1,000, 10:30, COVID-19. */
const JOINERS = new Set([...'.,:/-\'+&_']);
/** Particles that belong to the word before them: a line should not start with them. */
const CLINGING = new Set([...'的了着过们地得之等']);
/** Words that often open the second part of a title (a predicate or a second subject). */
const STARTERS = ['通过', '召开', '举行', '举办', '开展', '关于', '推进', '加强', '深入', '全面', '暨'];

const HAN_DIGITS = new Set([...'〇一二三四五六七八九']);
/** The characters of a number in Chinese numerals after 第 (第四, 第十二, 第一百零一). */
const HAN_NUMERALS = new Set([...'〇零一二两三四五六七八九十百千万']);
const WORD = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}\p{Nl}]/u;
const DIGIT = /\p{Nd}/u;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '\u3007' && WORD.test(ch);
}

/** One bonus step: about what moving a break one character away from the balanced place costs. */
const STRONG = 9;
const GOOD = 4;
const FAIR = 2;

/** What breaking inside a word costs: about what moving the break two characters away from the balanced place does. */
const INSIDE_WORD = 6;

export interface BreakOpportunities {
  /** `allowed[i]`: a line may end before character i (1 ≤ i < length). */
  allowed: boolean[];
  /** `bonus[i]`: how good a place that is (0 neutral, negative to avoid). */
  bonus: number[];
  /** `between[i]`: character i starts a word (the place is not inside one). */
  between: boolean[];
}

let segmenter: Intl.Segmenter | undefined;

/** `between[i]` for each place of `chars`: where ICU's word segmentation puts a boundary. */
function wordBoundaries(chars: readonly string[]): boolean[] {
  const between = new Array<boolean>(chars.length + 1).fill(false);
  between[0] = true;
  between[chars.length] = true;
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  // Segment indices are UTF-16 offsets: map them to code point indices.
  const at = new Map<number, number>();
  let offset = 0;
  chars.forEach((ch, i) => {
    at.set(offset, i);
    offset += ch.length;
  });
  for (const { index } of segmenter.segment(chars.join(''))) {
    const i = at.get(index);
    if (i !== undefined) between[i] = true;
  }
  return between;
}

/**
 * The break opportunities of `chars` (code points of one line of text, as `[...text]`). With
 * `words: false` the word segmenter is not asked: every place counts as between words, so `bonus`
 * lacks the inside-word cost and `between` is all true, while `allowed` (which never depends on the
 * words) is the same. What counts lines only (`titleLineCount`) needs no more.
 */
export function breakOpportunities(chars: readonly string[], { words = true }: { words?: boolean } = {}): BreakOpportunities {
  const n = chars.length;
  // Characters inside a word or number, with the joiners between its parts.
  const inWord = chars.map((ch, i) => isWordChar(ch) || (JOINERS.has(ch) && isWordChar(chars[i - 1]) && isWordChar(chars[i + 1])));
  // Where a number ends (the last digit of a run of digits and joiners), so the next character stays with it.
  const numberEnd = chars.map((ch, i) => DIGIT.test(ch) && !(inWord[i + 1] ?? false));
  const between = words ? wordBoundaries(chars) : new Array<boolean>(n + 1).fill(true);
  // A year in Chinese numerals with its 年 (二〇一九年) is one number too.
  const inYear = new Array<boolean>(n + 1).fill(false);
  for (let i = 0; i + 4 < n; i++) {
    if (chars[i + 4] === '年' && chars.slice(i, i + 4).every((ch) => HAN_DIGITS.has(ch))) for (let k = i + 1; k <= i + 4; k++) inYear[k] = true;
  }
  // An ordinal in Chinese numerals (第四, 第十二) with the measure word after it (第四季度): no break
  // after 第, between its numerals, or before the character that follows them.
  const inOrdinal = new Array<boolean>(n + 1).fill(false);
  for (let i = 0; i + 1 < n; i++) {
    if (chars[i] !== '第' || !HAN_NUMERALS.has(chars[i + 1]!)) continue;
    let k = i + 1;
    while (k < n && HAN_NUMERALS.has(chars[k]!)) inOrdinal[k++] = true;
    if (k < n) inOrdinal[k] = true;
  }
  const allowed: boolean[] = new Array<boolean>(n + 1).fill(false);
  const bonus: number[] = new Array<number>(n + 1).fill(0);
  for (let i = 1; i < n; i++) {
    const before = chars[i - 1]!;
    const after = chars[i]!;
    let ok = true;
    if (CLOSING.has(after) || OPENING.has(before)) ok = false;
    if (inWord[i - 1] && inWord[i]) ok = false;
    if (numberEnd[i - 1] && after !== ' ') ok = false;
    if (before === '第' && DIGIT.test(after)) ok = false;
    if (inYear[i] || inOrdinal[i]) ok = false;
    if (after === ' ') ok = false; // break after the space, which then ends the line
    allowed[i] = ok;
    if (!ok) continue;
    if (PAUSES.has(before)) bonus[i] = STRONG;
    else if (CLOSING.has(before) || OPENING.has(after) || before === ' ') bonus[i] = GOOD;
    else if (STARTERS.some((w) => chars.slice(i, i + w.length).join('') === w)) bonus[i] = FAIR;
    else if (before === '暨') bonus[i] = GOOD; // 暨 joins two names (…提升暨 / 入河排污口…推进会)
    else if (before === '的' || before === '等') bonus[i] = FAIR;
    if (CLINGING.has(after)) bonus[i] = bonus[i]! - GOOD;
    if (!between[i]) bonus[i] = bonus[i]! - INSIDE_WORD;
  }
  return { allowed, bonus, between };
}
