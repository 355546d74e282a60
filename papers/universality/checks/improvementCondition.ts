import { defineCheck } from '../../../properties/runner.ts';
import { estimate } from '../../../core/measurement.ts';
import { paired } from '../../../core/stats/index.ts';
import { improvementConditionClaim } from '../theory/index.ts';
import { regressionSim } from '../sim/index.ts';
import { LEVEL, RUNS, lawName, predictInside, regArb, regParams, simulateReg } from './support.ts';

/** E4: the sign of R(w_ft) − R(w_0) outside a boundary band of 10% of R_0 (any law, any spectrum). */
export const riskSign = defineCheck({
  id: 'universality.improvement-condition/risk-sign',
  aliases: ['universality.improvement-condition'],
  claim: improvementConditionClaim,
  simulations: [regressionSim],
  title: 'Fine-tuning beats the pretrained model exactly when the E4 condition says so (any law, any spectrum)',
  arbitrary: regArb({ laws: [0, 3], dist: [1, 20], sigma: [1, 30] }),
  runs: RUNS(10),
  alpha: LEVEL,
  compare: 'sign',
  params: regParams,
  region: (t) => (improvementConditionClaim.predict(regParams(t)).value! < 0 ? 'fine-tuning helps' : 'fine-tuning hurts'),
  requiredCoverage: { 'fine-tuning helps': 1, 'fine-tuning hurts': 1 },
  evaluate(t) {
    const prediction = predictInside(improvementConditionClaim, regParams(t));
    if ('skip' in prediction) return prediction;
    const margin = prediction.value!;
    if (Math.abs(margin) < 0.1 * t.dist) return { skip: `within the boundary band |margin| < 0.1·R_0 (margin ${margin.toPrecision(3)})` };
    return { prediction, target: margin, statistic: 'sign of the mean of R(w_ft) − R(w_0)' };
  },
  async measure(t, budget) {
    const r = await simulateReg(t, t.law, budget);
    return estimate(paired(r.fineTuned, r.pretrained), `law ${lawName(t.law)}`);
  },
});
