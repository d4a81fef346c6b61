import { describe, it, expect } from 'vitest';
import { applyRate, formatMoney, moneyInWords, multiplyFen, parseYuan, sumFen } from '../../src/domain/money.ts';

describe('parseYuan', () => {
  it.each([
    ['12345', 1234500],
    ['12345.6', 1234560],
    ['12,345.60', 1234560],
    ['¥12,345.00', 1234500],
    ['￥5', 500],
    ['0.29', 29], // 0.29 * 100 is 28.999… in floating point
    [' 0.01 ', 1],
    ['1,234,567.89', 123456789],
    ['007', 700],
    ['-5.05', -505],
    ['-¥5.00', -500],
  ])('%s → %i fen', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  it('gives 0, not -0, for "-0"', () => {
    expect(Object.is(parseYuan('-0'), 0)).toBe(true);
  });

  it.each(['', '¥', '1.005', '12a', '1,23', '12,3456', '.5', '5.', '1 000', '5元', '+5', '¥-5'])(
    'rejects %j with a Chinese RangeError',
    (text) => {
      expect(() => parseYuan(text)).toThrow(RangeError);
      expect(() => parseYuan(text)).toThrow(/无法识别的金额/);
    },
  );
});

describe('formatMoney', () => {
  it.each([
    [1234500, '¥12,345.00'],
    [-500, '-¥5.00'],
    [0, '¥0.00'],
    [1, '¥0.01'],
    [99999, '¥999.99'],
    [100000, '¥1,000.00'],
    [123456789, '¥1,234,567.89'],
    [10000000000, '¥100,000,000.00'],
  ])('%i → %s', (fen, text) => {
    expect(formatMoney(fen)).toBe(text);
  });

  it('round-trips through parseYuan', () => {
    for (const fen of [0, 7, -505, 123456789]) expect(parseYuan(formatMoney(fen))).toBe(fen);
  });

  it('refuses fractional fen', () => {
    expect(() => formatMoney(1.5)).toThrow(RangeError);
  });
});

describe('moneyInWords (PBOC rules)', () => {
  it.each([
    [1234500, '壹万贰仟叁佰肆拾伍元整'],
    [100500, '壹仟零伍元整'], // a zero in the middle: one 零
    [10000500, '壹拾万零伍元整'], // a run of zeros: one 零; 壹拾 not 拾
    [168032, '壹仟陆佰捌拾元零叁角贰分'], // 元位 zero, 角 not: the optional 零 is written
    [1640902, '壹万陆仟肆佰零玖元零贰分'], // 角 zero, 分 not: 零 after 元
    [32504, '叁佰贰拾伍元零肆分'],
    [600714, '陆仟零柒元壹角肆分'],
    [10700053, '壹拾万柒仟元零伍角叁分'], // PBOC's own example, first form
    [140950, '壹仟肆佰零玖元伍角整'], // 整 after 角
    [10030, '壹佰元零叁角整'],
    [5, '伍分'],
    [35, '叁角伍分'],
    [50, '伍角整'],
    [105, '壹元零伍分'],
    [130, '壹元叁角整'],
    [1005, '壹拾元零伍分'],
    [0, '零元整'],
    [1000, '壹拾元整'],
    [1900, '壹拾玖元整'],
    [100000, '壹仟元整'],
    [101000, '壹仟零壹拾元整'],
    [100000000, '壹佰万元整'],
    [100500000, '壹佰万伍仟元整'],
    [123456789, '壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分'],
    [10000000000, '壹亿元整'],
    [10001000000, '壹亿零壹万元整'],
    [10100000000, '壹亿零壹佰万元整'],
    [20000000001, '贰亿元零壹分'],
    [110000000000, '壹拾壹亿元整'],
    [-500, '负伍元整'],
    [-168032, '负壹仟陆佰捌拾元零叁角贰分'],
  ])('%i fen → %s', (fen, words) => {
    expect(moneyInWords(fen)).toBe(words);
  });

  it('refuses fractional fen', () => {
    expect(() => moneyInWords(0.5)).toThrow(RangeError);
  });
});

describe('sumFen / multiplyFen', () => {
  it('adds integer fen', () => {
    expect(sumFen([1999, 1, -500])).toBe(1500);
    expect(sumFen([])).toBe(0);
    expect(() => sumFen([100, 0.5])).toThrow(RangeError);
  });

  it('multiplies by whole quantities only', () => {
    expect(multiplyFen(1999, 3)).toBe(5997);
    expect(multiplyFen(1999, 0)).toBe(0);
    expect(multiplyFen(1999, -2)).toBe(-3998);
    expect(() => multiplyFen(1999, 1.5)).toThrow(/数量必须是整数/);
  });
});

describe('applyRate', () => {
  it.each([
    [10000, '5', 500],
    [1000, '2.5', 25],
    [1999, '2.5', 50], // 49.975
    [12345, '13', 1605], // 1604.85
    [29, '10', 3], // 2.9
    [1, '50', 1], // exactly half rounds up
    [3, '50', 2], // 1.5
    [1, '49.9', 0], // 0.499
    [12345, '0.01', 1], // 1.2345
    [12345, '100', 12345],
    [100, '0', 0],
    [-1999, '2.5', -50], // mirrors the positive amount
    [-1, '50', -1],
  ])('%i fen × %s %% → %i fen', (fen, rate, result) => {
    expect(applyRate(fen, rate)).toBe(result);
  });

  it.each(['', '5%', '-5', 'abc', '.5'])('rejects rate %j', (rate) => {
    expect(() => applyRate(100, rate)).toThrow(/无法识别的比例/);
  });
});
