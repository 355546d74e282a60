import fc from 'fast-check';
import { linearTransferRisk } from '../../theory/fate/linearTransfer.ts';
import { thm3_7 } from '../../theory/fate/thm3_7.ts';
import { runSim } from '../../sim/registry.ts';
import { angle, int, real, simSeed } from '../arbitraries.ts';
import { defineProperty, estimate } from '../runner.ts';

/** Thm 3.7 is exact at finite n: the plain simulation on rank-one features is compared with eq (12) directly. */
export const linearTransferExact = defineProperty({
  id: 'fate.thm3.7/exact',
  claimId: thm3_7.id,
  title: 'Linear transfer on rank-one features matches eq (12) at finite n',
  // n ≥ 8 keeps 1/‖Xβ_s‖² with finite variance (n > 4) and the t-test well calibrated.
  arbitrary: fc.record({ n: int(8, 60), theta: angle(), sigma: real(0, 1.5, 150), d: int(8, 40), seed: simSeed }),
  runs: { test: 8, quick: 25, full: 80 },
  alpha: 0.01,
  compare: 'equal',
  relevant: 0.05,
  params: (v) => ({ n: v.n, theta: v.theta, sigma: v.sigma, d: v.d }),
  evaluate(v) {
    const pred = thm3_7.predict({ n: v.n, theta: v.theta, sigma: v.sigma });
    return { prediction: pred, target: linearTransferRisk(v.theta, v.sigma, v.n), statistic: 'eq (12)' };
  },
  async measure(v, budget) {
    const m = await runSim('fate.linear-transfer', { n: v.n, theta: v.theta, sigma: v.sigma, d: v.d }, { seed: v.seed, draws: budget === 'test' ? 150 : 400 });
    return estimate(m.values);
  },
});
