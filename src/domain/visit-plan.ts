// Where a customer stands in a sale, read from the visit records' next steps and the deal's
// status, and the visits planned from there: the one sequence both the visit sheet and the
// mailing follow-up print (domain.md §1: a deal takes at least three visits; §7.8).
import { addDays, daysBetween, type IsoDate } from './dates.ts';

/** The steps of a sale, in order. 送货 and 回访 follow a signed deal. */
export const VISIT_STEPS = ['了解需求', '品鉴', '方案', '合同', '送货', '回访'] as const;
export type VisitStep = (typeof VISIT_STEPS)[number];

/** What the plan writes for each step. */
export const STEP_PURPOSES: Readonly<Record<VisitStep, string>> = {
  了解需求: '了解需求，介绍公司与产品',
  品鉴: '带样酒品鉴，听取意见',
  方案: '提交或修改团购方案，确认数量、价格与分配',
  合同: '商定合同条款，签订供货合同',
  送货: '安排分批送货，确认签收',
  回访: '回访用酒情况，处理售后意见',
};

// The words of the data's next steps (nextStep) that name each step: 「修改合同条款，12 月初签约」,
// 「带两种样酒登门，请工会委员试饮」, 「按新口径调整方案，11 月底前报价」, 「送完后回访职工意见」.
const STEP_WORDS: readonly (readonly [VisitStep, RegExp])[] = [
  ['合同', /合同|签约|续约|续签|协议|条款|盖章/],
  ['品鉴', /品鉴|样酒|试饮|品尝|样品/],
  ['方案', /方案|报价|价格|建议书|测算/],
  ['送货', /送货|发货|分批送|送到/],
  ['回访', /回访|售后|调换|破损/],
  ['了解需求', /了解|询问|联系|面谈|初次|首次/],
];

/** Every step a purpose text names, in the order of the sale. */
export function stepsNamed(text: string): VisitStep[] {
  return VISIT_STEPS.filter((step) => STEP_WORDS.some(([s, re]) => s === step && re.test(text)));
}

const DEAL_STEPS: Readonly<Record<string, VisitStep>> = { 草拟: '方案', 已发送: '方案', 洽谈中: '方案', 已成交: '送货' };

/**
 * The step a customer is at: the furthest of what the last visit agreed to do next and where its
 * deal is; without either, 了解需求 for a unit not yet visited, 回访 for an existing customer.
 */
export function currentStep(s: { readonly nextStep?: string | undefined; readonly dealStatus?: string | undefined; readonly visited: boolean; readonly existing: boolean }): VisitStep {
  const named = s.nextStep === undefined ? [] : stepsNamed(s.nextStep);
  const deal = s.dealStatus === undefined ? undefined : DEAL_STEPS[s.dealStatus];
  const steps = [...named, ...(deal ? [deal] : [])];
  if (steps.length === 0) return s.existing && s.visited ? '回访' : '了解需求';
  return VISIT_STEPS[Math.max(...steps.map((x) => VISIT_STEPS.indexOf(x)))]!;
}

export interface PlannedVisit {
  /** The visit's number among all visits to the unit: visits made + 1 for the first planned. */
  readonly no: number;
  /** The window: one day, or the mailing plan's first-visit window and the weeks after it. */
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly step: VisitStep;
  readonly purpose: string;
}

/**
 * The next `count` visits from `step` on, a week apart, the first in [from, to]; fewer when the
 * sale runs out of steps. Numbered after the `made` visits already on record.
 */
export function planVisits(p: { readonly made: number; readonly step: VisitStep; readonly from: IsoDate; readonly to?: IsoDate; readonly count: number }): PlannedVisit[] {
  const width = p.to === undefined ? 0 : Math.max(0, daysBetween(p.from, p.to));
  const steps = VISIT_STEPS.slice(VISIT_STEPS.indexOf(p.step)).slice(0, Math.max(1, p.count));
  return steps.map((step, i) => {
    const from = addDays(p.from, i * 7);
    return { no: p.made + i + 1, from, to: addDays(from, width), step, purpose: STEP_PURPOSES[step] };
  });
}
