import fc from 'fast-check';
import { defineCheck } from '../../../properties/runner.ts';
import { estimate } from '../../../core/measurement.ts';
import { allSamplesClaim } from '../theory/index.ts';
import { vectorParams } from '../theory/params.ts';
import { weightedMleSim } from '../sim/index.ts';
import { LEVEL, RUNS, build, instArb, modelNote, params, predictInside, richardsonN, usedSizes, type Inst } from './support.ts';

type Case = Inst & { use: number[] };
interface Optima {
  n: number[];
  alphaN: number[];
  alphaPart: number[];
}
const claimParams = (t: Case) => {
  const b = build(t);
  return { ...b.params, ...vectorParams('nUsed', usedSizes(b.N, t.use)) };
};

/** Eq U4: at optimal weights, fewer source samples never lower the simulated error. */
export const fewerSamples = defineCheck<Case>({
  id: 'uowq.all-samples/fewer-samples',
  aliases: ['uowq.all-samples'],
  claim: allSamplesClaim,
  simulations: [weightedMleSim],
  title: 'At optimal weights, using fewer source samples (n_k < N_k) never lowers the simulated error',
  arbitrary: fc.tuple(instArb(), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 3, maxLength: 3 })).map(([t, use]) => ({ ...t, use })),
  runs: RUNS(6),
  alpha: LEVEL,
  compare: 'equal',
  params: (t) => params(t),
  evaluate(t) {
    const prediction = predictInside(allSamplesClaim, claimParams(t));
    if ('skip' in prediction) return prediction;
    return { prediction, target: prediction.value!, statistic: 'paired simulated KL(α*(n), n) − KL(α*(N), N), Richardson in 1/N, − eq U4 difference (≥ 0)' };
  },
  async measure(t, budget) {
    const o = allSamplesClaim.predict(claimParams(t)).details as unknown as Optima; // optimal weights are scale invariant
    let worse = 0;
    let total = 0;
    const r = await richardsonN(t, budget, (b, scale) => ({ alpha: o.alphaPart, n: o.n.map((x) => x * scale), reference: { alpha: o.alphaN, n: b.N } }), 'inverse', {
      stat: (m, _b, scale) => {
        const diffs = m.extra!.difference!.values!;
        if (scale === 1) {
          worse = diffs.filter((x) => x < 0).length;
          total = diffs.length;
        }
        return diffs;
      },
    });
    return estimate(r.values, `${modelNote(t)}; Richardson 4·X(2N) − X(N), plain X(N) = ${r.plain.toPrecision(4)}; fewer samples did better in ${worse}/${total} single draws at N`);
  },
});
