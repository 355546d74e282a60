import fc from 'fast-check';
import { estimate } from '../../../core/measurement.ts';
import { defineCheck } from '../../../properties/runner.ts';
import type { KouParams } from '../../ptransfer/sim/cell.ts';
import { holdsAll } from '../../ptransfer/theory/hypotheses.ts';
import { constantsCheck, type BoundClaim, type StatisticPerturbation } from '../../ptransfer/checks/constants.ts';
import type { Params } from '../../../core/params.ts';
import type { Budget } from '../../../properties/check.ts';
import { EPS, replicates } from '../../ptransfer/checks/regimes.ts';
import { asParams, fmt, mean, SHRINK } from '../../ptransfer/checks/shared.ts';
import { kouSim } from '../sim/index.ts';
import { kouThm } from '../theory/thm.ts';
import { kouBoundArb, kouBoundPair, kouDrawArb, kouPair, type KouBoundDraw, kouPairArb, kouPaperArb, kouPaperRegime, kouRegime, type KouDraw, type KouPair, type KouPaperDraw } from './regimes.ts';

/** Checks of Kou et al.'s theorem: training loss, monotonicity in n‖μ‖⁴/(σ_p⁴d), calibrated constants, the authors' settings. */

const inside = (p: KouParams) => holdsAll(kouThm.hypotheses, asParams(p));
const errors = async (p: KouParams, seed: number, R: number) => (await kouSim.run(asParams(p), { seed, draws: R })).values;

export const kouLoss = defineCheck<KouDraw>({
  id: 'kou.thm/loss',
  aliases: ['kou.thm.loss'],
  claim: kouThm,
  simulations: [kouSim],
  title: 'Kou et al.: with probability ≥ 1 − δ, GD fits the label-flipped training set to loss ≤ ε within T = n m/(η ε σ_p²) (inside Condition 4.1)',
  arbitrary: kouDrawArb,
  runs: { test: 4, quick: 12, full: 40 },
  // "With probability ≥ 1 − δ": the full budget once saw 1 of 20 replicates at loss 0.12 > ε (as δ = 0.1
  // allows); requiring every replicate to converge was stricter than the theorem (a bug of ours).
  compare: 'binomial',
  shrinkMs: SHRINK,
  params: (t) => ({ ...kouRegime(t), seed: t.seed }),
  evaluate: (t) => {
    const p = kouRegime(t);
    if (!inside(p)) return { skip: 'outside Condition 4.1', outOfHypotheses: true };
    const loss = kouThm.predict(asParams(p)).details.trainingLoss;
    return { prediction: loss, target: loss.value, statistic: `P(loss > ${p.eps} after T = ${p.T}) ≤ δ = ${loss.value}` };
  },
  async measure(t, budget) {
    // Replicates: the exact binomial test of a failure rate ≤ δ = 0.1 at the per-regime level α_c/R has power
    // against δ + 0.5 of 0.87 with 20 replicates at R = 12 ('quick'; 0.72 with 16) and 0.89 with 24 at R = 40
    // ('full'; 0.76 with 20): both decisive. The gate's 4 exercise the path.
    const m = await kouSim.run(asParams(kouRegime(t)), { seed: t.seed, draws: replicates(budget, { test: 4, quick: 20, full: 24 }) });
    const ls = m.extra!.trainLoss!.values!;
    return { mean: mean(ls.map((l) => (l <= EPS ? 0 : 1))), stderr: 0, draws: ls.length, note: `max final loss ${fmt(Math.max(...ls))}` };
  },
});

export const kouMonotone = defineCheck<KouPair>({
  id: 'kou.thm/monotone',
  aliases: ['kou.thm.monotone'],
  claim: kouThm,
  simulations: [kouSim],
  title: 'Kou et al.: the test error decreases in n‖μ‖⁴/(σ_p⁴d) (pairs changing d, n or ‖μ‖; region labelled inside/outside Condition 4.1)',
  arbitrary: kouPairArb,
  runs: { test: 6, quick: 20, full: 60 },
  compare: 'sign',
  shrinkMs: SHRINK,
  params: (t) => ({ ...kouPair(t)[0], change: ['d', 'n', 'mu'].indexOf(t.change), factor: t.factor, seed: t.seed }),
  // The pairs are labelled, not filtered: a direction of effect is checked on both sides of Condition 4.1.
  region: (t) => (kouPair(t).every(inside) ? 'inside Condition 4.1' : 'outside Condition 4.1 (extrapolation)'),
  evaluate: (t) => {
    const [a, b] = kouPair(t);
    const pa = kouThm.predict(asParams(a));
    const pb = kouThm.predict(asParams(b));
    const trend = pa.details.monotone;
    return {
      prediction: { ...trend, details: { first: pa.value, second: pb.value } },
      target: trend.sign,
      statistic: `paired error difference, statistic ${fmt(pa.value)} vs ${fmt(pb.value)}, < 0`,
    };
  },
  async measure(t, budget) {
    const [a, b] = kouPair(t);
    const R = replicates(budget);
    const ea = await errors(a, t.seed, R);
    const eb = await errors(b, t.seed, R);
    return estimate(ea.map((x, i) => x - eb[i]!), `err ${fmt(mean(ea))} vs ${fmt(mean(eb))}`);
  },
});

/** Typo-sized perturbations of n‖μ‖⁴/(σ_p⁴d): one exponent moved by one step (S′ = S·x^{±k} from the claim's value). */
const times = (name: string, ingredient: string, x: (p: Params) => number): StatisticPerturbation => ({ name, ingredient, statistic: (p, c) => c.predict(p).value * x(p) });
export const KOU_PERTURBATIONS = [
  times('‖μ‖² instead of ‖μ‖⁴', 'muNorm', (p) => p.muNorm! ** -2),
  times('‖μ‖⁶ instead of ‖μ‖⁴', 'muNorm', (p) => p.muNorm! ** 2),
  times('σ_p² instead of σ_p⁴', 'sigmaP', (p) => p.sigmaP! ** 2),
  times('σ_p⁶ instead of σ_p⁴', 'sigmaP', (p) => p.sigmaP! ** -2),
  times('n² instead of n', 'n', (p) => p.n!),
  times('n⁰ instead of n', 'n', (p) => 1 / p.n!),
];

/** Kou's bound-check regimes: the drawn family, or (one in two) benign — x ∈ [2, 3], d at 1–1.5 × its minimum (S ≈ 10–20), p ∈ {0, 0.05, 0.1, 0.2}. */
const kouStratifiedArb = fc
  .record({ t: kouDrawArb, benignNoisy: fc.constantFrom(false, true), p: fc.constantFrom(0, 0.05, 0.1, 0.2) })
  .map(({ t, benignNoisy, p }) => (benignNoisy ? { ...t, flip: p, x: 2 + t.x / 3, dFactor: 1 + (t.dFactor - 1) / 30 } : { ...t, dFactor: 1 + (t.dFactor - 1) / 3 }));

/** Kou's bound check (constants.ts): order in the statistic, discriminating pairs against perturbed exponents, thresholds. */
export function kouBoundCheck(claim: BoundClaim = kouThm, small?: { count?: number; pairsCount?: number }) {
  const all = <V>(v: V | undefined, d: Record<Budget, V>): Record<Budget, V> => (v === undefined ? d : { test: v, quick: v, full: v });
  return constantsCheck<KouDraw, KouBoundDraw>({
    id: 'kou.thm/constants',
    aliases: ['kou.thm.constants'],
    calibrationLabel: 'kou.thm.constants',
    claim,
    sim: kouSim,
    title: 'Kou et al.: the error − p falls with n‖μ‖⁴/(σ_p⁴d), the statistic predicts pairs better than with an exponent moved, and thresholds separate near-optimal from sub-optimal regimes (inside Condition 4.1)',
    // d within 1–6 × its Condition 4.1 minimum, so both sides of the transition are populated; half the draws (stratum
    // drawn first) are benign (S ≈ 10–20), with p ∈ {0, 0.05, 0.1, 0.2}: where p ≥ 0.1 the floor is as large as the
    // sub-optimal margin 0.1, so (c) sees whether the level is read p + 0.1 above the floor (err − p ≈ 0.02 there:
    // near-optimal; read against 0.1 they count as sub-optimal at the largest S). 48 draws at 'test': ≥ 2 benign with
    // p ≥ 0.1 except with probability ≈ 2e-5. (With the level misprinted as 0.1 the AUC falls to 0.70 at the gate seed,
    // 0.75 with 96 draws — adjusted p 0.012 / 0.03: at the declared AUC 0.75 the gate cannot reject it.)
    arb: kouStratifiedArb,
    toParams: (t) => asParams({ ...kouRegime(t) }),
    count: all(small?.count, { test: 48, quick: 64, full: 120 }),
    reps: { test: 4, quick: 6, full: 10 },
    pairs: {
      arb: kouBoundArb,
      build: (t, pert, c) => kouBoundPair(t, pert.ingredient, (p) => c.predict(asParams(p)).value, (p) => pert.statistic(asParams(p), c)) as [Params, Params] | null,
      seed: (t) => t.base.seed,
      count: all(small?.pairsCount, { test: 1, quick: 2, full: 4 }),
      reps: { test: 24, quick: 30, full: 40 },
      perturbations: { test: KOU_PERTURBATIONS, quick: KOU_PERTURBATIONS, full: KOU_PERTURBATIONS },
    },
  });
}
export const kouConstants = kouBoundCheck();

export const kouPaper = defineCheck<KouPaperDraw>({
  id: 'kou.thm/paper',
  aliases: ['kou.thm.paper'],
  claim: kouThm,
  simulations: [kouSim],
  title: "[extrapolation] Kou et al.'s synthetic settings: the error decreases with ‖μ‖ and increases with d",
  arbitrary: kouPaperArb,
  runs: { test: 6, quick: 20, full: 60 },
  compare: 'sign',
  shrinkMs: SHRINK,
  params: (t) => ({ ...kouPaperRegime(t.d, t.mu), change: t.change === 'd' ? 0 : 1, factor: t.factor, seed: t.seed }),
  region: (t) => (inside(kouPaperRegime(t.d, t.mu)) ? 'inside Condition 4.1' : 'outside Condition 4.1 (extrapolation)'),
  evaluate: (t) => {
    const trend = kouThm.predict(asParams(kouPaperRegime(t.d, t.mu))).details.monotone;
    return { prediction: trend, target: trend.sign, statistic: 'paired error difference (smaller d or larger ‖μ‖ minus the other) < 0' };
  },
  async measure(t, budget) {
    const better = t.change === 'd' ? kouPaperRegime(t.d, t.mu) : kouPaperRegime(t.d, t.mu * t.factor ** 0.25);
    const worse = t.change === 'd' ? kouPaperRegime(Math.round(t.d * t.factor), t.mu) : kouPaperRegime(t.d, t.mu);
    const R = replicates(budget);
    const eb = await errors(better, t.seed, R);
    const ew = await errors(worse, t.seed, R);
    return estimate(eb.map((x, i) => x - ew[i]!), `err ${fmt(mean(eb))} (better) vs ${fmt(mean(ew))}`);
  },
});

export const kouChecks = [kouLoss, kouMonotone, kouConstants, kouPaper];
