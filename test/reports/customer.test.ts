// The customer evaluation against figures recomputed from the fixture's YAML: by festival and
// year, per head, products, payments, the 80/20 class with ties at both borders, and a unit
// that never bought, whose paper says so instead of printing empty tables.
import { describe, expect, it } from 'vitest';
import { buildDocument, renderDocument } from '../../src/app/index.ts';
import { customerReport } from '../../src/app/reports.ts';
import { openWorkspace } from '../../src/app/workspace.ts';
import { docxText, pdfPages } from '../writers/text.ts';
import { customers, FIXTURE, fen, yuanText } from './expected.ts';

const ws = openWorkspace({ data: FIXTURE });
const TODAY = '2026-12-06';

// Festival days from the published calendar (the tool computes them from the lunar calendar).
const FESTIVAL_DAYS: [string, string][] = [
  ['2025-10-01', '国庆'], ['2025-10-06', '中秋'], ['2026-01-01', '元旦'], ['2026-02-17', '春节'], ['2026-06-19', '端午'],
  ['2026-09-25', '中秋'], ['2026-10-01', '国庆'], ['2027-01-01', '元旦'], ['2027-02-06', '春节'],
];
const dayNo = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
/** The first festival on or after the day, within the 60 lead days of the default policies. */
function festivalOf(d: string): string {
  const hit = FESTIVAL_DAYS.find(([day]) => dayNo(day) >= dayNo(d) && dayNo(day) - dayNo(d) <= 60);
  return hit ? `${hit[0].slice(0, 4)} ${hit[1]}` : `${d.slice(0, 4)} 其他`;
}

const festivalDay = (k: string): string => FESTIVAL_DAYS.find(([d, f]) => `${d.slice(0, 4)} ${f}` === k)![0];

describe('the customer evaluation', () => {
  const e1 = customers.find((c) => c['id'] === 'e1')!;
  const bought = (e1['purchases'] as Record<string, string>[]).filter((p) => p['date']! <= TODAY);

  it('sums what the unit bought by festival and year, per head, by product and by payment, to the fen', () => {
    const r = customerReport(ws, { customer: 'e1', today: TODAY });
    const byFestival = new Map<string, { bottles: number; amount: number }>();
    for (const p of bought) {
      // Bought under a deal: the deal's festival (d1 is 2027 春节).
      const k = p['deal'] === 'd1' ? '2027 春节' : festivalOf(p['date']!);
      const row = byFestival.get(k) ?? { bottles: 0, amount: 0 };
      byFestival.set(k, { bottles: row.bottles + Number(p['bottles']), amount: row.amount + fen(p['amount']!) });
    }
    expect(r.byFestival.map((f) => [`${f.year} ${f.festival}`, f.bottles, f.amount, f.perHead])).toEqual(
      [...byFestival]
        .sort(([a], [b]) => festivalDay(a).localeCompare(festivalDay(b)))
        .map(([k, v]) => [k, v.bottles, v.amount, Math.round(v.amount / Number(e1['headcount']))]),
    );
    expect(r.byFestival.map((f) => `${f.year} ${f.festival}`)).toEqual(['2025 国庆', '2026 春节', '2027 元旦', '2027 春节']);
    expect(r.byFestival.map((f) => f.perHead)).toEqual([1333, 2000, 381, 619]);

    const years = ['2025', '2026'].map((y) => bought.filter((p) => p['date']!.startsWith(y)));
    expect(r.byYear.map((y) => [y.year, y.bottles, y.amount])).toEqual(
      years.map((ps, i) => [2025 + i, ps.reduce((n, p) => n + Number(p['bottles']), 0), ps.reduce((n, p) => n + fen(p['amount']!), 0)]),
    );
    expect(r.byYear.map((y) => y.change)).toEqual([undefined, '+125.0%']);
    expect([r.purchases, r.bottles, r.amount]).toEqual([4, 141, 1300000]);

    expect(r.products.map((p) => [p.product, p.bottles, p.amount, p.share])).toEqual([
      ['P1', 111, 1114270, '85.7%'],
      ['P2', 30, 185730, '14.3%'],
    ]);
    expect(r.payments.map((p) => [p.method, p.purchases, p.amount])).toEqual([
      ['转账', 2, 1000000],
      ['支票', 1, 185730],
      ['未记录', 1, 114270],
    ]);
  });

  it('grades existing customers 80/20 by the last 365 days, ties getting the same, better class at both borders', () => {
    const from = '2025-12-07';
    const revenue = (id: string) =>
      ((customers.find((c) => c['id'] === id)!['purchases'] ?? []) as Record<string, string>[])
        .filter((p) => p['date']! >= from && p['date']! <= TODAY)
        .reduce((n, p) => n + fen(p['amount']!), 0);
    // 7 existing customers: 2 A by rank (20 % rounded up), then B up to 4 (50 % rounded up).
    expect(['e1', 'e2', 'e3', 'e5', 'e7', 'e4', 'e6'].map(revenue)).toEqual([900000, 800000, 800000, 61910, 61910, 0, 0]);
    const classOf = (id: string) => customerReport(ws, { customer: id, today: TODAY }).revenueClass;
    // e3 ranks 3rd (B) but ties e2 (A): A. e7 ranks 5th (C) but ties e5 (B): B.
    expect(['e1', 'e2', 'e3', 'e5', 'e7', 'e4', 'e6'].map(classOf)).toEqual(['A', 'A', 'A', 'B', 'B', 'C', 'C']);
    const e3 = customerReport(ws, { customer: 'e3', today: TODAY });
    expect([e3.revenueRank, e3.existingCustomers, e3.revenue, e3.expectedClass]).toEqual([2, 7, 800000, 'B']);
    const all = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'].reduce((n, id) => n + revenue(id), 0);
    expect(e3.revenueShare).toBe(`${(Math.round((800000 * 1000) / all) / 10).toFixed(1)}%`);
    expect(customerReport(ws, { customer: 'p1', today: TODAY }).revenueClass).toBeUndefined();
  });

  it('recommends from the numbers', () => {
    const e3 = customerReport(ws, { customer: 'e3', today: TODAY });
    expect(e3.recommendations[0]).toBe('已有 127 天没有拜访，超过B类客户 30 天的拜访间隔：请本周内安排拜访。');
    const e1r = customerReport(ws, { customer: 'e1', today: TODAY });
    expect(e1r.recommendations).toContain('2026 年采购额比 2025 年+125.0%：保持现有服务，节前按时送达。');
    // Last visit 2026-11-30, a C customer every 60 days: the date written as the report's reader reads dates.
    expect(e1r.recommendations[0]).toBe('最近一次拜访在 6 天前；按C类客户 60 天的间隔，下次拜访宜在 2027年1月29日之前。');
    // 60 bottles of P1 at most; 120 bottles reach ¥95.00.
    expect(e1r.recommendations.some((r) => r.includes('再多'))).toBe(false);
  });

  it('says a unit never bought instead of printing empty tables, in the PDF and the .docx', async () => {
    const p1 = customerReport(ws, { customer: 'p1', today: TODAY });
    expect([p1.purchases, p1.byFestival, p1.products, p1.payments]).toEqual([0, [], [], []]);
    expect(p1.colour).toEqual({ colour: '黄', why: '已报价，方案在有效期内' });
    const built = buildDocument(ws, { kind: 'customer-report', customer: 'p1', today: TODAY });
    expect(built.name).toBe('p1-customer-report');
    for (const text of [(await pdfPages(await renderDocument(ws, built, 'pdf'))).join('\n'), await docxText(await renderDocument(ws, built, 'docx'))]) {
      const flat = text.replace(/\s+/g, '');
      expect(flat).toContain('该单位尚无购买记录，没有可评估的购买数据。');
      expect(flat).toContain('潜在客户，不参加按销售额的分级');
      expect(flat).toContain('尚无购买记录（潜在客户，黄：已报价，方案在有效期内）');
      expect(flat).not.toContain('按节日和年份');
      expect(flat).not.toContain('付款方式');
    }
  });

  it('prints the figures it computed', async () => {
    const built = buildDocument(ws, { kind: 'customer-report', customer: 'e1', today: TODAY });
    const pdf = (await pdfPages(await renderDocument(ws, built, 'pdf'))).join('\n').replace(/\s+/g, '');
    for (const t of [yuanText(1300000), yuanText(1114270), yuanText(185730), '¥13.33', '+125.0%', 'A类（近一年销售额第1名，共7家现有客户）']) expect(pdf).toContain(t);
  });
});
