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

/**
 * 80/20 grading of existing customers by rank of revenue: the top 20 % (rounded up) are A,
 * the next ones up to half of all customers are B, the rest C. Equal revenue is ordered by
 * id (code-unit order, independent of locale) so the result is stable. A customer with no
 * revenue is C whatever its rank.
 */
export function revenueShareClasses(
  rows: readonly { id: string; revenueFen: Fen }[],
): Map<string, 'A' | 'B' | 'C'> {
  const ranked = [...rows].sort(
    (x, y) => y.revenueFen - x.revenueFen || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
  const lastA = Math.ceil(rows.length * 0.2);
  const lastB = Math.ceil(rows.length * 0.5);
  const classes = new Map<string, 'A' | 'B' | 'C'>();
  ranked.forEach((row, index) => {
    if (classes.has(row.id)) throw new Error(`客户编号重复：${row.id}`);
    const byRank = index < lastA ? 'A' : index < lastB ? 'B' : 'C';
    classes.set(row.id, row.revenueFen > 0 ? byRank : 'C');
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
