import { describe, expect, it } from 'vitest';
import { currentStep, planVisits, stepsNamed } from '../../src/domain/visit-plan.ts';

describe('stepsNamed: the steps a next step of the data names', () => {
  it.each([
    ['修改合同条款，12 月初签约。', ['合同']],
    ['带两种样酒登门，请工会委员试饮。', ['品鉴']],
    ['按新口径调整方案，11 月底前报价。', ['方案']],
    ['带样品和价格表登门。', ['品鉴', '方案']],
    ['9 月 18 日前分批送货，送完后回访职工意见。', ['送货', '回访']],
    ['邮寄后一周内电话联系李主席。', ['了解需求']],
    ['春节前寄送贺卡，明年端午前再联系。', ['了解需求']],
  ])('%s → %j', (text, steps) => expect(stepsNamed(text)).toEqual(steps));
});

describe('currentStep', () => {
  it('the furthest of the agreed next step and the deal', () => {
    expect(currentStep({ nextStep: '修改合同条款，12 月初签约。', dealStatus: '洽谈中', visited: true, existing: true })).toBe('合同');
    expect(currentStep({ nextStep: '邮寄后一周内电话联系李主席。', dealStatus: '已发送', visited: true, existing: false })).toBe('方案');
    expect(currentStep({ dealStatus: '已成交', visited: true, existing: true })).toBe('送货');
  });
  it('without either: 了解需求 for a new unit, 回访 for an existing customer already visited', () => {
    expect(currentStep({ visited: false, existing: false })).toBe('了解需求');
    expect(currentStep({ visited: true, existing: true })).toBe('回访');
  });
});

describe('planVisits', () => {
  it('numbers after the visits made, a week apart, from the step reached', () => {
    expect(planVisits({ made: 3, step: '合同', from: '2026-12-03', count: 3 })).toEqual([
      { no: 4, from: '2026-12-03', to: '2026-12-03', step: '合同', purpose: '商定合同条款，签订供货合同' },
      { no: 5, from: '2026-12-10', to: '2026-12-10', step: '送货', purpose: '安排分批送货，确认签收' },
      { no: 6, from: '2026-12-17', to: '2026-12-17', step: '回访', purpose: '回访用酒情况，处理售后意见' },
    ]);
  });
  it('keeps the width of a first-visit window for every visit, and stops where the sale ends', () => {
    const plan = planVisits({ made: 0, step: '送货', from: '2026-12-11', to: '2026-12-15', count: 3 });
    expect(plan.map((p) => [p.no, p.from, p.to, p.step])).toEqual([
      [1, '2026-12-11', '2026-12-15', '送货'],
      [2, '2026-12-18', '2026-12-22', '回访'],
    ]);
  });
});
