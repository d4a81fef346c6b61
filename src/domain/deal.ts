// A deal's money: the price of each line, the totals, where every fen goes, and the
// compliance rules of domain.md §9. Pure functions over integer fen.
import type { UnitSystem } from './classify.ts';
import { tieTo, type Tie } from './kinship.ts';
import { applyRate, formatMoney, multiplyFen, sumFen, type Fen } from './money.ts';

// What these rules read of a product, a deal and the policies. The data's Product, Deal and
// Policies (src/data/schema.ts) have these fields and more, so the rules take them as they are.

export interface DealProduct {
  readonly id: string;
  readonly name: string;
  readonly bottlesPerCase: number;
  readonly retailPrice: Fen;
  readonly groupPrices: readonly { readonly minBottles: number; readonly price: Fen }[];
  readonly costPrice: Fen;
}

export interface DealItem {
  readonly product: string;
  readonly bottles?: number;
  readonly cases?: number;
}

export interface DealTerms {
  readonly id: string;
  readonly status: string;
  readonly items: readonly DealItem[];
  readonly allocation?: readonly { readonly tier: string; readonly people: number; readonly bottlesEach: number; readonly product?: string }[];
  /** Percent, as written ("5" or "2.5"). */
  readonly extraDiscount?: string;
  readonly commission?: { readonly rate: string; readonly agreement?: string; readonly booked?: boolean };
  readonly gifts?: readonly {
    readonly item: string;
    readonly quantity: number;
    readonly valueEach: Fen;
    readonly recipient: string;
    readonly recipientRole?: string;
    readonly recipientIsOfficial?: boolean;
  }[];
  readonly tastingBottles?: readonly { readonly product: string; readonly bottles: number }[];
  readonly activities?: readonly { readonly cost: Fen }[];
  /** Who allowed an extra discount above the policy cap, and when. */
  readonly discountApproval?: { readonly by: string; readonly date: string };
}

export interface DealPolicies {
  /** Percents, as written. */
  readonly minMargin: string;
  readonly discountTiers: readonly { readonly minBottles: number; readonly maxExtraDiscount: string }[];
  readonly allocation: { readonly officialGiftLimit: Fen; readonly maxCommission: string };
}

/** A deal's line; `P` is the caller's product type, handed back as it was given. */
export interface PricedLine<P extends DealProduct = DealProduct> {
  readonly product: P;
  readonly bottles: number;
  /** The quantity as written in the deal. */
  readonly cases?: number;
  readonly retailPrice: Fen;
  /** Price per bottle of the tier the line's quantity reaches; retail below the first tier. */
  readonly groupPrice: Fen;
  readonly retailSubtotal: Fen;
  readonly subtotal: Fen;
}

export interface PricedDeal<P extends DealProduct = DealProduct> {
  readonly lines: readonly PricedLine<P>[];
  readonly bottles: number;
  readonly retailTotal: Fen;
  /** Σ line subtotals at group prices. */
  readonly groupTotal: Fen;
  /** The extra discount on the group total, `deal.extraDiscount` percent of it. */
  readonly extraDiscount: Fen;
  /** What the unit pays. */
  readonly total: Fen;
}

/** What a deal's wine is for (domain.md §1): each is worded as itself on the papers. */
export const PURPOSES = ['福利', '招待', '礼品', '会议', '婚宴'] as const;
export type Purpose = (typeof PURPOSES)[number];

/**
 * A deal's purpose: the one it states, else its occasion when that is a purpose (会议, 礼品 …),
 * else 福利 — a festival is bought for as staff welfare unless the deal says otherwise.
 */
export function dealPurpose({ occasion, purpose: stated }: { readonly occasion: string; readonly purpose?: Purpose | undefined }): Purpose {
  if (stated !== undefined) return stated;
  return (PURPOSES as readonly string[]).includes(occasion) ? (occasion as Purpose) : '福利';
}

export class PricingError extends Error {
  constructor(
    message: string,
    readonly product: DealProduct,
    readonly tier: number,
  ) {
    super(message);
  }
}

/** The tier price for a quantity: the highest tier whose minimum the quantity reaches. */
export function groupPriceFor(product: DealProduct, bottles: number): Fen {
  let price = product.retailPrice;
  for (const [i, tier] of product.groupPrices.entries()) {
    if (tier.price > product.retailPrice) {
      throw new PricingError(`团购价高于零售价（${product.name}）`, product, i);
    }
    if (bottles >= tier.minBottles && tier.price <= price) price = tier.price;
  }
  return price;
}

export function lineBottles(item: DealItem, product: DealProduct): number {
  return item.bottles ?? multiplyFen(item.cases ?? 0, product.bottlesPerCase);
}

/** The bottles a deal orders; undefined when one of its products is not in `products`. */
export function orderedBottles(deal: DealTerms, products: ReadonlyMap<string, DealProduct>): number | undefined {
  let bottles = 0;
  for (const item of deal.items) {
    const product = products.get(item.product);
    if (!product) return undefined;
    bottles += lineBottles(item, product);
  }
  return bottles;
}

/** The bottles a deal's per-person allocation shares out. */
export const allocatedBottles = (deal: DealTerms): number => (deal.allocation ?? []).reduce((n, t) => n + multiplyFen(t.bottlesEach, t.people), 0);

export function priceDeal<P extends DealProduct>(deal: DealTerms, products: ReadonlyMap<string, P>): PricedDeal<P> {
  const lines = deal.items.map((item): PricedLine<P> => {
    const product = products.get(item.product);
    if (!product) throw new RangeError(`方案 ${deal.id} 引用了不存在的产品 ${item.product}`);
    const bottles = lineBottles(item, product);
    const groupPrice = groupPriceFor(product, bottles);
    return {
      product,
      bottles,
      ...(item.cases !== undefined && { cases: item.cases }),
      retailPrice: product.retailPrice,
      groupPrice,
      retailSubtotal: multiplyFen(product.retailPrice, bottles),
      subtotal: multiplyFen(groupPrice, bottles),
    };
  });
  const groupTotal = sumFen(lines.map((l) => l.subtotal));
  const extraDiscount = deal.extraDiscount === undefined ? 0 : applyRate(groupTotal, deal.extraDiscount);
  return {
    lines,
    bottles: lines.reduce((n, l) => n + l.bottles, 0),
    retailTotal: sumFen(lines.map((l) => l.retailSubtotal)),
    groupTotal,
    extraDiscount,
    total: groupTotal - extraDiscount,
  };
}

/** Discount off retail in percent with one decimal, as printed in a price table ("12.5"). */
export function discountPercent(retail: Fen, price: Fen): string {
  if (retail === 0) return '0';
  // Tenths of a percent, rounded half up, in integers.
  const tenths = Math.floor(((retail - price) * 2000) / retail + 1) >> 1;
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}

export interface AllocationFigures {
  readonly retailTotal: Fen;
  /** Retail value minus what the unit pays: the unit's 让利. */
  readonly unitDiscount: Fen;
  readonly total: Fen;
  readonly tiers: readonly { tier: string; people: number; bottlesEach: number; bottles: number; valueEach: Fen; value: Fen }[];
  /** What the tiers are worth together. */
  readonly welfare: Fen;
  readonly allocatedBottles: number;
  readonly commission: Fen;
  readonly productCost: Fen;
  /** Each gift's total, in the deal's order, and their sum. */
  readonly giftLines: readonly Fen[];
  readonly gifts: Fen;
  /** Each tasting line at our cost price, in the deal's order, and their sum. */
  readonly tastingLines: readonly { costEach: Fen; total: Fen }[];
  readonly tasting: Fen;
  readonly activities: Fen;
  /** Everything the deal costs us: goods, commission, gifts, tasting bottles, activities. */
  readonly ourCost: Fen;
  readonly margin: Fen;
  /** Gross margin in basis points of the price the unit pays (2000 = 20 %). */
  readonly marginBp: number;
  readonly marginBelowPolicy: boolean;
}

/** Per-person welfare is valued at the group price of the tier's product (the first line's when unnamed). */
export function allocationFigures(deal: DealTerms, priced: PricedDeal, products: ReadonlyMap<string, DealProduct>, policies: DealPolicies): AllocationFigures {
  const groupPrice = (productId: string | undefined): Fen =>
    (priced.lines.find((l) => l.product.id === productId) ?? priced.lines[0])?.groupPrice ?? 0;
  const tiers = (deal.allocation ?? []).map((t) => {
    const bottles = multiplyFen(t.bottlesEach, t.people);
    const valueEach = multiplyFen(groupPrice(t.product), t.bottlesEach);
    return { tier: t.tier, people: t.people, bottlesEach: t.bottlesEach, bottles, valueEach, value: multiplyFen(valueEach, t.people) };
  });
  const cost = (id: string) => products.get(id)?.costPrice ?? 0;
  const commission = deal.commission ? applyRate(priced.total, deal.commission.rate) : 0;
  const productCost = sumFen(priced.lines.map((l) => multiplyFen(l.product.costPrice, l.bottles)));
  const giftLines = (deal.gifts ?? []).map((g) => multiplyFen(g.valueEach, g.quantity));
  const gifts = sumFen(giftLines);
  const tastingLines = (deal.tastingBottles ?? []).map((t) => {
    const costEach = cost(t.product);
    return { costEach, total: multiplyFen(costEach, t.bottles) };
  });
  const tasting = sumFen(tastingLines.map((t) => t.total));
  const activities = sumFen((deal.activities ?? []).map((a) => a.cost));
  const ourCost = sumFen([productCost, commission, gifts, tasting, activities]);
  const margin = priced.total - ourCost;
  const marginBp = priced.total === 0 ? 0 : Math.round((margin * 10000) / priced.total);
  return {
    retailTotal: priced.retailTotal,
    unitDiscount: priced.retailTotal - priced.total,
    total: priced.total,
    tiers,
    welfare: sumFen(tiers.map((t) => t.value)),
    allocatedBottles: allocatedBottles(deal),
    commission,
    productCost,
    giftLines,
    gifts,
    tastingLines,
    tasting,
    activities,
    ourCost,
    margin,
    marginBp,
    marginBelowPolicy: marginBp < Math.round(Number(policies.minMargin) * 100),
  };
}

/** A line of the allocation a finding is about: the commission, the extra discount, or gift `i`. */
export type ComplianceRow = 'commission' | 'extraDiscount' | `gift:${number}`;

export interface ComplianceResult {
  readonly rule: string;
  readonly pass: boolean;
  /** Allowed, but a manager must know: the allocation marks it 注意 rather than 违规. */
  readonly warning?: boolean;
  readonly detail: string;
  /** The lines of the allocation that break the rule (or are warned about), to be marked there too. */
  readonly rows?: readonly ComplianceRow[];
  /** The deal's field the rule reads, to point at when it fails. */
  readonly at: readonly (string | number)[];
}

/** The commission's payee as a relative or close associate of someone who decides or approves the purchase. */
export interface CommissionTie {
  readonly payee: string;
  readonly person: string;
  readonly role: string;
  readonly tie: Tie;
  /** The tie as the data words it: 表弟, 老战友. */
  readonly word: string;
}

/**
 * Whether the commission goes to the unit's intermediary and its 与单位关系 makes the
 * intermediary kin or a close associate of a person in a deciding role.
 */
export function commissionTie(
  payee: string,
  intermediary: { readonly name: string; readonly relation: string } | undefined,
  people: readonly { readonly name: string; readonly title?: string | undefined; readonly role: string }[],
): CommissionTie | undefined {
  if (!intermediary || intermediary.name !== payee) return undefined;
  for (const p of people) {
    if (!DECIDING_ROLES.includes(p.role)) continue;
    const found = tieTo(intermediary.relation, p);
    if (found) return { payee, person: p.name, role: p.role, ...found };
  }
  return undefined;
}

/** Units whose staff are public officials: no gift above the policy's token limit (domain.md §9), and no offer on a greeting (§13). */
export const OFFICIAL_SYSTEMS: readonly UnitSystem[] = ['党政', '执法', '军警'];
/** Roles that run or approve a purchase. */
const DECIDING_ROLES: readonly string[] = ['决策人', '业务负责人', '采购'];

/** The most extra discount policy allows on `bottles`: the tier of the most bottles not above them. */
export function discountCap(bottles: number, policies: DealPolicies): string {
  const tiers = policies.discountTiers.filter((t) => t.minBottles <= bottles).sort((a, b) => b.minBottles - a.minBottles);
  return tiers[0]?.maxExtraDiscount ?? '0';
}

/**
 * A commission to kin or a close associate of a decider: in 党政 / 执法 / 军警 units a benefit to
 * an official through a relative, so a violation; elsewhere open to abuse, so a warning.
 */
export function commissionTieFinding(tie: CommissionTie, system: UnitSystem): { violation: boolean; detail: string } {
  const violation = OFFICIAL_SYSTEMS.includes(system);
  const who = `收款人${tie.payee}是${tie.person}（${tie.role}）的${tie.word}（${tie.tie}）`;
  return {
    violation,
    detail: violation
      ? `${who}：${system}单位向经办、审批人员的${tie.tie}支付佣金，等于向公职人员输送利益，不得支付`
      : `${who}：须经部门经理批准，并在居间协议中写明这一关系`,
  };
}
/** Whether the extra discount is above the cap of the deal's bottles. */
export const overDiscountCap = (deal: DealTerms, bottles: number, policies: DealPolicies): boolean =>
  Number(deal.extraDiscount ?? '0') > Number(discountCap(bottles, policies));

/** Each allocation rule of domain.md §9, with pass or fail and why. */
export function complianceChecks(deal: DealTerms, system: UnitSystem, priced: PricedDeal, policies: DealPolicies, tie?: CommissionTie): ComplianceResult[] {
  const out: ComplianceResult[] = [];
  out.push({
    rule: '让利给单位，明示并入账',
    pass: priced.total <= priced.retailTotal,
    detail: '折让以单位为对象，写在建议书的价格表中',
    at: ['items'],
  });
  const cap = discountCap(priced.bottles, policies);
  const extra = deal.extraDiscount ?? '0';
  const over = overDiscountCap(deal, priced.bottles, policies);
  // Above the cap only with a manager's recorded approval: who and when.
  const approval = deal.discountApproval;
  out.push({
    rule: '额外折让不超过政策上限',
    pass: !over || approval !== undefined,
    ...(over && approval === undefined && { rows: ['extraDiscount'] as const }),
    detail: `共 ${priced.bottles} 瓶，上限 ${cap}%，本方案 ${extra}%${over ? (approval ? `，超出部分经${approval.by}于 ${approval.date} 批准` : '，超出上限且没有审批记录') : ''}`,
    at: ['extraDiscount'],
  });
  const c = deal.commission;
  if (c) {
    // Booking happens on payment: an open deal only needs the written agreement.
    const closed = deal.status === '已成交';
    const agreed = c.agreement !== undefined && (!closed || c.booked === true);
    const withinCap = Number(c.rate) <= Number(policies.allocation.maxCommission);
    out.push({
      rule: '中介佣金有书面协议并入账',
      pass: agreed && withinCap,
      ...(!(agreed && withinCap) && { rows: ['commission'] as const }),
      detail: [
        c.agreement ? `协议 ${c.agreement}` : '缺少书面协议',
        c.booked ? '已入账' : closed ? '成交后仍未入账' : '成交付款后入账',
        withinCap ? `比例 ${c.rate}%` : `比例 ${c.rate}% 超过上限 ${policies.allocation.maxCommission}%`,
      ].join('，'),
      at: ['commission'],
    });
    const finding = tie && commissionTieFinding(tie, system);
    out.push({
      rule: '佣金不付给决策、审批人员的亲属或密切关系人',
      pass: !finding?.violation,
      ...(finding && !finding.violation && { warning: true }),
      ...(finding && { rows: ['commission'] as const }),
      detail: finding?.detail ?? '中介人与单位的关系中没有写到决策、审批人员的亲属或密切关系',
      at: ['commission', 'to'],
    });
  }
  const gifts = (deal.gifts ?? []).map((g, i) => ({ g, i, row: `gift:${i}` as const })).filter(({ g }) => g.recipient === '个人');
  const toDeciders = gifts.filter(({ g }) => g.recipientRole !== undefined && DECIDING_ROLES.includes(g.recipientRole));
  out.push({
    rule: '不向经办、审批采购的人员个人送礼',
    pass: toDeciders.length === 0,
    ...(toDeciders.length > 0 && { rows: toDeciders.map((g) => g.row) }),
    detail: toDeciders.length === 0 ? '赠品均给单位' : toDeciders.map(({ g }) => `${g.item} 给${g.recipientRole}个人`).join('；'),
    at: toDeciders[0] ? ['gifts', toDeciders[0].i] : ['gifts'],
  });
  const officialUnit = OFFICIAL_SYSTEMS.includes(system);
  const toOfficials = gifts.filter(({ g }) => (officialUnit || g.recipientIsOfficial === true) && g.valueEach > policies.allocation.officialGiftLimit);
  out.push({
    rule: '不向公职人员个人送有价值的礼品',
    pass: toOfficials.length === 0,
    ...(toOfficials.length > 0 && { rows: toOfficials.map((g) => g.row) }),
    detail:
      toOfficials.length === 0
        ? officialUnit ? `${system}单位，无个人赠品` : '无公职人员个人赠品'
        : toOfficials.map(({ g }) => `${g.item}（每份 ${formatMoney(g.valueEach)}）给公职人员个人`).join('；'),
    at: toOfficials[0] ? ['gifts', toOfficials[0].i] : ['gifts'],
  });
  return out;
}

export interface HeadcountCoverage {
  /** The people the per-person allocation shares out to. */
  readonly people: number;
  readonly headcount: number;
  /** Staff the allocation leaves out (0 when it covers them all). */
  readonly short: number;
  /** People beyond the headcount (0 when it does not go past it). */
  readonly extra: number;
  /** The standard of the tier with the most people, to extend to those left out. */
  readonly standard: { readonly tier: string; readonly bottlesEach: number; readonly product?: string };
  /** What giving the left-out staff that standard would add. */
  readonly addBottles: number;
}

/**
 * How a deal's per-person allocation meets the unit's headcount; undefined when they agree or
 * one of them is not known. A welfare deal that leaves people out, or counts people the unit
 * does not have, has to say so (domain.md §8: the allocation is what the contact reports upward).
 */
export function headcountCoverage(deal: DealTerms, headcount: number | undefined): HeadcountCoverage | undefined {
  const tiers = deal.allocation ?? [];
  if (headcount === undefined || tiers.length === 0) return undefined;
  const people = tiers.reduce((n, t) => n + t.people, 0);
  if (people === headcount) return undefined;
  const widest = tiers.reduce((a, b) => (b.people > a.people ? b : a));
  const short = Math.max(0, headcount - people);
  return {
    people,
    headcount,
    short,
    extra: Math.max(0, people - headcount),
    standard: { tier: widest.tier, bottlesEach: widest.bottlesEach, ...(widest.product !== undefined && { product: widest.product }) },
    addBottles: multiplyFen(short, widest.bottlesEach),
  };
}
