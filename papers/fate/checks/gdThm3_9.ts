/**
 * Cross-check (b): where does fine-tuning (all layers, from the pretrained weights) end?
 *
 * Two candidate end points, both with P = P_row(X), n < d:
 *  - the paper's mechanism (proof of Thm 3.9, eq 142): β_ft = X⁺y + (I − P)β_s;
 *  - the derived end point (theory/fate/fineTuneEndpoint.ts): β_ft = X⁺y + k(I − P)β_s, with k from
 *    the conserved invariants (s^L − p s^{L−1} − q = 0, k = s^{(L−1)/2}, p = ‖(I − P)β_s‖², q = ‖X⁺y‖²).
 *
 * The gradient-flow end point is estimated by running the whole pipeline (pretrain → fine-tune) at
 * step fractions c = 0.2 and 0.1 and Richardson-extrapolating (runs.ts): plain GD sits O(c) away
 * from the flow's end point (≈ 1e-3 at c = 0.1, halving with c), the extrapolation O(c²) (≈ 1e-5).
 * α = 1e-3: the O(α) parts of the pretrained weights are below that. Tolerance for both formulas:
 * relative-norm error ≤ 1e-3 — 100× the extrapolated numerical error, and below the size of the
 * correction the formulas disagree on, |k − 1|·√p/‖β_ft‖ (≳ 3e-3 at σ = 0, ≳ 5e-2 at σ ≥ 0.5 in the
 * regimes drawn). Simulation supports the derived end point (errors ~1e-6 … 1e-5); eq (142) is off
 * by exactly that correction, so its check is registered as a known deviation.
 */
import fc from 'fast-check';
import { thm3_9 } from '../theory/thm3_9.ts';
import type { KnownDeviation } from '../../../properties/check.ts';
import { defineCheck, type Evaluation } from '../../../properties/runner.ts';
import { arbDepth, arbSeed, arbSigmaGrid, arbTheta, probeFineTune, arbUniform, type TargetRegime } from './gdCommon.ts';
import { outsideHypotheses } from './support.ts';

// Measured through the GD simulator's internals (probeFineTune, gdCommon.ts): the Richardson fits of one
// target set, compared with both end-point formulas on that set — which the registered fate.gd.fine-tune
// (a fresh target set per draw, from other streams) does not return for the regime's own seed.

const arb = fc.noBias(fc.record({
  d: fc.integer({ min: 8, max: 40 }),
  gamma: arbUniform(0.2, 0.75),
  L: arbDepth,
  theta: arbTheta,
  sigma: arbSigmaGrid,
  seed: arbSeed,
}));
type V = typeof arb extends fc.Arbitrary<infer T> ? T : never;

export const FT_ALPHA = 1e-3;
export const FT_TOL = 1e-3;

function regime(v: V): TargetRegime {
  return { d: v.d, n: Math.max(1, Math.round(v.gamma * v.d)), L: v.L, theta: v.theta, sigma: v.sigma, seed: v.seed };
}
const paramsOf = (v: V) => {
  const r = regime(v);
  return { d: r.d, n: r.n, gamma: r.n / r.d, L: r.L, theta: r.theta, sigma: r.sigma, alpha: FT_ALPHA, seed: r.seed };
};

/** The claim's prediction, with the end-point gap the check compares against picked from its details. */
function predicted(v: V, key: 'mechanismGap' | 'derivedMechanismGap', statistic: string): Evaluation {
  const p = paramsOf(v);
  const out = outsideHypotheses(thm3_9, p);
  if (out) return out;
  const prediction = thm3_9.predict(p);
  return { prediction, target: prediction.details![key] as number, statistic };
}

function noteOf(v: V): string {
  const p = probeFineTune(regime(v), FT_ALPHA);
  return `k = ${p.k.toFixed(4)} (p = ${p.p.toFixed(3)}, q = ${p.q.toFixed(3)}); extrapolated errors: eq142 ${p.gapPaper.toExponential(2)}, derived ${p.gapDerived.toExponential(2)}; plain GD at c = 0.1: eq142 ${p.gapPaperGd.toExponential(2)}, derived ${p.gapDerivedGd.toExponential(2)}; ${p.steps} GD steps${p.converged ? '' : '; NOT converged'}`;
}

export const fineTuneDerivedCheck = defineCheck<V>({
  id: 'fate.thm3.9/gd-ft-endpoint-derived',
  aliases: ['fate.thm3.9.gd-ft-endpoint-derived'],
  claim: thm3_9,
  title: 'Fine-tuning GD ends at X⁺y + k(I − P)β_s with k from the conserved invariants (derived end point)',
  arbitrary: arb,
  runs: { test: 6, quick: 16, full: 60 },
  alpha: 0.01,
  compare: 'close',
  tolerance: { rel: 0, abs: FT_TOL },
  shrinkMs: { test: 3000, quick: 10000, full: 60000 },
  params: paramsOf,
  // k, p, q depend on the drawn target set: they are reported in the measurement's note.
  evaluate: (v) => predicted(v, 'derivedMechanismGap', `relative-norm error of the extrapolated GD end point vs the derived formula X⁺y + k(I − P)β_s (tol ${FT_TOL})`),
  measure: (v) => {
    const p = probeFineTune(regime(v), FT_ALPHA);
    return { mean: p.converged ? p.gapDerived : 1, stderr: 0, draws: 1, note: noteOf(v) };
  },
});

/** The recorded mismatch of eq (142) (gate seed 20261122, budget 'test'); the check must keep failing. */
export const FT_PAPER_DEVIATION: KnownDeviation = {
  title: 'Eq (142) misses the norm constraint of the conserved invariants: β_ft = X⁺y + k(I − P)β_s with k ≠ 1',
  explanation:
    'Fine-tuning from the balanced rank-one pretrained net keeps the chain rank one in its hidden directions, with W_1 = u vᵀ, (I − P)u = (I − P)β_s frozen (eq 82/90) and the invariants (eq 35) forcing ‖u‖² = s_2² = … = s_L² = s. ' +
    'Interpolation gives Pβ = X⁺y, so β = X⁺y + s^{(L−1)/2}(I − P)β_s with s^L − p s^{L−1} − q = 0 (p = ‖(I − P)β_s‖², q = ‖X⁺y‖²); eq (142) sets k = s^{(L−1)/2} to 1, which holds only when p + q = 1 ' +
    '(σ = 0 and d → ∞). With label noise q ≈ γ + σ²γ/(1 − γ) > 1 − p and k > 1. The GD simulator (Richardson-extrapolated to the flow) matches the derived end point to ~1e-5 relative and misses eq (142) by |k − 1|√p/‖β‖ (3e-3 … 2e-1). ' +
    'Consequence: eq (16) for E R_ft is not the gradient-flow risk when σ > 0 (the fast fine-tuning simulations must use the derived k).',
  // Shrunk by fast-check from the gate run: even with θ = 0 (target task = source task), n = 2, d = 8,
  // σ = 1, the GD end point is 10% (relative norm) away from eq (142) and 2e-5 from the derived one.
  counterexample: {
    params: { d: 8, n: 2, gamma: 0.25, L: 2, theta: 0, sigma: 1, alpha: 0.001, seed: 0 },
    replay: 'npx ttc replay ZmF0ZS50aG0zLjkuZ2QtZnQtZW5kcG9pbnQtZXExNDJ8MjAyNjExMjJ8MDowOjA6MDoxOjF8dGVzdA',
  },
};

export const fineTunePaperCheck = defineCheck<V>({
  id: 'fate.thm3.9/gd-ft-endpoint-eq142',
  aliases: ['fate.thm3.9.gd-ft-endpoint-eq142'],
  claim: thm3_9,
  title: "Fine-tuning GD ends at the paper's mechanism X⁺y + (I − P)β_s (Thm 3.9 proof, eq 142)",
  arbitrary: arb,
  runs: { test: 6, quick: 16, full: 60 },
  alpha: 0.01,
  compare: 'close',
  tolerance: { rel: 0, abs: FT_TOL },
  shrinkMs: { test: 4000, quick: 10000, full: 60000 },
  params: paramsOf,
  evaluate: (v) => predicted(v, 'mechanismGap', `relative-norm error of the extrapolated GD end point vs eq (142) X⁺y + (I − P)β_s (tol ${FT_TOL})`),
  measure: (v) => {
    const p = probeFineTune(regime(v), FT_ALPHA);
    return { mean: p.converged ? p.gapPaper : 1, stderr: 0, draws: 1, note: noteOf(v) };
  },
  deviation: FT_PAPER_DEVIATION,
});
