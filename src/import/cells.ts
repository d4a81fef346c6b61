// One cell value → the exact text the YAML data keeps. Text stays as typed (postcode 010010,
// +86 phones); numbers Excel stored as numbers become their decimal text without float noise;
// date cells become YYYY-MM-DD. Problems Excel itself caused are named as such.
import type { ColumnKind } from './columns.ts';
import type { CellValue } from './read.ts';

export type CellResult =
  | { readonly ok: true; readonly text: string; readonly numeric: boolean }
  | { readonly ok: false; readonly rule: string; readonly message: string };

/** Cells that spreadsheet programs would run as formulas (hardening.md item 40). */
const DANGEROUS = /^'*[=+\-@\t\r\0]/;
const NEUTRALISED = /^'+[=+\-@\t\r\0]/;

/** On export: a leading ' stops Excel, WPS and LibreOffice from treating the text as a formula. */
export function neutralise(text: string): string {
  return DANGEROUS.test(text) ? `'${text}` : text;
}

/** On import: removes the one ' that `neutralise` added (and only that one). */
export function unneutralise(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}

const EDGE_SPACE = /^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$/g;
const CONTROL = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f]/;
const SCIENTIFIC = /^[+-]?\d+(\.\d+)?[eE][+-]?\d+$/;
// A WeChat id may be a mobile number, which Excel damages like any other.
const NUMBER_KINDS: ReadonlySet<ColumnKind> = new Set(['postcode', 'phone', 'mobile', 'wechat', 'int', 'money']);
export const DIGIT_KINDS: ReadonlySet<ColumnKind> = new Set(['postcode', 'phone', 'mobile', 'wechat']);

const TEXT_FORMAT_HINT = '请把这一列设为“文本”格式，重新输入原来的号码后再导入';

export function cellText(v: CellValue, kind: ColumnKind, date1904: boolean): CellResult | undefined {
  switch (v.kind) {
    case 'text': {
      const text = unneutralise(v.text).replace(/\r\n?/g, '\n').replace(EDGE_SPACE, '');
      if (text === '') return undefined;
      if (CONTROL.test(text)) return fail('control-char', '含有看不见的控制字符：请删去后重新输入这一格');
      if (NUMBER_KINDS.has(kind) && SCIENTIFIC.test(text)) {
        return fail('scientific', `「${text}」是科学计数法：Excel 把长数字改成了这种写法，原来的数字已经丢失。${TEXT_FORMAT_HINT}`);
      }
      return { ok: true, text, numeric: false };
    }
    case 'number': {
      if (kind === 'date') {
        if (!date1904 && v.value >= 1 && v.value < FIRST_SURE_SERIAL) return before1900March();
        const iso = serialToIso(v.value, date1904);
        return iso ? { ok: true, text: iso, numeric: false } : fail('bad-date', `数字 ${v.value} 不是日期`);
      }
      const text = numberText(v.value);
      if (text === undefined) {
        return fail('precision-lost', `这一格是超过 15 位的数字，Excel 只保留 15 位有效数字，原来的号码已经丢失。${TEXT_FORMAT_HINT}`);
      }
      if (kind === 'postcode' && /^\d{1,5}$/.test(text)) {
        return fail('leading-zero-lost', `邮编「${text}」不足 6 位：这一格是数字格式，开头的 0 被 Excel 去掉了。${TEXT_FORMAT_HINT}`);
      }
      return { ok: true, text, numeric: DIGIT_KINDS.has(kind) };
    }
    case 'date':
      return v.iso < FIRST_SURE_DATE ? before1900March() : { ok: true, text: v.iso, numeric: false };
    case 'bool':
      return { ok: true, text: v.value ? 'TRUE' : 'FALSE', numeric: false };
    case 'error':
      return fail('cell-error', `单元格是错误值（${v.text}）：请在表格里改成实际内容`);
  }
}

/**
 * Excel counts a 1900-02-29 that never was (serial 60), so its serials before 1900-03-01 (61)
 * name other days than the date library reads from them (exceljs reads 59, shown as 1900-02-28,
 * as 1900-02-27): such a cell is refused rather than imported a day off.
 */
const FIRST_SURE_SERIAL = 61;
const FIRST_SURE_DATE = '1900-03-01';

function before1900March(): CellResult {
  return fail('date-before-1900-03', `Excel 把 1900 年当作闰年（多了不存在的 1900-02-29），${FIRST_SURE_DATE} 以前的日期格读出来会差一天或根本不存在：请把这一格设为“文本”格式，写成 1900-02-28 这样的日期`);
}

function fail(rule: string, message: string): CellResult {
  return { ok: false, rule, message };
}

/** The hint added to a format problem in a digits column that Excel stored as a number. */
export const NUMERIC_CELL_HINT = `（这一格是数字格式：开头的 0 或 + 号可能被 Excel 去掉了，${TEXT_FORMAT_HINT}）`;

/**
 * The decimal text of a number cell, as Excel shows it: integers exactly, fractions to Excel's
 * 15 significant digits (so 1234.5599999999999 is 1234.56). Undefined when Excel has already
 * lost digits (integers of 16 digits or more).
 */
export function numberText(n: number): string | undefined {
  if (!Number.isFinite(n)) return undefined;
  if (Number.isInteger(n)) return Math.abs(n) < 1e15 ? BigInt(n).toString() : undefined;
  return plainDecimal(String(Number(n.toPrecision(15))));
}

/** 1.5e-7 → 0.00000015; numbers of 15 significant digits never need more. */
function plainDecimal(s: string): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign = '', lead = '', frac = '', expText = '0'] = m;
  const digits = lead + frac;
  const exp = Number(expText);
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  return sign + (digits.length <= exp + 1 ? digits + '0'.repeat(exp + 1 - digits.length) : `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`);
}

const DAY_MS = 86_400_000;

/**
 * A serial day number as Excel counts it (1900 system: 1 = 1900-01-01, with Lotus's phantom
 * 1900-02-29; 1904 system: 0 = 1904-01-01). Date columns accept raw serials because WPS and
 * Chinese Excel date formats (numFmt 27–36, 50–58) are not recognised as dates by exceljs.
 */
export function serialToIso(serial: number, date1904: boolean): string | undefined {
  const day = Math.floor(serial);
  if (!(day >= 1 && day < 2_958_466)) return undefined;
  const epochDays = date1904 ? day - 24107 : day < 60 ? day - 25568 : day - 25569;
  if (!date1904 && day === 60) return undefined; // 1900-02-29 never existed
  const d = new Date(epochDays * DAY_MS);
  const y = d.getUTCFullYear();
  return y < 1000 ? undefined : `${y}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}
