// The department head's view (issue 20): the weekly sales statistics (销售统计报表) and the
// customer consumption evaluation (客户消费评估报告) as plain figures. The papers are document
// kinds (documents.ts); the week as a workbook is report-workbook.ts.
import type { DataSet } from '../data/dataset.ts';
import { compareIso, DATE_RANGE, inDateRange, isIsoDate, type IsoDate } from '../domain/dates.ts';
import { isoWeekOf, parsePeriod, weekText, type DateRange } from '../domain/periods.ts';
import { UsageError } from '../errors.ts';
import { closest } from '../util/suggest.ts';
import { customerFigures, managersIn, weeklyFigures, type CustomerFigures, type WeeklyFigures } from '../views/report-figures.ts';
import { periodText } from '../views/reports.ts';
import { customerNamed } from './find.ts';
import type { Workspace } from './workspace.ts';

export type { CustomerFigures, ManagerFigures, WeeklyFigures } from '../views/report-figures.ts';

export interface WeeklyReportRequest {
  readonly today: IsoDate;
  /** An ISO week, 2026-W49; or `from` and `to`; or, with neither, the week of today. */
  readonly week?: string | undefined;
  readonly from?: IsoDate | undefined;
  readonly to?: IsoDate | undefined;
  /** Only this account manager. */
  readonly manager?: string | undefined;
}

export interface WeeklyReport extends WeeklyFigures {
  /** 2026年第49周, or the dates. */
  readonly period: string;
  readonly today: IsoDate;
  /** Customer files with errors, left out of the figures. */
  readonly skipped: readonly string[];
}

export interface CustomerReportRequest {
  /** Its id, or its exact unit name. */
  readonly customer: string;
  readonly today: IsoDate;
}

function checkDate(what: string, d: IsoDate): void {
  if (!isIsoDate(d)) throw new UsageError(`${what}要写成 YYYY-MM-DD，如 2026-12-04，收到：${d}`);
  if (!inDateRange(d)) throw new UsageError(`${what}要在 ${DATE_RANGE.first} 到 ${DATE_RANGE.last} 之间，收到：${d}`);
}

/** The days a weekly report covers. */
export function reportRange(req: Omit<WeeklyReportRequest, 'manager'>): DateRange {
  checkDate('今天', req.today);
  if (req.week !== undefined && (req.from !== undefined || req.to !== undefined)) throw new UsageError('周（week）和起止日期（from、to）只写一种');
  if (req.from !== undefined || req.to !== undefined) {
    if (req.from === undefined || req.to === undefined) throw new UsageError('起止日期要同时写开始（from）和结束（to）');
    checkDate('开始日期', req.from);
    checkDate('结束日期', req.to);
    if (compareIso(req.from, req.to) > 0) throw new UsageError(`开始日期 ${req.from} 晚于结束日期 ${req.to}`);
    return { from: req.from, to: req.to };
  }
  const text = req.week ?? weekText(isoWeekOf(req.today));
  if (!/^\d{4}-W\d{2}$/.test(text)) throw new UsageError(`周要写成 2026-W49 这样的 ISO 周，收到：${text}`);
  try {
    const { from, to } = parsePeriod(text, 0);
    return { from, to };
  } catch (e) {
    throw new UsageError((e as Error).message, { cause: e });
  }
}

/** 2026-W49 for a whole ISO week, else 2026-11-30_2026-12-06: for file names. */
export function rangeName(r: DateRange): string {
  const week = weekText(isoWeekOf(r.from));
  const { from, to } = parsePeriod(week, 0);
  return from === r.from && to === r.to ? week : `${r.from}_${r.to}`;
}

/** The file name (without extension) of a weekly report's papers and workbook. */
export const weeklyReportName = (range: DateRange, manager: string | undefined): string => `weekly-report-${rangeName(range)}${manager === undefined ? '' : `-${manager}`}`;

/** The manager as written, refused with the closest name when the data knows no such manager. */
export function managerNamed(data: DataSet, manager: string | undefined): string | undefined {
  if (manager === undefined) return undefined;
  const known = managersIn(data);
  if (known.includes(manager)) return manager;
  const near = closest(manager, known);
  throw new UsageError(`没有名为「${manager}」的客户经理${near ? `，是否想写「${near}」？` : `：可写 ${known.join('、')}`}`);
}

/** The week's (or range's) figures per account manager and in total. */
export function weeklyReport(ws: Workspace, req: WeeklyReportRequest): WeeklyReport {
  const range = reportRange(req);
  const data = ws.usableData({ company: false });
  return weeklyReportOf(data, range, req.today, managerNamed(data, req.manager));
}

export function weeklyReportOf(data: DataSet, range: DateRange, today: IsoDate, manager: string | undefined): WeeklyReport {
  return {
    ...weeklyFigures(data, range, today, manager),
    period: periodText(range.from, range.to),
    today,
    skipped: [...data.rejectedCustomers.values()].map((r) => r.file),
  };
}

/** One customer's evaluation: what it bought, by festival, year, product and payment; its classes; its people and visits. */
export function customerReport(ws: Workspace, req: CustomerReportRequest): CustomerFigures {
  checkDate('今天', req.today);
  // Every customer file: the 80/20 class ranks the unit among all existing customers.
  const data = ws.usableData({ company: false });
  return customerFigures(data, customerNamed(data, req.customer), req.today);
}
