// The report templates' views: the figures of report-figures.ts, with money and dates as printed.
import type { DataSet } from '../data/dataset.ts';
import { classLabel } from '../domain/classify.ts';
import { type IsoDate } from '../domain/dates.ts';
import { formatMoney } from '../domain/money.ts';
import { isoWeekOf, isoWeekRange } from '../domain/periods.ts';
import { companyV, customerInternalV, dateV, moneyV } from './common.ts';
import { MEASURE_LABELS, percentText, type CustomerFigures, type ManagerFigures, type VisitRow, type WeeklyFigures } from './report-figures.ts';
import { customerReportViewSchema, weeklyReportViewSchema, type CustomerReportView, type WeeklyReportView } from './schemas.ts';

const managerRowV = (f: ManagerFigures) => ({
  manager: f.manager,
  visits: f.visits,
  byMode: { call: f.visitsByMode.登门, phone: f.visitsByMode.电话, mail: f.visitsByMode.邮寄, tasting: f.visitsByMode.品鉴会 },
  newContacts: f.newContacts,
  newCustomers: f.newCustomers,
  quoted: f.quoted,
  won: f.won,
  lost: f.lost,
  wonProspects: f.wonProspects,
  bottles: f.bottles,
  revenue: moneyV(f.revenue),
  cost: moneyV(f.cost),
  margin: moneyV(f.margin),
  marginRate: percentText(f.margin, f.revenue),
});

const visitV = (v: VisitRow) => ({ date: dateV(v.date), customer: v.customer, mode: v.mode, by: v.by, met: v.met, outcome: v.outcome, nextStep: v.nextStep });

const orDash = (d: IsoDate | undefined): string => d ?? '—';

/** 2026年第49周 when the range is one ISO week, else the dates. */
export function periodText(from: IsoDate, to: IsoDate): string {
  const w = isoWeekOf(from);
  const week = isoWeekRange(w.year, w.week);
  return week.from === from && week.to === to ? `${w.year}年第${w.week}周` : `${dateV(from).text}至${dateV(to).text}`;
}

export function weeklyReportView(data: DataSet, f: WeeklyFigures, today: IsoDate): WeeklyReportView {
  return weeklyReportViewSchema.parse({
    today: dateV(today),
    company: companyV(data.company, data.dir),
    period: periodText(f.from, f.to),
    from: dateV(f.from),
    to: dateV(f.to),
    asOf: dateV(f.asOf),
    scope: f.manager ?? '全体客户经理',
    managers: f.managers.map(managerRowV),
    total: managerRowV(f.total),
    targets: f.targets.map((t) => ({
      manager: t.manager,
      period: t.period,
      measure: MEASURE_LABELS[t.measure],
      through: dateV(t.through),
      target: t.measure === 'revenue' ? formatMoney(t.target) : String(t.target),
      actual: t.measure === 'revenue' ? formatMoney(t.actual) : String(t.actual),
      share: t.share,
    })),
    visits: f.visits.map(visitV),
    stages: f.stages.map((s) => ({ date: dateV(s.date), deal: s.deal, customer: s.customer, manager: s.manager, stage: s.stage, total: s.total === undefined ? '—' : formatMoney(s.total), reason: s.reason })),
    pipelineCounts: { red: f.pipelineCounts.红, yellow: f.pipelineCounts.黄, green: f.pipelineCounts.绿 },
    pipeline: f.pipeline.map((p) => ({ customer: p.customer, manager: p.manager, colour: p.colour, why: p.why, expected: p.expected === undefined ? '—' : formatMoney(p.expected), lastVisit: orDash(p.lastVisit) })),
    overdue: f.overdue.map((o) => ({
      customer: o.customer,
      manager: o.manager,
      class: classLabel(o.class),
      intervalDays: o.intervalDays,
      lastVisit: o.lastVisit ?? '从未拜访',
      days: o.days === undefined ? '—' : String(o.days),
    })),
  });
}

export function customerReportView(data: DataSet, f: CustomerFigures): CustomerReportView {
  const revenueClass =
    f.revenueClass === undefined
      ? '潜在客户，不参加按销售额的分级'
      : `${classLabel(f.revenueClass)}（近一年销售额第 ${f.revenueRank} 名，共 ${f.existingCustomers} 家现有客户）`;
  return customerReportViewSchema.parse({
    today: dateV(f.today),
    company: companyV(data.company, data.dir),
    customer: customerInternalV(f.customer, data.policies),
    hasPurchases: f.purchases > 0,
    purchases: f.purchases,
    bottles: f.bottles,
    amount: moneyV(f.amount),
    byFestival: f.byFestival.map((r) => ({ year: r.year, festival: r.festival, bottles: r.bottles, amount: moneyV(r.amount), perHead: r.perHead === undefined ? '—' : formatMoney(r.perHead) })),
    byYear: f.byYear.map((r) => ({ year: r.year, bottles: r.bottles, amount: moneyV(r.amount), change: r.change ?? '—' })),
    products: f.products.map((p) => ({ name: p.name, bottles: p.bottles, amount: moneyV(p.amount), share: p.share })),
    payments: f.payments.map((p) => ({ method: p.method, purchases: p.purchases, amount: moneyV(p.amount) })),
    window: { from: dateV(f.window.from), to: dateV(f.window.to) },
    revenue: moneyV(f.revenue),
    revenueClass,
    revenueShare: f.revenueClass === undefined ? undefined : f.revenueShare,
    expectedClass: f.expectedClass === undefined ? '未分级（没有预计年采购额）' : classLabel(f.expectedClass),
    colour: f.colour,
    people: f.people.map(({ reasons: _, ...p }) => p),
    visits: f.visits.map(visitV),
    recommendations: f.recommendations,
  });
}
