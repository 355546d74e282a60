import fc from 'fast-check';
import { defineCheck } from '../../../properties/runner.ts';
import { estimate } from '../../../core/measurement.ts';
import { allSamplesClaim } from '../theory/index.ts';
import { vectorParams } from '../theory/params.ts';
import { weightedMleSim } from '../sim/index.ts';
import { RUNS, build, instArb, modelNote, params, predictInside, richardsonN, topUpNote, usedSizes, type Inst } from './support.ts';

const ID = 'uowq.all-samples/fewer-samples';
// The gate runs the first 2 of the quick sweep's 18 regimes, each topped up to power against δ.
const runs = RUNS(2, 18);

type Case = Inst & { use: number[] };
interface Optima {
  n: number[];
  alphaN: number[];
  alphaPart: number[];
  /** ½d/N_0: the statistic is stated in this unit. */
  targetOnly: number;
}
const claimParams = (t: Case) => {
  const b = build(t);
  return { ...b.params, ...vectorParams('nUsed', usedSizes(b.N, t.use)) };
};

/** Eq U4: at optimal weights, fewer source samples never lower the simulated error (in units of the target-only error ½d/N_0). */
export const fewerSamples = defineCheck<Case>({
  id: ID,
  aliases: ['uowq.all-samples'],
  claim: allSamplesClaim,
  simulations: [weightedMleSim],
  title: 'At optimal weights, using fewer source samples (n_k < N_k) never lowers the simulated error',
  arbitrary: fc.tuple(instArb(), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 3, maxLength: 3 })).map(([t, use]) => ({ ...t, use })),
  runs,
  compare: 'equal',
  params: (t) => params(t),
  evaluate(t) {
    const prediction = predictInside(allSamplesClaim, claimParams(t));
    if ('skip' in prediction) return prediction;
    const unit = (prediction.details as unknown as Optima).targetOnly;
    return { prediction, target: prediction.value! / unit, statistic: 'paired simulated KL(α*(n), n) − KL(α*(N), N), Richardson in 1/N, − eq U4 difference (≥ 0), both in units of the target-only error ½d/N_0' };
  },
  async measure(t, budget) {
    const pr = allSamplesClaim.predict(claimParams(t));
    const o = { ...(pr.details as unknown as Optima), diff: pr.value! }; // optimal weights are scale invariant
    let worse = 0;
    let total = 0;
    const r = await richardsonN(t, budget, (b, scale) => ({ alpha: o.alphaPart, n: o.n.map((x) => x * scale), reference: { alpha: o.alphaN, n: b.N } }), 'inverse', {
      stat: (m, _b, scale) => {
        const diffs = m.extra!.difference!.values!;
        if (scale === 1 && total === 0) {
          worse = diffs.filter((x) => x < 0).length;
          total = diffs.length;
        }
        return diffs;
      },
      decide: { checkId: ID, runs: runs[budget], target: o.diff / o.targetOnly, unit: o.targetOnly },
    });
    return estimate(r.values.map((x) => x / o.targetOnly), `${modelNote(t)}; Richardson 4·X(2N) − X(N), plain X(N) = ${r.plain.toPrecision(4)} (unit ½d/N_0 = ${o.targetOnly.toPrecision(4)}); fewer samples did better in ${worse}/${total} single draws at N${topUpNote(r.topUp)}`);
  },
});
