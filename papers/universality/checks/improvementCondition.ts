import { defineCheck } from '../../../properties/runner.ts';
import { estimate } from '../../../core/measurement.ts';
import { paired } from '../../../core/stats/index.ts';
import { improvementConditionClaim } from '../theory/index.ts';
import { regressionSim } from '../sim/index.ts';
import { RUNS, regCap, lawName, predictInside, regArb, regDraws, regParams, simulateReg, topUpNote, withPower } from './support.ts';

const ID = 'universality.improvement-condition/risk-sign';
const runs = RUNS(10);

/**
 * E4: the sign of R(w_ft) − R(w_0) outside a boundary band of 10% of R_0 (any law, any spectrum). The statistic is
 * stated in the unit s = max(R_0, |predicted margin|) (R_0 = ‖w_0 − w*‖²_Σ = dist): near the boundary s is R_0, the
 * unit of the band; far from it a tenth of the predicted effect is what decides the sign.
 */
const unitOf = (dist: number, margin: number) => Math.max(dist, Math.abs(margin));
export const riskSign = defineCheck({
  id: ID,
  aliases: ['universality.improvement-condition'],
  claim: improvementConditionClaim,
  simulations: [regressionSim],
  title: 'Fine-tuning beats the pretrained model exactly when the E4 condition says so (any law, any spectrum)',
  arbitrary: regArb({ laws: [0, 3], dist: [1, 20], sigma: [1, 30] }),
  runs,
  compare: 'sign',
  params: regParams,
  region: (t) => (improvementConditionClaim.predict(regParams(t)).value! < 0 ? 'fine-tuning helps' : 'fine-tuning hurts'),
  requiredCoverage: { 'fine-tuning helps': 1, 'fine-tuning hurts': 1 },
  evaluate(t) {
    const prediction = predictInside(improvementConditionClaim, regParams(t));
    if ('skip' in prediction) return prediction;
    const margin = prediction.value!;
    if (Math.abs(margin) < 0.1 * t.dist) return { skip: `within the boundary band |margin| < 0.1·R_0 (margin ${margin.toPrecision(3)})` };
    return { prediction, target: margin / unitOf(t.dist, margin), statistic: 'sign of the mean of (R(w_ft) − R(w_0))/max(R_0, |E4 margin|)' };
  },
  async measure(t, budget) {
    const unit = unitOf(t.dist, improvementConditionClaim.predict(regParams(t)).value!);
    const diff = (r: { fineTuned: number[]; pretrained: number[] }) => paired(r.fineTuned, r.pretrained).map((x) => x / unit);
    const { r, topUp } = await withPower({ checkId: ID, runs: runs[budget], target: 0, sided: 'one' }, regDraws[budget], regCap(16, budget), (draws) => simulateReg(t, t.law, budget, draws), diff);
    return estimate(diff(r), `law ${lawName(t.law)}; unit max(R_0, |margin|) = ${unit.toPrecision(4)}${topUpNote(topUp)}`);
  },
});
