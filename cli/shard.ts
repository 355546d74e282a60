import { InputError } from '../theory/params.ts';

/**
 * Deterministic sharding `i/N` (1-based): items are assigned round-robin in registry order, so shard i
 * always gets the same checks and the union of all shards is the whole run.
 */
export function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new InputError(`--shard must look like i/N (e.g. 1/4), got '${text}'`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) throw new InputError(`--shard i/N needs 1 ≤ i ≤ N, got '${text}'`);
  return { index, count };
}

export function selectShard<T>(items: readonly T[], text: string): T[] {
  const { index, count } = parseShard(text);
  return items.filter((_, k) => k % count === index - 1);
}
