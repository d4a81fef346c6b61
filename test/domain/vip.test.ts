import { describe, it, expect } from 'vitest';
import { DEFAULT_VIP_THRESHOLDS, vipReasons, vipStatus } from '../../src/domain/vip.ts';
import type { VipPurchase } from '../../src/domain/vip.ts';

const t = DEFAULT_VIP_THRESHOLDS;
const buy = (date: string, yuan: number, premium = true): VipPurchase => ({
  date,
  amountFen: yuan * 100,
  premium,
});

describe('vipReasons', () => {
  it('defaults to 10,000 元 single, 20,000 元 a month, 副处级', () => {
    expect(DEFAULT_VIP_THRESHOLDS).toEqual({ singlePurchaseFen: 1_000_000, monthlyFen: 2_000_000, minRank: '副处级' });
  });

  it('counts a single premium purchase of 10,000 元 or more', () => {
    expect(vipReasons({ purchases: [buy('2026-01-05', 12_000)] }, t)).toEqual([
      '单笔购买中高端产品 ¥12,000.00（2026-01-05）',
    ]);
    expect(vipReasons({ purchases: [buy('2026-01-05', 10_000)] }, t)).toEqual([
      '单笔购买中高端产品 ¥10,000.00（2026-01-05）',
    ]);
    expect(vipReasons({ purchases: [{ date: '2026-01-05', amountFen: 999_999, premium: true }] }, t)).toEqual([]);
  });

  it('ignores products that are not mid/high-end', () => {
    expect(vipReasons({ purchases: [buy('2026-01-05', 50_000, false)] }, t)).toEqual([]);
  });

  it('adds up premium purchases within a calendar month, in date order', () => {
    const purchases = [buy('2026-01-20', 11_000), buy('2026-01-05', 12_000)];
    expect(vipReasons({ purchases }, t)).toEqual([
      '单笔购买中高端产品 ¥12,000.00（2026-01-05）',
      '单笔购买中高端产品 ¥11,000.00（2026-01-20）',
      '2026年1月累计购买 ¥23,000.00',
    ]);
  });

  it('reaches the monthly threshold exactly, without non-premium or other months', () => {
    const purchases = [
      buy('2026-01-02', 9_000),
      buy('2026-01-15', 9_000),
      buy('2026-01-31', 2_000),
      buy('2026-01-20', 5_000, false),
      buy('2026-02-01', 9_000),
      buy('2025-12-31', 9_000),
    ];
    expect(vipReasons({ purchases }, t)).toEqual(['2026年1月累计购买 ¥20,000.00']);
  });

  it('qualifies officials from the minimum rank up', () => {
    expect(vipReasons({ rank: '正处级', purchases: [] }, t)).toEqual(['副处级及以上（正处级）']);
    expect(vipReasons({ rank: '副处级', purchases: [] }, t)).toEqual(['副处级及以上（副处级）']);
    expect(vipReasons({ rank: '正科级', purchases: [] }, t)).toEqual([]);
    expect(vipReasons({ rank: '其他', purchases: [] }, t)).toEqual([]);
    expect(vipReasons({ rank: '正处级', purchases: [] }, { ...t, minRank: '正厅级' })).toEqual([]);
  });

  it('lists purchases before rank', () => {
    expect(vipReasons({ rank: '正厅级', purchases: [buy('2026-03-01', 15_000)] }, t)).toEqual([
      '单笔购买中高端产品 ¥15,000.00（2026-03-01）',
      '副处级及以上（正厅级）',
    ]);
  });
});

describe('vipStatus', () => {
  const approval = { by: '王总', date: '2026-02-01' };

  it('is VIP only once approved', () => {
    expect(vipStatus({ rank: '正处级', purchases: [], approval }, t)).toEqual({
      status: 'approved',
      reasons: ['副处级及以上（正处级）'],
      label: 'VIP',
    });
  });

  it('is approved without a reason when leadership approved a nomination', () => {
    const record = { purchases: [], nomination: { by: '李经理', date: '2026-01-20' }, approval };
    expect(vipStatus(record, t)).toEqual({ status: 'approved', reasons: [], label: 'VIP' });
  });

  it('is qualified when reasons exist but nothing is approved', () => {
    expect(vipStatus({ purchases: [buy('2026-01-05', 12_000)] }, t)).toEqual({
      status: 'qualified',
      reasons: ['单笔购买中高端产品 ¥12,000.00（2026-01-05）'],
      label: '符合VIP条件',
    });
  });

  it('is none otherwise, even when nominated', () => {
    const record = { purchases: [buy('2026-01-05', 500)], nomination: { by: '李经理', date: '2026-01-20' } };
    expect(vipStatus(record, t)).toEqual({ status: 'none', reasons: [], label: '' });
  });
});
