import { describe, it, expect } from 'vitest';
import { FESTIVALS, festivalDate, mailingPlan, nextFestival } from '../../src/domain/festivals.ts';
import type { Festival } from '../../src/domain/festivals.ts';
import { solarToLunar } from '../../src/domain/lunar.ts';

describe('festivalDate', () => {
  // Published dates (State Council holiday notices and standard almanacs).
  it.each<[Festival, number, string]>([
    ['春节', 1950, '1950-02-17'],
    ['春节', 2000, '2000-02-05'],
    ['春节', 2008, '2008-02-07'],
    ['春节', 2020, '2020-01-25'],
    ['春节', 2021, '2021-02-12'],
    ['春节', 2022, '2022-02-01'],
    ['春节', 2023, '2023-01-22'],
    ['春节', 2024, '2024-02-10'],
    ['春节', 2025, '2025-01-29'],
    ['春节', 2026, '2026-02-17'],
    ['春节', 2027, '2027-02-06'],
    ['端午', 2008, '2008-06-08'],
    ['端午', 2020, '2020-06-25'],
    ['端午', 2023, '2023-06-22'],
    ['端午', 2024, '2024-06-10'],
    ['端午', 2025, '2025-05-31'],
    ['端午', 2026, '2026-06-19'],
    ['中秋', 2008, '2008-09-14'],
    ['中秋', 2020, '2020-10-01'],
    ['中秋', 2023, '2023-09-29'],
    ['中秋', 2024, '2024-09-17'],
    ['中秋', 2025, '2025-10-06'],
    ['中秋', 2026, '2026-09-25'],
    ['元旦', 2026, '2026-01-01'],
    ['国庆', 2026, '2026-10-01'],
  ])('%s %i is %s', (f, year, date) => {
    expect(festivalDate(f, year)).toBe(date);
  });

  it('gives a plausible 中秋 for 2100, the last supported year', () => {
    const date = festivalDate('中秋', 2100);
    expect(date).toMatch(/^2100-(09|10)-/);
    expect(solarToLunar(date)).toEqual({ year: 2100, month: 8, day: 15, leap: false });
  });

  it('supports 1950–2100 only', () => {
    expect(() => festivalDate('春节', 1949)).toThrow(/1950–2100/);
    expect(() => festivalDate('元旦', 2101)).toThrow(RangeError);
    expect(() => festivalDate('国庆', 2026.5)).toThrow(RangeError);
  });

  it('lists the five festivals', () => {
    expect(FESTIVALS).toEqual(['元旦', '春节', '端午', '中秋', '国庆']);
  });
});

describe('nextFestival', () => {
  it('counts the day itself, else moves to next year', () => {
    expect(nextFestival('中秋', '2026-09-25')).toEqual({ year: 2026, date: '2026-09-25' });
    expect(nextFestival('中秋', '2026-09-26')).toEqual({ year: 2027, date: '2027-09-15' });
    expect(nextFestival('元旦', '2026-11-23')).toEqual({ year: 2027, date: '2027-01-01' });
    expect(nextFestival('春节', '2026-01-10')).toEqual({ year: 2026, date: '2026-02-17' });
  });
});

describe('mailingPlan', () => {
  const lead = { mailDaysBefore: 60, firstVisitAfterMail: [3, 7] as const, minVisits: 3 };

  it('works back two months from 春节 2027', () => {
    expect(mailingPlan('春节', 2027, '2026-11-23', lead)).toEqual({
      festival: '春节',
      year: 2027,
      festivalDate: '2027-02-06',
      mailingDate: '2026-12-08',
      firstVisitFrom: '2026-12-11',
      firstVisitTo: '2026-12-15',
      minVisits: 3,
      mailingPast: false,
      daysUntilMailing: 15,
    });
  });

  it('flags a mailing date already behind us', () => {
    const plan = mailingPlan('中秋', 2026, '2026-08-01', lead);
    expect(plan.mailingDate).toBe('2026-07-27');
    expect(plan.firstVisitFrom).toBe('2026-07-30');
    expect(plan.firstVisitTo).toBe('2026-08-03');
    expect(plan.mailingPast).toBe(true);
    expect(plan.daysUntilMailing).toBe(-5);
  });

  it('is still on time on the mailing day itself', () => {
    const plan = mailingPlan('中秋', 2026, '2026-07-27', lead);
    expect(plan.mailingPast).toBe(false);
    expect(plan.daysUntilMailing).toBe(0);
  });

  it('rejects a nonsensical lead', () => {
    expect(() => mailingPlan('中秋', 2026, '2026-07-27', { ...lead, firstVisitAfterMail: [7, 3] })).toThrow(RangeError);
    expect(() => mailingPlan('中秋', 2026, '2026-07-27', { ...lead, mailDaysBefore: -1 })).toThrow(RangeError);
  });
});
