// Policy defaults from domain.md; policies.yaml may override any top-level section.
import path from 'node:path';
import { DEFAULT_CLASS_THRESHOLDS } from '../domain/classify.ts';
import { DEFAULT_VIP_THRESHOLDS } from '../domain/vip.ts';
import { DataError } from '../errors.ts';
import { shownPath } from '../util/paths.ts';
import type { DataSet } from './dataset.ts';
import { formatIssue } from './issues.ts';
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
  allocation: { officialGiftLimit: 0, maxCommission: '5' },
};

/**
 * Throws when policies.yaml has errors. A file that fails its schema is dropped whole, so the
 * defaults would stand in for every value in it: a mailing or a proposal would follow rules
 * nobody set. Defaults are for a file or section left out, not for one written wrong; this
 * refuses, as a broken company.yaml does, and names each error.
 */
export function refuseBrokenPolicies(data: DataSet): void {
  const file = shownPath(path.join(data.dir, 'policies.yaml'));
  const errors = data.issues.filter((i) => i.file === file && i.severity === 'error');
  if (errors.length === 0) return;
  throw new DataError(`政策文件 ${file} 有错误，无法生成文书（不会改用默认值）：\n${errors.map(formatIssue).join('\n')}`, {
    hint: '改正后运行 tuangou check 确认',
  });
}
