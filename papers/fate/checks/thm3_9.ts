import fc from 'fast-check';
import { thm3_9 } from '../theory/thm3_9.ts';
import { fineTuneKLimit } from '../theory/fineTuneEndpoint.ts';
import { transferabilityFtLawSim } from '../sim/ftLaw.ts';
import { angle, int, real, simSeed } from '../../../properties/arbitraries.ts';
import { defineCheck, estimate, type Evaluation } from '../../../properties/runner.ts';
import { outsideHypotheses, simulate } from './support.ts';

export { transferabilityFtLawSim };

/**
 * Per-draw standard deviation of the paired R_ft − R_sc at σ = 0 is ≤ 0.11·√(200/d) over γ ∈ [0.1, 0.85],
 * θ ∈ [0, π/2] (measured: 0.105 at d = 200, γ = 0.5, θ = π/2, the largest; it falls like 1/√d). Draws are
 * set from it so that the standard error is ≤ δ/6: power ≥ 0.8 at α_c/R two-sided (t quantile ≈ 4.4 at
 * 80–170 degrees of freedom, + 0.85) with room for a sample sd that reads ~10 % high.
 */
function noiselessDraws(d: number): number {
  return Math.ceil(((6 * 0.11) / 0.05) ** 2 * (200 / d));
}

/**
 * Thm 3.9 against the gradient-flow end point of fine-tuning, integrated at large d (fate.transferability-ft.law:
 * the flow of sim/fineTuneFlow.ts on the exact law of the spectral data, sim/ftLaw.ts — no fine-tuning formula;
 * cross-checked against the fast sweep and the plain simulation in ftLaw.test.ts, the flow against full deep-linear GD
 * at d ≤ 40 in fineTuneFlow.test.ts). Noiseless labels: conforms with power against δ = 0.05 (core/levels.ts).
 * Budget: the decisive design needs ~175·200/d draws per regime; the gate ('test') runs 4 regimes of it, 'quick' 20.
 */
export const fineTuneNoiseless = defineCheck({
  id: 'fate.thm3.9/noiseless',
  claim: thm3_9,
  simulations: [transferabilityFtLawSim],
  title: 'Fine-tuning risk with noiseless labels matches eq (16) (finite-size form of its mechanism)',
  arbitrary: fc.record({ gamma: real(0.1, 0.85, 75), theta: angle(), d: int(200, 400), seed: simSeed }),
  runs: { test: 4, quick: 20, full: 60 },
  compare: 'equal',
  params: (v) => ({ gamma: v.gamma, theta: v.theta, sigma: 0, d: v.d }),
  evaluate: (v) => pairedTarget(v, 0),
  measure: (v) => pairedGap(v, 0, noiselessDraws(v.d)),
});

/** E[R_ft − R_sc] on the same target sets: the claim's content, measured with paired (low) variance. */
const PAIRED = 'E R_ft − E R_sc = (1 − n/d)(1 − 2cos θ) (eq 16 at γ = n/d: exact at finite size for the printed mechanism)';

/** The printed E R_ft − E R_sc at n = round(γd), read from the claim's prediction. */
function pairedTarget(v: { gamma: number; theta: number; d: number }, sigma: number): Evaluation {
  const p = { gamma: v.gamma, theta: v.theta, sigma, n: Math.round(v.gamma * v.d), d: v.d };
  const out = outsideHypotheses(thm3_9, p);
  if (out) return out;
  const pred = thm3_9.predict(p);
  return { prediction: pred, target: pred.details!.ftMinusScFinite as number, statistic: PAIRED };
}

async function pairedGap(v: { gamma: number; theta: number; d: number; seed: number }, sigma: number, draws: number) {
  const m = await simulate(transferabilityFtLawSim, { gamma: v.gamma, theta: v.theta, sigma, d: v.d }, { seed: v.seed, draws });
  const scale = m.extra?.flowScale as { mean: number } | undefined;
  return estimate(m.values.map((t) => -t), `paired R_ft − R_sc over ${draws} draws${scale ? `; mean flow weight C on (I − P)β_s = ${scale.mean.toFixed(4)}` : ''}`);
}

/** Our derived correction to E R_ft − E R_sc in the proportional limit: (1 − γ)(k − 1)(k + 1 − 2cos θ). */
export function noisyCorrection(gamma: number, theta: number, sigma: number): number {
  const k = fineTuneKLimit(gamma, sigma, 2);
  return (1 - gamma) * (k - 1) * (k + 1 - 2 * Math.cos(theta));
}

/** The smallest σ ≥ σ0 (≤ 3) at which the derived correction reaches `margin` (it increases with σ). */
export function sigmaForCorrection(gamma: number, theta: number, sigma0: number, margin: number): number {
  if (noisyCorrection(gamma, theta, sigma0) >= margin) return sigma0;
  let lo = sigma0;
  let hi = 3;
  for (let i = 0; i < 50; i++) {
    const mid = 0.5 * (lo + hi);
    if (noisyCorrection(gamma, theta, mid) >= margin) hi = mid;
    else lo = mid;
  }
  return Number(hi.toFixed(3));
}

/** What the two noisy-label records share: why gradient-flow fine-tuning departs from eq (142), and the evidence. */
export const NOISY = {
  title: 'With label noise, gradient-flow fine-tuning does not end at β_sc + (I − P)β_s',
  explanation:
    'The integrated gradient flow of the pretrained deep linear net (sim/fineTuneFlow.ts) ends at X⁺y + C(I − P)β_s with C > 1 when σ > 0: ' +
    'the frozen direction (I − P)W_1 keeps its value but the later layers grow while fitting the noise, so the pretrained component is over-weighted. ' +
    'Our derivation (theory/fineTuneEndpoint.ts, from the conserved balancedness) gives C = k, k^(2/(L−1)) = s, s^L − p s^(L−1) − q = 0 with p = ‖(I−P)β_s‖², q = ‖X⁺y‖², ' +
    'so E R_ft − E R_sc → (1−γ)(k² − 2k cos θ) instead of (1−γ)(1 − 2cos θ); the integrated C agrees with this k to 1e-6 on every draw (fineTuneFlow.test.ts), ' +
    'but the evidence is the flow itself, not k.',
  statement:
    'Thm 3.9, eq (16): E_D R_ft = E_D R_sc + (1 − γ)(1 − 2cos θ) for γ ≤ 1 (proof: β_ft = X⁺y + (I − P_row(X))β_s, eq 142); eq (17): 𝒯_ft = (γ − 1)(1 − 2cos θ), ' +
    'positive transfer for θ < π/3 and negative for θ > π/3 (§3.4, Fig 3).',
  hypotheses:
    'Assumptions 3.1–3.2 (Gaussian design, label noise ε ~ N(0, σ²) — the theorem allows any σ), unit source and target at angle θ, fine-tuning all layers by gradient flow from the ' +
    'α → 0 pretrained weights, γ < 1. Checked as predicates: γ ≠ 1 and n ≠ d (gradient-flow); the training is the simulation itself.',
  evidence:
    'fate.transferability-ft.law: the gradient flow of all layers from the rank-one pretrained chain, reduced exactly from the layer gradients and integrated by RODAS4 ' +
    '(sim/fineTuneFlow.ts; no fine-tuning formula and no conservation law enters), paired with the scratch fit on the same target set at d = 200 … 400, the target set drawn through ' +
    'the exact law of what the pair depends on (Wishart eigenvalues, Haar projections of β_s and ν, noise in the eigenbasis; sim/ftLaw.ts, cross-checked against the plain simulation in ftLaw.test.ts). ' +
    'The reduction is cross-checked against full deep-linear GD (pretrain from α = 1e-3, then fine-tune all layers) at d ≤ 40 (fineTuneFlow.test.ts: gap 1e-6 … 3e-5, ' +
    'shrinking with the GD step, while eq 142 stays ≥ 100× farther), and fate.thm3.9/gd-ft-endpoint-eq142 shows full GD itself missing eq (142). Independent of our derived k ' +
    '(fineTuneEndpoint.ts), which is only tested against the flow.',
  classification:
    'deviates (issue 12 rule 1): the printed statement fails inside its own hypotheses (any σ > 0), shown by the integrated flow and by full GD, neither of which uses a formula we ' +
    'derived for the fine-tuned end point. The size is small at the paper\'s own σ = 0.2 (k ≈ 1.013 at γ = 0.5: E R_ft − E R_sc off by ≈ 0.007, boundary 60° → 59.6°, below Fig 3\'s ' +
    'resolution — see fate.eq17/boundary-resolution) and grows with σ.',
};

/**
 * With label noise, asserted where our derived correction (1 − γ)(k − 1)(k + 1 − 2cos θ) is ≥ 0.1: σ is raised from its draw
 * to the level where it is (sigmaForCorrection). With ≤ 0.13 per-draw sd at d ≥ 200, 30 draws give se ≤ 0.024, so a 0.1
 * gap is ≥ 4 se in each regime and the gate rejects in at least one of 6 at α_c with near certainty, at any seed.
 */
export const fineTuneNoisy = defineCheck({
  id: 'fate.thm3.9/noisy-labels',
  claim: thm3_9,
  simulations: [transferabilityFtLawSim],
  title: 'Fine-tuning risk with label noise vs eq (16)',
  arbitrary: fc
    .record({ gamma: real(0.2, 0.7, 50), theta: angle(1.0, Math.PI / 2), sigma: real(0.8, 1.5, 70), d: int(200, 400), seed: simSeed })
    .map((v) => ({ ...v, sigma: sigmaForCorrection(v.gamma, v.theta, v.sigma, 0.1) })),
  runs: { test: 6, quick: 20, full: 60 },
  compare: 'equal',
  params: (v) => ({ gamma: v.gamma, theta: v.theta, sigma: v.sigma, d: v.d }),
  evaluate: (v) => pairedTarget(v, v.sigma),
  measure: (v) => pairedGap(v, v.sigma, 30),
  deviation: {
    ...NOISY,
    where:
      'every σ > 0 with γ < 1; asserted where our derived correction (1 − γ)(k − 1)(k + 1 − 2cos θ) ≥ 0.1: σ drawn in [0.8, 1.5] and raised to ≤ 1.25 where needed, ' +
      'γ ∈ [0.2, 0.7], θ ∈ [1, π/2], d = 200 … 400. ' +
      'In the limit the correction is 0.0066 at γ = 0.5, θ = π/3, σ = 0.2 (the paper\'s σ), 0.04 at σ = 0.5, 0.14 at σ = 1.',
    // Shrunk by fast-check from the gate run (seed 20261122, budget test) after σ was placed by the derived margin.
    counterexample: {
      params: { gamma: 0.2, theta: 1, sigma: 1.218, d: 200 },
      replay: 'npx ttc replay ZmF0ZS50aG0zLjkvbm9pc3ktbGFiZWxzfDIwMjYxMTIyfDM6MDowOjA6MDowfHRlc3Q',
    },
  },
});
