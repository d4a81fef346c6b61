// View pieces every document shares: money and dates as printed, the company, products,
// the unit, and a deal's priced lines.
import type { Company, Customer, Deal, Policies, Product } from '../data/schema.ts';
import { classLabel, strengthClass } from '../domain/classify.ts';
import { formatChineseDate, type IsoDate } from '../domain/dates.ts';
import { FESTIVALS, festivalDate } from '../domain/festivals.ts';
import { dealPurpose, discountPercent, groupPriceFor, PricingError, type PricedDeal, type PricedLine, type Purpose } from '../domain/deal.ts';
import { formatMoney, moneyInWords, type Fen } from '../domain/money.ts';
import { formatBottles } from '../template/helpers.ts';
import { DataError } from '../errors.ts';
import { classOf } from './facts.ts';
import type { CompanyView, DateView, DealPublicView, MoneyView, ProductView } from './schemas.ts';

export const moneyV = (fen: Fen): MoneyView => ({ fen, text: formatMoney(fen), words: moneyInWords(fen) });

export const dateV = (iso: IsoDate): DateView => ({
  iso,
  text: formatChineseDate(iso),
  week: formatChineseDate(iso, { weekday: true }),
});

/** Optional keys are left out rather than set to undefined, so templates see them as absent. */
export function defined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}

export function companyV(company: Company | undefined, dataDir: string): CompanyView {
  if (!company) throw new DataError(`${dataDir}/company.yaml 缺失或有错误，无法生成文书`, { code: 'company-unusable' });
  return defined({
    name: company.name,
    shortName: company.shortName ?? company.name,
    address: company.address,
    postcode: company.postcode,
    hotline: company.hotline,
    phone: company.phone,
    fax: company.fax,
    website: company.website,
    email: company.email,
    contacts: company.salesContacts.map((c) => defined({ ...c })),
    brandStory: company.brandStory,
    promises: company.promises,
    bank: company.bank,
    qualifications: (company.qualifications ?? []).map((q) => defined({ name: q.name, number: q.number, validUntil: q.validUntil === undefined ? undefined : dateV(q.validUntil) })),
    invoice: company.invoice && { types: company.invoice.types.join('或'), vatRate: `${company.invoice.vatRate}%` },
    paymentTerms: company.paymentTerms,
    taxId: company.taxId,
    logo: company.logo,
    seal: company.seal,
  });
}

/** The company as a QR code holds it: a plain-text card every phone camera shows, no app or URL needed. */
export function qrText(data: { readonly company: Company | undefined }): string {
  const c = data.company;
  return [c?.name, c?.hotline && `团购热线 ${c.hotline}`, c?.website].filter(Boolean).join('\n');
}

export const productSpec = (p: Product): string => `${p.abv}%vol ${p.volumeMl}ml × ${p.bottlesPerCase} 瓶/箱`;

/**
 * A product as papers print it. With the deal's line of it, its price is that line's — the tier
 * the ordered quantity reaches, as the price table prints it — and no other tier is quoted.
 */
export function productV(p: Product, line?: PricedLine<Product>, purpose?: Purpose): ProductView {
  // Throws on a tier above retail, which no document may print.
  groupPriceFor(p, 0);
  const prices = p.groupPrices.map((t) => t.price);
  const range = `${formatMoney(Math.min(...prices))} 至 ${formatMoney(Math.max(...prices))}/瓶，按订购量`;
  return defined({
    id: p.id,
    name: p.name,
    series: p.series,
    aroma: p.aroma,
    abv: String(p.abv),
    strength: strengthClass(p.abv),
    volumeMl: p.volumeMl,
    bottlesPerCase: p.bottlesPerCase,
    spec: productSpec(p),
    grade: p.grade,
    process: p.process,
    retailPrice: moneyV(p.retailPrice),
    priceTiers: p.groupPrices.map((t) => ({
      minBottles: t.minBottles,
      quantity: `${formatBottles(t.minBottles, p.bottlesPerCase)}起`,
      price: moneyV(t.price),
      discount: `${discountPercent(p.retailPrice, t.price)}%`,
    })),
    dealPrice: line && {
      quantity: formatBottles(line.bottles, p.bottlesPerCase),
      price: moneyV(line.groupPrice),
      discount: `${discountPercent(line.retailPrice, line.groupPrice)}%`,
    },
    // On a deal's papers, only the selling points written for what the deal buys for.
    fab: (p.fab ?? []).filter((f) => purpose === undefined || f.purposes === undefined || f.purposes.includes(purpose)).map(({ feature, advantage, benefit }) => ({ feature, advantage, benefit })),
    tasting: p.tasting,
    uses: (p.uses ?? []).join('、'),
    // The price row from the tiers (the deal's quantity's, else their range), never from free text.
    comparisons: [
      ...(p.comparisons ?? []),
      ...(p.peerPrice === undefined
        ? []
        : [{ aspect: '团购价', ours: line ? `${formatMoney(line.groupPrice)}/瓶（本方案 ${line.bottles} 瓶）` : range, others: `约 ${formatMoney(p.peerPrice)}/瓶` }]),
    ],
  });
}

export function occasionText(deal: Deal): string {
  return deal.year === undefined ? deal.occasion : `${deal.year}年${deal.occasion}`;
}

export function dealPublicV(deal: Deal, priced: PricedDeal<Product>): DealPublicView {
  const productName = (id: string | undefined) => (priced.lines.find((l) => l.product.id === id) ?? priced.lines[0])?.product.name ?? '';
  const allocation = (deal.allocation ?? []).map((t) => ({
    tier: t.tier,
    people: t.people,
    bottlesEach: t.bottlesEach,
    bottles: t.people * t.bottlesEach,
    product: productName(t.product),
  }));
  const cases = priced.lines.every((l) => l.cases !== undefined) ? priced.lines.reduce((n, l) => n + (l.cases ?? 0), 0) : undefined;
  return defined({
    id: deal.id,
    occasion: occasionText(deal),
    festival: deal.year !== undefined && (FESTIVALS as readonly string[]).includes(deal.occasion) ? occasionText(deal) : undefined,
    purpose: dealPurpose(deal),
    invoice: deal.invoice,
    paymentTerms: deal.paymentTerms,
    validUntil: dateV(deal.validUntil),
    lines: priced.lines.map((l, i) => ({
      no: i + 1,
      product: l.product.name,
      spec: productSpec(l.product),
      quantity: formatBottles(l.bottles, l.product.bottlesPerCase),
      bottles: l.bottles,
      retailPrice: moneyV(l.retailPrice),
      groupPrice: moneyV(l.groupPrice),
      discount: `${discountPercent(l.retailPrice, l.groupPrice)}%`,
      subtotal: moneyV(l.subtotal),
    })),
    bottles: priced.bottles,
    quantity: cases === undefined ? `共 ${priced.bottles} 瓶` : `共 ${cases} 箱 ${priced.bottles} 瓶`,
    retailTotal: moneyV(priced.retailTotal),
    groupTotal: moneyV(priced.groupTotal),
    extraDiscountRate: deal.extraDiscount === undefined ? undefined : `${deal.extraDiscount}%`,
    extraDiscount: deal.extraDiscount === undefined ? undefined : moneyV(priced.extraDiscount),
    total: moneyV(priced.total),
    savings: moneyV(priced.retailTotal - priced.total),
    allocation,
    allocationPeople: allocation.reduce((n, t) => n + t.people, 0),
    allocationBottles: allocation.reduce((n, t) => n + t.bottles, 0),
  });
}

/** Runs `fn`; a tier above retail becomes a data error at the product file's line. */
export function withPricing<T>(fn: () => T, locate: (record: object, path: (string | number)[]) => string): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof PricingError)) throw e;
    throw new DataError(`${locate(e.product, ['groupPrices', e.tier, 'price'])} groupPrices[${e.tier}].price(团购价) 错误：团购价高于零售价，不能生成文书`);
  }
}

/**
 * The unit as a customer-facing paper may name it. What we learned about it — past welfare
 * (budgets, other suppliers), class, notes — is the archive's (domain.md §12): internal only.
 */
export function customerPublicV(c: Customer) {
  return defined({
    name: c.name,
    system: c.system,
    address: c.address,
    postcode: c.postcode,
    headcount: c.headcount,
  });
}

export function customerInternalV(c: Customer, policies: Policies) {
  const cls = classOf(c, policies);
  // In the order of the festivals' own dates (2026 端午 before 2026 中秋); the last is the latest.
  const pastWelfare = [...(c.pastWelfare ?? [])]
    .sort((a, b) => festivalDate(a.festival, a.year).localeCompare(festivalDate(b.festival, b.year)))
    .map((w) => defined({ ...w, budget: w.budget === undefined ? undefined : moneyV(w.budget) }));
  const last = pastWelfare.at(-1);
  return defined({
    ...customerPublicV(c),
    pastWelfare,
    id: c.id,
    status: c.status,
    class: cls,
    classLabel: cls === undefined ? '未分级' : classLabel(cls),
    phone: c.phone,
    website: c.website,
    economy: c.economy,
    welfareEmphasis: c.welfareEmphasis,
    chance: c.chance,
    accountManager: c.accountManager,
    expectedAnnualPurchase: c.expectedAnnualPurchase === undefined ? undefined : moneyV(c.expectedAnnualPurchase),
    lastWelfare: last,
    intermediary: c.intermediary && defined({ ...c.intermediary }),
    notes: c.notes,
  });
}
