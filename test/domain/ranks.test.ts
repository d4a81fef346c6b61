import { describe, expect, it } from 'vitest';
import { RANKS } from '../../src/domain/classify.ts';
import { civilRank, ladderOf, MILITARY_RANKS, POLICE_RANKS, ranksFor } from '../../src/domain/ranks.ts';
import { DEFAULT_VIP_THRESHOLDS, vipReasons } from '../../src/domain/vip.ts';

describe('ranks by the unit\'s system', () => {
  it('civil ladder for most units, all three for 军警, any text for enterprises', () => {
    expect(ranksFor('党政')).toEqual(RANKS);
    expect(ranksFor('金融')).toEqual(RANKS);
    expect(ranksFor('军警')).toEqual([...RANKS, ...MILITARY_RANKS, ...POLICE_RANKS]);
    expect(ranksFor('实力企业')).toBeUndefined();
    expect(MILITARY_RANKS).toEqual(expect.arrayContaining(['正排级', '正团级', '副师级', '正军级', '副大军区级']));
    expect(POLICE_RANKS).toEqual(expect.arrayContaining(['警员', '二级警司', '一级警监', '一级警长', '四级高级警长']));
    expect(ladderOf('正团级')).toBe('军队职级');
    expect(ladderOf('一级警长')).toBe('警衔或警员职务');
    expect(ladderOf('副处级')).toBe('公务员职级');
    expect(ladderOf('总监')).toBeUndefined();
  });

  it.each([
    ['副团级', '副处级'], ['正团级', '正处级'], ['正营级', '正科级'], ['副师级', '副厅级'], ['正师级', '正厅级'],
    ['副军级', '正厅级'], ['正军级', '副部级'], ['副大军区级', '副部级'], ['正排级', '科员'],
    ['三级警监', '正处级'], ['一级警督', '正科级'], ['二级警司', '科员'], ['一级警监', '正厅级'],
    ['三级高级警长', '副处级'], ['一级警长', '正科级'], ['警员', '科员'], ['副处级', '副处级'],
  ])('in a 军警 unit %s counts as %s', (rank, civil) => {
    expect(civilRank(rank, '军警')).toBe(civil);
  });

  it('counts no rank off its ladder, and no enterprise title at all', () => {
    expect(civilRank('正团级', '党政')).toBeUndefined();
    expect(civilRank('正处级', '党政')).toBe('正处级');
    expect(civilRank('正处级', '实力企业')).toBeUndefined();
    expect(civilRank('总监', '实力企业')).toBeUndefined();
  });

  it('VIP reasons name the rank as written and what it counts as', () => {
    const t = DEFAULT_VIP_THRESHOLDS;
    expect(vipReasons({ rank: '副处级', rankAs: '副团级', purchases: [] }, t)).toEqual(['副处级及以上（副团级，相当于副处级）']);
    expect(vipReasons({ rank: '正科级', rankAs: '正营级', purchases: [] }, t)).toEqual([]);
  });
});
