import fc from 'fast-check';
import { thm3_6 } from '../theory/thm3_6.ts';
import { fastSims, scratchSim } from '../sim/sims.ts';
import { int, real, simSeed } from '../../../properties/arbitraries.ts';
import { defineCheck, estimate, type Evaluation } from '../../../properties/runner.ts';
import { fastSim, outsideHypotheses, simulate } from './support.ts';

const scratchFastSim = fastSim(fastSims, 'fate.scratch.fast');

/** The exact finite-size scratch risk at n = round(γd), read from the claim's prediction. */
function finiteSizeTarget(v: { gamma: number; sigma: number; d: number }, n: number): Evaluation {
  const p = { gamma: v.gamma, sigma: v.sigma, n, d: v.d };
  const out = outsideHypotheses(thm3_6, p);
  if (out) return out;
  const pred = thm3_6.predict(p);
  return { prediction: pred, target: pred.finiteSize!.value, statistic: `exact E R_sc at n = ${n}, d = ${v.d}` };
}

/**
 * Thm 3.6 against simulation through its exact finite-size form: the plain SVD simulation at small d and
 * the fast reduction at large d. γ stays ≥ 0.15 away from 1, where the noise term has heavy tails.
 */
const regime = fc.record({
  gamma: fc.oneof(real(0.1, 0.85, 75), real(1.15, 2.5, 135)),
  sigma: real(0, 1.5, 150),
  d: int(16, 48),
  seed: simSeed,
});

export const scratchFinite = defineCheck({
  id: 'fate.thm3.6/finite-size',
  claim: thm3_6,
  simulations: [scratchSim],
  title: 'Plain min-norm simulation matches the exact finite-size scratch risk',
  arbitrary: regime,
  runs: { test: 8, quick: 20, full: 60 },
  alpha: 0.01,
  compare: 'equal',
  relevant: 0.1,
  params: (v) => ({ gamma: v.gamma, sigma: v.sigma, d: v.d }),
  evaluate(v) {
    const n = Math.round(v.gamma * v.d);
    if (n < 3 || Math.abs(n - v.d) < 4) return { skip: 'n within 3 of d', outOfHypotheses: false };
    return finiteSizeTarget(v, n);
  },
  async measure(v, budget) {
    const m = await simulate(scratchSim, { gamma: v.gamma, sigma: v.sigma, d: v.d }, { seed: v.seed, draws: budget === 'test' ? 60 : 200 });
    return estimate(m.values);
  },
});

export const scratchFast = defineCheck({
  id: 'fate.thm3.6/fast-large-d',
  claim: thm3_6,
  simulations: [scratchFastSim],
  title: 'Fast exact reduction at d up to 500 matches the finite-size scratch risk',
  arbitrary: fc.record({ gamma: fc.oneof(real(0.1, 0.85, 75), real(1.15, 2.5, 135)), sigma: real(0, 1.5, 150), d: int(100, 500), seed: simSeed }),
  runs: { test: 6, quick: 20, full: 60 },
  alpha: 0.01,
  compare: 'equal',
  relevant: 0.02,
  params: (v) => ({ gamma: v.gamma, sigma: v.sigma, d: v.d }),
  evaluate: (v) => finiteSizeTarget(v, Math.round(v.gamma * v.d)),
  async measure(v, budget) {
    const m = await simulate(scratchFastSim, { gamma: v.gamma, sigma: v.sigma, d: v.d }, { seed: v.seed, draws: budget === 'test' ? 60 : 120 });
    return estimate(m.values);
  },
});
