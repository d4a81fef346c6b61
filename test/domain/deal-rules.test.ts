// A deal's purpose, its allocation against the headcount, and an over-cap discount that only a
// recorded approval allows (domain.md §1, §8, §9).
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICIES } from '../../src/data/policies.ts';
import type { Deal, Product } from '../../src/data/schema.ts';
import { complianceChecks, dealPurpose, headcountCoverage, priceDeal } from '../../src/domain/deal.ts';

const product: Product = {
  id: 'P1',
  name: '测试浓香',
  aroma: '浓香',
  abv: 52,
  volumeMl: 500,
  bottlesPerCase: 6,
  grade: '中端',
  retailPrice: 298_00,
  groupPrices: [{ minBottles: 6, price: 268_00 }, { minBottles: 120, price: 248_00 }],
  costPrice: 145_00,
};
const products = new Map([['P1', product]]);

const deal = (over: Partial<Deal> = {}): Deal => ({
  id: 'D1',
  customer: 'c1',
  occasion: '春节',
  year: 2027,
  items: [{ product: 'P1', bottles: 200 }],
  validUntil: '2027-01-31',
  status: '洽谈中',
  ...over,
});

describe('dealPurpose', () => {
  it('a festival buys staff welfare unless the deal says otherwise', () => {
    expect(dealPurpose({ occasion: '春节' })).toBe('福利');
    expect(dealPurpose({ occasion: '中秋', purpose: '礼品' })).toBe('礼品');
  });

  it('any other occasion is its own purpose', () => {
    for (const o of ['招待', '礼品', '会议', '婚宴'] as const) expect(dealPurpose({ occasion: o })).toBe(o);
  });
});

describe('headcountCoverage', () => {
  const tiers = (...people: number[]) => people.map((n, i) => ({ tier: `档${i + 1}`, people: n, bottlesEach: i + 1 }));

  it('nothing to say when the allocation covers the headcount exactly, or either is unknown', () => {
    expect(headcountCoverage(deal({ allocation: tiers(10, 90) }), 100)).toBeUndefined();
    expect(headcountCoverage(deal({ allocation: tiers(10, 90) }), undefined)).toBeUndefined();
    expect(headcountCoverage(deal(), 100)).toBeUndefined();
  });

  it('people left out get the standard of the widest tier: 8 more at 2 bottles are 16 bottles', () => {
    expect(headcountCoverage(deal({ allocation: tiers(12, 100) }), 120)).toEqual({
      people: 112,
      headcount: 120,
      short: 8,
      extra: 0,
      standard: { tier: '档2', bottlesEach: 2 },
      addBottles: 16,
    });
  });

  it('more people than the unit has', () => {
    const c = headcountCoverage(deal({ allocation: tiers(130) }), 120);
    expect([c?.short, c?.extra, c?.addBottles]).toEqual([0, 10, 0]);
  });
});

describe('an extra discount above the policy cap', () => {
  // 200 bottles: the policy's cap is 2 %.
  const rule = (d: Deal) => complianceChecks(d, '实力企业', priceDeal(d, products), DEFAULT_POLICIES).find((c) => c.rule === '额外折让不超过政策上限');

  it('breaks the rule without an approval, pointing at extraDiscount', () => {
    expect(rule(deal({ extraDiscount: '3' }))).toEqual({ rule: '额外折让不超过政策上限', pass: false, detail: '共 200 瓶，上限 2%，本方案 3%，超出上限且没有审批记录', at: ['extraDiscount'], rows: ['extraDiscount'] });
  });

  it('passes with the approval recorded, saying who allowed it and when', () => {
    const r = rule(deal({ extraDiscount: '3', discountApproval: { by: '王建国', date: '2026-11-20' } }));
    expect(r?.pass).toBe(true);
    expect(r?.detail).toBe('共 200 瓶，上限 2%，本方案 3%，超出部分经王建国于 2026-11-20 批准');
  });

  it('within the cap it passes and says nothing of an approval', () => {
    expect(rule(deal({ extraDiscount: '2' }))).toMatchObject({ pass: true, detail: '共 200 瓶，上限 2%，本方案 2%' });
  });
});

describe('gifts to a person point at the gift', () => {
  it('the second gift, to the 决策人 of a 执法 unit', () => {
    const d = deal({
      gifts: [
        { item: '抽奖礼盒', quantity: 2, valueEach: 100_00, recipient: '单位' },
        { item: '礼盒', quantity: 1, valueEach: 840_00, recipient: '个人', recipientRole: '决策人' },
      ],
    });
    const failed = complianceChecks(d, '执法', priceDeal(d, products), DEFAULT_POLICIES).filter((c) => !c.pass);
    expect(failed.map((c) => [c.rule, c.at])).toEqual([
      ['不向经办、审批采购的人员个人送礼', ['gifts', 1]],
      ['不向公职人员个人送有价值的礼品', ['gifts', 1]],
    ]);
  });
});
