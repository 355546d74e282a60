import fc from 'fast-check';
import type { Params } from '../../../core/params.ts';
import { thm2_2 } from '../theory/thm2_2.ts';
import { klSim } from '../sim/sims.ts';
import { angle, real, simSeed } from '../../../properties/arbitraries.ts';
import { defineCheck, estimate } from '../../../properties/runner.ts';
import { outsideHypotheses, simulate } from './support.ts';

const params = (v: { theta: number; sigma: number; scale: number }): Params => ({ theta: v.theta, sigma: v.sigma, scale: v.scale });

/** The proof's eq (28) at these parameters, as the claim's prediction states it. */
const eq28 = (p: Params): number => (thm2_2.predict(p).details!.dudleyProofStep as { eq28: number }).eq28;

/** Thm 2.2, KL half: Monte Carlo of the log-likelihood ratio against ‖f − g‖²/(2σ²). */
export const klFormula = defineCheck({
  id: 'fate.thm2.2/kl',
  claim: thm2_2,
  simulations: [klSim],
  title: 'Monte Carlo KL divergence matches ‖f − g‖²/(2σ²) and grows without bound',
  arbitrary: fc.record({ theta: angle(), sigma: real(0.2, 1.5, 130), scale: real(0, 10, 100), seed: simSeed }),
  runs: { test: 8, quick: 20, full: 60 },
  compare: 'equal',
  params: (v) => params(v),
  evaluate(v) {
    const out = outsideHypotheses(thm2_2, params(v));
    if (out) return out;
    const pred = thm2_2.predict(params(v));
    return { prediction: pred, target: pred.value!, statistic: 'eq (34)' };
  },
  async measure(v) {
    // 64 replicates: power ≥ 0.8 against δ at α_c/8 in every regime at seeds 101/202/303 and the gate's (48 left one at 0.79).
    const m = await simulate(klSim, params(v), { seed: v.seed, draws: 64 });
    return estimate(m.values);
  },
});

/**
 * Thm 2.2, Dudley half: the proof bounds γ_β from below by the cos(y)/2 test function (eq 27) and then
 * claims (27) ≥ e^{−σ²/2}/2 ∫(f² + g²) (eq 28). The simulation measures (27) directly: it never exceeds 1,
 * while (28) grows like a², so the step fails — and γ_β ≤ 2 always, so the claim cannot hold for δ > 2.
 */
export const dudley = defineCheck({
  id: 'fate.thm2.2/dudley',
  claim: thm2_2,
  simulations: [klSim],
  title: 'The Dudley-metric lower bound of the proof (eq 27 ≥ eq 28)',
  arbitrary: fc.record({ theta: angle(), sigma: real(0.2, 1.5, 130), scale: real(2, 10, 80), seed: simSeed }),
  runs: { test: 4, quick: 10, full: 30 },
  compare: 'sign',
  params: (v) => params(v),
  evaluate(v) {
    const out = outsideHypotheses(thm2_2, params(v));
    if (out) return out;
    const pred = thm2_2.predict(params(v));
    const step = pred.details!.dudleyProofStep as { sign: number; eq28: number };
    return { prediction: pred, target: step.sign, statistic: `printed: eq (27) ≥ eq (28) = ${step.eq28.toPrecision(4)}` };
  },
  async measure(v) {
    const m = await simulate(klSim, params(v), { seed: v.seed, draws: 10 });
    const rhs = eq28(params(v));
    // eq (27) estimated per draw: e^{−σ²/2}/2 |E cos f − E cos g| equals |E_f h − E_g h| for h = cos(y)/2.
    return estimate(m.extra!.dudleyCosLowerBound!.values!.map((x) => x - rhs));
  },
  deviation: {
    title: 'The Dudley-metric half of Thm 2.2 is false: γ_β ≤ 2 for all pairs',
    explanation:
      'For ‖h‖_BL ≤ 1, |E_p h − E_q h| ≤ 2‖h‖_∞ ≤ 2, so no g reaches γ_β ≥ δ > 2. The proof\'s step (27) → (28) uses |cos f − cos g| ≤ f² + g² ' +
      '(true, but an upper bound) as a lower bound; the simulated (27) stays below 1 while (28) grows like a².',
    statement:
      'Thm 2.2: for any f ∈ Φ and δ > 0 there is g ∈ Φ with Dudley metric γ_β(p_f, p_g) ≥ δ; its proof bounds γ_β below by the test function ' +
      'h = cos(y)/2 (eq 27) and then claims eq (27) ≥ e^{−σ²/2}/2 ∫(f² + g²) dp (eq 28).',
    hypotheses: 'Assumption 2.1 (f ∈ L2(p), Gaussian label noise σ > 0 — the predicate); f = β_sᵀx, g = a·β_tᵀx in the linear feature space, a ∈ [2, 10], σ ∈ [0.2, 1.5], any θ',
    evidence:
      'Monte Carlo of eq (27) itself (e^{−σ²/2}/2 |E cos f − E cos g| over 4000 draws of x per replicate, fate.kl) against the printed eq (28) at the ' +
      'same parameters; no formula of ours for either side. The theorem’s own conclusion fails by a one-line bound: |E_p h − E_q h| ≤ 2‖h‖_∞ ≤ 2.',
    where:
      'everywhere eq (28) exceeds 1 (e^{−σ²/2}(1 + a²) > 2): for all a ≥ 2 at σ ≤ 1.5 the margin is ≥ 0.6, far beyond the Monte Carlo error (≈ 0.003); ' +
      'the statement fails for every δ > 2',
    classification:
      'deviates (rule 1): the printed statement fails under its own hypotheses — a mathematical bound (γ_β ≤ 2) and a Monte Carlo of the printed ' +
      'eq (27) against the printed eq (28), neither using a formula we derived for γ_β; re-examined under issue 12 and kept',
    counterexample: { params: { theta: 0, sigma: 0.2, scale: 2 }, replay: 'npx ttc replay ZmF0ZS50aG0yLjIvZHVkbGV5fDIwMjYxMTIyfDI6MDowOjA6MDowfHRlc3Q' },
  },
});
