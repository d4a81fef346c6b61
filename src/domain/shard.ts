// A stable split of customers over n machines: the same id always lands in the same shard,
// whatever the order or the number of other customers, so shard manifests concatenate.

/** FNV-1a, 32 bits, over the UTF-8 bytes of the id. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Parses `i/n` (1 ≤ i ≤ n ≤ 1000). */
export function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || count > 1000 || index < 1 || index > count) {
    throw new RangeError(`分片要写成 i/n，如 2/3（1 ≤ i ≤ n ≤ 1000），收到：${text}`);
  }
  return { index, count };
}

export function inShard(id: string, shard: { index: number; count: number }): boolean {
  return fnv1a(id) % shard.count === shard.index - 1;
}
