import { InputError } from '../core/params.ts';

/**
 * Deterministic sharding `i/N` (1-based). Checks are split by claim: claims are dealt round-robin in
 * registry order (order of first appearance) and every check of a claim goes with it, so one claim's
 * verdicts never straddle machines; other items (figure jobs) are dealt round-robin. Shard i always gets
 * the same items and the union of all shards is the whole run.
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

/** The checks of the claims dealt to shard `text` (see above). */
export function selectShardByClaim<T extends { claimId: string }>(checks: readonly T[], text: string): T[] {
  const { index, count } = parseShard(text);
  const claims = [...new Set(checks.map((c) => c.claimId))];
  const mine = new Set(claims.filter((_, k) => k % count === index - 1));
  return checks.filter((c) => mine.has(c.claimId));
}
