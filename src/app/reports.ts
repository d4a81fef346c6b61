// The department head's view (issue 20): the weekly sales statistics (销售统计报表) and the
// customer consumption evaluation (客户消费评估报告) as plain figures, and the week as a
// workbook the head can sort and sum. The papers themselves are document kinds (documents.ts).
import ExcelJS from 'exceljs';
import type { DataSet } from '../data/dataset.ts';
import { VISIT_MODES } from '../data/schema.ts';
import { classLabel } from '../domain/classify.ts';
import { compareIso, DATE_RANGE, inDateRange, isIsoDate, type IsoDate } from '../domain/dates.ts';
import { isoWeekOf, parsePeriod, weekText, type DateRange } from '../domain/periods.ts';
import { UsageError } from '../errors.ts';
import { closest } from '../util/suggest.ts';
import { customerFigures, managersIn, MEASURE_LABELS, weeklyFigures, type CustomerFigures, type WeeklyFigures } from '../views/report-figures.ts';
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

// ---------- the workbook ----------

const MONEY = '"¥"#,##0.00';
const DATE = 'yyyy-mm-dd';

type Cell = string | number | Date | null;
interface Column {
  readonly header: string;
  readonly width: number;
  readonly format?: string;
}

/** An ISO day as a spreadsheet date: midnight UTC, which exceljs stores as that day's serial number. */
const day = (d: IsoDate | undefined): Date | null => (d === undefined ? null : new Date(`${d}T00:00:00Z`));
const yuan = (fen: number): number => fen / 100;
/** Text a spreadsheet would run as a formula gets a leading ' (hardening.md #40). */
const safe = (s: string): string => (/^[=+\-@\t\r\0]/.test(s) ? `'${s}` : s);

function sheet(wb: ExcelJS.Workbook, name: string, columns: readonly Column[], rows: readonly Cell[][]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, ...(c.format && { style: { numFmt: c.format } }) }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((v) => (typeof v === 'string' ? safe(v) : v)));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
}

const count = (header: string): Column => ({ header, width: 10 });
const money = (header: string): Column => ({ header, width: 16, format: MONEY });
const date = (header: string): Column => ({ header, width: 12, format: DATE });
const text = (header: string, width = 14): Column => ({ header, width });

/** The weekly report as .xlsx bytes: one sheet per view, numbers as numbers, money as money, dates as dates. */
export async function weeklyReportWorkbook(ws: Workspace, req: WeeklyReportRequest): Promise<Uint8Array> {
  return workbookOf(weeklyReport(ws, req), ws.data().company?.name ?? '');
}

export async function workbookOf(r: WeeklyReport, company: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = company;
  // A fixed time: the same data makes the same workbook.
  wb.created = wb.modified = new Date(`${r.today}T00:00:00Z`);
  const t = r.total;
  sheet(wb, '汇总', [text('项目', 22), { header: '数值', width: 18 }], [
    ['期间', `${r.period}（${r.from} 至 ${r.to}）`],
    ['客户经理', r.manager ?? '全体'],
    ['拜访次数', t.visits],
    ...VISIT_MODES.map((m): Cell[] => [`其中${m}`, t.visitsByMode[m]]),
    ['新接触单位', t.newContacts],
    ['新客户', t.newCustomers],
    ['方案报价', t.quoted],
    ['方案成交', t.won],
    ['方案未成交', t.lost],
    ['潜在客户转为成交', t.wonProspects],
    ['销售瓶数', t.bottles],
    ['销售额（元）', yuan(t.revenue)],
    ['成本（元，内部）', yuan(t.cost)],
    ['毛利（元，内部）', yuan(t.margin)],
    ['商机：红（已成交）', r.pipelineCounts.红],
    ['商机：黄（近期可成交）', r.pipelineCounts.黄],
    ['商机：绿（有潜力）', r.pipelineCounts.绿],
    ['久未拜访的客户', r.overdue.length],
  ]);
  // Money rows of the summary get the money format cell by cell: the column holds counts too.
  const summary = wb.getWorksheet('汇总')!;
  summary.eachRow((row) => {
    if (/（元/.test(String(row.getCell(1).value))) row.getCell(2).numFmt = MONEY;
  });
  sheet(
    wb,
    '按客户经理',
    [text('客户经理'), count('拜访'), ...VISIT_MODES.map(count), count('新接触'), count('新客户'), count('报价'), count('成交'), count('未成交'), count('潜在转成交'), count('瓶数'), money('销售额'), money('成本'), money('毛利')],
    r.managers.map((m) => [m.manager, m.visits, ...VISIT_MODES.map((k) => m.visitsByMode[k]), m.newContacts, m.newCustomers, m.quoted, m.won, m.lost, m.wonProspects, m.bottles, yuan(m.revenue), yuan(m.cost), yuan(m.margin)]),
  );
  sheet(
    wb,
    '目标',
    [text('客户经理'), text('周期', 16), text('指标', 16), date('统计截至'), { header: '目标', width: 16 }, { header: '实际', width: 16 }, { header: '完成率', width: 10, format: '0.0%' }],
    r.targets.map((g) => {
      const scale = g.measure === 'revenue' ? yuan : (n: number) => n;
      return [g.manager, g.period, MEASURE_LABELS[g.measure], day(g.through), scale(g.target), scale(g.actual), g.target === 0 ? null : g.actual / g.target];
    }),
  );
  const targetSheet = wb.getWorksheet('目标')!;
  r.targets.forEach((g, i) => {
    if (g.measure === 'revenue') for (const c of [5, 6]) targetSheet.getRow(i + 2).getCell(c).numFmt = MONEY;
  });
  sheet(
    wb,
    '拜访',
    [date('日期'), text('单位', 24), text('方式', 8), text('拜访人', 10), text('会见', 16), text('结果', 40), text('下一步', 24), date('下次日期')],
    r.visits.map((v) => [day(v.date), v.customer, v.mode, v.by, v.met, v.outcome, v.nextStep, day(v.nextDate)]),
  );
  sheet(
    wb,
    '方案进展',
    [date('日期'), text('方案', 22), text('单位', 24), text('客户经理', 10), text('阶段', 8), money('方案金额'), text('未成交原因', 30)],
    r.stages.map((s) => [day(s.date), s.deal, s.customer, s.manager, s.stage, s.total === undefined ? null : yuan(s.total), s.reason]),
  );
  sheet(
    wb,
    '商机',
    [text('颜色', 6), text('单位', 24), text('客户经理', 10), text('依据', 22), money('预计年采购额'), date('最近拜访')],
    r.pipeline.map((p) => [p.colour, p.customer, p.manager, p.why, p.expected === undefined ? null : yuan(p.expected), day(p.lastVisit)]),
  );
  sheet(
    wb,
    '久未拜访',
    [text('单位', 24), text('客户经理', 10), text('级别', 6), count('间隔（天）'), date('最近拜访'), count('未拜访天数')],
    r.overdue.map((o) => [o.customer, o.manager, classLabel(o.class), o.intervalDays, day(o.lastVisit), o.days ?? null]),
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
