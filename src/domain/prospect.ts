// How close a prospect is to a deal, as the training material colours it (domain.md §3):
// red = deal closed, yellow = likely soon, green = potential.
import { compareIso, type IsoDate } from './dates.ts';

export const PROSPECT_COLOURS = ['红', '黄', '绿'] as const;
export type ProspectColour = (typeof PROSPECT_COLOURS)[number];

/** What the colour is decided from: the prospect's deals as of today, and its chance. */
export interface ProspectFacts {
  readonly deals: readonly {
    /** The deal's stage on today: 草拟, 报价, 成交 or 未成交. */
    readonly stage: string;
    readonly validUntil: IsoDate;
  }[];
  /** 成功机会: 高, 中, 低, when recorded. */
  readonly chance?: string | undefined;
}

/**
 * [ours] 红 when a deal of the prospect is won; 黄 when a quoted deal is still valid on today,
 * or its chance is 高; 绿 otherwise (drafted deals, visits only, or nothing yet). The reason
 * comes with the colour so a list can say why.
 */
export function prospectColour(p: ProspectFacts, today: IsoDate): { colour: ProspectColour; why: string } {
  if (p.deals.some((d) => d.stage === '成交')) return { colour: '红', why: '已成交' };
  if (p.deals.some((d) => d.stage === '报价' && compareIso(d.validUntil, today) >= 0)) return { colour: '黄', why: '已报价，方案在有效期内' };
  if (p.chance === '高') return { colour: '黄', why: '成功机会高' };
  return { colour: '绿', why: p.deals.some((d) => d.stage === '草拟') ? '方案草拟中' : '有潜力，尚未报价' };
}
