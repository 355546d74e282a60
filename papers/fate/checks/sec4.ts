import fc from 'fast-check';
import { sec4Arccos, sec4Projection } from '../theory/sec4Claims.ts';
import { perpForAblation } from '../theory/sec4.ts';
import { runSim } from '../../../sim/registry.ts';
import { teacherFor } from '../sim/relu/sims.ts';
import { int, real, simSeed } from '../../../properties/arbitraries.ts';
import { defineProperty, estimate } from '../../../properties/runner.ts';
import { paired } from '../../../core/stats/index.ts';

/** Eq (153) against Monte Carlo of E[σ(w_iᵀx)σ(w_jᵀx)] in d dimensions. */
export const arccosMc = defineProperty({
  id: 'fate.sec4.arccos/mc',
  claimId: sec4Arccos.id,
  title: 'The arc-cosine formula (eq 153) matches Monte Carlo over Gaussian inputs',
  arbitrary: fc.record({ u: real(-1, 1, 200), d: int(2, 40), seed: simSeed }),
  runs: { test: 8, quick: 24, full: 80 },
  alpha: 0.01,
  compare: 'equal',
  relevant: 0.01,
  params: (v) => ({ u: v.u, d: v.d }),
  evaluate: (v) => {
    const pred = sec4Arccos.predict({ u: v.u, d: v.d });
    return { prediction: pred, target: pred.value!, statistic: 'eq (153)' };
  },
  async measure(v, budget) {
    const m = await runSim('fate.sec4.overlap-mc', { u: v.u, d: v.d, samples: budget === 'test' ? 4000 : 20000 }, { seed: v.seed, draws: 20 });
    return estimate(m.values);
  },
});

/** A teacher regime: p = m* − |A| kept neurons. */
const teacherRegime = fc
  .record({ d: int(10, 24), mstar: int(8, 24), frac: real(0.1, 0.8, 70), teacherSeed: simSeed, seed: simSeed })
  .map((v) => {
    const k = Math.min(v.mstar - 2, Math.max(1, Math.round(v.frac * v.mstar)));
    return { d: v.d, mstar: v.mstar, k, mu: k / v.mstar, teacherSeed: v.teacherSeed, seed: v.seed };
  });

/**
 * Eq (21) with eq (159): the linear-transfer (kernel-regression) risk on the idealised pretrained kernel
 * tends to ‖P⊥f*_t‖² as n grows. The finite-n term C(n) is removed by Richardson extrapolation
 * 2R(2n) − R(n) at n = 40p (residual bias O((p/n)²) ≈ 0.1 %, below the Monte Carlo error).
 */
export const ltLimit = defineProperty({
  id: 'fate.sec4.projection/lt-limit',
  claimId: sec4Projection.id,
  title: 'Kernel-regression risk on the source features tends to ‖P⊥f*_t‖² of eq (159) as n → ∞',
  arbitrary: teacherRegime,
  runs: { test: 5, quick: 15, full: 40 },
  alpha: 0.01,
  compare: 'equal',
  params: (v) => ({ d: v.d, mstar: v.mstar, mu: v.mu, teacherSeed: v.teacherSeed }),
  evaluate: (v) => {
    const t = teacherFor({ d: v.d, mstar: v.mstar, mu: v.mu, teacherSeed: v.teacherSeed });
    const pr = perpForAblation(t.W, t.c, t.removed);
    const p = v.mstar - v.k;
    return {
      prediction: { ...sec4Projection.predict({ d: v.d, mstar: v.mstar, mu: v.mu }), value: pr.perp, details: { relative: pr.relative, rank: pr.rank } },
      target: pr.perp,
      statistic: `eq (159) = ${pr.perp.toPrecision(5)} (relative ${pr.relative.toPrecision(3)}); Richardson 2R(2n) − R(n) at n = 40p = ${40 * p}`,
    };
  },
  async measure(v, budget) {
    const p = v.mstar - v.k;
    const m = await runSim('fate.sec4.kernel-regression', { d: v.d, mstar: v.mstar, mu: v.mu, teacherSeed: v.teacherSeed, n: 40 * p, testN: budget === 'test' ? 4000 : 10000 }, { seed: v.seed, draws: budget === 'test' ? 16 : 30 });
    return estimate(m.extra!.richardson!.values!, `R(n) = ${m.mean.toPrecision(4)}, R(2n) = ${m.extra!.R_2n!.mean.toPrecision(4)}`);
  },
});

/**
 * Fig 4(d): ‖P⊥f*_t‖²/‖f*_t‖² increases with μ. Measured without eq (159): large-sample least squares on
 * the source features, per teacher draw at μ₁ < μ₂ (same W*, c*, independent random A), paired.
 */
export const perpMonotone = defineProperty({
  id: 'fate.sec4.projection/monotone-mu',
  claimId: sec4Projection.id,
  title: '‖P⊥f*_t‖²/‖f*_t‖² (Monte Carlo, no formula) increases with the removed fraction μ',
  arbitrary: fc.record({ d: int(10, 24), mstar: fc.constantFrom(10, 20), k1: int(1, 6), gap: int(1, 3), seed: simSeed }),
  runs: { test: 4, quick: 12, full: 40 },
  alpha: 0.01,
  compare: 'sign',
  params: (v) => ({ d: v.d, mstar: v.mstar, mu1: v.k1 / v.mstar, mu2: (v.k1 + v.gap) / v.mstar }),
  evaluate: (v) => {
    if (v.k1 + v.gap >= v.mstar) return { skip: 'μ₂ would remove every neuron' };
    return {
      prediction: { quantity: '‖P⊥‖²(μ₂) − ‖P⊥‖²(μ₁), normalised', kind: 'monotone', sign: 1 },
      target: 1,
      statistic: `sign of E[r(μ₂ = ${((v.k1 + v.gap) / v.mstar).toFixed(3)}) − r(μ₁ = ${(v.k1 / v.mstar).toFixed(3)})] = +`,
    };
  },
  async measure(v, budget) {
    const draws = budget === 'test' ? 16 : 40;
    const N = budget === 'test' ? 3000 : 8000;
    const a = await runSim('fate.sec4.perp-mc', { d: v.d, mstar: v.mstar, mu: v.k1 / v.mstar, N }, { seed: v.seed, draws });
    const b = await runSim('fate.sec4.perp-mc', { d: v.d, mstar: v.mstar, mu: (v.k1 + v.gap) / v.mstar, N }, { seed: v.seed, draws });
    return estimate(paired(b.values, a.values), `r(μ₁) = ${a.mean.toPrecision(3)}, r(μ₂) = ${b.mean.toPrecision(3)}`);
  },
});
