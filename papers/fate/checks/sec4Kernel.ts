import fc from 'fast-check';
import { sec4Kernel } from '../theory/sec4Claims.ts';
import { pretrainSim } from '../sim/relu/studentSims.ts';
import { simSeed } from '../../../properties/arbitraries.ts';
import { defineCheck, estimate } from '../../../properties/runner.ts';
import { outsideHypotheses, simulate } from './support.ts';
import { sizes } from './sec4Student.ts';

/** μ = k/10 rounded to the budget's teacher width, so that μm* is an integer. */
const muAt = (k: number, mstar: number) => Math.round((k / 10) * mstar) / mstar;

/** Fig 4(a–b): pretraining moves the student's kernel towards the source teacher's. */
export const kernelApproaches = defineCheck({
  id: 'fate.sec4.kernel/approaches',
  claim: sec4Kernel,
  simulations: [pretrainSim],
  title: 'Population pretraining reduces the Gram-matrix distance between the student kernel and the source teacher kernel',
  arbitrary: fc.record({ k: fc.integer({ min: 1, max: 5 }), teacherSeed: simSeed, seed: simSeed }),
  runs: { test: 1, quick: 1, full: 1 },
  compare: 'sign',
  params: (v) => ({ mu: v.k / 10, teacherSeed: v.teacherSeed }),
  evaluate(v, budget) {
    const s = sizes(budget);
    const p = { d: s.d, m: s.m, mstar: s.mstar, mu: muAt(v.k, s.mstar) };
    const out = outsideHypotheses(sec4Kernel, p);
    if (out) return out;
    const prediction = sec4Kernel.predict(p);
    return { prediction, target: prediction.sign!, statistic: 'gap at init − gap after pretraining > 0' };
  },
  async measure(v, budget) {
    const s = sizes(budget);
    const mstar = s.mstar;
    const mu = muAt(v.k, mstar);
    const r = await simulate(pretrainSim, { d: s.d, m: s.m, mstar, mu, teacherSeed: v.teacherSeed, lr0: s.lr0, pretrainSteps: s.pretrainSteps, P: 100, fast: s.fast, flowTol: s.flowTol }, { seed: v.seed, draws: s.kernelDraws });
    return estimate(
      r.extra!.reduction!.values!,
      `relative Frobenius gap: ${r.extra!.atInit!.mean.toPrecision(3)} at init → ${r.mean.toPrecision(3)} after ${r.extra!.steps!.mean} ${s.flowTol ? `gradient evaluations on the error-controlled flow path (tolerance ${s.flowTol})` : `steps at lr0 = ${s.lr0}`} (d = ${s.d}, m = ${s.m}, m* = ${mstar}); final population loss ${(r.extra!.relLoss!.mean * 100).toPrecision(3)}% of ½‖f*_s‖² (stopping rule: loss ≤ 1e-6 or flow time ${s.lr0 * s.pretrainSteps})`,
    );
  },
});
