import fc from 'fast-check';
import { fineTuneKLimit } from '../theory/fineTuneEndpoint.ts';
import { eq17 } from '../theory/eq17.ts';
import { transferabilityFtSim } from '../sim/sims.ts';
import { transferabilityFtLawSim } from '../sim/ftLaw.ts';
import { angle, int, real, simSeed } from '../../../properties/arbitraries.ts';
import { defineCheck, estimate } from '../../../properties/runner.ts';
import { stratify } from '../../../properties/strata.ts';
import { outsideHypotheses, simulate } from './support.ts';
import { NOISY } from './thm3_9.ts';

/**
 * Per-draw sd of the paired 𝒯_ft at σ ≤ 0.2 is ≈ 0.105·√(200/d) at its largest (θ = π/2, γ = 0.5; thm3_9.ts), and a
 * sample of ~25 draws can read it 15–20 % high; with 0.12 and se ≤ δ/6.5 the one-sided power at α_c/R stays ≥ 0.8 for
 * the t quantiles at 20–60 degrees of freedom (at seed 303 a 23-draw design read sd 0.096 at d = 335 and fell to 0.42).
 */
function drawsFor(delta: number, d: number, sd200 = 0.12, min = 20): number {
  return Math.max(min, Math.ceil(((6.5 * sd200) / delta) ** 2 * (200 / d)));
}

/** The sign band: regimes with |printed 𝒯_ft| below it are not tested (core/levels.ts gives the same δ, with its reason). */
const SIGN_BAND = 0.1;
const POS = 'positive (θ < π/3)';
const NEG = 'negative (θ > π/3)';

/** θ drawn on one side of π/3, outside the band (1 − γ)|1 − 2cos θ| < SIGN_BAND. */
function signsSide(negative: boolean) {
  return fc.noBias(fc.record({ gamma: real(0.1, 0.8, 70), u: real(0, 1, 100), d: int(200, 400), seed: simSeed })).map((v) => {
    // cos θ at the band's edge on each side: (1 − γ)|1 − 2cos θ| = SIGN_BAND.
    const c = SIGN_BAND / (1 - v.gamma);
    const [lo, hi] = negative ? [Math.acos((1 - c) / 2), Math.PI / 2] : [0, Math.acos((1 + c) / 2)];
    // Rounded to 4 decimals but kept ≤ π/2 (u = 1 rounded π/2 up to 1.5708, outside θ's domain: seed 3030).
    return { gamma: v.gamma, theta: Math.min(hi, Number((lo + v.u * (hi - lo)).toFixed(4))), d: v.d, seed: v.seed };
  });
}

/**
 * Eq (17): the sign of 𝒯_ft away from θ = π/3, noiseless. Stratified: run i takes side i mod 2, then θ is placed where
 * |(1 − γ)(1 − 2cos θ)| ≥ SIGN_BAND on that side (γ ≤ 0.8 keeps both sides non-empty), so both regions are covered
 * by design; draws give power ≥ 0.8 against an effect SIGN_BAND on the predicted side.
 */
export const ftSigns = defineCheck({
  id: 'fate.eq17/signs-noiseless',
  claim: eq17,
  simulations: [transferabilityFtLawSim],
  title: 'Sign of the fine-tuning transferability: + for θ < π/3, − for θ > π/3 (σ = 0)',
  // One stratum per side, alternating by run (stratify): a coin per regime left the positive side with 1 of 10
  // regimes at seed 10303, under its required coverage of 2.
  arbitrary: stratify(signsSide(false), signsSide(true)),
  runs: { test: 10, quick: 30, full: 100 },
  compare: 'sign',
  params: (v) => ({ gamma: v.gamma, theta: v.theta, sigma: 0, d: v.d }),
  region: (v) => (v.theta < Math.PI / 3 ? POS : NEG),
  requiredCoverage: { [POS]: 2, [NEG]: 2 },
  evaluate(v) {
    const p = { gamma: v.gamma, theta: v.theta };
    const out = outsideHypotheses(eq17, p);
    if (out) return out;
    const pred = eq17.predict(p);
    const t = pred.value!;
    if (Math.abs(t) < SIGN_BAND * 0.999) return { skip: `|𝒯_ft| < ${SIGN_BAND} (boundary band around θ = π/3)` };
    return { prediction: pred, target: t, statistic: `sign of eq (17) = ${t > 0 ? '+' : '−'}` };
  },
  async measure(v) {
    const draws = drawsFor(SIGN_BAND, v.d);
    const m = await simulate(transferabilityFtLawSim, { gamma: v.gamma, theta: v.theta, sigma: 0, d: v.d }, { seed: v.seed, draws });
    return estimate(m.values, `paired R_sc − R_ft over ${draws} draws`);
  },
});

/**
 * θ inside (arccos(k/2), π/3) where our derived limit (1 − γ)k(2cos θ − k) ≤ −0.1: θ from θ_lo (where it equals −0.1)
 * to π/3 − 0.02. σ ∈ [1.2, 1.8], γ ∈ [0.3, 0.6] keep that interval non-empty. Per-draw sd ≤ 0.13 at d ≥ 200, so 60
 * draws give se ≤ 0.017 and a −0.1 mean is ≥ 5.9 se on the wrong side of the printed + in every regime.
 */
function placeNoisy(v: { gamma: number; u: number; sigma: number }): number {
  const k = fineTuneKLimit(v.gamma, v.sigma, 2);
  const lo = Math.acos(Math.min(1, (k - 0.1 / ((1 - v.gamma) * k)) / 2));
  const hi = Math.PI / 3 - 0.02;
  return Number((lo + v.u * Math.max(0, hi - lo)).toFixed(4));
}

/** With label noise the sign flips before π/3: at θ below π/3, fine-tuning transfers negatively. */
export const ftSignsNoisy = defineCheck({
  id: 'fate.eq17/signs-noisy',
  claim: eq17,
  simulations: [transferabilityFtLawSim],
  title: 'Sign of the fine-tuning transferability just below θ = π/3 with label noise',
  arbitrary: fc
    .record({ gamma: real(0.3, 0.6, 30), u: real(0.1, 0.9, 80), sigma: real(1.2, 1.8, 60), d: int(200, 400), seed: simSeed })
    .map((v) => ({ ...v, theta: placeNoisy(v) })),
  runs: { test: 4, quick: 12, full: 40 },
  compare: 'sign',
  params: (v) => ({ gamma: v.gamma, theta: v.theta, sigma: v.sigma, d: v.d }),
  evaluate(v) {
    const p = { gamma: v.gamma, theta: v.theta, sigma: v.sigma, d: v.d };
    const out = outsideHypotheses(eq17, p);
    if (out) return out;
    const pred = eq17.predict(p);
    return { prediction: pred, target: pred.finiteSize!.value, statistic: 'printed: positive for θ < π/3' };
  },
  async measure(v) {
    const m = await simulate(transferabilityFtLawSim, { gamma: v.gamma, theta: v.theta, sigma: v.sigma, d: v.d }, { seed: v.seed, draws: 60 });
    return estimate(m.values, 'paired R_sc − R_ft over 60 draws');
  },
  deviation: {
    title: 'With label noise the fine-tuning sign boundary sits at θ = arccos(k/2) < π/3',
    explanation: `${NOISY.explanation} Hence 𝒯_ft = (1−γ)(2k cos θ − k²) in the limit, negative for θ > arccos(k/2), e.g. 52° at γ = 0.5, σ = 1.`,
    statement: NOISY.statement,
    hypotheses: NOISY.hypotheses,
    evidence: NOISY.evidence,
    where:
      'θ ∈ (arccos(k/2), π/3), γ < 1, σ > 0. The boundary shift π/3 − arccos(k/2) (our derived k, proportional limit) exceeds Fig 3\'s resolution π/16 only for σ ≳ 1.3 at ' +
      'γ = 0.5 (σ* = 3.5, 1.9, 1.3, 0.9, 0.6 at γ = 0.1, 0.3, 0.5, 0.7, 0.85; at d = 100 … 500 within 0.02 of these); at the paper\'s σ = 0.2 it is 0.4° (γ = 0.5), 1.4° (γ = 0.8). ' +
      'Asserted here where the derived 𝒯_ft ≤ −0.1: ' +
      'σ ∈ [1.2, 1.8], γ ∈ [0.3, 0.6], d = 200 … 400.',
    classification: NOISY.classification,
    // Shrunk by fast-check from the gate run (seed 20261122, budget test).
    counterexample: { params: { gamma: 0.3, theta: 1.0199, sigma: 1.2, d: 200 }, replay: 'npx ttc replay ZmF0ZS5lcTE3L3NpZ25zLW5vaXN5fDIwMjYxMTIyfDA6MDowOjA6MHx0ZXN0' },
  },
});

/**
 * The printed boundary θ = π/3 at the paper's own noise level σ = 0.2 and at σ = 0, d = 100 … 500: the flow's 𝒯_ft at
 * θ = π/3 (printed 0) compared with 0, with power against the 𝒯_ft a boundary shift of Fig 3's resolution π/16 would
 * produce there, (1 − γ)·2 sin(π/3)·π/16 ≥ 0.1 for γ ≤ 0.7 (core/levels.ts). Our derived limit puts |𝒯_ft(π/3)| ≤ 0.007 at σ = 0.2
 * (γ ≤ 0.7) and O(1/d) at σ = 0 — below that resolution, which this check confirms from the integrated flow.
 */
export const ftBoundaryResolution = defineCheck({
  id: 'fate.eq17/boundary-resolution',
  claim: eq17,
  simulations: [transferabilityFtLawSim],
  title: 'The sign boundary θ = π/3 holds at the resolution of Fig 3 at σ = 0 and the paper\'s σ = 0.2 (finite d)',
  arbitrary: fc.record({ gamma: real(0.2, 0.7, 50), paperSigma: fc.boolean(), d: int(100, 500), seed: simSeed }),
  runs: { test: 6, quick: 16, full: 40 },
  compare: 'equal',
  params: (v) => ({ gamma: v.gamma, theta: Math.PI / 3, sigma: v.paperSigma ? 0.2 : 0, d: v.d }),
  region: (v) => (v.paperSigma ? 'σ = 0.2 (the paper\'s)' : 'σ = 0'),
  evaluate(v) {
    const p = { gamma: v.gamma, theta: Math.PI / 3, sigma: v.paperSigma ? 0.2 : 0, n: Math.round(v.gamma * v.d), d: v.d };
    const out = outsideHypotheses(eq17, p);
    if (out) return out;
    const pred = eq17.predict(p);
    return { prediction: pred, target: pred.finiteSize!.value, statistic: '𝒯_ft at θ = π/3 (eq 17: 0 on the boundary, at every finite size)' };
  },
  async measure(v) {
    const draws = drawsFor(BOUNDARY_DELTA, v.d);
    const sigma = v.paperSigma ? 0.2 : 0;
    const m = await simulate(transferabilityFtLawSim, { gamma: v.gamma, theta: Math.PI / 3, sigma, d: v.d }, { seed: v.seed, draws });
    const C = m.extra?.flowScale as { mean: number; stderr: number } | undefined;
    // The boundary shift the measured 𝒯_ft(π/3) implies, to first order: 𝒯 / |∂𝒯/∂θ| with ∂𝒯/∂θ = −2(1 − γ)C sin θ.
    const slope = 2 * (1 - v.gamma) * (C?.mean ?? 1) * Math.sin(Math.PI / 3);
    const shift = (m.mean / slope) * (180 / Math.PI);
    return estimate(m.values, `${draws} draws; mean flow weight C = ${C ? `${C.mean.toFixed(4)} ± ${C.stderr.toFixed(4)}` : '—'}; boundary shift ≈ ${shift.toFixed(2)}° ± ${((m.stderr / slope) * (180 / Math.PI)).toFixed(2)}° (Fig 3's resolution: 11.25°)`);
  },
});

/** The 𝒯_ft at θ = π/3 that a boundary shift of π/16 (Fig 3's resolution) produces, (1 − γ)·2 sin(π/3)·π/16, at γ = 0.7 (the largest drawn): δ in core/levels.ts. */
const BOUNDARY_DELTA = 0.1;

/**
 * For γ > 1 the minimiser is unique, so fine-tuning forgets the initialisation: 𝒯_ft = 0 (the integrated gradient flow
 * of fate.transferability-ft ends at the least-squares solution; tolerance in core/levels.ts).
 */
export const ftZeroAbove1 = defineCheck({
  id: 'fate.eq17/zero-above-one',
  claim: eq17,
  simulations: [transferabilityFtSim],
  title: '𝒯_ft = 0 for γ > 1 (the gradient flow ends at the least-squares solution)',
  arbitrary: fc.record({ gamma: real(1.3, 2.5, 120), theta: angle(), sigma: real(0, 1, 100), d: int(8, 24), seed: simSeed }),
  runs: { test: 3, quick: 8, full: 20 },
  compare: 'close',
  params: (v) => ({ gamma: v.gamma, theta: v.theta, sigma: v.sigma, d: v.d }),
  evaluate(v) {
    const p = { gamma: v.gamma, theta: v.theta };
    const out = outsideHypotheses(eq17, p);
    if (out) return out;
    const pred = eq17.predict(p);
    return { prediction: pred, target: pred.value!, statistic: 'eq (17): 0 for γ > 1' };
  },
  async measure(v) {
    const m = await simulate(transferabilityFtSim, { gamma: v.gamma, theta: v.theta, sigma: v.sigma, d: v.d }, { seed: v.seed, draws: 4 });
    const worst = m.values.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a), 0);
    return { mean: worst, stderr: 0, draws: m.draws, note: 'largest |R_sc − R_ft| over the draws' };
  },
});
