// The salesperson's coming days: which dates belong on the list, and in what order.
import { addDays, compareIso, daysBetween, type IsoDate } from './dates.ts';

export interface AgendaWindow {
  readonly today: IsoDate;
  readonly from: IsoDate;
  /** The last day, included: from + days. */
  readonly to: IsoDate;
}

/** The longest window asked for: a year of birthdays is already more than one list can serve. */
export const MAX_AGENDA_DAYS = 366;

/** From `from` (default today) through `days` more days (default 7: today and the next 7). */
export function agendaWindow(today: IsoDate, from: IsoDate = today, days = 7): AgendaWindow {
  if (!Number.isInteger(days) || days < 0 || days > MAX_AGENDA_DAYS) throw new RangeError(`天数应为 0–${MAX_AGENDA_DAYS} 的整数：${days}`);
  return { today, from, to: addDays(from, days) };
}

export const inWindow = (d: IsoDate, w: AgendaWindow): boolean => compareIso(d, w.from) >= 0 && compareIso(d, w.to) <= 0;

/** Days past `d` on `today`; 0 when it is not past. */
export const overdueDays = (d: IsoDate, today: IsoDate): number => Math.max(0, daysBetween(d, today));

/** A date something must be done by: on the list when it falls in the window or is already past. */
export const dueIn = (d: IsoDate, w: AgendaWindow): boolean => inWindow(d, w) || overdueDays(d, w.today) > 0;

/** The visit made last: the latest date, and of one day's visits the one written last. */
export function latestVisit<T extends { readonly date: IsoDate }>(visits: readonly T[]): T | undefined {
  let latest: T | undefined;
  for (const v of visits) if (latest === undefined || compareIso(v.date, latest.date) >= 0) latest = v;
  return latest;
}

/**
 * The day a customer last visited on `last` is due again by its class's interval, or undefined
 * when the next visit already planned comes first: that visit is on the list on its own.
 */
export function intervalDue(last: IsoDate, intervalDays: number, planned: IsoDate | undefined): IsoDate | undefined {
  const due = addDays(last, intervalDays);
  return planned !== undefined && compareIso(planned, due) <= 0 ? undefined : due;
}

/** Dated items by date (so the overdue come first, most overdue at the top), then the undated. */
export function compareAgendaDates(a: IsoDate | undefined, b: IsoDate | undefined): number {
  if (a === undefined || b === undefined) return (a === undefined ? 1 : 0) - (b === undefined ? 1 : 0);
  return compareIso(a, b);
}
