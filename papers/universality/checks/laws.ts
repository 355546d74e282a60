import { defineCheck } from '../../../properties/runner.ts';
import { estimate } from '../../../core/measurement.ts';
import { paired } from '../../../core/stats/index.ts';
import { lawsClaim } from '../theory/index.ts';
import { regressionSim } from '../sim/index.ts';
import { RUNS, prepareRichardsonReg, regCap, half, lawName, meanOf, predictInside, regArb, regDraws, regParams, richardsonD, simulateRegCoupled, topUpNote, withPower, type RegCase } from './support.ts';

const ID = 'universality.laws/law-vs-gaussian';
// The gate runs the first 2 of the quick sweep's 18 regimes, each extended to power against δ.
const runs = RUNS(2, 18);
/** The limiting risk (E3 deterministic equivalent): the statistic is stated in this unit. */
const unitOf = (t: RegCase) => (lawsClaim.predict(regParams(t)).details as { deterministicEquivalent: number }).deterministicEquivalent;

/** E5: law − Gaussian on coupled designs, Richardson in 1/d, in units of the limiting risk; the claim's limit is 0. */
export const lawVsGaussian = defineCheck<RegCase>({
  id: ID,
  aliases: ['universality.laws'],
  claim: lawsClaim,
  simulations: [regressionSim],
  title: 'Rademacher / centred χ² / uniform designs with the same Σ give the same limiting risk as Gaussian (coupled draws, Richardson in 1/d)',
  arbitrary: regArb({ laws: [1, 3] }),
  runs,
  compare: 'equal',
  params: regParams,
  region: (t) => lawName(t.law),
  evaluate(t) {
    const prediction = predictInside(lawsClaim, regParams(t));
    if ('skip' in prediction) return prediction;
    const unit = (prediction.details as { deterministicEquivalent: number }).deterministicEquivalent;
    return { prediction, target: prediction.value! / unit, statistic: `2·Δ(d) − Δ(d/2), Δ = paired mean of R_${lawName(t.law)} − R_gaussian on coupled designs, in units of the limiting risk` };
  },
  async measure(t, budget) {
    const unit = unitOf(t);
    const delta = async (c: RegCase, draws: number) => {
      const r = await simulateRegCoupled(c, budget, draws);
      return paired(r.law, r.gaussian);
    };
    const sim = async (draws: number) => {
      prepareRichardsonReg(t, draws); // both sizes' designs from one draw of the normals (same numbers)
      return { a: await delta(t, draws), b: await delta(half(t), draws) };
    };
    const norm = (r: { a: number[]; b: number[] }) => richardsonD(r.a, r.b).map((x) => x / unit);
    const { r, topUp } = await withPower({ checkId: ID, runs: runs[budget], target: 0 }, regDraws[budget], regCap(64, budget), sim, norm);
    return estimate(norm(r), `law ${lawName(t.law)} vs Gaussian, same normal stream; plain Δ(d) = ${meanOf(r.a).toPrecision(3)}, Δ(d/2) = ${meanOf(r.b).toPrecision(3)} (unit: limiting risk ${unit.toPrecision(4)})${topUpNote(topUp)}`);
  },
});
