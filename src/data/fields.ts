// Field builders for data read with the YAML failsafe schema (every scalar is a string).
// Each builder checks the text, converts it where the field is not text, and carries the
// field's one Chinese label, which error messages, documents and the spreadsheet import use.
import { z } from 'zod';
import { MoneyOverflowError, parseYuan } from '../domain/money.ts';
import { isIsoDate } from '../domain/dates.ts';
import { parseCalendarDate } from '../domain/calendar-date.ts';

export const labels = z.registry<{ readonly label: string }>();

function labelled<T extends z.ZodType>(schema: T, label: string): T {
  labels.add(schema, { label });
  return schema;
}

const CJK = /[\u3400-\u9fff]/;
const MOBILE = /^(\+86)?1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
const HOTLINE = /^[48]00-?\d{3}-?\d{4}$/;

const str = () => z.string({ error: (i) => (i.input === undefined ? '缺少必填项' : '应为文本，不能是列表或键值对') });

// A one-line field holds no control character: a CR or LF in a name ends a row of the CSVs and a
// content line of the .ics, forging entries. Multi-line fields (notes) may hold LF and Tab.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
const CONTROL_IN_PROSE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/u;
const CONTROL_NAMES: Readonly<Record<string, string>> = { '\r': '回车符', '\n': '换行', '\t': '制表符（Tab）', '\u2028': '换行符', '\u2029': '分段符' };

function controlCheck(pattern: RegExp, rule: string) {
  return (s: string, ctx: z.RefinementCtx) => {
    const char = pattern.exec(s)?.[0];
    if (char === undefined) return;
    const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    ctx.addIssue({ code: 'custom', message: `含有${CONTROL_NAMES[char] ?? '控制字符'}（${code}）：${rule}` });
  };
}
const oneLine = controlCheck(CONTROL, '这一栏只能写一行，请删去（多行的说明写在备注里）');
const prose = controlCheck(CONTROL_IN_PROSE, '多行文字只能用换行分行，请删去');

/** A one-line text: a name, a title, a place. */
export const text = (label: string) => labelled(str().trim().min(1, '不能为空').superRefine(oneLine), label);

/** Prose that may run over several lines: notes, stories, answers. */
export const multiline = (label: string) => labelled(str().trim().min(1, '不能为空').superRefine(prose), label);

const PHONE_IN_TEXT = /(?:\+?86[- ]?)?1[3-9]\d{9}|0\d{2,3}-\d{7,8}|\d{7,}/;

/** Names and addresses, which must not carry a phone number merged in (domain.md §6). */
export const plainText = (label: string) =>
  labelled(
    str()
      .trim()
      .min(1, '不能为空')
      .superRefine(oneLine)
      .refine((s) => !PHONE_IN_TEXT.test(s), '这一栏混入了电话号码：电话请单独填在电话栏'),
    label,
  );

/**
 * Every number has a range, in its own unit: a count too large to hold, or one that is merely
 * absurd (a policy of 100000 visits), is an error at its line instead of a run out of memory.
 */
export interface Range {
  readonly min: number;
  readonly max: number;
  /** 瓶, 人, 天 …: the unit the message names. */
  readonly unit: string;
}

const grouped = (n: number): string => n.toLocaleString('en-US');
const inRange = ({ min, max, unit }: Range) =>
  [(n: number) => n >= min && n <= max, `超出范围：应在 ${grouped(min)} 到 ${grouped(max)}${unit === '' ? '' : ` ${unit}`} 之间`] as const;

export const int = (label: string, range: Range) =>
  labelled(
    str()
      .regex(/^\d+$/, '应为整数')
      .transform(Number)
      .refine(...inRange(range)),
    label,
  );

export const decimal = (label: string, range: Range) =>
  labelled(
    str()
      .regex(/^\d+(\.\d+)?$/, '应为数字，如 52 或 52.5')
      .transform(Number)
      .refine(...inRange(range)),
    label,
  );

/** Percent as written ("3", "2.5"), kept as text so arithmetic on money stays exact. */
export const percent = (label: string) =>
  labelled(
    str()
      .regex(/^\d{1,3}(\.\d{1,2})?$/, '应为百分数的数字部分，如 3 或 2.5（不写 %）')
      .refine((s) => Number(s) <= 100, '不能超过 100'),
    label,
  );

/**
 * Money in yuan as written ("12345", "12,345.60"), held as integer fen, at most `maxYuan`: far
 * enough below what fen can hold that a price times a count of bottles still fits.
 */
export const money = (label: string, maxYuan: number) =>
  labelled(
    str().transform((s, ctx) => {
      const fail = (message: string) => {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      };
      const tooMuch = `超出范围：不能超过 ${grouped(maxYuan)} 元`;
      let fen: number;
      try {
        fen = parseYuan(s);
      } catch (e) {
        return fail(e instanceof MoneyOverflowError ? tooMuch : `金额应写成元，如 12345 或 12345.60：${(e as Error).message}`);
      }
      if (fen < 0) return fail('金额应写成元，如 12345 或 12345.60：金额不能为负数');
      return fen > maxYuan * 100 ? fail(tooMuch) : fen;
    }),
    label,
  );

export const isoDate = (label: string) =>
  labelled(str().refine(isIsoDate, '日期应写成 YYYY-MM-DD，如 2026-01-05'), label);

/** Birthdays and anniversaries: solar or lunar (农历八月十五), with or without the year. */
export const calendarDate = (label: string) =>
  labelled(
    str().transform((s, ctx) => {
      try {
        return parseCalendarDate(s);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
        return z.NEVER;
      }
    }),
    label,
  );

function phoneCheck(s: string, ctx: z.RefinementCtx, allowed: readonly RegExp[], expected: string): void {
  const compact = s.replace(/[\s()（）]/g, '');
  if (CJK.test(s)) ctx.addIssue({ code: 'custom', message: '电话栏里混入了文字（姓名、地址或说明），一栏只填一个号码' });
  else if (/[,，;；/、]/.test(s)) ctx.addIssue({ code: 'custom', message: '一栏只能填一个号码' });
  else if (!allowed.some((re) => re.test(compact))) ctx.addIssue({ code: 'custom', message: `应为 ${expected}` });
}

export const mobile = (label: string) =>
  labelled(
    str()
      .trim()
      .superRefine(oneLine)
      .superRefine((s, ctx) => phoneCheck(s.replace(/[-\s]/g, ''), ctx, [MOBILE], '11 位手机号（可带 +86），如 13812345678')),
    label,
  );

/** Office, home and unit phones: a landline with its area code, a mobile, or a 400 hotline. */
export const phone = (label: string) =>
  labelled(
    str()
      .trim()
      .superRefine(oneLine)
      .superRefine((s, ctx) =>
        phoneCheck(s, ctx, [LANDLINE, MOBILE, HOTLINE], '带区号的固定电话（如 0851-86661234）、11 位手机号或 400 电话'),
      ),
    label,
  );

const WECHAT_ID = /^[A-Za-z][A-Za-z0-9_-]{5,19}$/;

/** A WeChat id: 6–20 letters, digits, _ or -, starting with a letter; or the mobile number the account uses. */
export const wechat = (label: string) =>
  labelled(
    str()
      .trim()
      .refine((s) => WECHAT_ID.test(s) || MOBILE.test(s.replace(/[-\s]/g, '')), '微信号应为 6–20 位，以字母开头，只用字母、数字、下划线和减号（如 wang_qiang88），或者是 11 位手机号'),
    label,
  );

export const postcode = (label: string) => labelled(str().trim().regex(/^\d{6}$/, '邮编应为 6 位数字（可以 0 开头，如 010010）'), label);

export const email = (label: string) => labelled(str().trim().superRefine(oneLine).regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, '邮箱格式不对，如 name@example.com'), label);

export const url = (label: string) =>
  labelled(str().trim().superRefine(oneLine).regex(/^(https?:\/\/)?[\w-]+(\.[\w-]+)+(\/\S*)?$/i, '网址格式不对，如 www.example.com'), label);

export const oneOf = <const T extends readonly [string, ...string[]]>(label: string, values: T) =>
  labelled(z.enum(values, { error: () => `应为以下之一：${values.join('、')}` }), label);

export const yesNo = (label: string) =>
  labelled(z.enum(['是', '否'], { error: () => '应为 是 或 否' }).transform((s) => s === '是'), label);

export const list = <T extends z.ZodType>(label: string, item: T) =>
  labelled(z.array(item, { error: (i) => (i.input === undefined ? '缺少必填项' : '应为列表（每项以 - 开头）') }), label);

/** The items of a tags text: 顿号, commas or semicolons between them. */
export function splitTags(text: string): string[] {
  return text.split(/[、,，;；]/).map((t) => t.trim()).filter((t) => t !== '');
}

/** Free text or a list of short texts; both are common in hand-kept data (爱好: 钓鱼、书法). */
export const tags = (label: string) =>
  labelled(
    z.union([str().trim().min(1), z.array(str().trim().min(1))]).transform((v, ctx) => {
      const items = Array.isArray(v) ? v : splitTags(v);
      for (const item of items) oneLine(item, ctx);
      return items;
    }),
    label,
  );

export const record = <T extends z.ZodRawShape>(label: string, shape: T) =>
  labelled(z.strictObject(shape, { error: (i) => (i.input === undefined ? '缺少必填项' : '应为键值对（字段: 值）') }), label);
