import { describe, expect, it } from 'vitest';
import { stageOfStatus, stageOn, stageProblems } from '../../src/domain/deal-stages.ts';

describe('deal stages', () => {
  const history = [
    { stage: '草拟', date: '2026-11-20' },
    { stage: '报价', date: '2026-11-30' },
    { stage: '报价', date: '2026-12-02' },
    { stage: '成交', date: '2026-12-03' },
  ] as const;

  it('knows the stage on a day: the last change on or before it, none before the first', () => {
    expect(stageOn(history, '已成交', '2026-11-19')).toBeUndefined();
    expect(stageOn(history, '已成交', '2026-11-30')).toBe('报价');
    expect(stageOn(history, '已成交', '2026-12-03')).toBe('成交');
  });

  it('takes a deal without a history at its status, on any day', () => {
    expect(['草拟', '已发送', '洽谈中', '已成交', '已失效'].map(stageOfStatus)).toEqual(['草拟', '报价', '报价', '成交', '未成交']);
    expect(stageOn(undefined, '洽谈中', '1999-01-01')).toBe('报价');
  });

  it('accepts a history that moves forward, a re-quote, and a loss at any stage with its reason', () => {
    expect(stageProblems(history, '已成交')).toEqual([]);
    expect(stageProblems([{ stage: '草拟', date: '2026-11-01' }, { stage: '未成交', date: '2026-11-02', reason: '预算取消' }], '已失效')).toEqual([]);
    expect(stageProblems([{ stage: '草拟', date: '2026-11-01' }, { stage: '报价', date: '2026-11-02' }], '洽谈中')).toEqual([]);
  });

  it('finds a change after the end, a won deal whose status is still open, a reason on a won deal', () => {
    expect(stageProblems([{ stage: '成交', date: '2026-11-01' }, { stage: '未成交', date: '2026-11-02', reason: 'x' }], '已失效').map((p) => [p.index, p.field])).toEqual([[1, 'stage']]);
    expect(stageProblems([{ stage: '成交', date: '2026-11-01' }], '洽谈中')[0]?.message).toBe('最后一个阶段「成交」与状态「洽谈中」不一致');
    expect(stageProblems([{ stage: '成交', date: '2026-11-01', reason: 'x' }], '已成交')[0]).toEqual({ index: 0, field: 'reason', message: '原因只写在未成交的阶段上' });
  });
});
