import fc from 'fast-check';
import { defineCheck } from '../../../properties/runner.ts';
import { estimate } from '../../../core/measurement.ts';
import { kktClaim, kktOk, type KKTReport } from '../theory/index.ts';
import { vectorParams } from '../theory/params.ts';
import { weightedMleSim } from '../sim/index.ts';
import { RUNS, build, instArb, modelNote, params, predictInside, richardsonN, simplexPoint, topUpNote, type Inst } from './support.ts';

const ID = 'uowq.kkt/optimum-rise';
// The gate runs the first 2 of the quick sweep's 18 regimes, each topped up to power against δ.
const runs = RUNS(2, 18);

type Case = Inst & { v: number[] };
interface Optimum {
  alpha: number[];
  kkt: KKTReport;
  alt: number[];
  rise: number;
}
/** Eq U3 at the regime (α* is scale invariant), with α′ = ½α* + ½v for the drawn simplex point v. */
const claimParams = (t: Case) => ({ ...build(t).params, ...vectorParams('toward', simplexPoint(t.v, t.K + 1)) });
/**
 * The target-only error ½d/N_0 (eq U1 at α = e_0, the same for every J): the statistic is stated in this unit,
 * like the other uowq checks, so that its declared deviation can have an absolute part (core/levels.ts).
 */
const unitOf = (t: Case) => (0.5 * t.d) / t.n0;

/** Eq U3: moving from the KKT-certified α* towards a random simplex point raises the simulated error as eq U1 says. */
export const optimumRise = defineCheck<Case>({
  id: ID,
  aliases: ['uowq.kkt'],
  claim: kktClaim,
  simulations: [weightedMleSim],
  title: 'Moving from the KKT-certified optimum α* halfway to a random simplex point raises the simulated error as eq U1 predicts',
  arbitrary: fc.tuple(instArb({ K: [2, 3] }), fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 4, maxLength: 4 })).map(([t, v]) => ({ ...t, v })),
  runs,
  compare: 'equal',
  params: (t) => params(t),
  evaluate(t) {
    const prediction = predictInside(kktClaim, claimParams(t));
    if ('skip' in prediction) return prediction;
    const o = prediction.details as unknown as Optimum;
    if (!kktOk(o.kkt, 1e-8)) return { skip: `solver did not certify KKT (${JSON.stringify(o.kkt)})` };
    return { prediction, target: o.rise / unitOf(t), statistic: 'paired simulated KL(α′) − KL(α*), Richardson in 1/N, − eq U1 difference, both in units of the target-only error ½d/N_0' };
  },
  async measure(t, budget) {
    const o = kktClaim.predict(claimParams(t)).details as unknown as Optimum;
    const unit = unitOf(t);
    const r = await richardsonN(t, budget, (b) => ({ alpha: o.alt, n: b.N, reference: { alpha: o.alpha, n: b.N } }), 'inverse', { decide: { checkId: ID, runs: runs[budget], target: o.rise / unit, unit } });
    return estimate(r.values.map((x) => x / unit), `${modelNote(t)}; Richardson 4·X(2N) − X(N); plain X(N) = ${r.plain.toPrecision(4)} (unit ½d/N_0 = ${unit.toPrecision(4)})${topUpNote(r.topUp)}`);
  },
});
