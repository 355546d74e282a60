/**
 * Cross-check (b): where does fine-tuning (all layers, from the pretrained weights) end?
 *
 * The GD end point is estimated by running the whole pipeline (pretrain → fine-tune) at step fractions
 * c = 0.2 and 0.1 and Richardson-extrapolating (runs.ts): plain GD sits O(c) away from the flow's end point
 * (≈ 1e-3 at c = 0.1, halving with c), the extrapolation O(c²) (≈ 1e-5). α = 1e-3: the O(α) parts of the
 * pretrained weights are below that. It is compared with
 *  - the paper's mechanism (proof of Thm 3.9, eq 142): β_ft = X⁺y + (I − P)β_s, P = P_row(X);
 *  - the reduction: the gradient flow reduced from the layer gradients and integrated (sim/fineTuneFlow.ts via
 *    gd/data.ts reducedFineTune) — no formula for the end point. Our derived X⁺y + k(I − P)β_s
 *    (theory/fineTuneEndpoint.ts) is not used here; fineTuneFlow.test.ts tests it against the reduction.
 * Tolerance (core/levels.ts): relative-norm error ≤ 1e-3 — ≥ 20× the extrapolated numerical error, and below
 * the correction that separates the two end points, |k − 1|·√p/‖β_ft‖ (≳ 3e-3 at σ = 0, ≳ 5e-2 at σ ≥ 0.5 in
 * the regimes drawn). GD meets the reduction (~1e-6 … 5e-5) and misses eq (142) by exactly that correction, so
 * the eq (142) check is a recorded deviation.
 */
import fc from 'fast-check';
import { thm3_9 } from '../theory/thm3_9.ts';
import type { KnownDeviation } from '../../../properties/check.ts';
import { defineCheck, type Evaluation } from '../../../properties/runner.ts';
import { arbDepth, arbSeed, arbSigmaGrid, arbTheta, probeFineTune, arbUniform, type TargetRegime } from './gdCommon.ts';
import { outsideHypotheses } from './support.ts';

// Measured through the GD simulator's internals (probeFineTune, gdCommon.ts): the Richardson fits of one
// target set, compared with eq (142) and with the integrated flow on that set — which the registered fate.gd.fine-tune
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
  return `flow weight C = ${p.k.toFixed(4)} on (I − P)β_s (p = ${p.p.toFixed(3)}, q = ${p.q.toFixed(3)}); extrapolated GD vs eq142 ${p.gapPaper.toExponential(2)}, vs the integrated flow ${p.gapDerived.toExponential(2)}; plain GD at c = 0.1: eq142 ${p.gapPaperGd.toExponential(2)}, flow ${p.gapDerivedGd.toExponential(2)}; ${p.steps} GD steps${p.converged ? '' : '; NOT converged'}`;
}

export const fineTuneDerivedCheck = defineCheck<V>({
  id: 'fate.thm3.9/gd-ft-endpoint-derived',
  aliases: ['fate.thm3.9.gd-ft-endpoint-derived'],
  claim: thm3_9,
  title: 'Fine-tuning GD ends at the end point of the integrated gradient flow (the reduction of sim/fineTuneFlow.ts)',
  arbitrary: arb,
  runs: { test: 6, quick: 16, full: 60 },
  compare: 'close',
  shrinkMs: { test: 3000, quick: 10000, full: 60000 },
  params: paramsOf,
  // C, p, q depend on the drawn target set: they are reported in the measurement's note.
  evaluate: (v) => predicted(v, 'derivedMechanismGap', `relative-norm error of the extrapolated GD end point vs the integrated gradient flow's end point (tol ${FT_TOL})`),
  measure: (v) => {
    const p = probeFineTune(regime(v), FT_ALPHA);
    return { mean: p.converged ? p.gapDerived : 1, stderr: 0, draws: 1, note: noteOf(v) };
  },
});

/** The recorded mismatch of eq (142) (gate seed 20261122, budget 'test'); the check must keep failing. */
export const FT_PAPER_DEVIATION: KnownDeviation = {
  title: 'Eq (142) misses the norm constraint of the conserved invariants: β_ft = X⁺y + k(I − P)β_s with k ≠ 1',
  explanation:
    'Fine-tuning from the balanced rank-one pretrained net keeps the chain rank one in its hidden directions, with W_1 = u vᵀ, (I − P)u = (I − P)β_s frozen (eq 82/90), ' +
    'but the later layers move, so the frozen direction enters β with the weight C = c^{L−1} of the later layers, and C ≠ 1 in general. Our derivation from the conserved ' +
    'invariants (eq 35) gives C = k = s^{(L−1)/2}, s^L − p s^{L−1} − q = 0 (p = ‖(I − P)β_s‖², q = ‖X⁺y‖²); eq (142) sets it to 1, which holds only when p + q = 1 ' +
    '(σ = 0 and d → ∞). Consequence: eq (16) for E R_ft is not the gradient-flow risk when σ > 0 (fate.thm3.9/noisy-labels).',
  statement: 'Proof of Thm 3.9 (App. B.8, eq 142): gradient flow fine-tuning from the pretrained weights ends at β_ft = X⁺y + (I − P_row(X))β_s, for n < d.',
  hypotheses:
    'Assumptions 3.1–3.2, gradient flow of all layers from the pretrained weights with α → 0, n < d. Checked: γ ≠ 1 (predicate); α = 1e-3, GD Richardson-extrapolated ' +
    'in the step to the flow (the training is the simulation).',
  evidence:
    'Full deep-linear GD (sim/fate/gd: pretrain from α = 1e-3 on the population loss, then fine-tune all layers on the target set; steps c = 0.2, 0.1, Richardson-extrapolated), ' +
    'd = 8 … 40, L ∈ {2, 3}, σ ∈ {0, 0.5, 1, 1.5}: its end point is 1.7e-2 … 1.7e-1 (relative norm) from eq (142) and ≤ 5e-5 from the integrated flow. GD uses no ' +
    'formula for the end point — independent of our derived k and of the reduction.',
  where:
    'every n < d: at σ > 0 for every d (k → k(γ, σ) > 1), at σ = 0 at finite d only (k = 1 + O(1/√d) draw by draw, e.g. 1.023 at d = 30, n = 8; C = 0.99 … 1.04 at d = 500). ' +
    'Asserted at d = 8 … 40, γ ∈ [0.2, 0.75].',
  classification:
    'deviates (issue 12 rule 1): a printed step of the proof fails under its own hypotheses, shown by full GD, which uses no formula we derived. At σ = 0 the gap is a finite-size ' +
    'effect (eq 16 holds in the limit); with label noise it persists as d → ∞ (fate.thm3.9/noisy-labels).',
  // Shrunk by fast-check from the gate run: even with θ = 0 (target task = source task), n = 2, d = 8,
  // σ = 1, the GD end point is 10% (relative norm) away from eq (142) and 2e-5 from the integrated flow.
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
  compare: 'close',
  shrinkMs: { test: 4000, quick: 10000, full: 60000 },
  params: paramsOf,
  evaluate: (v) => predicted(v, 'mechanismGap', `relative-norm error of the extrapolated GD end point vs eq (142) X⁺y + (I − P)β_s (tol ${FT_TOL})`),
  measure: (v) => {
    const p = probeFineTune(regime(v), FT_ALPHA);
    return { mean: p.converged ? p.gapPaper : 1, stderr: 0, draws: 1, note: noteOf(v) };
  },
  deviation: FT_PAPER_DEVIATION,
});
