// The weekly sales report against figures recomputed from the fixture (expected.ts), to the
// fen: a week across a month end (2026-W49) and one across the year end (2026-W53), a manager
// with no activity, a day after today; the PDF, the .docx and the .xlsx saying the same.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildDocument, renderDocument } from '../../src/app/index.ts';
import { weeklyReport } from '../../src/app/reports.ts';
import { weeklyReportWorkbook } from '../../src/app/report-workbook.ts';
import { openWorkspace } from '../../src/app/workspace.ts';
import { docxText, pdfPages } from '../writers/text.ts';
import { customers, FIXTURE, figures, targets, yuanText, type Figures } from './expected.ts';

const ws = openWorkspace({ data: FIXTURE });
const MANAGERS = ['甲经理', '乙经理', '丙经理'];

function expectFigures(actual: { visits: number; visitsByMode: Record<string, number>; newContacts: number; newCustomers: number; quoted: number; won: number; lost: number; wonProspects: number; bottles: number; revenue: number; cost: number; margin: number }, e: Figures): void {
  expect({ ...actual, manager: undefined }).toEqual({
    manager: undefined,
    visits: e.visits,
    visitsByMode: e.byMode,
    newContacts: e.newContacts,
    newCustomers: e.newCustomers,
    quoted: e.quoted,
    won: e.won,
    lost: e.lost,
    wonProspects: e.wonProspects,
    bottles: e.bottles,
    revenue: e.revenue,
    cost: e.cost,
    margin: e.revenue - e.cost,
  });
}

describe('the weekly report', () => {
  it('counts 2026-W49, across the month end, per manager and in total, to the fen', () => {
    const r = weeklyReport(ws, { week: '2026-W49', today: '2026-12-06' });
    expect([r.from, r.to, r.period]).toEqual(['2026-11-30', '2026-12-06', '2026年第49周']);
    expect(r.managers.map((m) => m.manager)).toEqual(MANAGERS);
    for (const m of r.managers) expectFigures(m, figures(m.manager, '2026-11-30', '2026-12-06'));
    expectFigures(r.total, figures(undefined, '2026-11-30', '2026-12-06'));
    // The fixture's own numbers, so a rule changed on both sides alike is still caught.
    const jia = r.managers[0]!;
    expect([jia.visits, jia.bottles, jia.revenue, jia.cost, jia.margin]).toEqual([2, 72, 600900, 357744, 243156]);
    expect([r.managers[1]!.quoted, r.managers[1]!.won, r.managers[1]!.lost]).toEqual([2, 1, 1]);
    expect(jia.wonProspects).toBe(1);
  });

  it('shows a manager with no activity as a row of zeros, and alone with --manager', () => {
    const bing = weeklyReport(ws, { week: '2026-W49', today: '2026-12-06', manager: '丙经理' });
    expect(bing.managers).toHaveLength(1);
    expectFigures(bing.total, figures('丙经理', '2026-11-30', '2026-12-06'));
    expect(bing.total.visits + bing.total.bottles + bing.total.revenue).toBe(0);
    expect(bing.visits).toEqual([]);
    expect(bing.targets).toEqual([expect.objectContaining({ manager: '丙经理', measure: 'visits', target: 2, actual: 0, share: '0.0%' })]);
    expect(() => weeklyReport(ws, { week: '2026-W49', today: '2026-12-06', manager: '丙经里' })).toThrow(/没有名为「丙经里」的客户经理，是否想写「丙经理」/);
  });

  it('counts 2026-W53, from 2026-12-28 into 2027', () => {
    const r = weeklyReport(ws, { week: '2026-W53', today: '2027-01-05' });
    expect([r.from, r.to]).toEqual(['2026-12-28', '2027-01-03']);
    for (const m of r.managers) expectFigures(m, figures(m.manager, '2026-12-28', '2027-01-03'));
    expect(r.total.revenue).toBe(200000 + 18573);
    expect(r.visits.map((v) => [v.date, v.mode])).toEqual([['2026-12-31', '品鉴会']]);
    expect(() => weeklyReport(ws, { week: '2027-W53', today: '2027-01-05' })).toThrow(/2027 年只有 52 周/);
  });

  it('counts nothing dated after today', () => {
    const r = weeklyReport(ws, { week: '2026-W49', today: '2026-12-04' });
    expect(r.asOf).toBe('2026-12-04');
    for (const m of r.managers) expectFigures(m, figures(m.manager, '2026-11-30', '2026-12-04'));
    // 乙 lost d3 on 12-05; 甲's 12-06 purchase is not made yet.
    expect(r.managers[1]!.lost).toBe(0);
    expect(r.managers[0]!.revenue).toBe(600900 - 114270);
  });

  it('measures each target over its own period through the report day, with the share reached', () => {
    const r = weeklyReport(ws, { from: '2026-11-30', to: '2026-12-06', today: '2026-12-06' });
    const expected = targets.flatMap((t) => {
      const [from, to] = { '2026-W49': ['2026-11-30', '2026-12-06'], '2026-12': ['2026-12-01', '2026-12-31'], '2027 元旦': ['2026-11-02', '2027-01-01'] }[t['period'] as string]!;
      const f = figures(t['manager'], from!, '2026-12-06');
      const actual: Record<string, number> = { revenue: f.revenue, bottles: f.bottles, visits: f.visits, newCustomers: f.newCustomers, wonProspects: f.wonProspects };
      return ['revenue', 'bottles', 'visits', 'newCustomers', 'wonProspects'].filter((m) => t[m] !== undefined).map((m) => {
        const target = m === 'revenue' ? Number(t[m]) * 100 : Number(t[m]);
        return { manager: t['manager'], measure: m, from, to, target, actual: actual[m], share: `${(Math.round((actual[m]! * 1000) / target) / 10).toFixed(1)}%` };
      });
    });
    expect(r.targets.map((t) => ({ manager: t.manager, measure: t.measure, from: t.from, to: t.to, target: t.target, actual: t.actual, share: t.share }))).toEqual(expected);
    expect(r.targets.find((t) => t.manager === '甲经理' && t.measure === 'revenue' && t.from === '2026-11-30')?.share).toBe('200.3%');
  });

  it('colours the prospects and lists the customers not visited for too long', () => {
    const r = weeklyReport(ws, { week: '2026-W49', today: '2026-12-06' });
    expect(r.pipeline.map((p) => [p.customerId, p.colour, p.why])).toEqual([
      ['p3', '红', '已成交'],
      ['p1', '黄', '已报价，方案在有效期内'],
      ['p2', '黄', '成功机会高'],
    ]);
    expect(r.pipelineCounts).toEqual({ 红: 1, 黄: 2, 绿: 0 });
    // e3 is B (60,000 expected): 30 days; last seen 2026-08-01. Never visited ones last.
    expect(r.overdue.map((o) => [o.customerId, o.days ?? null])).toEqual([['e3', 127], ['e4', null], ['e5', null], ['e6', null], ['e7', null]]);
    const neverVisited = customers.filter((c) => !c['visits']).map((c) => c['id']);
    expect(neverVisited).toEqual(['e4', 'e5', 'e6', 'e7']);
  });

  it('prints the same figures in the PDF, the .docx and the workbook; the workbook sums in numbers, dates and money formats', async () => {
    const req = { week: '2026-W49', today: '2026-12-06' } as const;
    const r = weeklyReport(ws, req);
    const built = buildDocument(ws, { kind: 'weekly-report', ...req });
    expect(built.name).toBe('weekly-report-2026-W49');
    const pdf = (await pdfPages(await renderDocument(ws, built, 'pdf'))).join('\n');
    const docx = await docxText(await renderDocument(ws, built, 'docx'));
    for (const text of [pdf, docx]) {
      const flat = text.replace(/\s+/g, '');
      expect(flat).toContain('销售统计报表');
      expect(flat).toContain('2026年第49周');
      for (const m of [...r.managers, r.total]) {
        expect(flat).toContain(yuanText(m.revenue));
        expect(flat).toContain(yuanText(m.margin));
      }
      expect(flat).toContain('单位改发购物卡');
    }
    // Internal on every page (the .docx carries it in its page header).
    expect(pdf.replace(/\s+/g, '')).toContain('内部资料注意保密');
    // The PDF's money figures, as printed, summed: the total row equals the sum of the rows.
    const printed = [...pdf.matchAll(/¥([\d,]+\.\d{2})/g)].map((m) => m[1]!);
    expect(printed).toContain('6,009.00');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await weeklyReportWorkbook(ws, req)) as never);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', '按客户经理', '目标', '拜访', '方案进展', '商机', '久未拜访']);
    const byManager = wb.getWorksheet('按客户经理')!;
    const header = (byManager.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const rows = r.managers.map((_, i) => byManager.getRow(i + 2));
    expect(rows.map((row) => row.getCell(1).value)).toEqual(MANAGERS);
    for (const name of ['拜访', '瓶数', '销售额', '毛利']) {
      const cells = rows.map((row) => row.getCell(col(name)));
      for (const c of cells) expect(typeof c.value, name).toBe('number');
      const sum = cells.reduce((n, c) => n + (c.value as number), 0);
      const total = { 拜访: r.total.visits, 瓶数: r.total.bottles, 销售额: r.total.revenue / 100, 毛利: r.total.margin / 100 }[name]!;
      expect(Math.round(sum * 100)).toBe(Math.round(total * 100));
    }
    expect(rows[0]!.getCell(col('销售额')).numFmt).toBe('"¥"#,##0.00');
    expect(byManager.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(byManager.autoFilter).toBeTruthy();
    // The summary's revenue equals the PDF's total row.
    const summary = wb.getWorksheet('汇总')!;
    const revenueRow = summary.getRows(1, summary.rowCount)!.find((row) => row.getCell(1).value === '销售额（元）')!;
    expect(yuanText(Math.round((revenueRow.getCell(2).value as number) * 100))).toBe('¥6,009.00');
    expect(revenueRow.getCell(2).numFmt).toBe('"¥"#,##0.00');
    const visits = wb.getWorksheet('拜访')!;
    expect(visits.getRow(2).getCell(1).value).toEqual(new Date('2026-11-30T00:00:00Z'));
    expect(visits.getRow(2).getCell(1).numFmt).toBe('yyyy-mm-dd');
  });
});
