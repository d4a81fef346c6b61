// Customer grading (domain.md §3), the units' systems (§2), product strength (§11) and official ranks (§4).
import type { Fen } from './money.ts';

/** The unit's system (所属系统), in the order of domain.md §2. */
export const SYSTEMS = ['党政', '执法', '金融', '通讯', '能源', '文教卫生', '军警', '实力企业'] as const;
export type UnitSystem = (typeof SYSTEMS)[number];

export const CLASSES = ['A', 'B', 'C', 'D'] as const;
export type CustomerClass = (typeof CLASSES)[number];

/** Expected annual purchase thresholds in fen: A 100,000 元, B 50,000 元, C 20,000 元. */
export const DEFAULT_CLASS_THRESHOLDS: Readonly<{ A: Fen; B: Fen; C: Fen }> = {
  A: 100_000_00,
  B: 50_000_00,
  C: 20_000_00,
};

/** Prospect class by expected annual purchase; a threshold itself belongs to the higher class. */
export function customerClass(expectedAnnualFen: Fen, t: { A: Fen; B: Fen; C: Fen }): CustomerClass {
  if (!(t.A >= t.B && t.B >= t.C)) throw new RangeError('客户分级门槛应满足 A ≥ B ≥ C');
  if (expectedAnnualFen >= t.A) return 'A';
  if (expectedAnnualFen >= t.B) return 'B';
  return expectedAnnualFen >= t.C ? 'C' : 'D';
}

export function classLabel(c: CustomerClass): string {
  return `${c}类`;
}

/** Shares of the existing customers, in percent: A the top ~20 %, B the next ~30 % (domain.md §3). */
export const DEFAULT_REVENUE_SHARES: Readonly<{ A: number; B: number }> = { A: 20, B: 30 };

export type RevenueClass = 'A' | 'B' | 'C';

/**
 * 80/20 grading of existing customers by revenue: ranked by revenue, the first A % of them
 * (rounded up) are A, the next B % (the first A + B %, rounded up) are B, the rest C.
 * [ours] Ties: customers with equal revenue always get the same class, the better one — a
 * customer takes the class of the best-ranked customer with its revenue, so a tie at a border
 * makes that class larger. A customer with no revenue is C.
 */
export function revenueShareClasses(
  rows: readonly { id: string; revenueFen: Fen }[],
  shares: { A: number; B: number } = DEFAULT_REVENUE_SHARES,
): Map<string, RevenueClass> {
  if (!(shares.A >= 0 && shares.B >= 0 && shares.A + shares.B <= 100)) throw new RangeError('A、B 两类的比例应在 0–100 之间，合计不超过 100');
  const ranked = [...rows].sort((x, y) => y.revenueFen - x.revenueFen);
  // Rounded up on whole percents times the count, so 20 % of 10 is exactly 2.
  const lastA = Math.ceil((rows.length * shares.A) / 100);
  const lastB = Math.ceil((rows.length * (shares.A + shares.B)) / 100);
  const classes = new Map<string, RevenueClass>();
  let tieClass: RevenueClass = 'A';
  ranked.forEach((row, index) => {
    if (classes.has(row.id)) throw new Error(`客户编号重复：${row.id}`);
    const byRank = index < lastA ? 'A' : index < lastB ? 'B' : 'C';
    if (index === 0 || ranked[index - 1]!.revenueFen !== row.revenueFen) tieClass = byRank;
    classes.set(row.id, row.revenueFen > 0 ? tieClass : 'C');
  });
  return classes;
}

/** 高度 from 50 % vol, 中度 from 40 % vol (the boundaries belong to the higher class). */
export function strengthClass(abv: number): '高度' | '中度' | '低度' {
  if (!(abv >= 0 && abv <= 100)) throw new RangeError(`酒精度应在 0–100 之间：${abv}`);
  if (abv >= 50) return '高度';
  return abv >= 40 ? '中度' : '低度';
}

/** Highest first; 其他 (not an official, or rank unknown) comes last. */
export const RANKS = [
  '正部级', '副部级', '正厅级', '副厅级', '正处级', '副处级', '正科级', '副科级', '科员', '其他',
] as const;
export type Rank = (typeof RANKS)[number];

/** Whether `r` is `min` or higher. 其他 ranks below everything, so it only meets 其他. */
export function rankAtLeast(r: Rank, min: Rank): boolean {
  return RANKS.indexOf(r) <= RANKS.indexOf(min);
}
