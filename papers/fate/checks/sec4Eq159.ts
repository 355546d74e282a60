import fc from 'fast-check';
import { sec4Projection } from '../theory/sec4Claims.ts';
import { gramMatrices, keptRows, perpForAblation } from '../theory/sec4.ts';
import { teacherFor } from '../sim/relu/sims.ts';
import { solveDense } from '../../../core/linalg/solve.ts';
import { int, real, simSeed } from '../../../properties/arbitraries.ts';
import { defineCheck } from '../../../properties/runner.ts';
import { outsideHypotheses } from './support.ts';

/**
 * Regimes where the printed difference of eq (159) can be evaluated literally: cond(K) ≤ MAX_COND and
 * ‖P⊥f*‖²/‖f*‖² ≥ MIN_RELATIVE. The round-off of (1/m*)(c*ᵀK*c* − c*ᵀK̃ᵀK⁻¹K̃c*) is about ε·p·cond(K)·‖f*‖²
 * (the solve, then the cancellation of the two terms down to ‖P⊥f*‖²), so relative to ‖P⊥f*‖² it is
 * ≤ 2.2e-16 · 24 · 1e4 · 1e3 ≈ 5e-8 here — 20× below the tolerance (core/levels.ts). Outside these regimes
 * the printed form is not a numerical statement (the checks on the stable form cover them).
 */
const MAX_COND = 1e4;
const MIN_RELATIVE = 1e-3;

/** 2-norm condition number of a symmetric positive-definite K (p × p): power iteration on K and on K⁻¹. */
export function conditionSpd(K: Float64Array, p: number, iters = 60): number {
  const iterate = (apply: (x: Float64Array) => Float64Array): number => {
    let x: Float64Array = Float64Array.from({ length: p }, (_, i) => 1 + i / p);
    let lambda = 0;
    for (let t = 0; t < iters; t++) {
      const y = apply(x);
      const norm = Math.hypot(...y);
      if (!(norm > 0) || !Number.isFinite(norm)) return Infinity;
      lambda = norm / Math.hypot(...x);
      x = y.map((v) => v / norm);
    }
    return lambda;
  };
  const mul = (x: Float64Array) => {
    const y = new Float64Array(p);
    for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) y[i] += K[i * p + j]! * x[j]!;
    return y;
  };
  return iterate(mul) * iterate((x) => solveDense(K, p, x));
}

/**
 * App. C eq (159) as printed, against the same ‖P⊥f*_t‖² evaluated stably (the Schur complement of the joint Gram
 * matrix by pivoted Cholesky, which the other §4 checks compare with simulation). The printed value is the
 * claim's predictPrinted — the formula a reviewer reads — so a typo in it (a normalisation 1/m* dropped, K for
 * K* …) is a mismatch here; the stable form is the reference because it never forms K⁻¹. Teachers are drawn as in
 * fate.sec4.projection/lt-limit (the same teacherFor law), features = the source teacher's neurons (Fig 4a–b).
 * Deterministic: 'close' with the tolerance of core/levels.ts.
 */
export const printedEq159 = defineCheck({
  id: 'fate.sec4.projection/printed-eq159',
  claim: sec4Projection,
  title: 'Eq (159) as printed equals ‖P⊥f*_t‖² (stable Schur-complement form) on well-conditioned drawn teachers',
  arbitrary: fc
    .record({ d: int(10, 24), mstar: int(8, 24), frac: real(0.1, 0.8, 70), teacherSeed: simSeed })
    .map((v) => {
      const k = Math.min(v.mstar - 2, Math.max(1, Math.round(v.frac * v.mstar)));
      return { d: v.d, mstar: v.mstar, mu: k / v.mstar, teacherSeed: v.teacherSeed };
    }),
  runs: { test: 12, quick: 40, full: 100 },
  compare: 'close',
  shrinkMs: { test: 0, quick: 0, full: 0 },
  params: (v) => ({ d: v.d, mstar: v.mstar, mu: v.mu, teacherSeed: v.teacherSeed }),
  evaluate(v) {
    const p = { d: v.d, mstar: v.mstar, mu: v.mu };
    const out = outsideHypotheses(sec4Projection, p);
    if (out) return out;
    const t = teacherFor({ ...p, teacherSeed: v.teacherSeed });
    const kept = keptRows(t.W, t.removed);
    const cond = conditionSpd(gramMatrices(kept, t.W).K, kept.length);
    if (!(cond <= MAX_COND)) return { skip: `cond(K) = ${cond.toPrecision(3)} > ${MAX_COND}: the printed difference is not evaluable in float64 here` };
    const stable = perpForAblation(t.W, t.c, t.removed);
    if (stable.relative < MIN_RELATIVE) return { skip: `‖P⊥f*‖²/‖f*‖² = ${stable.relative.toPrecision(3)} < ${MIN_RELATIVE}: the printed difference cancels to round-off` };
    const prediction = sec4Projection.predictPrinted(p, t);
    return { prediction, target: prediction.value!, statistic: `eq (159) as printed = ${prediction.value!.toPrecision(8)} (cond K = ${cond.toPrecision(3)}, m = ${kept.length})` };
  },
  measure(v) {
    const t = teacherFor({ d: v.d, mstar: v.mstar, mu: v.mu, teacherSeed: v.teacherSeed });
    const pr = perpForAblation(t.W, t.c, t.removed);
    return { mean: pr.perp, stderr: 0, draws: 1, note: `stable Schur complement ‖P⊥f*‖² = ${pr.perp.toPrecision(8)} (rank ${pr.rank}, relative ${pr.relative.toPrecision(3)})` };
  },
});
