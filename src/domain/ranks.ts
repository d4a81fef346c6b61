// The ladders people are ranked on (domain.md §15). Most units use the civil service's
// (classify.ts RANKS); 军警 units also the military's and the police's; enterprises their own
// titles, which are free text. VIP (domain.md §4: an official of 副处级 or above) compares on
// the civil ladder, so each military and police rank has its civil-service equivalent here.
import { RANKS, type Rank } from './classify.ts';

/** Military post grades (职务等级), highest first, with the civil grade a transfer is placed at. */
const MILITARY: ReadonlyMap<string, Rank> = new Map([
  ['正大军区级', '正部级'], ['正战区级', '正部级'],
  ['副大军区级', '副部级'], ['副战区级', '副部级'],
  ['正军级', '副部级'],
  ['副军级', '正厅级'],
  ['正师级', '正厅级'],
  ['副师级', '副厅级'],
  ['正团级', '正处级'],
  ['副团级', '副处级'],
  ['正营级', '正科级'],
  ['副营级', '副科级'],
  ['正连级', '科员'], ['副连级', '科员'], ['正排级', '科员'],
]);

/**
 * Police ranks (警衔), each at the lowest post it may be held at (人民警察警衔条例 §10: 三级警监
 * serves from 处级正职, 一级警督 from 科级正职), so a 警衔 never makes a VIP of someone whose
 * post is lower; then the 警员 post grades (警长 series), at the civil grades they are paired with.
 */
const POLICE: ReadonlyMap<string, Rank> = new Map([
  ['总警监', '正部级'],
  ['副总警监', '副部级'],
  ['一级警监', '正厅级'],
  ['二级警监', '副厅级'],
  ['三级警监', '正处级'],
  ['一级警督', '正科级'],
  ['二级警督', '副科级'],
  ['三级警督', '科员'],
  ['一级警司', '科员'], ['二级警司', '科员'], ['三级警司', '科员'],
  ['一级高级警长', '正处级'], ['二级高级警长', '正处级'],
  ['三级高级警长', '副处级'], ['四级高级警长', '副处级'],
  ['一级警长', '正科级'], ['二级警长', '正科级'],
  ['三级警长', '副科级'], ['四级警长', '副科级'],
  ['一级警员', '科员'], ['二级警员', '科员'], ['警员', '科员'],
]);

export const MILITARY_RANKS: readonly string[] = [...MILITARY.keys()];
export const POLICE_RANKS: readonly string[] = [...POLICE.keys()];

const CIVIL: ReadonlySet<string> = new Set(RANKS);

/** The ranks a unit of `system` may record; undefined when any text is a rank (enterprises). */
export function ranksFor(system: string): readonly string[] | undefined {
  if (system === '实力企业') return undefined;
  return system === '军警' ? [...RANKS, ...MILITARY_RANKS, ...POLICE_RANKS] : RANKS;
}

/** Which ladder a rank is on, for telling the user why it does not fit the unit. */
export function ladderOf(rank: string): '公务员职级' | '军队职级' | '警衔或警员职务' | undefined {
  if (CIVIL.has(rank)) return '公务员职级';
  if (MILITARY.has(rank)) return '军队职级';
  return POLICE.has(rank) ? '警衔或警员职务' : undefined;
}

/**
 * The civil-service grade a rank counts as for VIP: itself on the civil ladder, its equivalent
 * on the military and police ones (in 军警 units). An enterprise's titles never count: its
 * people are not officials, whatever they are called.
 */
export function civilRank(rank: string, system: string): Rank | undefined {
  if (!ranksFor(system)?.includes(rank)) return undefined;
  return CIVIL.has(rank) ? (rank as Rank) : (MILITARY.get(rank) ?? POLICE.get(rank));
}
