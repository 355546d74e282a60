import fc from 'fast-check';
import type { Budget } from '../../../properties/check.ts';
import { defineCheck } from '../../../properties/runner.ts';
import { estimate } from '../../../core/measurement.ts';
import { isotropicRiskClaim } from '../theory/index.ts';
import { isotropicRegressionSim } from '../sim/index.ts';
import { RUNS, predictInside, topUpNote, withPower } from './support.ts';

interface IsoCase {
  d: number;
  nFrac: number;
  dist: number;
  sigma: number;
  seed: number;
}
const isoN = (t: IsoCase) => Math.max(1, Math.min(t.d - 8, Math.round((t.nFrac / 20) * t.d)));
const isoDraws: Record<Budget, number> = { test: 150, quick: 400, full: 1500 };
const simParams = (t: IsoCase) => ({ d: t.d, n: isoN(t), dist: t.dist, sigma: t.sigma });
const ID = 'universality.isotropic-risk/simulated-risk';
const runs = RUNS(6);

/** E2 is exact: the simulated risk (random direction of w_0 − w*) against it at small d, no extrapolation. */
export const simulatedRisk = defineCheck<IsoCase>({
  id: ID,
  aliases: ['universality.isotropic-risk'],
  claim: isotropicRiskClaim,
  simulations: [isotropicRegressionSim],
  title: 'Simulated risk of w_0 + X⁺(y − Xw_0) equals ‖v‖²(1 − n/d) + σ²n/(d − n − 1) (isotropic Gaussian, finite n, d)',
  arbitrary: fc.record({
    d: fc.integer({ min: 12, max: 90 }),
    nFrac: fc.integer({ min: 1, max: 19 }),
    dist: fc.integer({ min: 0, max: 30 }).map((x) => x / 10),
    sigma: fc.integer({ min: 0, max: 15 }).map((x) => x / 10),
    seed: fc.integer({ min: 0, max: 0x7fffffff }),
  }),
  runs,
  compare: 'equal',
  floor: 1e-12,
  params: (t) => ({ ...simParams(t), seed: t.seed }),
  evaluate(t) {
    const prediction = predictInside(isotropicRiskClaim, simParams(t));
    if ('skip' in prediction) return prediction;
    // w_0 = w* and σ = 0: the risk is exactly 0 in every draw, so there is no sampling noise to test against.
    if (t.dist === 0 && t.sigma === 0) return { skip: 'degenerate: w_0 = w* and σ = 0, the risk is identically 0 (no sampling noise)' };
    return { prediction, target: prediction.value!, statistic: 'mean simulated excess risk − E2' };
  },
  async measure(t, budget) {
    // E2 does not depend on the direction of w_0 − w*, so extending the draws keeps the target.
    const target = isotropicRiskClaim.predict(simParams(t)).value!;
    const { r: m, topUp } = await withPower({ checkId: ID, runs: runs[budget], target }, isoDraws[budget], 16 * isoDraws[budget], (draws) => isotropicRegressionSim.run(simParams(t), { seed: t.seed, draws }), (x) => x.values);
    return estimate(m.values, `Gaussian design, Σ = I${topUpNote(topUp)}`);
  },
});
