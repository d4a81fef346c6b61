// The Chinese lunisolar calendar (农历). Every call into tyme4ts stays in this file, so the
// library can be swapped without touching the rest of the code.
import { LunarDay, LunarMonth, LunarYear, SolarDay } from 'tyme4ts';
import { isoDate, isoParts } from './dates.ts';
import type { IsoDate } from './dates.ts';

export interface LunarDate {
  year?: number;
  month: number;
  day: number;
  leap?: boolean;
}

// Traditional names; tyme4ts says 十一月 / 十二月 where greeting cards say 冬月 / 腊月.
export const LUNAR_MONTH_NAMES = [
  '正月', '二月', '三月', '四月', '五月', '六月',
  '七月', '八月', '九月', '十月', '冬月', '腊月',
] as const;

export const LUNAR_DAY_NAMES = [
  '初一', '初二', '初三', '初四', '初五', '初六', '初七', '初八', '初九', '初十',
  '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十',
  '廿一', '廿二', '廿三', '廿四', '廿五', '廿六', '廿七', '廿八', '廿九', '三十',
] as const;

function checkLunar(year: number | undefined, month: number, day: number): void {
  const ok =
    (year === undefined || (Number.isInteger(year) && year >= 1000 && year <= 9999)) &&
    Number.isInteger(month) && month >= 1 && month <= 12 &&
    Number.isInteger(day) && day >= 1 && day <= 30;
  if (!ok) throw new RangeError(`不存在的农历日期：${year === undefined ? '' : `${year}年`}${month}月${day}日`);
}

// tyme4ts computes each conversion from astronomy (~0.4 ms); a mailing asks for the same few
// dates for every letter (festival days, birthdays), so each answer is kept.
const toSolar = new Map<string, IsoDate>();

/**
 * The solar date of a lunar date. Birthdays are kept every year, so two gaps are bridged:
 * day 30 in a month that has only 29 days becomes day 29, and a leap month the year does not
 * have becomes the regular month of that number.
 */
export function lunarToSolar(year: number, month: number, day: number, leap = false): IsoDate {
  const key = `${year}-${month}-${day}-${leap}`;
  const known = toSolar.get(key);
  if (known) return known;
  const solar = convertToSolar(year, month, day, leap);
  toSolar.set(key, solar);
  return solar;
}

function convertToSolar(year: number, month: number, day: number, leap: boolean): IsoDate {
  checkLunar(year, month, day);
  // tyme4ts numbers a leap month negatively (闰四月 = -4).
  const m = leap && LunarYear.fromYear(year).getLeapMonth() === month ? -month : month;
  const d = Math.min(day, LunarMonth.fromYm(year, m).getDayCount());
  const solar = LunarDay.fromYmd(year, m, d).getSolarDay();
  return isoDate(solar.getYear(), solar.getMonth(), solar.getDay());
}

/**
 * Why a lunar date with its year cannot be (a leap month that year does not have, day 30 of a
 * month of 29 days), or undefined when it exists: a birth date in the data must have happened.
 */
export function lunarDateProblem(year: number, month: number, day: number, leap: boolean): string | undefined {
  checkLunar(year, month, day);
  const leapMonth = LunarYear.fromYear(year).getLeapMonth();
  const name = (m: number) => LUNAR_MONTH_NAMES[m - 1];
  if (leap && leapMonth !== month) return `农历${year}年没有闰${name(month)}${leapMonth > 0 ? `（那年闰的是${name(leapMonth)}）` : ''}`;
  const days = LunarMonth.fromYm(year, leap ? -month : month).getDayCount();
  return day > days ? `农历${year}年的${leap ? '闰' : ''}${name(month)}只有 ${days} 天` : undefined;
}

/** The lunar date of a solar one; `year` is the lunar year (January before 春节 is the old one). */
export function solarToLunar(d: IsoDate): Required<LunarDate> {
  const { year, month, day } = isoParts(d);
  const lunar = SolarDay.fromYmd(year, month, day).getLunarDay();
  return {
    year: lunar.getYear(),
    month: Math.abs(lunar.getMonth()),
    day: lunar.getDay(),
    leap: lunar.getLunarMonth().isLeap(),
  };
}

/** "农历八月十五", "农历闰四月初八", "农历1975年八月十五". */
export function formatLunar(l: LunarDate): string {
  checkLunar(l.year, l.month, l.day);
  const year = l.year === undefined ? '' : `${l.year}年`;
  return `农历${year}${l.leap ? '闰' : ''}${LUNAR_MONTH_NAMES[l.month - 1]}${LUNAR_DAY_NAMES[l.day - 1]}`;
}
