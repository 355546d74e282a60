import fc from 'fast-check';

/**
 * Parameter arbitraries on readable grids: values shrink toward the low end of their range and print
 * as short decimals, so a shrunk counterexample reads like a parameter choice, not like 5e-324.
 */
export function real(min: number, max: number, steps = 1000): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: steps }).map((k) => Number((min + ((max - min) * k) / steps).toPrecision(6)));
}

/** An angle in [lo, hi] ⊂ [0, π/2] (radians, 4 decimals). */
export function angle(lo = 0, hi = Math.PI / 2): fc.Arbitrary<number> {
  return fc.integer({ min: Math.ceil(lo * 1e4), max: Math.floor(hi * 1e4) }).map((k) => k / 1e4);
}

export function int(min: number, max: number): fc.Arbitrary<number> {
  return fc.integer({ min, max });
}

/** A simulation seed carried inside the drawn value, so a value alone replays the run. */
export const simSeed: fc.Arbitrary<number> = fc.integer({ min: 1, max: 0x7fffffff });

/**
 * fast-check's filter retries without end; when (almost) nothing qualifies — a planted typo (mutant
 * ptransfer-num-u-exponent: ‖u‖² for ‖u‖⁴ hung thm4.2/monotone-paper's pair filter) — the draw would never return. After MAX_MISSES rejections in a row the next candidate is let through; the check's own evaluate then
 * skips it (counted, so the verdict is inconclusive or out-of-hypotheses, not a hang). With the printed statistic the
 * worst ingredient's acceptance is ≈ 6 %, so 2 000 misses in a row (probability ≈ 1e-54) never happen: the draws are
 * the ones an unbounded filter gives.
 */
const MAX_MISSES = 2000;
export function boundedKeep<P>(keep: (t: P) => boolean): (t: P) => boolean {
  let misses = 0;
  return (t) => {
    if (keep(t) || ++misses > MAX_MISSES) {
      misses = 0;
      return true;
    }
    return false;
  };
}
