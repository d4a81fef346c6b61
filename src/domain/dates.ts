// Calendar dates travel as ISO text 'YYYY-MM-DD'. Arithmetic goes through UTC day numbers so
// that no time zone or daylight-saving shift can move a date; no Date object leaves this file.

export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAY_NAMES = '日一二三四五六';

/** Days in a solar month (proleptic Gregorian). */
export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/**
 * ISO text of a date given by parts; throws on an impossible date. Years are 1000–9999: four
 * digits without a leading zero, which also keeps Date.UTC away from its 0–99 → 19xx mapping.
 */
export function isoDate(year: number, month: number, day: number): IsoDate {
  const ok =
    Number.isInteger(year) && year >= 1000 && year <= 9999 &&
    Number.isInteger(month) && Number.isInteger(day) &&
    day >= 1 && day <= daysInMonth(year, month);
  if (!ok) throw new RangeError(`不存在的日期：${year}年${month}月${day}日`);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The numeric parts of an ISO date; throws a Chinese RangeError on anything else. */
export function isoParts(d: IsoDate): { year: number; month: number; day: number } {
  const match = ISO_PATTERN.exec(d);
  if (match) {
    const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
    if (year >= 1000 && month >= 1 && day >= 1 && day <= daysInMonth(year, month)) {
      return { year, month, day };
    }
  }
  throw new RangeError(`不是有效的日期「${d}」：请写成 2026-03-08 这样的格式`);
}

/** The day a moment falls on in the machine's time zone, as the salesperson's calendar shows it. */
export function localIsoDate(moment: Date): IsoDate {
  return isoDate(moment.getFullYear(), moment.getMonth() + 1, moment.getDate());
}

export function isIsoDate(s: string): boolean {
  try {
    isoParts(s);
    return true;
  } catch {
    return false;
  }
}

function dayNumber(d: IsoDate): number {
  const { year, month, day } = isoParts(d);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function addDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`天数必须是整数：${n}`);
  const t = new Date((dayNumber(d) + n) * DAY_MS);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** b − a in days: positive when b is later. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01, day 0, was a Thursday). */
export function weekdayOf(d: IsoDate): 0 | 1 | 2 | 3 | 4 | 5 | 6 {
  return (((dayNumber(d) + 4) % 7) + 7) % 7 as 0 | 1 | 2 | 3 | 4 | 5 | 6;
}

/** "2026年11月23日", with `weekday`: "2026年11月23日 星期一". */
export function formatChineseDate(d: IsoDate, opts: { weekday?: boolean } = {}): string {
  const { year, month, day } = isoParts(d);
  const text = `${year}年${month}月${day}日`;
  return opts.weekday ? `${text} 星期${WEEKDAY_NAMES[weekdayOf(d)]}` : text;
}

/**
 * The days the tool can be told "today" is, or a visit date: a .docx is a ZIP, whose file
 * times cannot go before 1980 (and fflate writes none after 2099); the festival calendar
 * reaches 2100, so every festival after such a day can still be found. The first day keeps a
 * day's margin: the ZIP time is local, and midnight UTC is still 1979 west of Greenwich.
 */
export const DATE_RANGE = { first: '1980-01-02', last: '2099-12-31' } as const;

export const inDateRange = (d: IsoDate): boolean => compareIso(d, DATE_RANGE.first) >= 0 && compareIso(d, DATE_RANGE.last) <= 0;

/** Sort comparator: negative, 0 or positive as a is before, on or after b. */
export function compareIso(a: IsoDate, b: IsoDate): number {
  return Math.sign(daysBetween(b, a));
}
