import { describe, expect, it } from 'vitest';
import { sameKin } from '../../src/domain/kinship.ts';

describe('sameKin', () => {
  it.each([
    ['妻', '妻子'], ['妻子', '爱人'], ['爱人', '妻'], ['夫', '丈夫'], ['丈夫', '爱人'],
    ['子', '儿子'], ['女', '女儿'], ['父', '父亲'], ['母', '母亲'], ['岳母', '岳母'], [' 妻 ', '妻子'],
  ])('%s names the same person as %s', (a, b) => {
    expect(sameKin(a, b)).toBe(true);
    expect(sameKin(b, a)).toBe(true);
  });

  it.each([['妻', '夫'], ['子', '女'], ['父', '母'], ['儿子', '女儿'], ['母亲', '岳母']])('%s is not %s', (a, b) => {
    expect(sameKin(a, b)).toBe(false);
  });
});
