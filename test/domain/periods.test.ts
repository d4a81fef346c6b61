import { describe, expect, it } from 'vitest';
import { isoWeekOf, isoWeekRange, isoWeeksInYear, parsePeriod, rangesOverlap, seasonRange, weekText } from '../../src/domain/periods.ts';

describe('ISO weeks', () => {
  it('knows which years have 53 weeks', () => {
    // A year starting on a Thursday (2026, 2015) or a leap year starting on a Wednesday (2020).
    expect([2015, 2020, 2026, 2032].map(isoWeeksInYear)).toEqual([53, 53, 53, 53]);
    expect([2021, 2024, 2025, 2027].map(isoWeeksInYear)).toEqual([52, 52, 52, 52]);
  });

  it('runs 2026-W53 across the year end, Monday to Sunday', () => {
    expect(isoWeekRange(2026, 53)).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(isoWeekOf('2027-01-03')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf('2027-01-04')).toEqual({ year: 2027, week: 1 });
    expect(() => isoWeekRange(2027, 53)).toThrow(/2027 年没有第 53 周/);
  });

  it('runs a week across a month end', () => {
    expect(isoWeekRange(2026, 49)).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(isoWeekOf('2026-12-04')).toEqual({ year: 2026, week: 49 });
    expect(weekText(isoWeekOf('2026-12-04'))).toBe('2026-W49');
    // 2024-12-30 is in 2025's first week.
    expect(isoWeekOf('2024-12-30')).toEqual({ year: 2025, week: 1 });
  });
});

describe('parsePeriod', () => {
  it('reads a week, a month and a festival season', () => {
    expect(parsePeriod('2026-W49', 60)).toMatchObject({ kind: 'week', from: '2026-11-30', to: '2026-12-06', label: '2026年第49周' });
    expect(parsePeriod('2026-12', 60)).toMatchObject({ kind: 'month', from: '2026-12-01', to: '2026-12-31' });
    expect(parsePeriod('2028-02', 60)).toMatchObject({ to: '2028-02-29' });
    // 春节 2027 is 2027-02-06; the season starts 60 days before, on the mailing day.
    expect(parsePeriod('2027 春节', 60)).toMatchObject({ kind: 'season', from: '2026-12-08', to: '2027-02-06', label: '2027年春节旺季' });
    expect(seasonRange('元旦', 2027, 60)).toEqual({ from: '2026-11-02', to: '2027-01-01' });
  });

  it('says what a period looks like when it is not one', () => {
    expect(() => parsePeriod('2027-W53', 60)).toThrow(/2027 年只有 52 周/);
    expect(() => parsePeriod('2026-13', 60)).toThrow(/月份应为 01–12/);
    expect(() => parsePeriod('2027 圣诞', 60)).toThrow(/没有「圣诞」这个节日/);
    expect(() => parsePeriod('下周', 60)).toThrow(/周期写成 2026-W49/);
  });

  it('tells overlapping ranges', () => {
    expect(rangesOverlap(seasonRange('元旦', 2027, 60), seasonRange('春节', 2027, 60))).toBe(true);
    expect(rangesOverlap(isoWeekRange(2026, 49), isoWeekRange(2026, 50))).toBe(false);
    expect(rangesOverlap({ from: '2026-12-06', to: '2026-12-06' }, isoWeekRange(2026, 49))).toBe(true);
  });
});
