// VIP status (domain.md §4): qualification is computed, but VIP is only what leadership approved.
import { rankAtLeast } from './classify.ts';
import type { Rank } from './classify.ts';
import { compareIso, isoParts } from './dates.ts';
import type { IsoDate } from './dates.ts';
import { formatMoney, sumFen } from './money.ts';
import type { Fen } from './money.ts';

export interface VipPurchase {
  date: IsoDate;
  amountFen: Fen;
  /** A mid/high-end product: only these count towards VIP. */
  premium: boolean;
}

export interface VipRecord {
  /** The civil-service grade, or what a military or police rank counts as (ranks.ts). */
  rank?: Rank;
  /** The rank as written when it is on another ladder (正团级 counts as 正处级). */
  rankAs?: string;
  purchases: readonly VipPurchase[];
  nomination?: { by: string; date: IsoDate };
  approval?: { by: string; date: IsoDate };
}

export interface VipThresholds {
  singlePurchaseFen: Fen;
  monthlyFen: Fen;
  minRank: Rank;
}

export const DEFAULT_VIP_THRESHOLDS: Readonly<VipThresholds> = {
  singlePurchaseFen: 10_000_00,
  monthlyFen: 20_000_00,
  minRank: '副处级',
};

/**
 * Why the person qualifies, in Chinese: each single premium purchase at or above the
 * threshold, then each calendar month whose premium total reaches the monthly threshold
 * (both in date order), then the rank.
 */
export function vipReasons(r: VipRecord, t: VipThresholds): string[] {
  const premium = r.purchases
    .filter((p) => p.premium)
    .sort((a, b) => compareIso(a.date, b.date));
  const reasons = premium
    .filter((p) => p.amountFen >= t.singlePurchaseFen)
    .map((p) => `单笔购买中高端产品 ${formatMoney(p.amountFen)}（${p.date}）`);

  const byMonth = new Map<string, Fen[]>();
  for (const p of premium) {
    const { year, month } = isoParts(p.date);
    const key = `${year}年${month}月`;
    byMonth.set(key, [...(byMonth.get(key) ?? []), p.amountFen]);
  }
  for (const [month, amounts] of byMonth) {
    const total = sumFen(amounts);
    if (total >= t.monthlyFen) reasons.push(`${month}累计购买 ${formatMoney(total)}`);
  }

  if (r.rank !== undefined && rankAtLeast(r.rank, t.minRank)) {
    reasons.push(`${t.minRank}及以上（${r.rankAs === undefined ? r.rank : `${r.rankAs}，相当于${r.rank}`}）`);
  }
  return reasons;
}

/**
 * approved: leadership approved (with or without a computed reason, since the company may
 * nominate); qualified: reasons but no approval yet, so the salesperson knows to apply.
 */
export function vipStatus(
  r: VipRecord,
  t: VipThresholds,
): { status: 'approved' | 'qualified' | 'none'; reasons: string[]; label: string } {
  const reasons = vipReasons(r, t);
  if (r.approval) return { status: 'approved', reasons, label: 'VIP' };
  if (reasons.length > 0) return { status: 'qualified', reasons, label: '符合VIP条件' };
  return { status: 'none', reasons, label: '' };
}
