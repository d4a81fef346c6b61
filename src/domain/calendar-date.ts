// Birthdays and anniversaries: solar or lunar (many people keep a 农历生日), year optional.
// One parser serves both the YAML data and the spreadsheet import.
import { addDays, compareIso, daysInMonth, isoDate, isoParts } from './dates.ts';
import type { IsoDate } from './dates.ts';
import { formatLunar, LUNAR_DAY_NAMES, LUNAR_MONTH_NAMES, lunarDateProblem, lunarToSolar, solarToLunar } from './lunar.ts';

export type CalendarDate =
  | { calendar: 'solar'; year?: number; month: number; day: number }
  | { calendar: 'lunar'; year?: number; month: number; day: number; leap?: boolean };

const FORMS_HINT = '请写成 1975-03-08、3月8日 或 农历八月十五';

// "1975-03-08", "1975/3/8", "03-08" — also after 农历.
const NUMERIC = /^(?:(\d{4})[-/])?(\d{1,2})[-/](\d{1,2})$/;
// "1975年3月8日", "3月8号", "闰四月初八", "八月十五日": month and day are resolved below.
const WRITTEN = /^(?:(\d{4})年)?(闰)?([^月]+)月([^日号]+)[日号]?$/;

// Month words as written after 农历; digits are accepted as well.
const LUNAR_MONTH_WORDS = new Map<string, number>([
  ...LUNAR_MONTH_NAMES.map((name, i): [string, number] => [name.slice(0, -1), i + 1]),
  ['一', 1], ['十一', 11], ['十二', 12],
]);

function toNumber(token: string, words?: ReadonlyMap<string, number>): number {
  if (/^\d{1,2}$/.test(token)) return Number(token);
  return words?.get(token) ?? Number.NaN;
}

function lunarDayNumber(token: string): number {
  // 二十三 is as common as 廿三 in handwriting.
  const name = token.replace(/^二十(?=.)/, '廿');
  const index = (LUNAR_DAY_NAMES as readonly string[]).indexOf(name);
  return index >= 0 ? index + 1 : toNumber(token);
}

interface DateParts {
  yearText: string | undefined;
  month: number;
  day: number;
  leap: boolean;
}

function splitDate(body: string, lunar: boolean): DateParts | undefined {
  const numeric = NUMERIC.exec(body);
  if (numeric) {
    return { yearText: numeric[1], month: Number(numeric[2]), day: Number(numeric[3]), leap: false };
  }
  const written = WRITTEN.exec(body);
  if (!written) return undefined;
  const [, yearText, leapMark, monthText = '', dayText = ''] = written;
  const month = toNumber(monthText, lunar ? LUNAR_MONTH_WORDS : undefined);
  const day = lunar ? lunarDayNumber(dayText) : toNumber(dayText);
  if (Number.isNaN(month) || Number.isNaN(day)) return undefined;
  return { yearText, month, day, leap: leapMark !== undefined };
}

/**
 * Accepts "1975-03-08", "1975/3/8", "1975年3月8日", "03-08", "3月8日", and after 农历 or 阴历:
 * "八月十五", "1975年八月十五", "闰四月初八", "1975-08-15", "8月15日".
 */
export function parseCalendarDate(text: string): CalendarDate {
  const normalized = text
    .replace(/\s+/g, '')
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/－/g, '-')
    .replace(/／/g, '/');
  const lunar = /^(农历|阴历)/.test(normalized);
  const parts = splitDate(lunar ? normalized.slice(2) : normalized, lunar);
  if (!parts) throw new Error(`无法识别的日期「${text}」：${FORMS_HINT}`);
  const { yearText, month, day, leap } = parts;
  if (leap && !lunar) throw new Error(`无法识别的日期「${text}」：只有农历才有闰月；${FORMS_HINT}`);

  const year = yearText === undefined ? undefined : Number(yearText);
  // Without a year, check the day against a leap year so that 2月29日 is allowed.
  const maxDay = lunar ? 30 : daysInMonth(year ?? 2000, month);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= maxDay) || (year !== undefined && year < 1000)) {
    throw new Error(`日期「${text}」不存在：月份应为 1–12，日应在该月天数之内；${FORMS_HINT}`);
  }
  const lunarProblem = lunar && year !== undefined ? lunarDateProblem(year, month, day, leap) : undefined;
  if (lunarProblem) throw new Error(`日期「${text}」不存在：${lunarProblem}；${FORMS_HINT}`);
  const withYear = year === undefined ? {} : { year };
  return lunar
    ? { calendar: 'lunar', ...withYear, month, day, ...(leap ? { leap } : {}) }
    : { calendar: 'solar', ...withYear, month, day };
}

/** "1975年3月8日", "3月8日", or the lunar form of formatLunar. */
export function formatCalendarDate(c: CalendarDate): string {
  if (c.calendar === 'lunar') return formatLunar(c);
  return `${c.year === undefined ? '' : `${c.year}年`}${c.month}月${c.day}日`;
}

/**
 * The solar date on which `c` falls in (solar or lunar, as `c` is) year `year`.
 * 2月29日 is kept on 2月28日 in common years; lunar gaps are bridged by lunarToSolar.
 */
function occurrenceIn(c: CalendarDate, year: number): IsoDate {
  if (c.calendar === 'lunar') return lunarToSolar(year, c.month, c.day, c.leap);
  return isoDate(year, c.month, Math.min(c.day, daysInMonth(year, c.month)));
}

/**
 * The solar dates in [from, from + days] on which `c` falls, in order. Years before `c.year`
 * are skipped. A lunar year starts in late January or February, so its late months land in
 * the next solar year: the loop starts one year early, and a window can hold two occurrences.
 */
export function occurrencesWithin(c: CalendarDate, from: IsoDate, days: number): IsoDate[] {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`天数必须是非负整数：${days}`);
  const to = addDays(from, days);
  const dates: IsoDate[] = [];
  for (let y = Math.max(isoParts(from).year - 1, c.year ?? 0); y <= isoParts(to).year; y++) {
    const date = occurrenceIn(c, y);
    if (compareIso(date, from) >= 0 && compareIso(date, to) <= 0) dates.push(date);
  }
  return dates;
}

/** The first occurrence on or after `from` (looked for within 400 days). */
export function nextOccurrence(c: CalendarDate, from: IsoDate): IsoDate {
  const [next] = occurrencesWithin(c, from, 400);
  if (next === undefined) {
    throw new RangeError(`${formatCalendarDate(c)}在 ${from} 之后 400 天内不会出现`);
  }
  return next;
}

/**
 * Completed years on `d` (on the occurrence itself: the round number, e.g. 50 for 五十寿辰).
 * Lunar dates count lunar years. Undefined when the year is unknown or `d` precedes it.
 */
export function ageOn(c: CalendarDate, d: IsoDate): number | undefined {
  if (c.year === undefined) return undefined;
  const year = c.calendar === 'lunar' ? solarToLunar(d).year : isoParts(d).year;
  const age = year - c.year - (compareIso(d, occurrenceIn(c, year)) < 0 ? 1 : 0);
  return age >= 0 ? age : undefined;
}
