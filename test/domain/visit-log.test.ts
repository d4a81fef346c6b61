import { describe, expect, it } from 'vitest';
import { visitProblems, type NewVisit } from '../../src/domain/visit-log.ts';

const ctx = { today: '2026-12-03', modes: ['登门', '电话', '邮寄', '品鉴会'], people: ['张振邦', '其木格', '刘海军'] };
const visit = (over: Partial<NewVisit> = {}): NewVisit => ({ date: '2026-12-03', mode: '登门', met: ['其木格'], nextDate: '2026-12-10', ...over });

describe('visitProblems', () => {
  it('accepts a visit made today or earlier, next date on or after it, meeting the unit’s people', () => {
    expect(visitProblems(visit(), ctx)).toEqual([]);
    expect(visitProblems(visit({ date: '2026-11-30', nextDate: '2026-11-30', met: [] }), ctx)).toEqual([]);
    expect(visitProblems(visit({ nextDate: undefined }), ctx)).toEqual([]);
  });

  it('refuses a date that is not a date, out of range or after today', () => {
    expect(visitProblems(visit({ date: '2026-02-30' }), ctx)).toEqual([{ field: 'date', message: '「2026-02-30」不是日期：应写成 YYYY-MM-DD，如 2026-12-03' }]);
    expect(visitProblems(visit({ date: '12月3日' }), ctx).map((p) => p.field)).toEqual(['date']);
    expect(visitProblems(visit({ date: '1979-12-31' }), ctx)[0]?.message).toBe('应在 1980-01-02 到 2099-12-31 之间，收到：1979-12-31');
    expect(visitProblems(visit({ date: '2026-12-04', nextDate: undefined }), ctx)[0]?.message).toContain('晚于今天（2026-12-03）');
  });

  it('refuses an unknown mode, listing the modes', () => {
    expect(visitProblems(visit({ mode: '微信' }), ctx)).toEqual([{ field: 'mode', message: '「微信」不是拜访方式，应为以下之一：登门、电话、邮寄、品鉴会' }]);
  });

  it('refuses a name met that is not one of the unit’s people, suggesting the close one', () => {
    expect(visitProblems(visit({ met: ['其木格', '齐木格'] }), ctx)).toEqual([
      { field: 'met', message: '「齐木格」不是这个单位的联系人或中介人，是否想写「其木格」？新认识的人请先加进联系人' },
    ]);
    expect(visitProblems(visit({ met: ['王五六七'] }), ctx)[0]?.message).toContain('（有：张振邦、其木格、刘海军）');
  });

  it('refuses a next date before the visit, or not a date', () => {
    expect(visitProblems(visit({ nextDate: '2026-12-02' }), ctx)).toEqual([{ field: 'nextDate', message: '2026-12-02 早于这次拜访的日期 2026-12-03' }]);
    expect(visitProblems(visit({ nextDate: '下周' }), ctx).map((p) => p.field)).toEqual(['nextDate']);
  });

  it('reports every problem at once', () => {
    expect(visitProblems({ date: 'x', mode: '微信', met: ['某人'], nextDate: 'y' }, ctx).map((p) => p.field)).toEqual(['date', 'mode', 'met', 'nextDate']);
  });
});
