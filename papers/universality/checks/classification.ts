import fc from 'fast-check';
import { defineCheck } from '../../../properties/runner.ts';
import { stratify } from '../../../properties/strata.ts';
import { estimate } from '../../../core/measurement.ts';
import { paired } from '../../../core/stats/index.ts';
import type { ClassificationLimit } from '../theory/model.ts';
import { classificationClaim } from '../theory/index.ts';
import { classificationSim } from '../sim/index.ts';
import { CHECK_LEVELS } from '../../../core/levels.ts';
import { RUNS, clsCap, clsArb, clsDraws, clsParams, clsParamsE7, half, lawName, meanOf, predictInside, richardsonD, simulateCls, topUpNote, withPower, type ClsCase } from './support.ts';

const ERROR = 'universality.classification/richardson-error';
const SIGN = 'universality.classification/improvement-sign';
// The gate runs the first 2 of the quick sweep's 18 regimes, each extended to power against δ.
const errorRuns = RUNS(2, 18);
// 10 gate regimes: 5 on each side at every seed (stratify; a coin per regime missed a side with probability 2⁻⁹).
const signRuns = RUNS(10);

export const limitOf = (t: ClsCase) => classificationClaim.predict(clsParams(t)).details as unknown as ClassificationLimit;

/**
 * The sign check's boundary band, derived from its declared deviation δ (core/levels.ts): a sign check must confirm
 * every effect ≥ δ on the predicted side, so a regime is drawn only where the effect at its finite d is ≥ δ, i.e. where
 * E6 predicts |err_ft − err_0| ≥ δ + FINITE_SIZE. FINITE_SIZE bounds the gap between the finite-d difference and its E6
 * limit at d ≥ 200: err_0 is exact at every d for the Gaussian law (Sheppard: the angle of w_0 is fixed by
 * construction) and for the other laws a CLT error of order 1/d (the disagreement event is symmetric under x → −x, so
 * the skewness term cancels, and the directions are generic — no atoms, sim/index.ts classificationWeights);
 * err_ft's mean is a smooth function of an angle that concentrates at rate 1/√d, so it is off by O(1/d) as well.
 * FINITE_SIZE = 2/d_min = 0.01 allows a constant of 2 in that 1/d (the shifts seen, |Δ_d − Δ_E6| ≤ 0.006 over 10
 * regimes × 4 laws at d = 200, stay inside it). With the effect ≥ δ everywhere and draws planned for power 0.95 against
 * δ at α_c (×1.3 draws, support.ts withPower), a regime at the edge of the band is missed with probability ≈ 1%, and
 * its predicted effect is rarely at the edge; below the band (the old 0.02 = δ with no allowance) a regime whose finite-d
 * effect fell under δ could not be confirmed at any seed's luck.
 */
const DELTA = CHECK_LEVELS[SIGN]!.detect!.abs!;
export const FINITE_SIZE = 0.01;
export const BAND = DELTA + FINITE_SIZE;
type Side = 'fine-tuning helps' | 'fine-tuning hurts';
const sideOf = (t: ClsCase): Side => (limitOf(t).errFineTuned < limitOf(t).errPretrained ? 'fine-tuning helps' : 'fine-tuning hurts');

/**
 * Stratified draws (issue 11 item 7: region coverage by design, not by chance). The (ψ, p, cos, ‖w_0‖) lattice of clsArb
 * is split once by the E6 sign of err_ft − err_0, the band |Δ| < BAND left out (8 619 points help, 11 048 hurt, 21 913
 * in the band); run i takes side i mod 2 (stratify), then a lattice point uniformly on that side. Drawn from the
 * whole lattice, 40% of the points fell in the former 0.02 band, so the gate's 8 regimes left about 5 tested and a side
 * uncovered in several percent of seeds (101, 303); with the side fixed by the run every regime is tested and both
 * sides get half the regimes at every seed (a coin per regime, used before, missed a side with probability 2·2⁻ⁿ).
 */
let lattice: Record<Side, Omit<ClsCase, 'law' | 'd' | 'seed'>[]> | undefined;
function sideLattice(): Record<Side, Omit<ClsCase, 'law' | 'd' | 'seed'>[]> {
  if (lattice) return lattice;
  const out: Record<Side, Omit<ClsCase, 'law' | 'd' | 'seed'>[]> = { 'fine-tuning helps': [], 'fine-tuning hurts': [] };
  for (let psi = 2; psi <= 16; psi++)
    for (let f = 0; f <= 6; f++)
      for (let c = -2; c <= 19; c++)
        for (let r = 3; r <= 20; r++) {
          const x = { psi, cos0: c / 20, norm0: r / 10, flip: f / 20 };
          const lim = limitOf({ ...x, law: 0, d: 200, seed: 0 });
          const diff = lim.errFineTuned - lim.errPretrained;
          if (Math.abs(diff) >= BAND) out[diff < 0 ? 'fine-tuning helps' : 'fine-tuning hurts'].push(x);
        }
  return (lattice = out);
}
const clsSide = (hurts: boolean) =>
  fc
    .noBias(fc.record({ pick: fc.integer({ min: 0, max: 0x7fffffff }), law: fc.integer({ min: 0, max: 3 }), d: fc.constantFrom(200, 300), seed: fc.integer({ min: 0, max: 0x7fffffff }) }))
    .map(({ pick, law, d, seed }): ClsCase => {
      const side = sideLattice()[hurts ? 'fine-tuning hurts' : 'fine-tuning helps'];
      return { law, d, ...side[pick % side.length]!, seed };
    });
/** Run i takes side i mod 2 (stratify): both sides at every seed. */
export const stratifiedClsArb = stratify(clsSide(false), clsSide(true));

/** E6 through E7: 2·err(d) − err(d/2) for every design law against the same combination of the limit. */
export const richardsonError = defineCheck<ClsCase>({
  id: ERROR,
  aliases: ['universality.classification'],
  claim: classificationClaim,
  simulations: [classificationSim],
  title: 'Classification error of the fine-tuned interpolator converges to the E6 limit for every design law (Richardson in 1/d)',
  arbitrary: clsArb,
  runs: errorRuns,
  compare: 'equal',
  params: clsParams,
  region: (t) => lawName(t.law),
  evaluate(t) {
    const prediction = predictInside(classificationClaim, clsParamsE7(t));
    if ('skip' in prediction) return prediction;
    return { prediction, target: prediction.finiteSize!.value, statistic: 'mean of 2·err(d) − err(d/2) (Monte Carlo test error) − the same combination of E6' };
  },
  async measure(t, budget) {
    const target = classificationClaim.predict(clsParamsE7(t)).finiteSize!.value;
    const sim = async (draws: number) => ({ a: (await simulateCls(t, budget, false, draws)).fineTuned, b: (await simulateCls(half(t), budget, false, draws)).fineTuned });
    const { r: { a, b }, topUp } = await withPower({ checkId: ERROR, runs: errorRuns[budget], target }, clsDraws[budget], clsCap(16, budget), sim, (r) => richardsonD(r.a, r.b));
    return estimate(richardsonD(a, b), `law ${lawName(t.law)}, 1000 test points per draw; plain err(d) = ${meanOf(a).toPrecision(4)}, err(d/2) = ${meanOf(b).toPrecision(4)}${topUpNote(topUp)}`);
  },
});

/** E6: the sign of err(w_ft) − err(w_0) outside the boundary band δ + FINITE_SIZE = 0.03. */
export const improvementSign = defineCheck<ClsCase>({
  id: SIGN,
  aliases: ['universality.classification-improvement'],
  claim: classificationClaim,
  simulations: [classificationSim],
  title: 'Fine-tuning lowers the classification error exactly when m/√q > cos∠(w_0, w*) (E6)',
  arbitrary: stratifiedClsArb,
  runs: signRuns,
  compare: 'sign',
  params: clsParams,
  region: sideOf,
  requiredCoverage: { 'fine-tuning helps': 1, 'fine-tuning hurts': 1 },
  evaluate(t) {
    const prediction = predictInside(classificationClaim, clsParams(t));
    if ('skip' in prediction) return prediction;
    const lim = prediction.details as unknown as ClassificationLimit;
    const diff = lim.errFineTuned - lim.errPretrained;
    if (Math.abs(diff) < BAND) return { skip: `within the boundary band |Δerr| < ${BAND} (Δ = ${diff.toPrecision(3)})` };
    return { prediction, target: diff, statistic: 'sign of the mean paired test-error difference' };
  },
  async measure(t, budget) {
    const diff = (r: { fineTuned: number[]; pretrained: number[] }) => paired(r.fineTuned, r.pretrained);
    const { r, topUp } = await withPower({ checkId: SIGN, runs: signRuns[budget], target: 0, sided: 'one' }, clsDraws[budget], clsCap(16, budget), (draws) => simulateCls(t, budget, false, draws), diff);
    return estimate(diff(r), `law ${lawName(t.law)}${topUpNote(topUp)}`);
  },
});

/**
 * Where "depends only on the first two moments" does not come out under our formalisation: the same model and
 * statistic as richardson-error, but w* = e_1 (localised) and a Rademacher design. Then g = Xw* is a column of iid
 * ±1 entries, so μ = E[y·g] = (1 − 2p)·E|g| = 1 − 2p instead of (1 − 2p)√(2/π), and the test error of any w with a
 * large component on e_1 is an orthant probability of a non-Gaussian pair: w = c·e_1 + τ·(dense unit ⟂ e_1) has
 * err = p + (1 − 2p)·Φ(−c/τ) (CLT on the dense part only), not p + (1 − 2p)·arccos(c/√(c² + τ²))/π — a gap of order
 * 0.1 at cos∠(w_0, w*) ≥ 0.4 that does not shrink with d. The uniform law gives the same kind of gap but smaller
 * (E|g| = √3/2, 8% above √(2/π) instead of 25%), below what the gate's 16 draws resolve at α_c, so the check draws
 * Rademacher only (the law draw is kept, mapped to Rademacher, so that recorded replay paths keep their values).
 * The claim's 'delocalised' hypothesis is ours, not the abstract's: this check tests the abstract's sentence where
 * that hypothesis fails, so it alone is not required here.
 */
/** Fixed draws (the recorded deviation's evidence; no extension: its regimes reject by a wide margin). */
const LOCALISED_DRAWS = { test: 16, quick: 40, full: 150 } as const;
export const localisedWStar = defineCheck<ClsCase>({
  id: 'universality.classification/localised-w-star',
  aliases: ['universality.classification-localised'],
  claim: classificationClaim,
  simulations: [classificationSim],
  title: 'Classification universality with a localised w* = e_1 (Rademacher design): the E6 limit is not reached',
  arbitrary: fc.record({
    law: fc.constantFrom(1, 3).map(() => 1),
    d: fc.constantFrom(200, 300),
    psi: fc.integer({ min: 2, max: 12 }),
    cos0: fc.integer({ min: 8, max: 18 }).map((x) => x / 20),
    norm0: fc.integer({ min: 5, max: 15 }).map((x) => x / 10),
    flip: fc.integer({ min: 0, max: 3 }).map((x) => x / 20),
    seed: fc.integer({ min: 0, max: 0x7fffffff }),
  }),
  runs: RUNS(4),
  compare: 'equal',
  shrinkMs: { test: 500, quick: 15_000, full: 60_000 }, // the smallest counterexample is recorded below; the gate need not re-shrink
  params: clsParams,
  region: (t) => lawName(t.law),
  evaluate(t) {
    const prediction = predictInside(classificationClaim, { ...clsParamsE7(t), localised: 1 }, ['delocalised']);
    if ('skip' in prediction) return prediction;
    return { prediction, target: prediction.finiteSize!.value, statistic: 'mean of 2·err(d) − err(d/2) − the same combination of E6 (w* = e_1)' };
  },
  async measure(t, budget) {
    const a = await simulateCls(t, budget, true, LOCALISED_DRAWS[budget]);
    const b = (await simulateCls(half(t), budget, true, LOCALISED_DRAWS[budget])).fineTuned;
    return estimate(richardsonD(a.fineTuned, b), `law ${lawName(t.law)}, w* = e_1; plain err_ft(d) = ${meanOf(a.fineTuned).toPrecision(4)}, err_0(d) = ${meanOf(a.pretrained).toPrecision(4)} (E6: ${limitOf(t).errPretrained.toPrecision(4)})`);
  },
  deviation: {
    kind: 'not-reproduced',
    title: 'Under our formalisation, classification errors are not law-independent when w* is localised (w* = e_1, Rademacher design)',
    explanation:
      'The abstract says all results depend only on the first and second order statistics of the target distribution. In our formalisation of its classification setting (E6) this does not come out when w* is localised: with w* = e_1 the labels are sign(x_1), a single non-Gaussian coordinate, so μ = E[y·xᵀw*] = (1 − 2p)E|x_1| differs from the Gaussian (1 − 2p)√(2/π), and the test error of a vector with a large e_1 component is a non-Gaussian orthant probability (Rademacher: p + (1 − 2p)Φ(−c/τ) instead of p + (1 − 2p)arccos(c/√(c² + τ²))/π, e.g. 0.227 vs 0.295 at cos = 0.6, p = 0). The gap does not shrink with d (the Richardson statistic removes O(1/d) terms and it remains); with a dense w* (universality.classification/richardson-error) the same laws conform. Universality theorems of this kind usually assume a delocalised (or random) w*; the abstract names no such condition, and the paper is not in our seed.',
    statement: 'arXiv 2410.02164, abstract (seed 004): "An important aspect of our work is that all the results are \'universal\', in the sense that they depend only on the first and second order statistics of the target distribution." The theorems behind it and their hypotheses are not in the seed.',
    hypotheses: 'What the abstract names: linear models, binary classification, SGD fine-tuning from pretrained weights on a few target samples, the asymptotic regime of large models. Checked as predicates of the claim: isotropic design Σ = I with label flips p < ½, n < d. Not required: the claim\'s own "delocalised" hypothesis (ours, not the abstract\'s).',
    evidence: 'universality.classification simulation: real Rademacher designs, the interpolator w_0 + X⁺(y − Xw_0) (the SGD end point, itself checked by universality.sgd-endpoint), test error on 1000 fresh points per draw, Richardson 2·err(d) − err(d/2). It is compared with E6, a limit we derived (the Gaussian-equivalent formula), so the evidence is not independent of our formalisation; E6 conforms for dense w* under the same laws.',
    where: 'Rademacher design, w* = e_1, cos∠(w_0, w*) ≥ 0.4, d = 200–300: the simulated error lies 0.05–0.16 below E6 (e.g. 0.116 ± 0.014 vs 0.274 at d = 200, n = 90, cos 0.8, p = 0.05); the uniform law shows a smaller gap of the same sign (0.335 ± 0.013 vs 0.377 at d = 300, n = 165) that the gate does not resolve at α_c.',
    assumptions: [
      'the "results" of the abstract include the limiting classification error of the fine-tuned model, formalised as E6: labels sign(xᵀw*) with independent flips, fine-tuning = SGD on the square loss run to the interpolator nearest w_0',
      'the universality sentence is read as holding for every w*: no delocalisation condition on w* or w_0 (the paper may state one; the abstract does not)',
      'designs with iid standardised entries (Rademacher) and Σ = I, n/d fixed, d = 200–300 with Richardson in 1/d standing in for the limit',
    ],
    classification:
      'not-reproduced (issue 12 rule 1), re-classified from deviates: the seed is the abstract only, so the statement\'s own hypotheses cannot be checked, and the comparison is with E6, our formalisation. An author could answer that the theorem assumes a delocalised w*; the abstract does not let us rule that out. It would be `deviates` only if the paper states universality for classification without such a condition.',
    // The regime the gate resolves: the former shrunk case (n = 20, cos 0.4, token …fDE6MDowfHRlc3Q) lies where the gap is
    // too small to reject at α_c; this is the unshrunk regime it came from (same seed and path index).
    counterexample: {
      params: { law: 1, d: 200, n: 90, cos0: 0.8, norm0: 1.1, flip: 0.05, seed: 28 },
      replay: 'npx ttc replay dW5pdmVyc2FsaXR5LmNsYXNzaWZpY2F0aW9uL2xvY2FsaXNlZC13LXN0YXJ8MjAyNjExMjJ8MXx0ZXN0',
    },
  },
});
