// Policy defaults from domain.md; policies.yaml may override any top-level section.
import { DEFAULT_CLASS_THRESHOLDS, DEFAULT_REVENUE_SHARES } from '../domain/classify.ts';
import { DEFAULT_VIP_THRESHOLDS } from '../domain/vip.ts';
import type { Policies } from './schema.ts';

export const DEFAULT_POLICIES: Policies = {
  classThresholds: DEFAULT_CLASS_THRESHOLDS,
  vip: {
    singlePurchase: DEFAULT_VIP_THRESHOLDS.singlePurchaseFen,
    monthlyPurchase: DEFAULT_VIP_THRESHOLDS.monthlyFen,
    minRank: DEFAULT_VIP_THRESHOLDS.minRank,
  },
  discountTiers: [
    { minBottles: 1, maxExtraDiscount: '0' },
    { minBottles: 120, maxExtraDiscount: '2' },
    { minBottles: 600, maxExtraDiscount: '5' },
  ],
  festivalLead: { mailDaysBefore: 60, firstVisitFrom: 3, firstVisitTo: 7, minVisits: 3 },
  minMargin: '20',
  // [ours] A customers are visited about every two weeks, as the material asks for them most often.
  visitIntervalDays: { A: 14, B: 30, C: 60, D: 90 },
  allocation: { officialGiftLimit: 0, maxCommission: '5' },
  revenueShares: { A: String(DEFAULT_REVENUE_SHARES.A), B: String(DEFAULT_REVENUE_SHARES.B) },
};
