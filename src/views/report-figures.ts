// The department head's figures (domain.md §3, §5): the weekly sales statistics per account
// manager, and one customer's consumption evaluation. Plain numbers, money in integer fen;
// the report templates and the workbook only place and format them.
import type { DataSet } from '../data/dataset.ts';
import { PAYMENTS, TARGET_MEASURES, VISIT_MODES, type Customer, type Deal, type TargetMeasure } from '../data/schema.ts';
import { classLabel, customerClass, revenueShareClasses, type CustomerClass, type RevenueClass } from '../domain/classify.ts';
import { addDays, compareIso, daysBetween, formatChineseDate, isoParts, type IsoDate } from '../domain/dates.ts';
import { priceDeal } from '../domain/deal.ts';
import { stageOn, type DealStage } from '../domain/deal-stages.ts';
import { FESTIVALS, festivalDate, type Festival } from '../domain/festivals.ts';
import { formatMoney, multiplyFen, sumFen, type Fen } from '../domain/money.ts';
import { inRange, parsePeriod, seasonRange, type DateRange } from '../domain/periods.ts';
import { prospectColour, PROSPECT_COLOURS, type ProspectColour } from '../domain/prospect.ts';
import { classOf, vipOf } from './facts.ts';

export type VisitMode = (typeof VISIT_MODES)[number];

/** Where a customer's figures go when it has no account manager. */
export const UNASSIGNED = '（未指定客户经理）';

/** A ratio as a percent with one decimal, "85.0%"; "—" when there is nothing to divide by. */
export function percentText(part: number, whole: number): string {
  if (whole === 0) return '—';
  return `${(Math.round((part * 1000) / whole) / 10).toFixed(1)}%`;
}

export interface ManagerFigures {
  readonly manager: string;
  readonly visits: number;
  readonly visitsByMode: Readonly<Record<VisitMode, number>>;
  /** Units visited for the first time ever in the period. */
  readonly newContacts: number;
  /** Units whose first purchase is in the period. */
  readonly newCustomers: number;
  readonly quoted: number;
  readonly won: number;
  readonly lost: number;
  /** Deals won in the period by units that had never bought before. */
  readonly wonProspects: number;
  /** Of the purchases in the period. */
  readonly bottles: number;
  readonly revenue: Fen;
  /** Bottles at the products' cost price: internal. */
  readonly cost: Fen;
  readonly margin: Fen;
}

export interface VisitRow {
  readonly date: IsoDate;
  readonly customer: string;
  readonly customerId: string;
  readonly mode: VisitMode;
  readonly by: string;
  readonly met: string;
  readonly outcome: string;
  readonly nextStep: string;
  readonly nextDate: IsoDate | undefined;
}

export interface StageRow {
  readonly date: IsoDate;
  readonly deal: string;
  readonly customer: string;
  readonly manager: string;
  readonly stage: DealStage;
  /** What the unit pays under the deal; undefined when it cannot be priced. */
  readonly total: Fen | undefined;
  readonly reason: string;
}

export interface ProspectRow {
  readonly customer: string;
  readonly customerId: string;
  readonly manager: string;
  readonly colour: ProspectColour;
  readonly why: string;
  readonly expected: Fen | undefined;
  readonly lastVisit: IsoDate | undefined;
}

export interface OverdueRow {
  readonly customer: string;
  readonly customerId: string;
  readonly manager: string;
  /** The A–D class by expected purchase; D when unknown. */
  readonly class: CustomerClass;
  readonly intervalDays: number;
  readonly lastVisit: IsoDate | undefined;
  /** Days since the last visit on the report's day; undefined when never visited. */
  readonly days: number | undefined;
}

export interface TargetRow {
  readonly manager: string;
  readonly period: string;
  readonly measure: TargetMeasure;
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** Counted from the period's first day through the report's day (asOf), or the period's end when that is earlier. */
  readonly through: IsoDate;
  /** Fen for revenue, a count for the others. */
  readonly target: number;
  readonly actual: number;
  readonly share: string;
}

export interface WeeklyFigures extends DateRange {
  /** The report's last day, or today when that is earlier: the figures count through it, the pipeline and the overdue visits are taken on it. */
  readonly asOf: IsoDate;
  readonly manager: string | undefined;
  readonly managers: readonly ManagerFigures[];
  readonly total: ManagerFigures;
  readonly visits: readonly VisitRow[];
  readonly stages: readonly StageRow[];
  readonly pipeline: readonly ProspectRow[];
  readonly pipelineCounts: Readonly<Record<ProspectColour, number>>;
  readonly overdue: readonly OverdueRow[];
  readonly targets: readonly TargetRow[];
}

export const MEASURE_LABELS: Readonly<Record<TargetMeasure, string>> = {
  revenue: '销售额',
  bottles: '销售瓶数',
  visits: '拜访次数',
  newCustomers: '新客户',
  wonProspects: '潜在客户转为成交',
};

const managerOf = (c: Customer | undefined): string => c?.accountManager ?? UNASSIGNED;
const dealManager = (d: Deal, c: Customer | undefined): string => d.owner ?? managerOf(c);

/** The deal's total as the unit pays it; undefined when a product or price is missing. */
function dealTotal(data: DataSet, d: Deal): Fen | undefined {
  try {
    return priceDeal(d, data.products).total;
  } catch {
    return undefined;
  }
}

const firstDate = (dates: readonly IsoDate[]): IsoDate | undefined => [...dates].sort(compareIso)[0];

/** Everything the week's figures count, as dated events with the manager they count for. */
function events(data: DataSet) {
  const customers = [...data.customers.values()];
  const visits: VisitRow[] = customers.flatMap((c) =>
    (c.visits ?? []).map((v) => ({
      date: v.date,
      customer: c.name,
      customerId: c.id,
      mode: v.mode,
      by: v.by,
      met: (v.met ?? []).join('、'),
      outcome: v.outcome,
      nextStep: v.nextStep ?? '',
      nextDate: v.nextDate,
    })),
  );
  const firstVisits = customers.flatMap((c) => {
    const first = [...(c.visits ?? [])].sort((a, b) => compareIso(a.date, b.date))[0];
    return first ? [{ date: first.date, manager: first.by }] : [];
  });
  const firstPurchases = customers.flatMap((c) => {
    const date = firstDate((c.purchases ?? []).map((p) => p.date));
    return date ? [{ date, manager: managerOf(c) }] : [];
  });
  const purchases = customers.flatMap((c) =>
    (c.purchases ?? []).map((p) => {
      const costPrice = data.products.get(p.product)?.costPrice ?? 0;
      return { date: p.date, manager: managerOf(c), bottles: p.bottles, revenue: p.amount, cost: multiplyFen(costPrice, p.bottles) };
    }),
  );
  const stages: (StageRow & { prospect: boolean })[] = [...data.deals.values()].flatMap((d) => {
    const c = data.customers.get(d.customer);
    if (!c) return [];
    return (d.stages ?? []).map((s) => {
      const boughtBefore = (c.purchases ?? []).some((p) => compareIso(p.date, s.date) < 0);
      return { date: s.date, deal: d.id, customer: c.name, manager: dealManager(d, c), stage: s.stage, total: dealTotal(data, d), reason: s.reason ?? '', prospect: !boughtBefore };
    });
  });
  return { visits, firstVisits, firstPurchases, purchases, stages };
}

type Events = ReturnType<typeof events>;

/** One manager's figures over a range (every manager's, summed, when `manager` is undefined). */
function figuresOf(ev: Events, range: DateRange, manager: string | undefined): ManagerFigures {
  const mine = <T extends { date: IsoDate }>(rows: readonly T[], who: (r: T) => string) => rows.filter((r) => inRange(r.date, range) && (manager === undefined || who(r) === manager));
  const visits = mine(ev.visits, (v) => v.by);
  const purchases = mine(ev.purchases, (p) => p.manager);
  const stages = mine(ev.stages, (s) => s.manager);
  const count = (stage: DealStage) => stages.filter((s) => s.stage === stage).length;
  const revenue = sumFen(purchases.map((p) => p.revenue));
  const cost = sumFen(purchases.map((p) => p.cost));
  return {
    manager: manager ?? '合计',
    visits: visits.length,
    visitsByMode: Object.fromEntries(VISIT_MODES.map((m) => [m, visits.filter((v) => v.mode === m).length])) as Record<VisitMode, number>,
    newContacts: mine(ev.firstVisits, (v) => v.manager).length,
    newCustomers: mine(ev.firstPurchases, (p) => p.manager).length,
    quoted: count('报价'),
    won: count('成交'),
    lost: count('未成交'),
    wonProspects: stages.filter((s) => s.stage === '成交' && s.prospect).length,
    bottles: purchases.reduce((n, p) => n + p.bottles, 0),
    revenue,
    cost,
    margin: revenue - cost,
  };
}

const MEASURE_OF: Readonly<Record<TargetMeasure, (f: ManagerFigures) => number>> = {
  revenue: (f) => f.revenue,
  bottles: (f) => f.bottles,
  visits: (f) => f.visits,
  newCustomers: (f) => f.newCustomers,
  wonProspects: (f) => f.wonProspects,
};

/** The account managers: the company's sales contacts, then anyone else the data names, in code-point order. */
export function managersIn(data: DataSet): string[] {
  const staff = data.company?.salesContacts.map((s) => s.name) ?? [];
  const named = new Set<string>();
  for (const c of data.customers.values()) {
    named.add(managerOf(c));
    for (const v of c.visits ?? []) named.add(v.by);
  }
  for (const d of data.deals.values()) if (d.owner) named.add(d.owner);
  const others = [...named].filter((n) => !staff.includes(n) && n !== UNASSIGNED).sort();
  return [...staff, ...others, ...(named.has(UNASSIGNED) ? [UNASSIGNED] : [])];
}

export function weeklyFigures(data: DataSet, range: DateRange, today: IsoDate, manager: string | undefined): WeeklyFigures {
  const ev = events(data);
  const asOf = compareIso(range.to, today) <= 0 ? range.to : today;
  // What is dated after today has not happened: the range is counted through asOf (empty for a week ahead).
  const counted: DateRange = { from: range.from, to: asOf };
  const managers = manager === undefined ? managersIn(data) : [manager];
  const mine = (m: string) => manager === undefined || m === manager;
  const byManager = managers.map((m) => figuresOf(ev, counted, m));
  const total = manager === undefined ? figuresOf(ev, counted, undefined) : { ...byManager[0]!, manager: '合计' };

  const customers = [...data.customers.values()].filter((c) => mine(managerOf(c)));
  const pipeline: ProspectRow[] = customers
    .filter((c) => c.status === '潜在')
    .map((c) => {
      const { colour, why } = colourOf(data, c, asOf);
      return { customer: c.name, customerId: c.id, manager: managerOf(c), colour, why, expected: c.expectedAnnualPurchase, lastVisit: lastOf(c, asOf) };
    })
    .sort((a, b) => PROSPECT_COLOURS.indexOf(a.colour) - PROSPECT_COLOURS.indexOf(b.colour) || (b.expected ?? 0) - (a.expected ?? 0) || a.customerId.localeCompare(b.customerId));

  const overdue: OverdueRow[] = customers
    .flatMap((c) => {
      const cls = classOf(c, data.policies) ?? 'D';
      const intervalDays = data.policies.visitIntervalDays[cls];
      const lastVisit = lastOf(c, asOf);
      const days = lastVisit === undefined ? undefined : daysBetween(lastVisit, asOf);
      return days === undefined || days > intervalDays ? [{ customer: c.name, customerId: c.id, manager: managerOf(c), class: cls, intervalDays, lastVisit, days }] : [];
    })
    // Never visited last; of the rest, the longest gone first.
    .sort((a, b) => (b.days ?? -1) - (a.days ?? -1) || a.customerId.localeCompare(b.customerId));

  const lead = data.policies.festivalLead.mailDaysBefore;
  const targets: TargetRow[] = data.targets
    .filter((t) => managers.includes(t.manager))
    .flatMap((t) => {
      const period = parsePeriod(t.period, lead);
      if (!inRange(range.to, period) && !inRange(range.from, period)) return [];
      // Nothing after the report's day has happened yet: counted through it.
      const through = compareIso(period.to, asOf) <= 0 ? period.to : asOf;
      const actual = figuresOf(ev, { from: period.from, to: through }, t.manager);
      return TARGET_MEASURES.flatMap((measure) => {
        const target = t[measure];
        if (target === undefined) return [];
        const value = MEASURE_OF[measure](actual);
        return [{ manager: t.manager, period: period.label, measure, from: period.from, to: period.to, through, target, actual: value, share: percentText(value, target) }];
      });
    });

  return {
    ...range,
    asOf,
    manager,
    managers: byManager,
    total,
    visits: ev.visits.filter((v) => inRange(v.date, counted) && mine(v.by)).sort((a, b) => compareIso(a.date, b.date) || a.customerId.localeCompare(b.customerId)),
    stages: ev.stages
      .filter((s) => inRange(s.date, counted) && mine(s.manager))
      .map(({ prospect: _, ...row }) => row)
      .sort((a, b) => compareIso(a.date, b.date) || a.deal.localeCompare(b.deal)),
    pipeline,
    pipelineCounts: Object.fromEntries(PROSPECT_COLOURS.map((k) => [k, pipeline.filter((p) => p.colour === k).length])) as Record<ProspectColour, number>,
    overdue,
    targets,
  };
}

/** The latest visit on or before `day`. */
function lastOf(c: Customer, day: IsoDate): IsoDate | undefined {
  return (c.visits ?? [])
    .map((v) => v.date)
    .filter((d) => compareIso(d, day) <= 0)
    .sort(compareIso)
    .at(-1);
}

// ---------- the customer evaluation ----------

export interface FestivalRow {
  readonly year: number;
  /** A festival, or 其他 for a purchase outside every festival's season. */
  readonly festival: Festival | '其他';
  readonly bottles: number;
  readonly amount: Fen;
  /** The amount per head of the unit's staff, rounded to the fen; undefined without a headcount. */
  readonly perHead: Fen | undefined;
}

export interface YearRow {
  readonly year: number;
  readonly bottles: number;
  readonly amount: Fen;
  /** Against the year before, "−12.5%"; undefined for the first year or after a year of nothing. */
  readonly change: string | undefined;
}

export interface ProductRow {
  readonly product: string;
  readonly name: string;
  readonly bottles: number;
  readonly amount: Fen;
  readonly share: string;
}

export interface PaymentRow {
  readonly method: string;
  readonly purchases: number;
  readonly amount: Fen;
}

export interface CustomerFigures {
  readonly today: IsoDate;
  readonly customer: Customer;
  readonly purchases: number;
  readonly bottles: number;
  readonly amount: Fen;
  readonly byFestival: readonly FestivalRow[];
  readonly byYear: readonly YearRow[];
  readonly products: readonly ProductRow[];
  readonly payments: readonly PaymentRow[];
  /** The 80/20 window: the 365 days through today. */
  readonly window: DateRange;
  /** The unit's revenue in the window. */
  readonly revenue: Fen;
  /** Among the existing customers; undefined for a prospect. */
  readonly revenueClass: RevenueClass | undefined;
  readonly revenueRank: number | undefined;
  readonly existingCustomers: number;
  /** Its share of all existing customers' revenue in the window. */
  readonly revenueShare: string;
  readonly expectedClass: CustomerClass | undefined;
  readonly colour: { readonly colour: ProspectColour; readonly why: string } | undefined;
  readonly people: readonly { readonly name: string; readonly title: string; readonly role: string; readonly vip: string; readonly reasons: string }[];
  readonly visits: readonly VisitRow[];
  readonly lastVisit: IsoDate | undefined;
  readonly recommendations: readonly string[];
}

/**
 * The festival a purchase was made for: the nearest festival on or after its date whose season
 * (the lead days before it) holds the date; 其他 with the purchase's own year otherwise.
 */
export function festivalOfPurchase(date: IsoDate, leadDays: number): { year: number; festival: Festival | '其他' } {
  const { year } = isoParts(date);
  const candidates = [year, year + 1].flatMap((y) => FESTIVALS.map((f) => ({ year: y, festival: f, range: seasonRange(f, y, leadDays) })));
  const hit = candidates.filter((c) => inRange(date, c.range)).sort((a, b) => compareIso(a.range.to, b.range.to))[0];
  return hit ? { year: hit.year, festival: hit.festival } : { year, festival: '其他' };
}

/** The 80/20 classes of the existing customers by revenue over `window`. */
export function revenueClasses(data: DataSet, window: DateRange) {
  const rows = [...data.customers.values()]
    .filter((c) => c.status === '现有')
    .map((c) => ({ id: c.id, revenueFen: sumFen((c.purchases ?? []).filter((p) => inRange(p.date, window)).map((p) => p.amount)) }));
  const shares = { A: Number(data.policies.revenueShares.A), B: Number(data.policies.revenueShares.B) };
  return { rows, classes: revenueShareClasses(rows, shares) };
}

/** A customer's 80/20 class among the existing customers, and a prospect's colour, on `today`. */
export function customerGrades(data: DataSet, today: IsoDate): Map<string, { revenueClass?: RevenueClass; colour?: { colour: ProspectColour; why: string } }> {
  const { classes } = revenueClasses(data, revenueWindow(today));
  return new Map(
    [...data.customers.values()].map((c) => {
      const revenueClass = classes.get(c.id);
      return [c.id, { ...(revenueClass && { revenueClass }), ...(c.status === '潜在' && { colour: colourOf(data, c, today) }) }];
    }),
  );
}

/** A prospect's colour from its deals' stages on `today` and its chance. */
export function colourOf(data: DataSet, c: Customer, today: IsoDate): { colour: ProspectColour; why: string } {
  const deals = [...data.deals.values()].filter((d) => d.customer === c.id).flatMap((d) => {
    const stage = stageOn(d.stages, d.status, today);
    return stage ? [{ stage, validUntil: d.validUntil }] : [];
  });
  return prospectColour({ deals, chance: c.chance }, today);
}

/** The 365 days through today. */
export const revenueWindow = (today: IsoDate): DateRange => ({ from: addDays(today, -364), to: today });

export function customerFigures(data: DataSet, customer: Customer, today: IsoDate): CustomerFigures {
  const lead = data.policies.festivalLead.mailDaysBefore;
  const purchases = (customer.purchases ?? []).filter((p) => compareIso(p.date, today) <= 0);
  const amount = sumFen(purchases.map((p) => p.amount));
  const bottles = purchases.reduce((n, p) => n + p.bottles, 0);

  const festivalKeys = new Map<string, { year: number; festival: Festival | '其他'; bottles: number; amounts: Fen[] }>();
  for (const p of purchases) {
    const deal = p.deal === undefined ? undefined : data.deals.get(p.deal);
    const f = deal?.year !== undefined && (FESTIVALS as readonly string[]).includes(deal.occasion) ? { year: deal.year, festival: deal.occasion as Festival } : festivalOfPurchase(p.date, lead);
    const key = `${f.year}|${f.festival}`;
    const row = festivalKeys.get(key) ?? { ...f, bottles: 0, amounts: [] };
    row.bottles += p.bottles;
    row.amounts.push(p.amount);
    festivalKeys.set(key, row);
  }
  const festivalOrder = (f: Festival | '其他', y: number) => (f === '其他' ? `${y}-13` : festivalDate(f, y));
  const byFestival = [...festivalKeys.values()]
    .map((r) => {
      const sum = sumFen(r.amounts);
      return { year: r.year, festival: r.festival, bottles: r.bottles, amount: sum, perHead: customer.headcount === undefined ? undefined : Math.round(sum / customer.headcount) };
    })
    .sort((a, b) => festivalOrder(a.festival, a.year).localeCompare(festivalOrder(b.festival, b.year)));

  const years = [...new Set(purchases.map((p) => isoParts(p.date).year))].sort((a, b) => a - b);
  const byYear: YearRow[] = [];
  if (years.length > 0) {
    for (let y = years[0]!; y <= years.at(-1)!; y++) {
      const these = purchases.filter((p) => isoParts(p.date).year === y);
      const sum = sumFen(these.map((p) => p.amount));
      const prev = byYear.at(-1);
      const change = prev && prev.amount > 0 ? signed(percentText(sum - prev.amount, prev.amount)) : undefined;
      byYear.push({ year: y, bottles: these.reduce((n, p) => n + p.bottles, 0), amount: sum, change });
    }
  }

  const productIds = [...new Set(purchases.map((p) => p.product))];
  const products = productIds
    .map((id) => {
      const these = purchases.filter((p) => p.product === id);
      const sum = sumFen(these.map((p) => p.amount));
      return { product: id, name: data.products.get(id)?.name ?? id, bottles: these.reduce((n, p) => n + p.bottles, 0), amount: sum, share: percentText(sum, amount) };
    })
    .sort((a, b) => b.amount - a.amount || a.product.localeCompare(b.product));

  const methods = [...PAYMENTS, '未记录'] as const;
  const payments = methods.flatMap((m) => {
    const these = purchases.filter((p) => (p.payment ?? '未记录') === m);
    return these.length === 0 ? [] : [{ method: m, purchases: these.length, amount: sumFen(these.map((p) => p.amount)) }];
  });

  const window = revenueWindow(today);
  const { rows, classes } = revenueClasses(data, window);
  const mine = rows.find((r) => r.id === customer.id);
  const ranked = [...rows].sort((a, b) => b.revenueFen - a.revenueFen);
  const totalRevenue = sumFen(rows.map((r) => r.revenueFen));
  const revenue = sumFen(purchases.filter((p) => inRange(p.date, window)).map((p) => p.amount));

  const colour = customer.status === '潜在' ? colourOf(data, customer, today) : undefined;
  const people = customer.contacts.map((k) => {
    const vip = vipOf(customer, k, data);
    // The first reason, as agenda words it: the full list is on the info card.
    const reasons = vip.reasons.length > 1 ? `${vip.reasons[0]} 等 ${vip.reasons.length} 条` : (vip.reasons[0] ?? '');
    return { name: k.name, title: k.title ?? '', role: k.role, vip: vip.label === '' ? '—' : vip.label, reasons };
  });
  const visits = (customer.visits ?? [])
    .filter((v) => compareIso(v.date, today) <= 0)
    .map((v) => ({ date: v.date, customer: customer.name, customerId: customer.id, mode: v.mode, by: v.by, met: (v.met ?? []).join('、'), outcome: v.outcome, nextStep: v.nextStep ?? '', nextDate: v.nextDate }))
    .sort((a, b) => compareIso(a.date, b.date));
  const lastVisit = visits.at(-1)?.date;

  const base = {
    today,
    customer,
    purchases: purchases.length,
    bottles,
    amount,
    byFestival,
    byYear,
    products,
    payments,
    window,
    revenue,
    revenueClass: mine ? classes.get(customer.id) : undefined,
    revenueRank: mine ? ranked.findIndex((r) => r.revenueFen === mine.revenueFen) + 1 : undefined,
    existingCustomers: rows.length,
    revenueShare: mine ? percentText(mine.revenueFen, totalRevenue) : '—',
    expectedClass: classOf(customer, data.policies),
    colour,
    people,
    visits,
    lastVisit,
  };
  return { ...base, recommendations: recommendations(data, base) };
}

const signed = (p: string): string => (p.startsWith('-') || p === '—' || p === '0.0%' ? p.replace('-', '−') : `+${p}`);

/** A short advice drawn from the numbers, most pressing first. */
function recommendations(data: DataSet, f: Omit<CustomerFigures, 'recommendations'>): string[] {
  const out: string[] = [];
  const c = f.customer;
  const cls = f.expectedClass ?? 'D';
  const interval = data.policies.visitIntervalDays[cls];
  if (f.lastVisit === undefined) out.push(`还没有拜访记录：请先安排首次拜访，见决策人和业务负责人，填好信息卡。`);
  else {
    const days = daysBetween(f.lastVisit, f.today);
    if (days > interval) out.push(`已有 ${days} 天没有拜访，超过${classLabel(cls)}客户 ${interval} 天的拜访间隔：请本周内安排拜访。`);
    else out.push(`最近一次拜访在 ${days} 天前；按${classLabel(cls)}客户 ${interval} 天的间隔，下次拜访宜在 ${formatChineseDate(addDays(f.lastVisit, interval))}之前。`);
  }
  if (f.purchases === 0) {
    out.push(c.status === '潜在' && f.colour ? `尚无购买记录（潜在客户，${f.colour.colour}：${f.colour.why}）：继续跟进，争取在下一个节日前拿下首单。` : '尚无购买记录：请查明原因，争取在下一个节日前拿下首单。');
    return out;
  }
  const [last, prev] = [f.byYear.at(-1), f.byYear.at(-2)];
  if (last && prev && prev.amount > 0 && last.change !== undefined) {
    if (last.amount < prev.amount) out.push(`${last.year} 年采购额比 ${prev.year} 年${last.change}：请了解原因（预算、人数、口味或其他供应商），在下一个节日前提交新方案。`);
    else out.push(`${last.year} 年采购额比 ${prev.year} 年${last.change}：保持现有服务，节前按时送达。`);
  }
  // Actual revenue of a class above the expected one: the card's class understates the unit.
  const actualClass = customerClass(f.revenue, data.policies.classThresholds);
  if (f.expectedClass !== undefined && actualClass < f.expectedClass) {
    out.push(`近一年实际采购 ${formatMoney(f.revenue)}，已达${classLabel(actualClass)}门槛，而预计年采购额只算${classLabel(f.expectedClass)}：建议上调预计年采购额。`);
  }
  const top = f.products[0];
  const product = top && data.products.get(top.product);
  if (product) {
    const biggest = Math.max(...(c.purchases ?? []).filter((p) => p.product === product.id).map((p) => p.bottles));
    const next = product.groupPrices.find((t) => t.minBottles > biggest);
    // Within a fifth of the next tier: worth proposing the larger order at its price.
    if (next && biggest * 5 >= next.minBottles * 4) {
      out.push(`${product.name}单次最多买过 ${biggest} 瓶，再多 ${next.minBottles - biggest} 瓶即可享受 ${next.minBottles} 瓶起的团购价 ${formatMoney(next.price)}：建议下次方案按这一档报价。`);
    }
  }
  for (const p of f.people) if (p.vip === '符合VIP条件') out.push(`${p.name}符合 VIP 条件（${p.reasons}），尚未审批：请申报。`);
  return out;
}
