import fc from 'fast-check';
import { sec4Arccos } from '../theory/sec4Claims.ts';
import { overlapMcSim } from '../sim/relu/sims.ts';
import { int, real, simSeed } from '../../../properties/arbitraries.ts';
import { defineCheck, estimate } from '../../../properties/runner.ts';
import { outsideHypotheses, simulate } from './support.ts';

/** Eq (153) against Monte Carlo of E[σ(w_iᵀx)σ(w_jᵀx)] in d dimensions (30 draws: power ≥ 0.8 against δ needs ≈ 25 at u ≈ −0.5). */
export const arccosMc = defineCheck({
  id: 'fate.sec4.arccos/mc',
  claim: sec4Arccos,
  simulations: [overlapMcSim],
  title: 'The arc-cosine formula (eq 153) matches Monte Carlo over Gaussian inputs',
  arbitrary: fc.record({ u: real(-1, 1, 200), d: int(2, 40), seed: simSeed }),
  runs: { test: 8, quick: 24, full: 80 },
  compare: 'equal',
  params: (v) => ({ u: v.u, d: v.d }),
  evaluate(v) {
    const p = { u: v.u, d: v.d };
    const out = outsideHypotheses(sec4Arccos, p);
    if (out) return out;
    const prediction = sec4Arccos.predict(p);
    return { prediction, target: prediction.value!, statistic: 'eq (153)' };
  },
  async measure(v, budget) {
    const m = await simulate(overlapMcSim, { u: v.u, d: v.d, samples: budget === 'test' ? 4000 : 20000 }, { seed: v.seed, draws: 30 });
    return estimate(m.values);
  },
});
