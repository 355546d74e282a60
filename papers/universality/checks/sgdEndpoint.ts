import fc from 'fast-check';
import { defineCheck } from '../../../properties/runner.ts';
import { sgdEndpointClaim } from '../theory/index.ts';
import { sgdSim } from '../sim/index.ts';
import { RUNS, predictInside } from './support.ts';

interface SgdCase {
  law: number;
  d: number;
  nFrac: number;
  eta: number;
  batchKind: number;
  seed: number;
}
const sgdN = (t: SgdCase) => Math.max(2, Math.floor((t.nFrac / 10) * t.d));
const sgdBatch = (t: SgdCase) => [1, 2, 5, sgdN(t)][t.batchKind]!;
const simParams = (t: SgdCase) => ({ law: t.law, d: t.d, n: sgdN(t), eta: t.eta, batch: sgdBatch(t) });

/** E1: a real SGD loop ends at an interpolator in w_0 + row(X); deterministic, the worst of two replicates. */
export const interpolatorInRowSpace = defineCheck<SgdCase>({
  id: 'universality.sgd-endpoint/interpolator-in-row-space',
  aliases: ['universality.sgd-endpoint'],
  claim: sgdEndpointClaim,
  simulations: [sgdSim],
  title: 'A real SGD loop from w_0 ends at an interpolator inside w_0 + row(X) (= the interpolator nearest w_0)',
  arbitrary: fc.record({
    law: fc.integer({ min: 0, max: 3 }),
    d: fc.integer({ min: 8, max: 48 }),
    nFrac: fc.integer({ min: 1, max: 3 }),
    eta: fc.constantFrom(0.2, 0.5, 0.9, 1.5),
    batchKind: fc.integer({ min: 0, max: 3 }),
    seed: fc.integer({ min: 0, max: 0x7fffffff }),
  }),
  runs: RUNS(8),
  compare: 'close',
  params: (t) => ({ ...simParams(t), seed: t.seed }),
  evaluate(t) {
    const prediction = predictInside(sgdEndpointClaim, simParams(t));
    if ('skip' in prediction) return prediction;
    return { prediction, target: prediction.value!, statistic: 'largest of ‖Xw − y‖/‖y‖ and ‖(I − P)(w − w_0)‖/‖w − w_0‖ over 2 replicates' };
  },
  async measure(t) {
    const m = await sgdSim.run(simParams(t), { seed: t.seed, draws: 2 });
    const worst = Math.max(...m.values);
    return { mean: worst, stderr: 0, draws: m.draws, note: `epochs ${m.extra!.epochs!.values!.join(', ')}; off-row-space ${m.extra!.offRowSpace!.values!.map((v) => v.toExponential(1)).join(', ')}` };
  },
});
