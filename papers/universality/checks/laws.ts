import { defineCheck } from '../../../properties/runner.ts';
import { estimate } from '../../../core/measurement.ts';
import { paired } from '../../../core/stats/index.ts';
import { lawsClaim } from '../theory/index.ts';
import { regressionSim } from '../sim/index.ts';
import { LEVEL, RUNS, half, lawName, meanOf, predictInside, regArb, regParams, richardsonD, simulateReg, type RegCase } from './support.ts';

/** E5: law − Gaussian on coupled designs, Richardson in 1/d; the claim's limit is 0. */
export const lawVsGaussian = defineCheck<RegCase>({
  id: 'universality.laws/law-vs-gaussian',
  aliases: ['universality.laws'],
  claim: lawsClaim,
  simulations: [regressionSim],
  title: 'Rademacher / centred χ² / uniform designs with the same Σ give the same limiting risk as Gaussian (coupled draws, Richardson in 1/d)',
  arbitrary: regArb({ laws: [1, 3] }),
  runs: RUNS(6),
  alpha: LEVEL,
  compare: 'equal',
  params: regParams,
  region: (t) => lawName(t.law),
  evaluate(t) {
    const prediction = predictInside(lawsClaim, regParams(t));
    if ('skip' in prediction) return prediction;
    return { prediction, target: prediction.value!, statistic: `2·Δ(d) − Δ(d/2), Δ = paired mean of R_${lawName(t.law)} − R_gaussian on coupled designs` };
  },
  async measure(t, budget) {
    const delta = async (c: RegCase) => paired((await simulateReg(c, c.law, budget)).fineTuned, (await simulateReg(c, 0, budget)).fineTuned);
    const a = await delta(t);
    const b = await delta(half(t));
    return estimate(richardsonD(a, b), `law ${lawName(t.law)} vs Gaussian, same normal stream; plain Δ(d) = ${meanOf(a).toPrecision(3)}, Δ(d/2) = ${meanOf(b).toPrecision(3)}`);
  },
});
