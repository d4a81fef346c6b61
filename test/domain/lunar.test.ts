import { describe, it, expect } from 'vitest';
import { formatLunar, lunarToSolar, solarToLunar } from '../../src/domain/lunar.ts';

describe('lunarToSolar', () => {
  it('converts regular and leap months', () => {
    expect(lunarToSolar(2026, 8, 15)).toBe('2026-09-25'); // 中秋 2026
    expect(lunarToSolar(2027, 1, 1)).toBe('2027-02-06'); // 春节 2027
    expect(lunarToSolar(2020, 4, 8)).toBe('2020-04-30');
    expect(lunarToSolar(2020, 4, 8, true)).toBe('2020-05-30'); // 2020 had a 闰四月
  });

  it('uses the regular month when the year has no such leap month', () => {
    expect(lunarToSolar(2026, 4, 8, true)).toBe('2026-05-24'); // 佛诞 2026
    expect(lunarToSolar(2026, 4, 8, true)).toBe(lunarToSolar(2026, 4, 8));
  });

  it('takes day 29 when the month has no day 30', () => {
    // 腊月 of lunar 2026 has 29 days: its last day is 除夕, the eve of 春节 2027 (02-06).
    expect(lunarToSolar(2026, 12, 30)).toBe('2027-02-05');
    expect(lunarToSolar(2026, 12, 29)).toBe('2027-02-05');
  });

  it('rejects impossible lunar dates in Chinese', () => {
    expect(() => lunarToSolar(2026, 13, 1)).toThrow(/不存在的农历日期/);
    expect(() => lunarToSolar(2026, 8, 31)).toThrow(RangeError);
    expect(() => lunarToSolar(2026, 8, 0)).toThrow(RangeError);
  });
});

describe('solarToLunar', () => {
  it.each([
    ['2026-09-25', { year: 2026, month: 8, day: 15, leap: false }],
    ['2020-05-30', { year: 2020, month: 4, day: 8, leap: true }],
    ['2026-02-16', { year: 2025, month: 12, day: 29, leap: false }], // 除夕: still the old year
    ['2027-02-06', { year: 2027, month: 1, day: 1, leap: false }],
  ])('%s', (d, lunar) => {
    expect(solarToLunar(d)).toEqual(lunar);
  });
});

describe('formatLunar', () => {
  it.each([
    [{ month: 8, day: 15 }, '农历八月十五'],
    [{ month: 4, day: 8, leap: true }, '农历闰四月初八'],
    [{ year: 1975, month: 8, day: 15 }, '农历1975年八月十五'],
    [{ month: 1, day: 1 }, '农历正月初一'],
    [{ month: 12, day: 23 }, '农历腊月廿三'],
    [{ month: 11, day: 10 }, '农历冬月初十'],
    [{ month: 10, day: 20 }, '农历十月二十'],
    [{ month: 2, day: 11 }, '农历二月十一'],
    [{ month: 3, day: 30 }, '农历三月三十'],
  ])('%o → %s', (lunar, text) => {
    expect(formatLunar(lunar)).toBe(text);
  });

  it('rejects out-of-range months and days', () => {
    expect(() => formatLunar({ month: 13, day: 1 })).toThrow(RangeError);
    expect(() => formatLunar({ month: 1, day: 31 })).toThrow(RangeError);
  });
});
