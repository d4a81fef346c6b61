// The data-quality rules of domain.md §6 that need more than one field or more than one
// file: merged fields, the required minimum, recommended fields, duplicates, references.
import type { z } from 'zod';
import type { Issue, PathSegment, Severity } from './issues.ts';
import type { Loaded, YamlSource } from './yaml.ts';
import { customerSchema, dealSchema, productSchema, targetsSchema, TARGET_MEASURES, type Targets } from './schema.ts';
import { companySchema, type Company, type Customer, type Deal, type Policies, type Product } from './schema.ts';
import { parsePeriod, rangesOverlap, type Period } from '../domain/periods.ts';
import { stageProblems } from '../domain/deal-stages.ts';
import { issueAt } from './validate.ts';
import { closest } from '../util/suggest.ts';
import { allocatedBottles, commissionTie, commissionTieFinding, dealPurpose, discountCap, headcountCoverage, orderedBottles, overDiscountCap } from '../domain/deal.ts';
import { compareIso } from '../domain/dates.ts';
import { RANKS } from '../domain/classify.ts';
import { ladderOf, MILITARY_RANKS, POLICE_RANKS, ranksFor } from '../domain/ranks.ts';
import { adClaimsIn } from '../domain/ad-claims.ts';

const TITLE_IN_NAME = /(局长|处长|科长|主任|经理|书记|主席|厂长|院长|校长|行长|总经理|董事长|先生|女士|小姐)$/;

interface Input {
  readonly products: readonly Loaded<Product>[];
  readonly customers: readonly Loaded<Customer>[];
  readonly deals: readonly Loaded<Deal>[];
  /** For the wording of its texts that external papers print; absent when it did not load. */
  readonly company?: Loaded<Company> | undefined;
  /** For the deals' discount caps; no deals, no need. */
  readonly policies?: Policies;
  /** targets.yaml, when there is one. */
  readonly targets?: Loaded<Targets> | undefined;
}

type Report = (path: readonly PathSegment[], severity: Severity, rule: string, message: string) => void;

function reporter(issues: Issue[], record: Loaded<unknown>, schema: z.ZodType): Report {
  return (path, severity, rule, message) => issues.push(issueAt(record.source, schema, path, severity, rule, message));
}

/** `allCustomers` false: the input holds only some customers, so a deal's customer is not looked up. */
export function crossChecks(input: Input, { allCustomers }: { allCustomers: boolean }): Issue[] {
  const issues: Issue[] = [];
  const productIds = new Set(input.products.map((p) => p.value.id));
  const productsById = new Map(input.products.map((p) => [p.value.id, p.value]));
  const customerIds = new Set(input.customers.map((c) => c.value.id));
  const customersById = new Map(input.customers.map((c) => [c.value.id, c.value]));
  const dealsById = new Map(input.deals.map((d) => [d.value.id, d.value]));
  const productRef = (report: Report, path: readonly PathSegment[], id: string) => {
    if (productIds.has(id)) return;
    const near = closest(id, productIds);
    report(path, 'error', 'unknown-product', `没有编号为「${id}」的产品${near ? `，是否想写「${near}」？` : '：请先在 products/ 里建立'}`);
  };

  const dealRef = (report: Report, path: readonly PathSegment[], id: string, customer: string) => {
    const deal = dealsById.get(id);
    if (deal && deal.customer === customer) return;
    const near = closest(id, [...dealsById.values()].filter((d) => d.customer === customer).map((d) => d.id));
    report(path, 'error', 'unknown-deal', deal ? `方案「${id}」是客户 ${deal.customer} 的，不是这个单位的` : `没有编号为「${id}」的方案${near ? `，是否想写「${near}」？` : ''}`);
  };
  // The account managers are the company's sales contacts; without company.yaml nobody can be checked.
  const managers = new Set(input.company?.value.salesContacts.map((c) => c.name) ?? []);
  const managerRef: ManagerRef = (report, path, name) => {
    if (!input.company || managers.has(name)) return;
    const near = closest(name, managers);
    report(path, 'error', 'unknown-manager', `「${name}」不是团购部的客户经理（company.yaml 的 salesContacts）${near ? `，是否想写「${near}」？` : `：可写 ${[...managers].join('、')}`}`);
  };

  duplicates(issues, input.products, productSchema, (p) => [[['id'], p.id, '产品编号']]);
  duplicates(issues, input.customers, customerSchema, (c) => [
    [['id'], c.id, '客户编号'],
    [['name'], c.name, '单位名称'],
    ...c.contacts.map((k, i): DupKey => [['contacts', i, 'name'], `${c.name}｜${k.name}`, '单位 + 联系人']),
  ]);
  duplicates(issues, input.deals, dealSchema, (d) => [[['id'], d.id, '方案编号']]);

  const competitors = competitorNames(input.products.map((p) => p.value));
  for (const p of input.products) {
    const report = reporter(issues, p, productSchema);
    productRules(p.value, report);
    const texts = externalTexts(p.value);
    adClaimRule(texts, report);
    priceInTextRule(texts, report);
    competitorRule(p.value, texts, competitors, report);
  }
  if (input.company) adClaimRule(companyTexts(input.company.value), reporter(issues, input.company, companySchema));
  for (const c of input.customers) {
    const report = reporter(issues, c, customerSchema);
    customerRules(c.value, report);
    c.value.purchases?.forEach((pu, i) => {
      productRef(report, ['purchases', i, 'product'], pu.product);
      if (pu.deal !== undefined) dealRef(report, ['purchases', i, 'deal'], pu.deal, c.value.id);
    });
    c.value.contacts.forEach((k, i) =>
      k.purchasedProducts?.forEach((id, j) => productRef(report, ['contacts', i, 'purchasedProducts', j], id)),
    );
    c.value.complaints?.forEach((k, i) => k.product !== undefined && productRef(report, ['complaints', i, 'product'], k.product));
    c.value.receivables?.forEach((r, i) => {
      if (r.deal === undefined) return;
      const deal = dealsById.get(r.deal);
      if (!deal) {
        const near = closest(r.deal, dealsById.keys());
        report(['receivables', i, 'deal'], 'error', 'unknown-deal', `没有编号为「${r.deal}」的方案${near ? `，是否想写「${near}」？` : ''}`);
      } else if (deal.customer !== c.value.id) {
        report(['receivables', i, 'deal'], 'error', 'unknown-deal', `方案「${r.deal}」是客户 ${deal.customer} 的，不是本单位的`);
      }
    });
  }
  for (const d of input.deals) {
    const report = reporter(issues, d, dealSchema);
    const deal = d.value;
    if (allCustomers && !customerIds.has(deal.customer)) {
      const near = closest(deal.customer, customerIds);
      report(['customer'], 'error', 'unknown-customer', `没有编号为「${deal.customer}」的客户${near ? `，是否想写「${near}」？` : ''}`);
    }
    deal.items.forEach((it, i) => productRef(report, ['items', i, 'product'], it.product));
    for (const p of stageProblems(deal.stages ?? [], deal.status)) report(['stages', p.index, p.field], 'error', 'deal-stages', p.message);
    if (deal.owner !== undefined) managerRef(report, ['owner'], deal.owner);
    deal.allocation?.forEach((a, i) => a.product !== undefined && productRef(report, ['allocation', i, 'product'], a.product));
    deal.tastingBottles?.forEach((t, i) => productRef(report, ['tastingBottles', i, 'product'], t.product));
    const customer = customersById.get(deal.customer);
    if (customer) commissionTieRule(deal, customer, report);
    const ordered = orderedBottles(deal, productsById);
    if (ordered !== undefined) {
      allocationRule(deal, ordered, report);
      if (input.policies) discountRule(deal, ordered, input.policies, report);
    }
    headcountRule(deal, customer, report);
    invoiceRule(deal, input.company?.value, report);
  }
  if (input.targets) targetRules(input.targets, managerRef, input.policies?.festivalLead.mailDaysBefore ?? 60, reporter(issues, input.targets, targetsSchema));
  return issues;
}

type ManagerRef = (report: Report, path: readonly PathSegment[], name: string) => void;

/**
 * Overlapping periods of one manager's measure would count the same sale twice. Periods of
 * different kinds nest by design (a week's target inside a month's), so only periods of one
 * kind are compared: the same week twice, or two festival seasons that run into each other.
 */
function targetRules(targets: Loaded<Targets>, managerRef: ManagerRef, leadDays: number, report: Report): void {
  const seen: { index: number; manager: string; period: Period }[] = [];
  targets.value.targets.forEach((t, i) => {
    managerRef(report, ['targets', i, 'manager'], t.manager);
    const period = parsePeriod(t.period, leadDays);
    for (const other of seen) {
      if (other.manager !== t.manager || other.period.kind !== period.kind || !rangesOverlap(other.period, period)) continue;
      const both = TARGET_MEASURES.filter((m) => t[m] !== undefined && targets.value.targets[other.index]![m] !== undefined);
      if (both.length === 0) continue;
      const at = `${targets.source.file}:${targets.source.locate(['targets', other.index, 'period']).line}`;
      report(['targets', i, 'period'], 'error', 'target-overlap', `${t.manager} 的「${t.period}」（${period.from}–${period.to}）与 ${at} 的「${other.period.text}」（${other.period.from}–${other.period.to}）重叠，两处都定了 ${both.join('、')}：同一指标的同类周期不能重叠`);
    }
    seen.push({ index: i, manager: t.manager, period });
  });
}

/**
 * The allocation's bottles against the order's: the proposal prints both totals, and a unit
 * that is offered 1,680 bottles and shown how to share 1,660 will ask where the rest went.
 * A warning: keeping a few bottles back can be meant.
 */
function allocationRule(deal: Deal, ordered: number, report: Report): void {
  if (!deal.allocation?.length) return;
  const shared = allocatedBottles(deal);
  if (shared !== ordered) report(['allocation'], 'warning', 'allocation-total', `人均分配合计 ${shared} 瓶，与订货的 ${ordered} 瓶不一致`);
}

/**
 * The extra discount against the policy cap of the deal's bottle tier. A warning here: a manager
 * may allow an exception, recorded in discountApproval; without that record no external paper
 * of the deal is made and the allocation summary marks it 违规.
 */
function discountRule(deal: Deal, ordered: number, policies: Policies, report: Report): void {
  const cap = discountCap(ordered, policies);
  const over = overDiscountCap(deal, ordered, policies);
  if (over && deal.discountApproval === undefined) {
    report(['extraDiscount'], 'warning', 'discount-cap', `额外折让 ${deal.extraDiscount}% 超过政策上限：${ordered} 瓶的上限是 ${cap}%；超出上限要记下谁在哪天批准（discountApproval），否则不能生成对外文书`);
  }
  const approval = deal.discountApproval;
  if (approval === undefined) return;
  if (!over) report(['discountApproval'], 'warning', 'approval-unneeded', `额外折让 ${deal.extraDiscount ?? '0'}% 没有超过 ${ordered} 瓶的上限 ${cap}%，不需要审批`);
  if (approval.date > deal.validUntil) report(['discountApproval', 'date'], 'error', 'approval-date', `审批日期 ${approval.date} 晚于方案有效期 ${deal.validUntil}：报价发出前就要批准`);
}

/**
 * A welfare deal's allocation against the unit's headcount: a warning, since leaving some
 * staff to the unit's own arrangement can be meant; the proposal then says whom it covers.
 */
function headcountRule(deal: Deal, customer: Customer | undefined, report: Report): void {
  // A deal closed or lapsed is history: no proposal of it is made any more.
  if (!OPEN_STATUSES.includes(deal.status) || dealPurpose(deal) !== '福利') return;
  const c = headcountCoverage(deal, customer?.headcount);
  if (!c) return;
  const gap = c.short > 0 ? `少 ${c.short} 人` : `多 ${c.extra} 人`;
  report(['allocation'], 'warning', 'allocation-headcount', `人均分配共 ${c.people} 人，客户登记的职工人数是 ${c.headcount} 人（${gap}）：建议书会写明按 ${c.people} 人配置`);
}

/** The invoice a deal promises must be one the company issues. */
function invoiceRule(deal: Deal, company: Company | undefined, report: Report): void {
  if (deal.invoice === undefined || !company) return;
  const types = company.invoice?.types ?? [];
  if (!types.includes(deal.invoice)) {
    report(['invoice'], 'error', 'invoice-type', `公司资料（company.yaml 的 invoice.types）里没有「${deal.invoice}」：${types.length > 0 ? `可开 ${types.join('、')}` : '先写明公司可开的发票'}`);
  }
}

/**
 * A commission to kin or a close associate of a decider (domain.md §9). A warning here, as for the
 * discount cap: `check` cannot know a manager's approval; the allocation summary marks it 违规 in
 * 党政 / 执法 / 军警 units and --strict stops on it.
 */
function commissionTieRule(deal: Deal, customer: Customer, report: Report): void {
  const tie = deal.commission && commissionTie(deal.commission.to, customer.intermediary, customer.contacts);
  if (!tie) return;
  const finding = commissionTieFinding(tie, customer.system);
  report(['commission', 'to'], 'warning', 'commission-to-relative', `${finding.violation ? '违规' : '注意'}：${finding.detail}`);
}

const OPEN_STATUSES: readonly string[] = ['草拟', '已发送', '洽谈中'];

type Text = readonly [path: readonly PathSegment[], text: string];

/** The texts of a product that product sheets, proposals and letters print. */
function externalTexts(p: Product): Text[] {
  const texts: Text[] = [[['name'], p.name]];
  if (p.series !== undefined) texts.push([['series'], p.series]);
  if (p.process !== undefined) texts.push([['process'], p.process]);
  p.fab?.forEach((f, i) => (['feature', 'advantage', 'benefit'] as const).forEach((k) => texts.push([['fab', i, k], f[k]])));
  if (p.tasting) for (const k of ['color', 'aroma', 'taste'] as const) texts.push([['tasting', k], p.tasting[k]]);
  p.comparisons?.forEach((c, i) => (['aspect', 'ours', 'others'] as const).forEach((k) => texts.push([['comparisons', i, k], c[k]])));
  return texts;
}

/** The texts of company.yaml that external papers may print: the brand story and the promises. */
function companyTexts(c: Company): Text[] {
  return [[['brandStory'], c.brandStory], ...(['delivery', 'breakage', 'quality'] as const).map((k): Text => [['promises', k], c.promises[k]])];
}

/** 广告法 §23: no health or performance claim for alcohol (domain.md §12). An error: the papers are advertising. */
function adClaimRule(texts: readonly Text[], report: Report): void {
  for (const [path, text] of texts) {
    for (const claim of adClaimsIn(text)) {
      report(path, 'error', 'ad-claim', `「${claim.words}」是酒类广告不能有的说法（${claim.why}，广告法第二十三条）：对外文书只写可以核实的事实，如原料、工艺、储存年限、价格`);
    }
  }
}

/** An amount of money or a tier quantity in free text: a price, which may not match the tier a deal reaches. */
const PRICE_IN_TEXT = /\d[\d,.]*\s*元|\d+\s*瓶(?:起|以上)/;

/**
 * Prices come from the tiers only, so a paper quotes one price per product for the quantity
 * ordered (a text's "120 瓶起 738 元" beside a table's 768 for 60 bottles would not agree).
 */
function priceInTextRule(texts: readonly Text[], report: Report): void {
  for (const [path, text] of texts) {
    const m = PRICE_IN_TEXT.exec(text);
    if (m) report(path, 'error', 'price-in-text', `文字里写了价格或起订量「${m[0]}」：价格只写在零售价、团购价档位和同类产品团购价（peerPrice）里，文书按订购数量取价`);
  }
}

interface Competitor {
  readonly name: string;
  /** The product file whose 对比对象 names it. */
  readonly product: string;
}

/**
 * The competitors the data itself names: every product's comparedWith (an internal reference),
 * whole and by its brand, the part before ·, without notes in brackets. Nothing is guessed:
 * a brand no product compares with is not known to be a competitor.
 */
function competitorNames(products: readonly Product[]): Competitor[] {
  return products.flatMap((p) => {
    if (p.comparedWith === undefined) return [];
    const whole = p.comparedWith.replace(/[（(][^）)]*[）)]/g, '').trim();
    const brand = whole.split(/[·•・]/)[0]!.trim();
    return [...new Set([brand, whole])].filter((name) => [...name].length >= 2).map((name) => ({ name, product: p.id }));
  });
}

/** 广告法 §13: external papers name no other firm's goods; comparisons are with 同价位同类产品. */
function competitorRule(p: Product, texts: readonly Text[], competitors: readonly Competitor[], report: Report): void {
  for (const [path, text] of texts) {
    // The longest name first, so one mention is reported once.
    const named = competitors.filter((c) => text.includes(c.name) && !p.name.includes(c.name)).sort((a, b) => b.name.length - a.name.length)[0];
    if (named) {
      report(path, 'warning', 'competitor-named', `提到了竞品「${named.name}」（产品 ${named.product} 的对比对象）：对外文书不点名其他品牌，请写“同价位同类产品”`);
    }
  }
}

type DupKey = [path: PathSegment[], key: string, what: string];

function duplicates<T>(issues: Issue[], records: readonly Loaded<T>[], schema: z.ZodType, keys: (v: T) => DupKey[]): void {
  const seen = new Map<string, { source: YamlSource; path: PathSegment[] }>();
  for (const r of records) {
    for (const [path, key, what] of keys(r.value)) {
      const id = `${what}\u0000${key}`;
      const first = seen.get(id);
      if (first) {
        const at = `${first.source.file}:${first.source.locate(first.path).line}`;
        issues.push(issueAt(r.source, schema, path, 'error', 'duplicate', `${what}「${key}」重复：与 ${at} 相同，一条记录只建一次`));
      } else {
        seen.set(id, { source: r.source, path });
      }
    }
  }
}

function productRules(p: Product, report: Report): void {
  p.groupPrices.forEach((tier, i) => {
    if (tier.price > p.retailPrice) {
      report(['groupPrices', i, 'price'], 'error', 'group-above-retail', '团购价高于零售价：团购价不能高于终端零售价');
    }
    if (tier.price < p.costPrice) report(['groupPrices', i, 'price'], 'warning', 'below-cost', '团购价低于成本价');
    const prev = p.groupPrices[i - 1];
    if (prev && (tier.minBottles <= prev.minBottles || tier.price > prev.price)) {
      report(['groupPrices', i], 'warning', 'tier-order', '团购价档位应按起订瓶数从小到大排列，且量大价不高');
    }
  });
}

/** A rank on the ladder of the unit's system (domain.md §15); enterprises write their own titles. */
function rankRule(rank: string, system: string, path: PathSegment[], report: Report): void {
  const allowed = ranksFor(system);
  if (!allowed || allowed.includes(rank)) return;
  const ladder = ladderOf(rank);
  const near = ladder ? undefined : closest(rank, allowed);
  const why = ladder ? `「${rank}」是${ladder}，${system}单位用公务员职级` : `「${rank}」不是${system === '军警' ? '军警单位用的级别' : '公务员职级'}`;
  const expected = system === '军警' ? `公务员职级（${RANKS.join('、')}）、军队职级（${MILITARY_RANKS.join('、')}）或警衔、警员职务（${POLICE_RANKS.join('、')}）` : `以下之一：${RANKS.join('、')}`;
  report(path, 'error', 'rank-ladder', `${why}：应为${expected}${near ? `。是否想写「${near}」？` : ''}`);
}

/** The card's dates follow one another: filled, then updated and reviewed; a review names who and when. */
function cardRules(card: NonNullable<Customer['contacts'][number]['card']>, at: PathSegment[], report: Report): void {
  if (card.updatedOn !== undefined && compareIso(card.updatedOn, card.filledOn) < 0) report([...at, 'updatedOn'], 'error', 'card-dates', '最近更新早于建卡日期');
  if (card.reviewedOn !== undefined && compareIso(card.reviewedOn, card.filledOn) < 0) report([...at, 'reviewedOn'], 'error', 'card-dates', '审核日期早于建卡日期');
  if ((card.reviewedBy === undefined) !== (card.reviewedOn === undefined)) {
    report([...at, card.reviewedBy === undefined ? 'reviewedOn' : 'reviewedBy'], 'warning', 'card-review', '主管审核要同时写审核人（reviewedBy）和审核日期（reviewedOn）');
  }
}

function customerRules(c: Customer, report: Report): void {
  const recommend = (field: keyof Customer, why: string) => {
    if (c[field] === undefined) report([field], 'warning', 'recommended', `建议填写：${why}`);
  };
  recommend('postcode', '节日邮寄要用');
  recommend('headcount', '用于测算人均分配');
  recommend('expectedAnnualPurchase', '客户分级靠它');
  recommend('accountManager', '每个客户都应有负责的客户经理');
  if (!c.contacts.some((k) => k.role === '决策人')) report(['contacts'], 'warning', 'no-decision-maker', '还没有记录决策人');
  // A prospect that has bought is a customer: its papers already thank it, but its class, the
  // lists and the head's reports still count it as a prospect.
  if (c.status === '潜在' && (c.purchases?.length ?? 0) > 0) {
    report(['status'], 'warning', 'prospect-bought', '已有购买记录（purchases），客户状态应改为「现有」');
  }

  c.contacts.forEach((k, i) => {
    const at = (f: string): PathSegment[] => ['contacts', i, f];
    if (TITLE_IN_NAME.test(k.name) && k.name.length > 2) {
      report(at('name'), 'warning', 'title-in-name', '姓名里带了称呼或职务：职务请填在 title');
    }
    // A usable record has a phone (domain.md §6); a WeChat id cannot be dialled or put on a call list.
    if (k.officePhone === undefined && k.homePhone === undefined && k.mobile === undefined && c.phone === undefined) {
      report(['contacts', i], 'error', 'no-phone', `至少要有一个电话（手机、办公电话、宅电或单位电话）${k.wechat === undefined ? '' : '：微信号不能代替电话'}`);
    }
    if (k.title === undefined) report(at('title'), 'warning', 'recommended', '建议填写：信息卡和拜访准备单要用');
    if (k.rank !== undefined) rankRule(k.rank, c.system, at('rank'), report);
  });
  c.visits?.forEach((v, i) => {
    if (v.nextDate !== undefined && v.nextDate < v.date) {
      report(['visits', i, 'nextDate'], 'error', 'next-before-visit', `下次日期 ${v.nextDate} 早于这次拜访的日期 ${v.date}`);
    }
  });
  c.contacts.forEach((k, i) => k.card && cardRules(k.card, ['contacts', i, 'card'], report));
  c.complaints?.forEach((k, i) => {
    if (k.closed === true && k.handling === undefined) report(['complaints', i, 'closed'], 'warning', 'complaint-handling', '已办结的投诉应写明处理情况（handling）：下次拜访前要读');
  });
  c.receivables?.forEach((r, i) => {
    if (r.deal === undefined && r.date === undefined) report(['receivables', i], 'error', 'receivable-source', '应写明欠款来自哪个方案（deal）或哪天的货（date）');
    if (r.amount === 0) report(['receivables', i, 'amount'], 'error', 'receivable-zero', '欠款金额为 0：已结清的请整条删去');
    if (r.date !== undefined && compareIso(r.due, r.date) < 0) report(['receivables', i, 'due'], 'error', 'receivable-due', '约定付款日早于发生日期');
  });
  const names = new Set(c.contacts.map((k) => k.name));
  c.purchases?.forEach((p, i) => {
    if (p.buyer !== undefined && !names.has(p.buyer)) {
      report(['purchases', i, 'buyer'], 'warning', 'unknown-contact', `「${p.buyer}」不在本单位的联系人里`);
    }
  });
  // An error: the letter for the event is addressed to this contact, and there is none to address.
  c.events?.forEach((e, i) => {
    if (names.has(e.person)) return;
    const near = closest(e.person, names);
    report(['events', i, 'person'], 'error', 'unknown-contact', `「${e.person}」不在本单位的联系人里${near ? `，是否想写「${near}」？` : '：请先把这个人加进联系人'}`);
  });
}
