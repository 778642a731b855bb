// Calendar dates as plain values and their printed forms: 二〇一八年十二月二十八日 or 2018年12月28日.

/** A calendar date with no time and no time zone. */
export interface PlainDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** YYYY-MM-DD */
  readonly iso: string;
}

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** Parses YYYY-MM-DD into a real calendar date, or undefined (2018-02-30 is not a date). */
export function parsePlainDate(text: string): PlainDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return { year, month, day, iso: text };
}

/** 1–99 in counting form: 10 → 十, 12 → 十二, 20 → 二十, 31 → 三十一. */
export function countingNumber(n: number): string {
  if (n < 1 || n > 99 || !Number.isInteger(n)) throw new RangeError(`counting form needs 1–99, got ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const tensPart = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return tensPart + (ones === 0 ? '' : DIGITS[ones]);
}

/** The year digit by digit with 〇 (U+3007): 2018 → 二〇一八. */
export function hanziYear(year: number): string {
  return [...String(year)].map((d) => DIGITS[Number(d)]).join('');
}

export type DateStyle = 'hanzi' | 'arabic';

export function formatDate(date: PlainDate, style: DateStyle): string {
  return style === 'hanzi'
    ? `${hanziYear(date.year)}年${countingNumber(date.month)}月${countingNumber(date.day)}日`
    : `${date.year}年${date.month}月${date.day}日`;
}
