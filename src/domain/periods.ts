// The periods sales targets and reports are set for: an ISO week (2026-W49), a month (2026-12)
// and a festival season (2027 春节). Each is a range of days, both ends included.
import { addDays, compareIso, daysBetween, isoDate, isoParts, weekdayOf, type IsoDate } from './dates.ts';
import { FESTIVAL_YEARS, FESTIVALS, festivalDate, type Festival } from './festivals.ts';

export interface DateRange {
  readonly from: IsoDate;
  /** The last day, included. */
  readonly to: IsoDate;
}

export type PeriodKind = 'week' | 'month' | 'season';

export interface Period extends DateRange {
  readonly kind: PeriodKind;
  /** As written: 2026-W49, 2026-12, 2027 春节. */
  readonly text: string;
  /** 2026年第49周, 2026年12月, 2027年春节旺季. */
  readonly label: string;
}

/** Monday = 1 … Sunday = 7. */
const isoWeekday = (d: IsoDate): number => weekdayOf(d) || 7;

/** The Monday of ISO week 1 of `year`: the week that holds the year's first Thursday (January 4th is always in it). */
function week1Monday(year: number): IsoDate {
  const jan4 = isoDate(year, 1, 4);
  return addDays(jan4, 1 - isoWeekday(jan4));
}

/** 52 or 53: a year has 53 ISO weeks when it starts on a Thursday, or is a leap year starting on a Wednesday. */
export function isoWeeksInYear(year: number): number {
  return daysBetween(week1Monday(year), week1Monday(year + 1)) / 7;
}

/** The ISO week a day belongs to; its year may be the next or previous calendar year (2027-01-03 is 2026-W53). */
export function isoWeekOf(d: IsoDate): { year: number; week: number } {
  // The Thursday of the day's week decides the year.
  const thursday = addDays(d, 4 - isoWeekday(d));
  const year = isoParts(thursday).year;
  return { year, week: daysBetween(week1Monday(year), addDays(thursday, -3)) / 7 + 1 };
}

/** 2026-W49 */
export const weekText = (w: { year: number; week: number }): string => `${w.year}-W${String(w.week).padStart(2, '0')}`;

/** Monday to Sunday of an ISO week; throws when the year has no such week. */
export function isoWeekRange(year: number, week: number): DateRange {
  if (!Number.isInteger(week) || week < 1 || week > isoWeeksInYear(year)) {
    throw new RangeError(`${year} 年没有第 ${week} 周：这一年有 ${isoWeeksInYear(year)} 周`);
  }
  const from = addDays(week1Monday(year), (week - 1) * 7);
  return { from, to: addDays(from, 6) };
}

/**
 * A festival's season: from its mailing day (the festival less the policy's lead days, when the
 * materials go out, domain.md §1) through the festival itself.
 */
export function seasonRange(festival: Festival, year: number, leadDays: number): DateRange {
  const to = festivalDate(festival, year);
  return { from: addDays(to, -leadDays), to };
}

const WEEK = /^(\d{4})-W(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const SEASON = /^(\d{4}) ?(\S+)$/;

/**
 * A period as written in the targets file: 2026-W49, 2026-12 or 2027 春节 (the season's length
 * from `leadDays`). Throws a RangeError in Chinese that says what a period looks like.
 */
export function parsePeriod(text: string, leadDays: number): Period {
  const t = text.trim();
  const bad = (why: string) => new RangeError(`「${text}」不是一个周期：${why}；周期写成 2026-W49（ISO 周）、2026-12（月）或 2027 春节（节日旺季）`);
  const yearOk = (y: number) => y >= FESTIVAL_YEARS.first && y < FESTIVAL_YEARS.last;
  let m = WEEK.exec(t);
  if (m) {
    const [year, week] = [Number(m[1]), Number(m[2])];
    if (!yearOk(year)) throw bad(`年份应在 ${FESTIVAL_YEARS.first}–${FESTIVAL_YEARS.last - 1} 之间`);
    if (week < 1 || week > isoWeeksInYear(year)) throw bad(`${year} 年只有 ${isoWeeksInYear(year)} 周`);
    return { kind: 'week', text: t, label: `${year}年第${week}周`, ...isoWeekRange(year, week) };
  }
  m = MONTH.exec(t);
  if (m) {
    const [year, month] = [Number(m[1]), Number(m[2])];
    if (!yearOk(year)) throw bad(`年份应在 ${FESTIVAL_YEARS.first}–${FESTIVAL_YEARS.last - 1} 之间`);
    if (month < 1 || month > 12) throw bad('月份应为 01–12');
    const from = isoDate(year, month, 1);
    const next = month === 12 ? isoDate(year + 1, 1, 1) : isoDate(year, month + 1, 1);
    return { kind: 'month', text: t, label: `${year}年${month}月`, from, to: addDays(next, -1) };
  }
  m = SEASON.exec(t);
  if (m) {
    const year = Number(m[1]);
    const festival = m[2] as Festival;
    if (!FESTIVALS.includes(festival)) throw bad(`没有「${m[2]}」这个节日（${FESTIVALS.join('、')}）`);
    if (!yearOk(year)) throw bad(`年份应在 ${FESTIVAL_YEARS.first}–${FESTIVAL_YEARS.last - 1} 之间`);
    return { kind: 'season', text: `${year} ${festival}`, label: `${year}年${festival}旺季`, ...seasonRange(festival, year, leadDays) };
  }
  throw bad('写法不对');
}

export const inRange = (d: IsoDate, r: DateRange): boolean => compareIso(d, r.from) >= 0 && compareIso(d, r.to) <= 0;

export const rangesOverlap = (a: DateRange, b: DateRange): boolean => compareIso(a.from, b.to) <= 0 && compareIso(b.from, a.to) <= 0;
