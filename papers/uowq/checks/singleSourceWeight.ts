import { defineCheck } from '../../../properties/runner.ts';
import { estimate } from '../../../core/measurement.ts';
import { singleSourceWeightClaim } from '../theory/index.ts';
import { weightedMleSim } from '../sim/index.ts';
import { RUNS, build, instArb, modelNote, params, predictInside, richardsonN, topUpNote, type Inst } from './support.ts';

const ID = 'uowq.single-source-weight/implied-argmin';
// The gate runs the first 2 of the quick sweep's 18 regimes, each topped up to power against δ.
const runs = RUNS(2, 18);

/** Eq U2's a* and the curvature d²E/da² at the regime's scale (the prediction at that scale). */
function optimum(t: Inst, scale = 1): { a: number; curvature: number } {
  const p = singleSourceWeightClaim.predict(build(t, scale).params);
  return { a: p.value!, curvature: (p.details as { curvature: number }).curvature };
}

/**
 * Eq U2: the simulated error curve is flat at a*. The statistic is the implied argmin minus a* — the paired
 * central difference of the error at a* ± h over the curvature — so the claim's value is 0 by construction.
 */
export const impliedArgmin = defineCheck<Inst>({
  id: ID,
  aliases: ['uowq.single-source-weight'],
  claim: singleSourceWeightClaim,
  simulations: [weightedMleSim],
  title: 'The simulated error is minimised at the closed-form weight a* (implied argmin − a* = 0)',
  arbitrary: instArb({ K: [1, 1] }),
  runs,
  compare: 'equal',
  params: (t) => params(t),
  evaluate(t) {
    const prediction = predictInside(singleSourceWeightClaim, build(t).params);
    if ('skip' in prediction) return prediction;
    return { prediction, target: 0, statistic: 'implied argmin of the simulated error curve − a* (paired central difference / curvature), Richardson in 1/N' };
  },
  async measure(t, budget) {
    const { a } = optimum(t); // a* is scale invariant
    const h = Math.min(0.1, a / 2, (1 - a) / 2);
    const r = await richardsonN(t, budget, (b) => ({ alpha: [1 - a - h, a + h], n: b.N, reference: { alpha: [1 - a + h, a - h], n: b.N } }), 'scale-free', {
      drawFactor: 2, // twice the first-stage draws: the implied optimum is a ratio of small paired differences
      decide: { checkId: ID, runs: runs[budget], target: 0 },
      stat: (m, _b, scale) => {
        const { curvature } = optimum(t, scale);
        return m.extra!.difference!.values!.map((x) => -x / (2 * h) / curvature);
      },
    });
    return estimate(r.values, `${modelNote(t)}; a* = ${a.toPrecision(4)}, h = ${h.toPrecision(3)}; Richardson 2·X(2N) − X(N); plain X(N) = ${r.plain.toPrecision(3)}${topUpNote(r.topUp)}`);
  },
});
