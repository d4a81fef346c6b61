import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES } from '../../src/data/policies.ts';
import type { Deal, Product } from '../../src/data/schema.ts';
import { allocationFigures, complianceChecks, discountCap, discountPercent, groupPriceFor, priceDeal, PricingError } from '../../src/domain/deal.ts';

const product = (over: Partial<Product> = {}): Product => ({
  id: 'P1',
  name: '测试酱香',
  aroma: '酱香',
  abv: 53,
  volumeMl: 500,
  bottlesPerCase: 6,
  grade: '高端',
  retailPrice: 398_00,
  groupPrices: [
    { minBottles: 6, price: 358_00 },
    { minBottles: 60, price: 338_00 },
    { minBottles: 300, price: 318_00 },
  ],
  costPrice: 210_00,
  ...over,
});

const deal = (over: Partial<Deal> = {}): Deal => ({
  id: 'D1',
  customer: 'c1',
  occasion: '春节',
  year: 2027,
  items: [{ product: 'P1', cases: 20 }],
  validUntil: '2027-01-31',
  status: '洽谈中',
  ...over,
});

const products = new Map([['P1', product()], ['P2', product({ id: 'P2', name: '测试浓香', retailPrice: 128_00, costPrice: 70_00, groupPrices: [{ minBottles: 1, price: 108_00 }] })]]);

describe('group price tiers', () => {
  it('takes the highest tier the quantity reaches, and retail below the first', () => {
    expect(groupPriceFor(product(), 5)).toBe(398_00);
    expect(groupPriceFor(product(), 6)).toBe(358_00);
    expect(groupPriceFor(product(), 59)).toBe(358_00);
    expect(groupPriceFor(product(), 60)).toBe(338_00);
    expect(groupPriceFor(product(), 1000)).toBe(318_00);
  });

  it('refuses a group price above retail, naming the tier', () => {
    const bad = product({ groupPrices: [{ minBottles: 6, price: 358_00 }, { minBottles: 60, price: 398_01 }] });
    try {
      groupPriceFor(bad, 1);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PricingError);
      expect((e as PricingError).tier).toBe(1);
    }
  });
});

describe('priceDeal', () => {
  it('adds up lines, extra discount and total to the fen', () => {
    const d = deal({ items: [{ product: 'P1', cases: 20 }, { product: 'P2', bottles: 37 }], extraDiscount: '2.5' });
    const p = priceDeal(d, products);
    // 120 bottles reach the 60-bottle tier: 120 × 338 = 40,560 元; 37 × 108 = 3,996 元.
    expect(p.lines.map((l) => [l.bottles, l.groupPrice, l.subtotal])).toEqual([
      [120, 338_00, 40_560_00],
      [37, 108_00, 3_996_00],
    ]);
    expect(p.groupTotal).toBe(44_556_00);
    // 2.5 % of 44,556.00 = 1,113.90
    expect(p.extraDiscount).toBe(1_113_90);
    expect(p.total).toBe(43_442_10);
    expect(p.retailTotal).toBe(120 * 398_00 + 37 * 128_00);
  });
});

describe('discountPercent', () => {
  it('prints one decimal when needed, rounded half up', () => {
    expect(discountPercent(398_00, 338_00)).toBe('15.1');
    expect(discountPercent(100_00, 90_00)).toBe('10');
    expect(discountPercent(88_00, 74_00)).toBe('15.9');
    expect(discountPercent(0, 0)).toBe('0');
  });
});

describe('allocationFigures', () => {
  it('accounts for every fen: cost + margin = what the unit pays', () => {
    const d = deal({
      items: [{ product: 'P1', cases: 50 }],
      allocation: [
        { tier: '领导', people: 20, bottlesEach: 3 },
        { tier: '职工', people: 240, bottlesEach: 1 },
      ],
      commission: { to: '李中介', rate: '3', agreement: 'JJ-01' },
      gifts: [{ item: '纪念酒具', quantity: 2, valueEach: 150_00, recipient: '单位' }],
      tastingBottles: [{ product: 'P2', bottles: 4 }],
      activities: [{ kind: '员工活动赞助', cost: 2_000_00 }],
    });
    const priced = priceDeal(d, products);
    const f = allocationFigures(d, priced, products, DEFAULT_POLICIES);
    // 300 bottles at the 300-bottle tier: 300 × 318 = 95,400 元.
    expect(f.total).toBe(95_400_00);
    expect(f.unitDiscount).toBe(300 * 398_00 - 95_400_00);
    expect(f.tiers.map((t) => [t.bottles, t.valueEach, t.value])).toEqual([
      [60, 3 * 318_00, 20 * 3 * 318_00],
      [240, 318_00, 240 * 318_00],
    ]);
    expect(f.welfare).toBe(60 * 318_00 + 240 * 318_00);
    expect(f.allocatedBottles).toBe(300);
    expect(f.commission).toBe(2_862_00);
    expect(f.productCost).toBe(300 * 210_00);
    expect(f.giftLines).toEqual([300_00]);
    expect(f.gifts).toBe(300_00);
    expect(f.tastingLines).toEqual([{ costEach: 70_00, total: 4 * 70_00 }]);
    expect(f.tasting).toBe(4 * 70_00);
    expect(f.ourCost).toBe(63_000_00 + 2_862_00 + 300_00 + 280_00 + 2_000_00);
    expect(f.ourCost + f.margin).toBe(f.total);
    expect(f.marginBp).toBe(Math.round((f.margin * 10000) / f.total));
    expect(f.marginBelowPolicy).toBe(false);
  });
});

describe('complianceChecks (domain.md §9)', () => {
  const priced = priceDeal(deal(), products);
  const failing = (d: Deal, system: Parameters<typeof complianceChecks>[1] = '实力企业') =>
    complianceChecks(d, system, priced, DEFAULT_POLICIES).filter((c) => !c.pass).map((c) => c.rule);

  it('passes transparent allocations', () => {
    const d = deal({ commission: { to: '李中介', rate: '3', agreement: 'JJ-01' }, gifts: [{ item: '酒具', quantity: 1, valueEach: 100_00, recipient: '单位' }] });
    expect(failing(d)).toEqual([]);
  });

  it('flags a commission without written agreement, above the cap, or unbooked after closing', () => {
    expect(failing(deal({ commission: { to: '李', rate: '3' } }))).toEqual(['中介佣金有书面协议并入账']);
    expect(failing(deal({ commission: { to: '李', rate: '6', agreement: 'X' } }))).toEqual(['中介佣金有书面协议并入账']);
    expect(failing(deal({ status: '已成交', commission: { to: '李', rate: '3', agreement: 'X', booked: false } }))).toEqual(['中介佣金有书面协议并入账']);
    expect(failing(deal({ status: '已成交', commission: { to: '李', rate: '3', agreement: 'X', booked: true } }))).toEqual([]);
  });

  it('flags an extra discount above the cap of the deal\'s bottle tier', () => {
    // The cap is the tier of the most bottles not above the deal's.
    expect(discountCap(119, DEFAULT_POLICIES)).toBe('0');
    expect(discountCap(120, DEFAULT_POLICIES)).toBe('2');
    expect(discountCap(1680, DEFAULT_POLICIES)).toBe('5');
    const cap = discountCap(priced.bottles, DEFAULT_POLICIES);
    expect(failing(deal({ extraDiscount: cap }))).toEqual([]);
    expect(failing(deal({ extraDiscount: String(Number(cap) + 0.5) }))).toEqual(['额外折让不超过政策上限']);
  });

  it('flags a personal gift to a decision maker, and any personal gift at an official unit', () => {
    const toBoss = deal({ gifts: [{ item: '礼盒', quantity: 1, valueEach: 500_00, recipient: '个人', recipientRole: '决策人' }] });
    expect(failing(toBoss)).toEqual(['不向经办、审批采购的人员个人送礼']);
    expect(failing(toBoss, '执法')).toEqual(['不向经办、审批采购的人员个人送礼', '不向公职人员个人送有价值的礼品']);
    const toStaff = deal({ gifts: [{ item: '贺卡', quantity: 1, valueEach: 1, recipient: '个人', recipientRole: '其他' }] });
    expect(failing(toStaff, '党政')).toEqual(['不向公职人员个人送有价值的礼品']);
    expect(failing(toStaff, '金融')).toEqual([]);
  });
});
