import { describe, expect, it } from 'vitest';
import { commissionTie, complianceChecks, priceDeal } from '../../src/domain/deal.ts';
import { tieTo } from '../../src/domain/kinship.ts';

describe('tieTo: what an intermediary\'s 与单位关系 says of a person', () => {
  it.each([
    ['侯建明主任的表弟，在新区经营餐饮配送公司', { name: '侯建明', title: '主任' }, { tie: '亲属', word: '表弟' }],
    ['贺立新董事长的老战友，退休后从事企业后勤咨询', { name: '贺立新', title: '董事长' }, { tie: '密切关系人', word: '老战友' }],
    ['吴总经理的大学同学，在包头经营商务咨询公司', { name: '吴立峰', title: '总经理' }, { tie: '密切关系人', word: '大学同学' }],
    ['局长爱人的妹夫', { name: '乔建华', title: '局长' }, undefined],
    ['熟悉公司采购流程，侯建明主任介绍', { name: '侯建明', title: '主任' }, undefined],
    ['王主任的朋友', { name: '侯建明', title: '主任' }, undefined],
  ])('%s', (relation, person, expected) => expect(tieTo(relation, person)).toEqual(expected));
});

const product = { id: 'P', name: '产品', bottlesPerCase: 6, retailPrice: 10000, groupPrices: [{ minBottles: 1, price: 9000 }], costPrice: 5000 };
const products = new Map([['P', product]]);
const policies = { minMargin: '10', discountTiers: [], allocation: { officialGiftLimit: 0, maxCommission: '5' } };
const deal = { id: 'D', status: '洽谈中', items: [{ product: 'P', bottles: 100 }], commission: { rate: '2', agreement: 'JJ-1' } };
const people = [
  { name: '侯建明', title: '主任', role: '决策人' },
  { name: '郭丽娟', title: '副主任', role: '办公室主任' },
];

describe('a commission to a decider\'s kin', () => {
  const tie = commissionTie('韩志刚', { name: '韩志刚', relation: '侯建明主任的表弟' }, people);

  it('is found for the intermediary who is paid, and only for deciding roles', () => {
    expect(tie).toEqual({ payee: '韩志刚', person: '侯建明', role: '决策人', tie: '亲属', word: '表弟' });
    expect(commissionTie('别人', { name: '韩志刚', relation: '侯建明主任的表弟' }, people)).toBeUndefined();
    expect(commissionTie('韩志刚', { name: '韩志刚', relation: '郭丽娟副主任的表弟' }, people)).toBeUndefined();
  });

  it('violates in 党政 / 执法 / 军警 units and warns elsewhere, marking the commission row', () => {
    const priced = priceDeal(deal, products);
    for (const system of ['党政', '执法', '军警'] as const) {
      const found = complianceChecks(deal, system, priced, policies, tie).find((c) => c.rule.startsWith('佣金不付给'));
      expect(found).toMatchObject({ pass: false, rows: ['commission'] });
    }
    const warned = complianceChecks(deal, '能源', priced, policies, tie).find((c) => c.rule.startsWith('佣金不付给'));
    expect(warned).toMatchObject({ pass: true, warning: true, rows: ['commission'] });
    const clean = complianceChecks(deal, '党政', priced, policies).find((c) => c.rule.startsWith('佣金不付给'));
    expect(clean).toMatchObject({ pass: true });
    expect(clean?.rows).toBeUndefined();
  });
});
