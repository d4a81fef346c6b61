// Money is kept as integer 分 (fen) so that sums, totals and 大写 never suffer float rounding.
import nzh from 'nzh/cn';

export type Fen = number;

const DIGITS = '零壹贰叁肆伍陆柒捌玖';

/** An amount past what fen can hold exactly: a price or quantity with digits too many. */
export class MoneyOverflowError extends RangeError {}

/** Rejects anything that is not a safe integer, so float yuan never slip in as fen. */
function checkFen(fen: number): Fen {
  if (!Number.isSafeInteger(fen)) {
    const message = `金额必须是以“分”为单位的整数（且不超出安全范围）：${fen}`;
    throw Number.isInteger(fen) ? new MoneyOverflowError(message) : new RangeError(message);
  }
  return fen;
}

// Optional '-', optional ¥/￥, digits either plain or correctly grouped by commas, ≤ 2 decimals.
const YUAN_PATTERN = /^(-)?[¥￥]?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/** "12,345.6" → 1234560. Built from the digit string itself: no float multiplication. */
export function parseYuan(text: string): Fen {
  const match = YUAN_PATTERN.exec(text.trim());
  if (!match) {
    throw new RangeError(
      `无法识别的金额「${text}」：请写成 12345、12345.60、12,345.60 或 ¥12,345.00（最多两位小数）`,
    );
  }
  const [, minus, whole = '', decimals = ''] = match;
  const fen = checkFen(Number(whole.replaceAll(',', '') + decimals.padEnd(2, '0')));
  return minus && fen !== 0 ? -fen : fen;
}

/** 1234500 → "¥12,345.00"; negatives put the sign before the symbol: "-¥5.00". */
export function formatMoney(fen: Fen): string {
  const abs = Math.abs(checkFen(fen));
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+$)/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${fen < 0 ? '-' : ''}¥${yuan}.${cents}`;
}

/**
 * 人民币大写 per the PBOC 正确填写票据和结算凭证的基本规定. nzh writes the whole-yuan part
 * correctly (壹拾, one 零 per run of zeros, 亿/万 sections), but its toMoney drops 整 for
 * inputs like "100.00" and never writes the optional 零 before 角, so 角 and 分 are done here:
 * - 整 after 元 and after 角, never after 分;
 * - 角 zero, 分 not: 零 after 元 (required);
 * - 元位 zero, 角 not: we take the optional 零 (壹仟陆佰捌拾元零叁角贰分).
 */
export function moneyInWords(fen: Fen): string {
  if (checkFen(fen) < 0) return `负${moneyInWords(-fen)}`;
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let words = yuan > 0 ? `${nzh.encodeB(String(yuan), { tenMin: false })}元` : '';
  if (jiao === 0 && cents === 0) return `${words || '零元'}整`;
  if (yuan > 0 && (jiao === 0 || yuan % 10 === 0)) words += '零';
  if (jiao > 0) words += `${DIGITS[jiao]}角`;
  return cents > 0 ? `${words}${DIGITS[cents]}分` : `${words}整`;
}

export function sumFen(values: readonly Fen[]): Fen {
  return checkFen(values.reduce((total, value) => total + checkFen(value), 0));
}

export function multiplyFen(unitFen: Fen, quantity: number): Fen {
  if (!Number.isInteger(quantity)) throw new RangeError(`数量必须是整数：${quantity}`);
  return checkFen(checkFen(unitFen) * quantity);
}

const RATE_PATTERN = /^(\d+)(?:\.(\d+))?$/;

/**
 * `ratePercent` percent of `fen`, e.g. applyRate(1999, "2.5") = 50 (49.975 分).
 * Exact (BigInt on the rate's digits), rounded half up to the 分 on the magnitude, so a
 * negative amount (a refund) mirrors the positive one.
 */
export function applyRate(fen: Fen, ratePercent: string): Fen {
  const match = RATE_PATTERN.exec(ratePercent.trim());
  if (!match) throw new RangeError(`无法识别的比例「${ratePercent}」：请写成 5 或 2.5（表示百分之几）`);
  const [, whole = '', decimals = ''] = match;
  const numerator = BigInt(Math.abs(checkFen(fen))) * BigInt(whole + decimals);
  const denominator = 100n * 10n ** BigInt(decimals.length);
  const rounded = Number((2n * numerator + denominator) / (2n * denominator));
  return checkFen(fen < 0 && rounded !== 0 ? -rounded : rounded);
}
