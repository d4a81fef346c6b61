import { describe, it, expect } from 'vitest';
import {
  DEFAULT_CLASS_THRESHOLDS, RANKS, classLabel, customerClass, rankAtLeast, revenueShareClasses,
  strengthClass,
} from '../../src/domain/classify.ts';

describe('customerClass', () => {
  it('defaults to 100,000 / 50,000 / 20,000 元, in fen', () => {
    expect(DEFAULT_CLASS_THRESHOLDS).toEqual({ A: 10_000_000, B: 5_000_000, C: 2_000_000 });
  });

  it.each([
    [20_000_000, 'A'],
    [10_000_000, 'A'], // exactly 100,000 元
    [9_999_999, 'B'],
    [5_000_000, 'B'], // exactly 50,000 元
    [4_999_999, 'C'],
    [2_000_000, 'C'], // exactly 20,000 元
    [1_999_999, 'D'],
    [0, 'D'],
  ])('%i fen → %s', (fen, cls) => {
    expect(customerClass(fen, DEFAULT_CLASS_THRESHOLDS)).toBe(cls);
  });

  it('follows custom thresholds and rejects a disordered set', () => {
    expect(customerClass(300, { A: 300, B: 200, C: 100 })).toBe('A');
    expect(customerClass(150, { A: 300, B: 200, C: 100 })).toBe('C');
    expect(() => customerClass(150, { A: 100, B: 200, C: 50 })).toThrow(RangeError);
  });

  it('labels a class', () => {
    expect(classLabel('A')).toBe('A类');
    expect(classLabel('D')).toBe('D类');
  });
});

describe('revenueShareClasses', () => {
  it('grades 10 customers 2 A, 3 B, 5 C', () => {
    const rows = [100, 900, 300, 1000, 500, 200, 700, 400, 800, 600].map((revenueFen) => ({
      id: `c${revenueFen}`,
      revenueFen,
    }));
    const classes = revenueShareClasses(rows);
    expect(Object.fromEntries(classes)).toEqual({
      c1000: 'A', c900: 'A',
      c800: 'B', c700: 'B', c600: 'B',
      c500: 'C', c400: 'C', c300: 'C', c200: 'C', c100: 'C',
    });
    expect(rows[0]?.id).toBe('c100'); // the input is not reordered
  });

  it('rounds the shares up: 7 customers give 2 A, 2 B, 3 C', () => {
    const rows = [7, 6, 5, 4, 3, 2, 1].map((n) => ({ id: `c${n}`, revenueFen: n * 100 }));
    expect([...revenueShareClasses(rows).values()]).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'C']);
  });

  it('gives customers with equal revenue the same class, the better one, at either border', () => {
    const classes = revenueShareClasses([
      { id: 'b', revenueFen: 500 },
      { id: 'a', revenueFen: 500 },
      { id: 'c', revenueFen: 100 },
      { id: 'd', revenueFen: 50 },
      { id: 'e', revenueFen: 10 },
    ]);
    // 5 customers: 1 A by rank, 3 A or B; a and b tie across the A border, so both are A.
    expect(Object.fromEntries(classes)).toEqual({ a: 'A', b: 'A', c: 'B', d: 'C', e: 'C' });
    const atB = revenueShareClasses([700, 600, 300, 300, 300, 100, 90, 80, 70, 60].map((revenueFen, i) => ({ id: `c${i}`, revenueFen })));
    // 10 customers: 2 A, 3 B by rank; the tie at ranks 3–5 straddles no border, the next ones do not tie.
    expect([...atB.values()]).toEqual(['A', 'A', 'B', 'B', 'B', 'C', 'C', 'C', 'C', 'C']);
    const straddle = revenueShareClasses([700, 600, 300, 300, 300, 300, 90, 80, 70, 60].map((revenueFen, i) => ({ id: `c${i}`, revenueFen })));
    // Ranks 3–6 tie across the B/C border (rank 6 would be C): all four are B.
    expect([...straddle.values()]).toEqual(['A', 'A', 'B', 'B', 'B', 'B', 'C', 'C', 'C', 'C']);
  });

  it('takes the shares from the policies', () => {
    const rows = [5, 4, 3, 2, 1].map((n) => ({ id: `c${n}`, revenueFen: n }));
    expect([...revenueShareClasses(rows, { A: 40, B: 40 }).values()]).toEqual(['A', 'A', 'B', 'B', 'C']);
    expect(() => revenueShareClasses(rows, { A: 80, B: 40 })).toThrow(/合计不超过 100/);
  });

  it('puts customers without revenue in C', () => {
    expect(revenueShareClasses([{ id: 'x', revenueFen: 0 }]).get('x')).toBe('C');
    expect(revenueShareClasses([{ id: 'x', revenueFen: 1 }]).get('x')).toBe('A');
  });

  it('handles no customers and rejects duplicate ids', () => {
    expect(revenueShareClasses([]).size).toBe(0);
    expect(() =>
      revenueShareClasses([{ id: 'x', revenueFen: 1 }, { id: 'x', revenueFen: 2 }]),
    ).toThrow(/客户编号重复/);
  });
});

describe('strengthClass', () => {
  it.each([
    [53, '高度'],
    [50, '高度'],
    [49.9, '中度'],
    [40, '中度'],
    [39.9, '低度'],
    [0, '低度'],
  ])('%f %% vol → %s', (abv, cls) => {
    expect(strengthClass(abv)).toBe(cls);
  });

  it.each([-1, 101, Number.NaN])('rejects %f', (abv) => {
    expect(() => strengthClass(abv)).toThrow(RangeError);
  });
});

describe('rankAtLeast', () => {
  it.each([
    ['正处级', '副处级', true],
    ['副处级', '副处级', true],
    ['正部级', '副处级', true],
    ['正科级', '副处级', false],
    ['科员', '副科级', false],
    ['其他', '科员', false],
    ['其他', '其他', true],
    ['科员', '其他', true],
  ] as const)('%s ≥ %s: %s', (r, min, result) => {
    expect(rankAtLeast(r, min)).toBe(result);
  });

  it('lists ten ranks, highest first', () => {
    expect(RANKS).toHaveLength(10);
    expect(RANKS[0]).toBe('正部级');
    expect(RANKS[9]).toBe('其他');
  });
});
