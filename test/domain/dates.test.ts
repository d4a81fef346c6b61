import { describe, it, expect } from 'vitest';
import {
  addDays, compareIso, DATE_RANGE, daysBetween, daysInMonth, formatChineseDate, inDateRange, isIsoDate, isoDate, weekdayOf,
} from '../../src/domain/dates.ts';

describe('isIsoDate', () => {
  it.each(['2026-11-23', '2024-02-29', '2000-02-29', '1000-01-01', '9999-12-31'])('accepts %s', (d) => {
    expect(isIsoDate(d)).toBe(true);
  });
  it.each([
    '2023-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-1-5',
    '26-01-05', '0999-01-01', '2026-11-23T00:00', '', '2026/11/23',
  ])('rejects %j', (d) => {
    expect(isIsoDate(d)).toBe(false);
  });
});

describe('isoDate / daysInMonth', () => {
  it('builds padded ISO text and refuses impossible dates in Chinese', () => {
    expect(isoDate(2026, 3, 8)).toBe('2026-03-08');
    expect(() => isoDate(2026, 2, 29)).toThrow(/不存在的日期/);
  });
  it('knows leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
  });
});

describe('addDays / daysBetween', () => {
  it.each([
    ['2026-12-30', 3, '2027-01-02'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2026-03-29', 0, '2026-03-29'],
  ])('%s + %i = %s', (d, n, result) => {
    expect(addDays(d, n)).toBe(result);
    expect(daysBetween(d, result)).toBe(n);
  });

  it('counts b − a', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2026-11-23', '2026-09-24')).toBe(-60);
  });

  it('refuses fractional days and bad dates', () => {
    expect(() => addDays('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('2026-02-30', 1)).toThrow(/不是有效的日期/);
  });
});

describe('weekdayOf / formatChineseDate', () => {
  it.each([
    ['2026-11-23', 1], // Monday
    ['1970-01-01', 4],
    ['1969-12-31', 3],
    ['2000-01-01', 6],
    ['2026-03-08', 0],
  ])('%s is weekday %i', (d, w) => {
    expect(weekdayOf(d)).toBe(w);
  });

  it('writes the date the Chinese way, without leading zeros', () => {
    expect(formatChineseDate('2026-11-23')).toBe('2026年11月23日');
    expect(formatChineseDate('2026-11-23', { weekday: true })).toBe('2026年11月23日 星期一');
    expect(formatChineseDate('2026-03-08', { weekday: true })).toBe('2026年3月8日 星期日');
  });
});

describe('compareIso', () => {
  it('orders dates', () => {
    expect(compareIso('2026-01-02', '2026-01-10')).toBeLessThan(0);
    expect(compareIso('2026-01-10', '2026-01-10')).toBe(0);
    expect(compareIso('2027-01-01', '2026-12-31')).toBeGreaterThan(0);
    expect(['2026-03-01', '2025-12-31', '2026-01-15'].sort(compareIso)).toEqual([
      '2025-12-31', '2026-01-15', '2026-03-01',
    ]);
  });
});

describe('inDateRange', () => {
  it('takes the days from DATE_RANGE.first to DATE_RANGE.last, both included', () => {
    expect(DATE_RANGE).toEqual({ first: '1980-01-02', last: '2099-12-31' });
    expect(['1980-01-02', '2026-11-24', '2099-12-31'].map(inDateRange)).toEqual([true, true, true]);
    expect(['1980-01-01', '1949-10-01', '2100-01-01'].map(inDateRange)).toEqual([false, false, false]);
  });
});
