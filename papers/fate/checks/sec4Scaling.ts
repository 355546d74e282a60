import fc from 'fast-check';
import { sec4Scaling } from '../theory/sec4Claims.ts';
import { scratchReluSim } from '../sim/relu/studentSims.ts';
import { studentQuantile } from '../../../core/stats/distributions.ts';
import { simSeed } from '../../../properties/arbitraries.ts';
import { defineCheck, estimate } from '../../../properties/runner.ts';
import { outsideHypotheses } from './support.ts';
import { scratchFit, sizes } from './sec4Student.ts';

/** Fig 4(c): the scratch risk decays as a power law; ν is fitted per draw and compared with 1.18 in the note. */
export const scratchDecay = defineCheck({
  id: 'fate.sec4.scaling/decay',
  claim: sec4Scaling,
  // Measured through scratchFit (sec4Student.ts), which runs this simulation's synchronous core over the fit grid.
  simulations: [scratchReluSim],
  title: 'The scratch risk of the ReLU student decays as a power law A·n^(−ν) (ν > 0; fitted ν reported beside 1.18)',
  arbitrary: fc.record({ teacherSeed: simSeed, seed: simSeed }),
  runs: { test: 1, quick: 1, full: 1 },
  alpha: 0.01,
  compare: 'sign',
  params: (v) => ({ teacherSeed: v.teacherSeed }),
  evaluate(_v, budget) {
    const s = sizes(budget);
    const p = { d: s.d, m: s.m, mstar: s.mstar };
    const out = outsideHypotheses(sec4Scaling, p);
    if (out) return out;
    const prediction = sec4Scaling.predict(p);
    return { prediction, target: prediction.sign!, statistic: `fitted ν > 0 (paper: ν = ${prediction.value} at d = 100, m = 1000, m* = 100)` };
  },
  async measure(v, budget) {
    const f = await scratchFit(v.teacherSeed, v.seed, budget);
    const s = sizes(budget);
    const nuPaper = sec4Scaling.predict({ d: s.d, m: s.m, mstar: s.mstar }).value!;
    const e = estimate(f.perDrawNu);
    const half = e.draws > 1 ? studentQuantile(0.975, e.draws - 1) * e.stderr : NaN;
    return estimate(
      f.perDrawNu,
      `pooled fit ν = ${f.nu.toPrecision(3)}, A = ${f.A.toPrecision(3)} over n ∈ {${s.fitNs.join(', ')}} (d = ${s.d}, m = ${s.m}, m* = ${s.mstar}); per-draw ν ${f.perDrawNu.map((x) => x.toPrecision(3)).join(', ')} → 95% CI [${(e.mean - half).toPrecision(3)}, ${(e.mean + half).toPrecision(3)}] (paper ${nuPaper}); R_sc = ${f.risks.map((r) => r.toPrecision(3)).join(', ')}; ` +
        `final training loss (mean, max) ${f.trainLoss.map((r, k) => `${r.toExponential(1)}/${f.maxTrainLoss[k]!.toExponential(1)}`).join(', ')} after ${f.steps.map((x) => Math.round(x)).join(', ')} steps (lr0 = ${s.lr0}; stop at 1e-6 or flow time ${s.lr0 * s.steps}, the paper's 1e5 × 0.01)`,
    );
  },
});
