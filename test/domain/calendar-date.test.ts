import { describe, it, expect } from 'vitest';
import {
  ageOn, formatCalendarDate, nextOccurrence, occurrencesWithin, parseCalendarDate,
} from '../../src/domain/calendar-date.ts';
import type { CalendarDate } from '../../src/domain/calendar-date.ts';

describe('parseCalendarDate', () => {
  it.each<[string, CalendarDate]>([
    ['1975-03-08', { calendar: 'solar', year: 1975, month: 3, day: 8 }],
    ['1975/3/8', { calendar: 'solar', year: 1975, month: 3, day: 8 }],
    ['1975年3月8日', { calendar: 'solar', year: 1975, month: 3, day: 8 }],
    [' 1975年 3月 8日 ', { calendar: 'solar', year: 1975, month: 3, day: 8 }],
    ['１９７５－０３－０８', { calendar: 'solar', year: 1975, month: 3, day: 8 }],
    ['03-08', { calendar: 'solar', month: 3, day: 8 }],
    ['3月8日', { calendar: 'solar', month: 3, day: 8 }],
    ['3月8号', { calendar: 'solar', month: 3, day: 8 }],
    ['2月29日', { calendar: 'solar', month: 2, day: 29 }],
    ['农历八月十五', { calendar: 'lunar', month: 8, day: 15 }],
    ['农历1975年八月十五', { calendar: 'lunar', year: 1975, month: 8, day: 15 }],
    ['农历闰四月初八', { calendar: 'lunar', month: 4, day: 8, leap: true }],
    ['农历1975-08-15', { calendar: 'lunar', year: 1975, month: 8, day: 15 }],
    ['农历8月15日', { calendar: 'lunar', month: 8, day: 15 }],
    ['农历正月十五日', { calendar: 'lunar', month: 1, day: 15 }],
    ['农历十一月初一', { calendar: 'lunar', month: 11, day: 1 }],
    ['农历 冬月初一', { calendar: 'lunar', month: 11, day: 1 }],
    ['阴历腊月二十三', { calendar: 'lunar', month: 12, day: 23 }],
    ['阴历腊月廿三', { calendar: 'lunar', month: 12, day: 23 }],
    ['阴历三月三十', { calendar: 'lunar', month: 3, day: 30 }],
  ])('%s', (text, expected) => {
    expect(parseCalendarDate(text)).toStrictEqual(expected);
  });

  it.each(['abc', '', '三月八日', '1975.3.8', '农历八月三十一', '农历八月', '闰4月8日'])(
    'does not recognise %j and says which forms work',
    (text) => {
      expect(() => parseCalendarDate(text)).toThrow(`无法识别的日期「${text}」`);
      expect(() => parseCalendarDate(text)).toThrow('1975-03-08、3月8日 或 农历八月十五');
    },
  );

  it.each(['2023-02-29', '1975-13-01', '4月31日', '0-08', '农历13月1日', '农历8月31日', '0975-03-08'])(
    'rejects the impossible date %j',
    (text) => {
      expect(() => parseCalendarDate(text)).toThrow(`日期「${text}」不存在`);
    },
  );
});

describe('parseCalendarDate: a lunar date with its year must have happened', () => {
  it.each([
    ['农历2025年闰四月初八', '农历2025年没有闰四月（那年闰的是六月）'],
    ['农历2024年腊月三十', '农历2024年的腊月只有 29 天'],
  ])('refuses %s', (text, why) => {
    expect(() => parseCalendarDate(text)).toThrow(`日期「${text}」不存在：${why}`);
  });

  it('takes the leap month the year has, and a leap month without a year (kept as the regular month where missing)', () => {
    expect(parseCalendarDate('农历2025年闰六月初八')).toEqual({ calendar: 'lunar', year: 2025, month: 6, day: 8, leap: true });
    expect(parseCalendarDate('农历闰四月初八')).toEqual({ calendar: 'lunar', month: 4, day: 8, leap: true });
    expect(parseCalendarDate('农历2023年腊月三十')).toEqual({ calendar: 'lunar', year: 2023, month: 12, day: 30 });
  });
});

describe('formatCalendarDate', () => {
  it('writes solar dates with or without the year, lunar ones traditionally', () => {
    expect(formatCalendarDate({ calendar: 'solar', year: 1975, month: 3, day: 8 })).toBe('1975年3月8日');
    expect(formatCalendarDate({ calendar: 'solar', month: 3, day: 8 })).toBe('3月8日');
    expect(formatCalendarDate({ calendar: 'lunar', month: 4, day: 8, leap: true })).toBe('农历闰四月初八');
    expect(formatCalendarDate({ calendar: 'lunar', year: 1975, month: 12, day: 23 })).toBe('农历1975年腊月廿三');
  });

  it('round-trips through parseCalendarDate', () => {
    for (const text of ['1975年3月8日', '3月8日', '农历闰四月初八', '农历1975年腊月廿三']) {
      expect(formatCalendarDate(parseCalendarDate(text))).toBe(text);
    }
  });
});

const solar = (month: number, day: number, year?: number): CalendarDate =>
  year === undefined ? { calendar: 'solar', month, day } : { calendar: 'solar', year, month, day };
const lunar = (month: number, day: number, extra: { year?: number; leap?: boolean } = {}): CalendarDate => ({
  calendar: 'lunar', month, day, ...extra,
});

describe('occurrencesWithin', () => {
  it('includes both ends of the window', () => {
    expect(occurrencesWithin(solar(3, 8), '2026-03-01', 10)).toEqual(['2026-03-08']);
    expect(occurrencesWithin(solar(3, 8), '2026-03-08', 0)).toEqual(['2026-03-08']);
    expect(occurrencesWithin(solar(3, 8), '2026-02-26', 10)).toEqual(['2026-03-08']);
    expect(occurrencesWithin(solar(3, 8), '2026-03-09', 10)).toEqual([]);
  });

  it('spans New Year and may hold two occurrences', () => {
    expect(occurrencesWithin(solar(1, 3), '2026-12-20', 30)).toEqual(['2027-01-03']);
    expect(occurrencesWithin(solar(1, 5), '2026-01-01', 400)).toEqual(['2026-01-05', '2027-01-05']);
  });

  it('keeps 2月29日 on 2月28日 in common years', () => {
    expect(occurrencesWithin(solar(2, 29), '2026-02-01', 40)).toEqual(['2026-02-28']);
    expect(occurrencesWithin(solar(2, 29), '2028-02-01', 40)).toEqual(['2028-02-29']);
  });

  it('converts lunar dates year by year', () => {
    expect(occurrencesWithin(lunar(8, 15), '2026-09-01', 30)).toEqual(['2026-09-25']);
    // 腊月廿三 of lunar 2025 and of lunar 2026 (腊月 2026 starts 2027-01-08).
    expect(occurrencesWithin(lunar(12, 23), '2026-01-01', 400)).toEqual(['2026-02-10', '2027-01-30']);
    expect(occurrencesWithin(lunar(12, 23), '2026-12-15', 60)).toEqual(['2027-01-30']);
  });

  it('bridges a missing day 30 and a missing leap month', () => {
    expect(occurrencesWithin(lunar(12, 30), '2027-01-01', 60)).toEqual(['2027-02-05']);
    expect(occurrencesWithin(lunar(4, 8, { leap: true }), '2020-01-01', 365)).toEqual(['2020-05-30']);
    expect(occurrencesWithin(lunar(4, 8), '2020-01-01', 365)).toEqual(['2020-04-30']);
    expect(occurrencesWithin(lunar(4, 8, { leap: true }), '2026-01-01', 364)).toEqual(['2026-05-24']);
  });

  // 2025 has a 闰六月 after its 六月: a birthday keeps to the month it was written in.
  it('keeps a regular-month date in that month only, never again in the leap month of the same number', () => {
    expect(occurrencesWithin(lunar(6, 8), '2025-01-01', 364)).toEqual(['2025-07-02']);
    expect(occurrencesWithin(lunar(6, 8, { leap: true }), '2025-01-01', 364)).toEqual(['2025-08-01']);
    // 2023 has a 闰二月: 二月十五 is kept once, in the regular 二月.
    expect(occurrencesWithin(lunar(2, 15), '2023-01-01', 364)).toEqual(['2023-03-06']);
  });

  it('puts day 30 of a month of 29 days on that month’s last day', () => {
    // 闰六月 2025 has 29 days: its 三十 is its 廿九; the regular 六月 has 30.
    expect(occurrencesWithin(lunar(6, 30, { leap: true }), '2025-01-01', 364)).toEqual(['2025-08-22']);
    expect(occurrencesWithin(lunar(6, 30), '2025-01-01', 364)).toEqual(['2025-07-24']);
    // 腊月三十 is 除夕, the day before 春节, whether 腊月 has 29 days (2025, 2026) or 30.
    expect(occurrencesWithin(lunar(12, 30), '2026-01-01', 800)).toEqual(['2026-02-16', '2027-02-05', '2028-01-25']);
  });

  it('crosses a lunar new year: 除夕 and 正月初一 on consecutive days of one window', () => {
    expect(occurrencesWithin(lunar(12, 30), '2027-01-20', 31)).toEqual(['2027-02-05']);
    expect(occurrencesWithin(lunar(1, 1), '2027-01-20', 31)).toEqual(['2027-02-06']);
    expect(occurrencesWithin(lunar(12, 23), '2027-01-20', 31)).toEqual(['2027-01-30']);
    expect(occurrencesWithin(lunar(1, 5), '2027-01-20', 31)).toEqual(['2027-02-10']);
  });

  it('skips the years before the date itself', () => {
    expect(occurrencesWithin(solar(3, 8, 2027), '2026-03-01', 400)).toEqual(['2027-03-08']);
  });

  it('refuses a negative window', () => {
    expect(() => occurrencesWithin(solar(3, 8), '2026-01-01', -1)).toThrow(RangeError);
  });
});

describe('nextOccurrence', () => {
  it('finds the first occurrence on or after the day', () => {
    expect(nextOccurrence(solar(3, 8), '2026-03-08')).toBe('2026-03-08');
    expect(nextOccurrence(solar(3, 8), '2026-03-09')).toBe('2027-03-08');
    expect(nextOccurrence(lunar(8, 15), '2026-09-26')).toBe('2027-09-15');
  });

  it('throws when nothing falls within 400 days', () => {
    expect(() => nextOccurrence(solar(1, 1, 2030), '2026-01-01')).toThrow(/400 天内/);
  });
});

describe('ageOn', () => {
  it('counts completed solar years', () => {
    expect(ageOn(solar(11, 23, 1976), '2026-11-23')).toBe(50);
    expect(ageOn(solar(11, 23, 1976), '2026-11-22')).toBe(49);
    expect(ageOn(solar(11, 23, 1976), '2026-12-01')).toBe(50);
    expect(ageOn(solar(2, 29, 2000), '2026-02-28')).toBe(26);
    expect(ageOn(solar(2, 29, 2000), '2026-02-27')).toBe(25);
  });

  it('counts lunar years for lunar dates', () => {
    const born = lunar(8, 15, { year: 1976 });
    expect(ageOn(born, '2026-09-25')).toBe(50);
    expect(ageOn(born, '2026-09-24')).toBe(49);
    expect(ageOn(born, '2026-02-17')).toBe(49); // 春节 2026: lunar year 2026, 中秋 still ahead
  });

  it('is undefined without a year or before the date', () => {
    expect(ageOn(solar(3, 8), '2026-03-08')).toBeUndefined();
    expect(ageOn(solar(3, 8, 2030), '2026-03-08')).toBeUndefined();
  });
});
