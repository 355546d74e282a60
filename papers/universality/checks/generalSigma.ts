import { defineCheck } from '../../../properties/runner.ts';
import { estimate } from '../../../core/measurement.ts';
import { generalSigmaClaim } from '../theory/index.ts';
import { regressionSim } from '../sim/index.ts';
import { LEVEL, RUNS, half, meanOf, predictInside, regArb, regParams, regParamsE7, richardsonD, simulateReg, spectrumRegion, type RegCase } from './support.ts';

/** E3 through E7: 2·R(d) − R(d/2) of Gaussian designs against the same combination of the deterministic equivalent. */
export const richardsonRisk = defineCheck<RegCase>({
  id: 'universality.general-sigma/richardson-risk',
  aliases: ['universality.general-sigma'],
  claim: generalSigmaClaim,
  simulations: [regressionSim],
  title: 'Fine-tuned risk for general Σ converges to the HMRT deterministic equivalent with signal w_0 − w* (Richardson 2R(d) − R(d/2))',
  arbitrary: regArb({ laws: [0, 0] }),
  runs: RUNS(6),
  alpha: LEVEL,
  compare: 'equal',
  params: regParams,
  region: spectrumRegion,
  evaluate(t) {
    const prediction = predictInside(generalSigmaClaim, regParamsE7(t));
    if ('skip' in prediction) return prediction;
    return { prediction, target: prediction.finiteSize!.value, statistic: 'mean of 2·R_sim(d) − R_sim(d/2) − (2·E3(d) − E3(d/2))' };
  },
  async measure(t, budget) {
    const a = (await simulateReg(t, 0, budget)).fineTuned;
    const b = (await simulateReg(half(t), 0, budget)).fineTuned;
    const e3 = (c: RegCase) => generalSigmaClaim.predict(regParams(c)).value!;
    return estimate(richardsonD(a, b), `Gaussian design; plain means R(d) = ${meanOf(a).toPrecision(4)} vs E3 ${e3(t).toPrecision(4)}, R(d/2) = ${meanOf(b).toPrecision(4)} vs E3 ${e3(half(t)).toPrecision(4)}`);
  },
});
