import fc from 'fast-check';

/**
 * Region coverage by design (issue 11 item 7). fast-check draws a check's regimes independently, so a coin per regime
 * for "which side of the boundary" leaves a side uncovered with probability 2·2⁻ⁿ (seed 10303: fate.eq17/signs-noiseless
 * drew 1 of its 10 regimes on the positive side and failed its required coverage of 2). `stratify(a, b, …)` makes run i
 * draw from stratum i mod K, so every stratum gets ⌊n/K⌋ or ⌈n/K⌉ regimes at every seed.
 *
 * How: the runner samples the tuple of all strata (one value of each per run) and run i reads component i mod K; a
 * replay token's path starts with i, so a replay and a shrink read the same component (shrinking the unused components
 * is harmless: the shrinker's memo answers them without re-measuring). Used anywhere else, the arbitrary is
 * fc.oneof(…strata) — a value of one of them.
 */
const STRATA = Symbol.for('ttc.strata');

type Stratified<T> = fc.Arbitrary<T> & { [STRATA]?: readonly fc.Arbitrary<T>[] };

export function stratify<T>(...strata: fc.Arbitrary<T>[]): fc.Arbitrary<T> {
  if (strata.length < 2) throw new RangeError('stratify: give at least two strata');
  return Object.assign(fc.oneof(...strata), { [STRATA]: strata }) as fc.Arbitrary<T>;
}

/** What the runner samples for an arbitrary, and how run i reads its regime from one sample. */
export function sampling<T>(arb: fc.Arbitrary<T>): { arbitrary: fc.Arbitrary<unknown>; pick(v: unknown, run: number): T; strata: number } {
  const strata = (arb as Stratified<T>)[STRATA];
  if (!strata) return { arbitrary: arb as fc.Arbitrary<unknown>, pick: (v) => v as T, strata: 1 };
  const K = strata.length;
  return { arbitrary: fc.tuple(...strata) as fc.Arbitrary<unknown>, pick: (v, run) => (v as T[])[run % K]!, strata: K };
}

/** The run index a replay path starts with. */
export const runOfPath = (path: string): number => Number(path.split(':')[0]);
