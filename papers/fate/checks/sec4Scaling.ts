import fc from 'fast-check';
import { sec4Scaling } from '../theory/sec4Claims.ts';
import { scratchReluSim } from '../sim/relu/studentSims.ts';
import { FIGURE_CONSISTENT_LAWS, TEACHER_LAWS } from '../sim/relu/teacher.ts';
import { studentQuantile } from '../../../core/stats/distributions.ts';
import { simSeed } from '../../../properties/arbitraries.ts';
import { defineCheck, estimate, resolveLevels } from '../../../properties/runner.ts';
import { outsideHypotheses } from './support.ts';
import { scratchFit, sizes } from './sec4Student.ts';

/** Teacher k of a regime: its own teacherSeed (W*, c*) in [1, 2³¹ − 1], derived from the regime's seed. */
const teacherSeedOf = (seed: number, k: number) => ((seed + 7919 * (k + 1)) % 0x7ffffffe) + 1;

/**
 * Fig 4(c): the printed exponent ν = 1.18 against the measured one, with an interval over teachers. A regime is one
 * teacher law consistent with Fig 4(c–d) (teacher.ts: c* = 1 and |N(0, 1)|; U(0, 1) and N(0, 1) are ruled out by
 * the figures; the paper prints no law); in it,
 * `nuTeachers` teachers (W*, c*) are drawn, each fitted R_sc ≈ A n^(−ν) over the fit grid (pooled over `nuDraws`
 * data draws). The check fails when ν differs from 1.18 by more than the declared δ (core/levels.ts) and confirms when
 * it lies within δ — an equivalence test (TOST at its nearer bound): per teacher v_k = δ − s·(ν_k − 1.18), s the sign of
 * the mean's side, so E v = δ − |E ν − 1.18|; v significantly < 0 → ν outside 1.18 ± δ (mismatch), significantly > 0
 * with power ≥ 0.8 when ν = 1.18 → conforms. A plain two-sided t would reject differences far below δ.
 *
 * Sizes: 'test' and 'quick' d = 10, m = 40, m* = 10, n ∈ {8, …, 64} — comparing with 1.18 there assumes the exponent
 * does not depend on the sizes (the paper fits at d = 100, m = 1000, m* = 100 over n ∈ [100, 1000]). 'test' has
 * 3 teachers: at α_c ≈ 1.7e-4 a t over 3 teachers cannot confirm agreement (it is `inconclusive`, but still fails
 * when ν is far from 1.18); 'quick' has 16 teachers per law (per-teacher sd ≈ 0.1–0.2), still `inconclusive` at the
 * gate seed because the small-size exponent (1.27 for c* = 1, 1.37 for |N(0, 1)|, 16 teachers each) lies near the edge
 * of 1.18 ± δ — it would need ≈ 25+ teachers, or the paper's sizes. 'full' runs the paper's sizes (mixed precision,
 * scratch training on the error-controlled flow path, sim/relu/flow.ts: ≈ 10–20 s CPU per teacher over the four n),
 * 25 teachers per regime with one data draw each (two draws of one teacher differ by 0.01 in ν).
 * Measured (issue 12; c* ~ N(0, 1), the law before, gave ν = 0.42 at the paper's sizes): at the small sizes 4 teachers
 * × 2 draws give ν = 1.27 ± 0.13 (c* = 1), 1.31 ± 0.13 (|N|), 1.11 ± 0.17 (U) and 1.09 ± 0.21 (N(0, 1)) (mean ± sd
 * over teachers). At the paper's sizes, trained as printed (teacher 1, 2 data draws, n ∈ {100, 200, 400, 800}; every fit
 * reached loss ≤ 1e-6): ν = 1.14 (per draw 1.13, 1.14) with c* = 1 and ν = 1.02 (1.02, 1.01) with |N(0, 1)| — within
 * δ of the printed 1.18 for both laws the figures allow; the ν = 0.42 of before was a property of the N(0, 1) teacher.
 */
export const scratchDecay = defineCheck({
  id: 'fate.sec4.scaling/decay',
  claim: sec4Scaling,
  // Measured through scratchFit (sec4Student.ts), which runs this simulation's synchronous core over the fit grid.
  simulations: [scratchReluSim],
  title: 'The scratch risk of the ReLU student decays as A·n^(−ν) with ν ≈ 1.18 (interval over teachers, each teacher law consistent with Fig 4)',
  arbitrary: fc.record({ law: fc.constantFrom(...FIGURE_CONSISTENT_LAWS), seed: simSeed }),
  runs: { test: 1, quick: 3, full: 3 },
  compare: 'sign',
  shrinkMs: { test: 0, quick: 0, full: 0 },
  params: (v) => ({ teacherLaw: v.law, seed: v.seed }),
  region: (v) => `c* ~ ${TEACHER_LAWS[v.law]}`,
  evaluate(_v, budget) {
    const s = sizes(budget);
    const p = { d: s.d, m: s.m, mstar: s.mstar };
    const out = outsideHypotheses(sec4Scaling, p);
    if (out) return out;
    const prediction = sec4Scaling.predict(p);
    return {
      prediction,
      target: prediction.sign!,
      statistic: `δ − |ν − ${prediction.value}| > 0 (δ = ${margin()}; ν the mean over teachers of the fitted exponent; printed at d = 100, m = 1000, m* = 100, here d = ${s.d}, m = ${s.m}, m* = ${s.mstar})`,
    };
  },
  async measure(v, budget) {
    const s = sizes(budget);
    const nuPaper = sec4Scaling.predict({ d: s.d, m: s.m, mstar: s.mstar }).value!;
    const fits = [];
    for (let k = 0; k < s.nuTeachers; k++) fits.push(await scratchFit(teacherSeedOf(v.seed, k), v.seed, budget, v.law, s.nuDraws, s.scalingExactRisk));
    const nus = fits.map((f) => f.nu);
    const e = estimate(nus);
    const half = e.draws > 1 ? studentQuantile(0.975, e.draws - 1) * e.stderr : NaN;
    const side = Math.sign(e.mean - nuPaper) || 1;
    const loss = Math.max(...fits.flatMap((f) => f.maxTrainLoss));
    return estimate(
      nus.map((nu) => margin() - side * (nu - nuPaper)),
      `c* ~ ${TEACHER_LAWS[v.law]}: ν per teacher ${nus.map((x) => x.toPrecision(3)).join(', ')} → mean ${e.mean.toPrecision(3)}, 95% CI over ${e.draws} teachers [${(e.mean - half).toPrecision(3)}, ${(e.mean + half).toPrecision(3)}] (printed ${nuPaper}); ` +
        `each a log-log fit over n ∈ {${s.fitNs.join(', ')}} of R_sc (${s.scalingExactRisk ? 'exact L2 risk' : `Monte Carlo on ${s.testN} test points`}) pooled over ${s.nuDraws} data draws (d = ${s.d}, m = ${s.m}, m* = ${s.mstar}); largest final training loss ${loss.toExponential(1)} (stop at 1e-6 or flow time ${s.lr0 * s.steps}, the paper's 1e5 × 0.01)`,
    );
  },
});

/** The equivalence margin δ: the check's declared deviation (core/levels.ts). */
function margin(): number {
  return resolveLevels({ id: 'fate.sec4.scaling/decay', compare: 'sign' }).detect!.abs!;
}
