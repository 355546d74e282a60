import fc from 'fast-check';
import { defineCheck } from '../../../properties/runner.ts';
import { estimate } from '../../../core/measurement.ts';
import { asymptoticErrorClaim } from '../theory/index.ts';
import { vectorParams } from '../theory/params.ts';
import { weightedMleSim } from '../sim/index.ts';
import { RUNS, build, topUpNote, instArb, modelNote, params, predictInside, richardsonN, simplexPoint, usedSizes, type Inst } from './support.ts';

type Case = Inst & { w: number[]; use: number[] };
const weights = (t: Case) => simplexPoint(t.w, t.K + 1);
const claimParams = (t: Case) => {
  const b = build(t);
  return { ...b.params, ...vectorParams('alpha', weights(t)), ...vectorParams('nUsed', usedSizes(b.N, t.use)) };
};
const ID = 'uowq.asymptotic-error/simulated-kl';
// The gate runs the first 2 of the quick sweep's 18 regimes, each topped up to power against δ.
const runs = RUNS(2, 18);

/** Eq U1 at a random weighting (α, n): the simulated KL error, Richardson-extrapolated in 1/N. */
export const simulatedKl = defineCheck<Case>({
  id: ID,
  aliases: ['uowq.asymptotic-error'],
  claim: asymptoticErrorClaim,
  simulations: [weightedMleSim],
  title: 'Simulated KL error of the weighted MLE equals ½[bᵀJb + dΣα_k²/n_k] (eq U1) at random (α, n)',
  arbitrary: fc.tuple(instArb(), fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 4, maxLength: 4 }), fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 3, maxLength: 3 })).map(([t, w, use]) => ({ ...t, w: w.map((x, k) => (k === 0 ? x + 1 : x)), use })),
  runs,
  compare: 'equal',
  params: (t) => params(t),
  evaluate(t) {
    const prediction = predictInside(asymptoticErrorClaim, claimParams(t));
    if ('skip' in prediction) return prediction;
    return { prediction, target: prediction.value!, statistic: 'mean of 4·KL(2N) − KL(N) − eq U1(N)' };
  },
  async measure(t, budget) {
    const alpha = weights(t);
    // n_k scales with N: at scale 2 the used size is twice the scale-1 size (not recomputed from 2N_k)
    const decide = { checkId: ID, runs: runs[budget], target: asymptoticErrorClaim.predict(claimParams(t)).value! };
    const r = await richardsonN(t, budget, (b, scale) => ({ alpha, n: b.N.map((Nk, k) => (k === 0 ? Nk : Math.max(1, Math.round((t.use[k - 1]! * Nk) / scale / 10)) * scale)) }), 'inverse', { decide });
    return estimate(r.values, `${modelNote(t)}; Richardson 4·KL(2N) − KL(N); plain KL(N) = ${r.plain.toPrecision(4)}${topUpNote(r.topUp)}`);
  },
});
