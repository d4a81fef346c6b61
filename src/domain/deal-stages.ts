// A deal's way from draft to won or lost: its stage history, each change with its date.
import { compareIso, type IsoDate } from './dates.ts';

/** 草拟 drafted, 报价 quoted (the proposal went to the unit), 成交 won, 未成交 lost. */
export const DEAL_STAGES = ['草拟', '报价', '成交', '未成交'] as const;
export type DealStage = (typeof DEAL_STAGES)[number];

export interface StageChange {
  readonly stage: DealStage;
  readonly date: IsoDate;
  readonly reason?: string | undefined;
}

/**
 * The stage a deal's status stands for, for a deal written without a history: 已发送 and
 * 洽谈中 are quoted, 已失效 is lost (the offer ran out without a deal).
 */
const STAGE_OF_STATUS: Readonly<Record<string, DealStage>> = { 草拟: '草拟', 已发送: '报价', 洽谈中: '报价', 已成交: '成交', 已失效: '未成交' };

export const stageOfStatus = (status: string): DealStage => STAGE_OF_STATUS[status] ?? '草拟';

/**
 * The deal's stage on `day`: the last change on or before it; before the first change, none.
 * Without a history, the stage its status stands for, on any day.
 */
export function stageOn(stages: readonly StageChange[] | undefined, status: string, day: IsoDate): DealStage | undefined {
  if (!stages?.length) return stageOfStatus(status);
  let stage: DealStage | undefined;
  for (const s of stages) if (compareIso(s.date, day) <= 0) stage = s.stage;
  return stage;
}

/** What is wrong with a history, by the index of the change it is found at. */
export function stageProblems(stages: readonly StageChange[], status: string): { index: number; field: 'stage' | 'date' | 'reason'; message: string }[] {
  const problems: { index: number; field: 'stage' | 'date' | 'reason'; message: string }[] = [];
  stages.forEach((s, i) => {
    const prev = stages[i - 1];
    if (prev && compareIso(s.date, prev.date) < 0) problems.push({ index: i, field: 'date', message: `阶段的日期要按先后写：${s.date} 早于上一条的 ${prev.date}` });
    if (prev && (prev.stage === '成交' || prev.stage === '未成交')) problems.push({ index: i, field: 'stage', message: `方案已于 ${prev.date} ${prev.stage}，之后不能再有阶段` });
    // A revised quote is quoted again; otherwise stages only move forward.
    else if (prev && s.stage !== '未成交' && !(s.stage === '报价' && prev.stage === '报价') && DEAL_STAGES.indexOf(s.stage) <= DEAL_STAGES.indexOf(prev.stage)) {
      problems.push({ index: i, field: 'stage', message: `「${s.stage}」不能排在「${prev.stage}」之后：阶段依次是 ${DEAL_STAGES.join(' → ')}（修改后再报价可以写两次报价，未成交可在任何阶段之后）` });
    }
    if (s.stage === '未成交' && s.reason === undefined) problems.push({ index: i, field: 'stage', message: '未成交要写明原因（reason），以便总结' });
    if (s.stage !== '未成交' && s.reason !== undefined) problems.push({ index: i, field: 'reason', message: '原因只写在未成交的阶段上' });
  });
  const last = stages.at(-1);
  if (last) {
    const expected = stageOfStatus(status);
    const terminal = (x: DealStage) => x === '成交' || x === '未成交';
    // Open statuses and a history still open agree; a won or lost deal must say the same in both.
    if ((terminal(last.stage) || terminal(expected)) && last.stage !== expected) {
      problems.push({ index: stages.length - 1, field: 'stage', message: `最后一个阶段「${last.stage}」与状态「${status}」不一致` });
    }
  }
  return problems;
}
