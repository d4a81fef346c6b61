// Values as Chinese offices write them → the text the data files keep. Dates with dots
// (1975.3.8) or in Chinese numerals (一九七五年三月八日, 二〇〇一年三月八日) become 1975-03-08
// (or 3月8日 without a year, 农历1975年八月十五 for a lunar date); landlines with an em dash or a
// full-width hyphen (0471—7223344, 0471－7223346) get a plain hyphen. Spellings the data model
// reads itself (1975/3/8, 0471 7223344) are left as typed; what stays ambiguous is an error.
import { parseCalendarDate } from '../domain/calendar-date.ts';

export type Spelled = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

const DATE_FORMS = '请写成 1975-03-08、1975.3.8、一九七五年三月八日 或 3月8日';

const DOTTED = /^(\d+)[.．](\d+)[.．](\d+)$/;
const DOTTED_SHORT = /^\d+[.．]\d+$/;
const ONES = '一二三四五六七八九';
const ZEROS = '〇○零';
const WRITTEN = new RegExp(`^((?:农历|阴历)?)(?:(\\d{4}|[${ZEROS}${ONES}]{4})年)?(.*)$`);
const SOLAR_MONTH_DAY = /^(\d{1,2}|[一二三四五六七八九十]+)月(\d{1,2}|[一二三四五六七八九十廿卅]+)[日号]$/;

/** 一九七五 → 1975, 二〇〇一 → 2001 (a year is written digit by digit); digits stay digits. */
function yearNumber(text: string): number {
  return Number([...text].map((c) => (ZEROS.includes(c) ? '0' : ONES.includes(c) ? String(ONES.indexOf(c) + 1) : c)).join(''));
}

/** A month or day in Chinese numerals (八, 十, 十二, 二十, 廿三, 三十一) or digits; NaN otherwise. */
function monthDayNumber(text: string): number {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const m = /^(?:([二三]?)十|(廿)|(卅))?([一二三四五六七八九]?)$/.exec(text);
  if (!m || text === '') return Number.NaN;
  const [, tensDigit, twenty, thirty, ones] = m;
  const tens = twenty ? 2 : thirty ? 3 : text.includes('十') ? (tensDigit ? ONES.indexOf(tensDigit) + 1 : 1) : 0;
  return tens * 10 + (ones ? ONES.indexOf(ones) + 1 : 0);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The canonical text of a date as written, checked by the data model's own parser. */
export function canonicalDate(text: string): Spelled {
  const dotted = DOTTED.exec(text);
  if (dotted) {
    const [, year = '', month = '', day = ''] = dotted;
    if (year.length !== 4 || month.length > 2 || day.length > 2) {
      return { ok: false, message: `看不出「${text}」是哪一天：年份要写满 4 位，按年、月、日的顺序写；${DATE_FORMS}` };
    }
    return checked(text, `${year}-${pad(Number(month))}-${pad(Number(day))}`);
  }
  if (DOTTED_SHORT.test(text)) return { ok: false, message: `看不出「${text}」是哪一天（是几月几日，还是哪年几月）：${DATE_FORMS}` };

  const [, lunar = '', yearText, rest = ''] = WRITTEN.exec(text) ?? [];
  const chineseYear = yearText !== undefined && !/^\d+$/.test(yearText);
  const year = yearText === undefined ? undefined : yearNumber(yearText);
  // Lunar months and days are written in Chinese anyway: only a Chinese year needs digits.
  if (lunar !== '') return chineseYear ? checked(text, `${lunar}${year}年${rest}`) : { ok: true, text };
  const md = SOLAR_MONTH_DAY.exec(rest);
  // Digits throughout (1975年3月8日), or no date at all: the data model reads or refuses it as typed.
  if (!md || (!chineseYear && /^\d+$/.test(`${md[1]}${md[2]}`))) return { ok: true, text };
  const [month, day] = [monthDayNumber(md[1] ?? ''), monthDayNumber(md[2] ?? '')];
  if (Number.isNaN(month) || Number.isNaN(day)) return { ok: false, message: `无法识别的日期「${text}」：${DATE_FORMS}` };
  return checked(text, year === undefined ? `${month}月${day}日` : `${year}-${pad(month)}-${pad(day)}`);
}

/** The data model's verdict on the canonical text, its messages quoting the text as typed. */
function checked(typed: string, canonical: string): Spelled {
  try {
    parseCalendarDate(canonical);
    return { ok: true, text: canonical };
  } catch (e) {
    return { ok: false, message: (e as Error).message.replace(`「${canonical}」`, `「${typed}」`) };
  }
}

/** Dashes of every width (—, ——, －, –) between the digits of a phone number → a hyphen. */
export function canonicalPhone(text: string): string {
  return text.replace(/[‐‑‒–—―－﹣−]+/g, '-');
}
