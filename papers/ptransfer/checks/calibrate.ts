import type { Params } from '../../../core/params.ts';

/**
 * Where a bound with unknown constants decides the order of two errors (constants.ts part (b)).
 *
 * Thm 4.2 (and Thm 4.3, Kou's theorem) say: S ≥ 1/C_1 ⇒ error ≤ exp(−C_2 S), S ≤ 1/C_3 ⇒ error ≥ 0.1. Two
 * regimes with both S between the thresholds, or both on one side, are not ordered by it: both errors ≥ 0.1,
 * or both below their own bounds, or nothing said. The order of err(A) and err(B) is implied only when one
 * member lies at or below 1/C_3 and the other at or above 1/C_1 — then err(low S) ≥ 0.1 > err(high S).
 * The constants are estimated from the check's own regimes (independent of the pairs' replicate streams):
 * 1/C_3 as the largest S seen sub-optimal (error ≥ level), 1/C_1 as the smallest S seen near-optimal
 * (error ≤ level/2) — the values part (c) reports.
 */
export interface Thresholds {
  /** Estimated 1/C_3: the largest S of a sub-optimal regime. */
  invC3: number;
  /** Estimated 1/C_1: the smallest S of a near-optimal regime. */
  invC1: number;
}

export function calibrateThresholds(pts: readonly { S: number; e: number; level: number }[]): Thresholds | null {
  const sub = pts.filter((q) => q.e >= q.level).map((q) => q.S);
  const near = pts.filter((q) => q.e <= q.level / 2).map((q) => q.S);
  if (!sub.length || !near.length) return null;
  return { invC3: Math.max(...sub), invC1: Math.min(...near) };
}

/** The bound orders the two errors: one member at or below 1/C_3, the other at or above 1/C_1. */
export function decides(sA: number, sB: number, t: Thresholds): boolean {
  return Math.min(sA, sB) <= t.invC3 && Math.max(sA, sB) >= t.invC1;
}

/** The factor on d that puts the pair's geometric mean of S at √(1/C_3 · 1/C_1) (S ∝ 1/d). */
export function centringFactor(sA: number, sB: number, t: Thresholds): number {
  return Math.sqrt(sA * sB) / Math.sqrt(t.invC3 * t.invC1);
}

/**
 * A pair that does not straddle the estimated thresholds is moved as a whole along d so that it straddles
 * them symmetrically (in log S): S and every perturbed statistic (all ∝ 1/d) keep their ratios between the members, so the pair still
 * sets S against S′; it is decided when its S ratio covers the gap 1/C_1 ÷ 1/C_3. η, σ_0 and T stay the
 * pair's own; whether the moved members satisfy the hypotheses is for the check to ask its claim.
 */
export function placeAcrossThresholds(pair: readonly [Params, Params], sA: number, sB: number, t: Thresholds): [Params, Params] {
  // A pair that already straddles them (always so where the estimates overlap, 1/C_3 ≥ 1/C_1) stays as built.
  if (decides(sA, sB, t) || !(sA > 0 && sB > 0 && Number.isFinite(sA * sB))) return [pair[0], pair[1]];
  const k = centringFactor(sA, sB, t);
  const move = (p: Params): Params => ({ ...p, d: Math.max(1, Math.round(p.d! * k)) });
  return [move(pair[0]), move(pair[1])];
}
