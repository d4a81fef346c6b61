import { describe, expect, it } from 'vitest';
import { agendaWindow, compareAgendaDates, dueIn, inWindow, intervalDue, latestVisit, overdueDays } from '../../src/domain/agenda.ts';

describe('agendaWindow', () => {
  it('is today and the next 7 days by default, from and days as asked', () => {
    expect(agendaWindow('2026-12-03')).toEqual({ today: '2026-12-03', from: '2026-12-03', to: '2026-12-10' });
    expect(agendaWindow('2026-12-03', '2026-12-28', 10)).toEqual({ today: '2026-12-03', from: '2026-12-28', to: '2027-01-07' });
    expect(agendaWindow('2026-12-03', '2026-12-03', 0).to).toBe('2026-12-03');
  });

  it('refuses a negative, fractional or too long number of days', () => {
    for (const days of [-1, 1.5, 367]) expect(() => agendaWindow('2026-12-03', '2026-12-03', days)).toThrow(RangeError);
  });
});

describe('what is due', () => {
  const w = agendaWindow('2026-12-03');
  it('takes the window’s both ends, and anything already past', () => {
    expect(['2026-12-03', '2026-12-10'].every((d) => inWindow(d, w))).toBe(true);
    expect(inWindow('2026-12-11', w)).toBe(false);
    expect(dueIn('2026-11-01', w)).toBe(true);
    expect(dueIn('2026-12-11', w)).toBe(false);
    expect(overdueDays('2026-12-01', '2026-12-03')).toBe(2);
    expect(overdueDays('2026-12-03', '2026-12-03')).toBe(0);
  });

  it('finds the latest visit by date, the one written last on a tie', () => {
    const visits = [{ date: '2026-11-16', n: 1 }, { date: '2026-09-22', n: 2 }, { date: '2026-11-16', n: 3 }];
    expect(latestVisit(visits)?.n).toBe(3);
    expect(latestVisit([])).toBeUndefined();
  });

  it('dates a class interval from the last visit, unless the planned next visit comes first', () => {
    expect(intervalDue('2026-11-01', 30, undefined)).toBe('2026-12-01');
    expect(intervalDue('2026-11-01', 30, '2026-12-20')).toBe('2026-12-01');
    expect(intervalDue('2026-11-01', 30, '2026-11-20')).toBeUndefined();
    expect(intervalDue('2026-11-01', 30, '2026-12-01')).toBeUndefined();
  });

  it('orders by date with the undated last', () => {
    const dates = [undefined, '2026-12-05', '2026-11-20', undefined, '2026-12-03'];
    // Wrapped: Array.sort puts bare undefineds last without asking the comparator.
    const sorted = dates.map((d) => ({ d })).sort((a, b) => compareAgendaDates(a.d, b.d));
    expect(sorted.map((x) => x.d)).toEqual(['2026-11-20', '2026-12-03', '2026-12-05', undefined, undefined]);
  });
});
