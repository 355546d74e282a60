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
