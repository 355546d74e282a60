import fc from 'fast-check';
import { sec4Arccos } from '../theory/sec4Claims.ts';
import { overlapMcSim } from '../sim/relu/sims.ts';
import { int, real, simSeed } from '../../../properties/arbitraries.ts';
import { defineCheck, estimate } from '../../../properties/runner.ts';
import { outsideHypotheses, simulate } from './support.ts';

/** Eq (153) against Monte Carlo of E[σ(w_iᵀx)σ(w_jᵀx)] in d dimensions (48 draws: power ≥ 0.8 against δ needs up to ≈ 35 where κ ≈ 0.14, u ≈ 0; the rest is margin for other seeds). */
export const arccosMc = defineCheck({
  id: 'fate.sec4.arccos/mc',
  claim: sec4Arccos,
  simulations: [overlapMcSim],
  title: 'The arc-cosine formula (eq 153) matches Monte Carlo over Gaussian inputs',
  arbitrary: fc.record({ u: real(-1, 1, 200), d: int(2, 40), seed: simSeed }),
  runs: { test: 8, quick: 24, full: 80 },
  compare: 'equal',
  // At u = −1 the two ReLUs never fire together: every draw is exactly 0 = κ(−1), with zero spread, which is no
  // evidence; a round-off floor of 1e-9 (far below δ ≥ 0.005) makes that regime an exact comparison at a stated tolerance.
  floor: 1e-9,
  params: (v) => ({ u: v.u, d: v.d }),
  evaluate(v) {
    const p = { u: v.u, d: v.d };
    const out = outsideHypotheses(sec4Arccos, p);
    if (out) return out;
    const prediction = sec4Arccos.predict(p);
    return { prediction, target: prediction.value!, statistic: 'eq (153)' };
  },
  async measure(v, budget) {
    const m = await simulate(overlapMcSim, { u: v.u, d: v.d, samples: budget === 'test' ? 4000 : 20000 }, { seed: v.seed, draws: 48 });
    return estimate(m.values);
  },
});
