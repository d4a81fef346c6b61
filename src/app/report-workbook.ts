// The weekly sales report as a workbook the department head can sort and sum: one sheet per
// view, numbers as numbers, money as money, dates as dates. Apart from reports.ts so that the
// documents, which import that, do not load exceljs.
import ExcelJS from 'exceljs';
import { VISIT_MODES } from '../data/schema.ts';
import { classLabel } from '../domain/classify.ts';
import type { IsoDate } from '../domain/dates.ts';
import { MEASURE_LABELS } from '../views/report-figures.ts';
import { weeklyReport, type WeeklyReport, type WeeklyReportRequest } from './reports.ts';
import type { Workspace } from './workspace.ts';

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
