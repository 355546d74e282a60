import fc from 'fast-check';
import type { Budget } from '../../../properties/check.ts';
import { defineCheck } from '../../../properties/runner.ts';
import { estimate } from '../../../core/measurement.ts';
import { isotropicRiskClaim } from '../theory/index.ts';
import { isotropicRegressionSim } from '../sim/index.ts';
import { LEVEL, RUNS, predictInside } from './support.ts';

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

/** E2 is exact: the simulated risk (random direction of w_0 − w*) against it at small d, no extrapolation. */
export const simulatedRisk = defineCheck<IsoCase>({
  id: 'universality.isotropic-risk/simulated-risk',
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
  runs: RUNS(6),
  alpha: LEVEL,
  compare: 'equal',
  floor: 1e-12,
  params: (t) => ({ ...simParams(t), seed: t.seed }),
  evaluate(t) {
    const prediction = predictInside(isotropicRiskClaim, simParams(t));
    if ('skip' in prediction) return prediction;
    return { prediction, target: prediction.value!, statistic: 'mean simulated excess risk − E2' };
  },
  async measure(t, budget) {
    const m = await isotropicRegressionSim.run(simParams(t), { seed: t.seed, draws: isoDraws[budget] });
    return estimate(m.values, 'Gaussian design, Σ = I');
  },
});
