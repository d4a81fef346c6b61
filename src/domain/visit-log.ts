// A visit about to be recorded (domain.md §7.8: outcome, next step, date of the next visit):
// what is wrong with it, every problem at once, before anything is written.
import { closest } from '../util/suggest.ts';
import { compareIso, DATE_RANGE, inDateRange, isIsoDate, type IsoDate } from './dates.ts';

export interface NewVisit {
  readonly date: string;
  readonly mode: string;
  /** The people met, as named by the salesperson. */
  readonly met: readonly string[];
  readonly nextDate?: string | undefined;
}

export interface VisitContext {
  readonly today: IsoDate;
  readonly modes: readonly string[];
  /** Everyone the archive knows at the unit: its contacts and its intermediary. */
  readonly people: readonly string[];
}

export interface VisitProblem {
  readonly field: 'date' | 'mode' | 'met' | 'nextDate';
  readonly message: string;
}

function dateProblem(d: string): string | undefined {
  if (!isIsoDate(d)) return `「${d}」不是日期：应写成 YYYY-MM-DD，如 2026-12-03`;
  if (!inDateRange(d)) return `应在 ${DATE_RANGE.first} 到 ${DATE_RANGE.last} 之间，收到：${d}`;
  return undefined;
}

/**
 * Why the visit cannot be recorded; empty when it can. A visit is recorded once made, so its
 * date is not after today; the next visit is not before it. [ours] A name met that is not one
 * of the unit's people is refused, not warned about: a misspelt name would be kept for good,
 * and a new person belongs in the contacts first, where the card and the letters find them.
 */
export function visitProblems(v: NewVisit, ctx: VisitContext): VisitProblem[] {
  const problems: VisitProblem[] = [];
  const dateWrong = dateProblem(v.date);
  if (dateWrong) problems.push({ field: 'date', message: dateWrong });
  else if (compareIso(v.date, ctx.today) > 0) problems.push({ field: 'date', message: `${v.date} 晚于今天（${ctx.today}）：只记录已经做过的拜访，下次拜访写在下次日期里` });
  if (!ctx.modes.includes(v.mode)) problems.push({ field: 'mode', message: `「${v.mode}」不是拜访方式，应为以下之一：${ctx.modes.join('、')}` });
  for (const name of v.met) {
    if (ctx.people.includes(name)) continue;
    const guess = closest(name, ctx.people);
    problems.push({
      field: 'met',
      message: `「${name}」不是这个单位的联系人或中介人${guess ? `，是否想写「${guess}」？` : `（有：${ctx.people.join('、')}）`}新认识的人请先加进联系人`,
    });
  }
  if (v.nextDate !== undefined) {
    const nextWrong = dateProblem(v.nextDate);
    if (nextWrong) problems.push({ field: 'nextDate', message: nextWrong });
    else if (!dateWrong && compareIso(v.nextDate, v.date) < 0) problems.push({ field: 'nextDate', message: `${v.nextDate} 早于这次拜访的日期 ${v.date}` });
  }
  return problems;
}
