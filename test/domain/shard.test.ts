import { describe, expect, it } from 'vitest';
import { inShard, parseShard } from '../../src/domain/shard.ts';

describe('shards', () => {
  const ids = Array.from({ length: 3000 }, (_, i) => `customer-${i}`);

  it('split the ids into n disjoint parts that together are all of them', () => {
    for (const count of [1, 2, 3, 7]) {
      const parts = Array.from({ length: count }, (_, i) => ids.filter((id) => inShard(id, { index: i + 1, count })));
      expect(parts.flat().sort()).toEqual([...ids].sort());
      // Roughly even: no shard more than 15 % off its share.
      for (const p of parts) expect(Math.abs(p.length - ids.length / count)).toBeLessThan((ids.length / count) * 0.15);
    }
  });

  it('depend only on the id', () => {
    expect(inShard('nmg-power', { index: 2, count: 3 })).toBe(inShard('nmg-power', parseShard('2/3')));
  });

  it('refuses malformed shard options', () => {
    for (const bad of ['0/3', '4/3', '3', 'a/b', '1/0']) expect(() => parseShard(bad)).toThrow(/分片要写成 i\/n/);
  });
});
