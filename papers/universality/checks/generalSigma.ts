import { defineCheck } from '../../../properties/runner.ts';
import { estimate } from '../../../core/measurement.ts';
import { generalSigmaClaim } from '../theory/index.ts';
import { regressionSim } from '../sim/index.ts';
import { RUNS, prepareRichardsonReg, regCap, half, meanOf, predictInside, regArb, regDraws, regParams, regParamsE7, richardsonD, simulateReg, spectrumRegion, topUpNote, withPower, type RegCase } from './support.ts';

const ID = 'universality.general-sigma/richardson-risk';
// The gate runs the first 2 of the quick sweep's 18 regimes, each extended to power against δ.
const runs = RUNS(2, 18);

/** E3 through E7: 2·R(d) − R(d/2) of Gaussian designs against the same combination of the deterministic equivalent. */
export const richardsonRisk = defineCheck<RegCase>({
  id: ID,
  aliases: ['universality.general-sigma'],
  claim: generalSigmaClaim,
  simulations: [regressionSim],
  title: 'Fine-tuned risk for general Σ converges to the HMRT deterministic equivalent with signal w_0 − w* (Richardson 2R(d) − R(d/2))',
  arbitrary: regArb({ laws: [0, 0] }),
  runs,
  compare: 'equal',
  params: regParams,
  region: spectrumRegion,
  evaluate(t) {
    const prediction = predictInside(generalSigmaClaim, regParamsE7(t));
    if ('skip' in prediction) return prediction;
    return { prediction, target: prediction.finiteSize!.value, statistic: 'mean of 2·R_sim(d) − R_sim(d/2) − (2·E3(d) − E3(d/2))' };
  },
  async measure(t, budget) {
    const target = generalSigmaClaim.predict(regParamsE7(t)).finiteSize!.value;
    const sim = async (draws: number) => {
      prepareRichardsonReg({ ...t, law: 0 }, draws); // both sizes' designs from one draw of the normals (same numbers)
      return { a: (await simulateReg(t, 0, budget, draws)).fineTuned, b: (await simulateReg(half(t), 0, budget, draws)).fineTuned };
    };
    // Cap 64× the former fixed batch (1,280 draws at the gate): at seed 1717 a bilevel regime (σ = 0.1, cond 19) needed
    // 816 draws for power 0.8 and the former cap of 640 left it inconclusive (more draws, never a wider δ).
    const { r: { a, b }, topUp } = await withPower({ checkId: ID, runs: runs[budget], target }, regDraws[budget], regCap(64, budget), sim, (r) => richardsonD(r.a, r.b));
    const e3 = (c: RegCase) => generalSigmaClaim.predict(regParams(c)).value!;
    return estimate(richardsonD(a, b), `Gaussian design; plain means R(d) = ${meanOf(a).toPrecision(4)} vs E3 ${e3(t).toPrecision(4)}, R(d/2) = ${meanOf(b).toPrecision(4)} vs E3 ${e3(half(t)).toPrecision(4)}${topUpNote(topUp)}`);
  },
});
