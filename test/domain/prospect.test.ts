import { describe, expect, it } from 'vitest';
import { prospectColour } from '../../src/domain/prospect.ts';

describe('prospectColour', () => {
  const today = '2026-12-04';
  it('is red once a deal is won', () => {
    expect(prospectColour({ deals: [{ stage: '成交', validUntil: '2026-01-01' }] }, today).colour).toBe('红');
  });
  it('is yellow with a quoted deal still valid, or a high chance', () => {
    expect(prospectColour({ deals: [{ stage: '报价', validUntil: today }] }, today)).toEqual({ colour: '黄', why: '已报价，方案在有效期内' });
    expect(prospectColour({ deals: [], chance: '高' }, today)).toEqual({ colour: '黄', why: '成功机会高' });
  });
  it('is green for an expired quote, a draft, a lost deal or nothing yet', () => {
    expect(prospectColour({ deals: [{ stage: '报价', validUntil: '2026-12-03' }] }, today).colour).toBe('绿');
    expect(prospectColour({ deals: [{ stage: '草拟', validUntil: '2027-01-01' }], chance: '中' }, today)).toEqual({ colour: '绿', why: '方案草拟中' });
    expect(prospectColour({ deals: [{ stage: '未成交', validUntil: '2027-01-01' }] }, today).colour).toBe('绿');
    expect(prospectColour({ deals: [] }, today)).toEqual({ colour: '绿', why: '有潜力，尚未报价' });
  });
});
