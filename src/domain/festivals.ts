// The festivals that drive 团购 seasons, and the mailing schedule worked back from them.
import { addDays, compareIso, daysBetween, isoDate, isoParts } from './dates.ts';
import type { IsoDate } from './dates.ts';
import { lunarToSolar } from './lunar.ts';

export const FESTIVALS = ['元旦', '春节', '端午', '中秋', '国庆'] as const;
export type Festival = (typeof FESTIVALS)[number];

// Month and day: lunar for the traditional festivals, solar for the others.
const FESTIVAL_DAYS: Record<Festival, { lunar: boolean; month: number; day: number }> = {
  元旦: { lunar: false, month: 1, day: 1 },
  春节: { lunar: true, month: 1, day: 1 },
  端午: { lunar: true, month: 5, day: 5 },
  中秋: { lunar: true, month: 8, day: 15 },
  国庆: { lunar: false, month: 10, day: 1 },
};

/** The years whose festival dates the lunar calendar gives. */
export const FESTIVAL_YEARS = { first: 1950, last: 2100 } as const;

/**
 * The festival's solar date in `year`. A lunar festival is taken in the lunar year of that
 * number; all three fall in the same solar year (春节 in late January or February).
 */
export function festivalDate(f: Festival, year: number): IsoDate {
  if (!Number.isInteger(year) || year < FESTIVAL_YEARS.first || year > FESTIVAL_YEARS.last) {
    throw new RangeError(`只能计算 ${FESTIVAL_YEARS.first}–${FESTIVAL_YEARS.last} 年的节日日期，收到：${year}`);
  }
  const { lunar, month, day } = FESTIVAL_DAYS[f];
  return lunar ? lunarToSolar(year, month, day) : isoDate(year, month, day);
}

/** The first occurrence on or after `today`. */
export function nextFestival(f: Festival, today: IsoDate): { year: number; date: IsoDate } {
  const { year } = isoParts(today);
  const date = festivalDate(f, year);
  return compareIso(date, today) >= 0 ? { year, date } : { year: year + 1, date: festivalDate(f, year + 1) };
}

export interface MailingPlan {
  festival: Festival;
  year: number;
  festivalDate: IsoDate;
  mailingDate: IsoDate;
  firstVisitFrom: IsoDate;
  firstVisitTo: IsoDate;
  minVisits: number;
  mailingPast: boolean;
  daysUntilMailing: number;
}

/**
 * Materials are mailed `mailDaysBefore` days ahead (about two months); the first visit falls
 * `firstVisitAfterMail` = [from, to] days after mailing. `mailingPast` is true once the
 * mailing date is behind `today` (mailing on the day itself is still on time), and
 * `daysUntilMailing` is then negative.
 */
export function mailingPlan(
  f: Festival,
  year: number,
  today: IsoDate,
  lead: { mailDaysBefore: number; firstVisitAfterMail: readonly [number, number]; minVisits: number },
): MailingPlan {
  const [visitFrom, visitTo] = lead.firstVisitAfterMail;
  const valid = [lead.mailDaysBefore, visitFrom, visitTo, lead.minVisits].every(
    (n) => Number.isInteger(n) && n >= 0,
  );
  if (!valid || visitFrom > visitTo) {
    throw new RangeError('邮寄提前天数、首次拜访间隔和最少拜访次数必须是非负整数，且间隔的起点不晚于终点');
  }
  const festival = festivalDate(f, year);
  const mailingDate = addDays(festival, -lead.mailDaysBefore);
  const daysUntilMailing = daysBetween(today, mailingDate);
  return {
    festival: f,
    year,
    festivalDate: festival,
    mailingDate,
    firstVisitFrom: addDays(mailingDate, visitFrom),
    firstVisitTo: addDays(mailingDate, visitTo),
    minVisits: lead.minVisits,
    mailingPast: daysUntilMailing < 0,
    daysUntilMailing,
  };
}
