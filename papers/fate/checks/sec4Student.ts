import fc from 'fast-check';
import { sec4Kernel, sec4NegativeTransfer, sec4Scaling } from '../theory/sec4Claims.ts';
import { negativeTransferPoint, NU_PAPER, perpForAblation } from '../theory/sec4.ts';
import { runSim } from '../../../sim/registry.ts';
import { teacherFor } from '../sim/relu/sims.ts';
import { scratchMeasure } from '../sim/relu/studentSims.ts';
import { ensureTf } from '../../../sim/tf/backend.ts';
import { studentQuantile } from '../../../core/stats/distributions.ts';
import type { Budget, CheckSpec } from '../../../properties/check.ts';
import { simSeed } from '../../../properties/arbitraries.ts';
import { defineProperty, estimate } from '../../../properties/runner.ts';

/**
 * §4 checks that need a trained ReLU student. Training follows the printed protocol in gradient-flow
 * time: the paper runs ≤ 1e5 steps at lr 0.01·m (flow time lr0 · steps = 1000) or until the loss is
 * ≤ 1e-6. GD here is in its gradient-flow regime: at equal flow time lr0 ∈ [0.01, 0.5] give the same
 * losses and risks to < 1 % (relu.test.ts checks lr0 0.01 vs 0.2; measured at the paper's sizes in
 * `npm run bench -- relu`), so lr0 = 0.2 with ≤ 5000 steps is the paper's run with 20× fewer steps.
 * (Earlier versions stopped at flow time 100–200: the large-n scratch fits were then 10–100× above the
 * stopping threshold, which flattened the fitted ν to 0.5–0.7. Trained as printed, d = 10, m = 40 gives
 * ν ≈ 0.9 over n ∈ [8, 64]; at d = 20, m = 200, m* = 20 every n ≤ 160 reaches 1e-6 and the local
 * exponent still rises with n, 0.44 on [10, 40] to 0.96 on [80, 320]: at small sizes the decay is not a
 * single power law, so ν depends on the fitted range of n. At the paper's sizes, trained as printed
 * (every fit reached loss ≤ 1e-6: 814–4280 steps at lr0 = 0.2), n ∈ {100, 200, 400, 800} gives
 * R_sc = 2.2e-3, 1.6e-3, 1.2e-3, 0.93e-3 and ν = 0.42 (per draw 0.43, 0.41; gate seed), not 1.18: a
 * measured deviation; the teacher's c*_i distribution and scale are not printed (N(0, 1) here).)
 * Sizes: 'test' and 'quick' d = 10, m = 40, m* = 10 in float64; 'full' the paper's d = 100, m = 1000,
 * m* = 100 on the mixed-precision path (sim/fate/relu/trainFast.ts).
 */
export function sizes(budget: Budget) {
  return budget !== 'full'
    ? { d: 10, m: 40, mstar: 10, lr0: 0.2, pretrainSteps: 5000, steps: 5000, fitNs: [8, 16, 32, 64], nStarMax: 64, fitDraws: 3, draws: 4, testN: 3000, fast: 0, kernelDraws: 2 }
    : { d: 100, m: 1000, mstar: 100, lr0: 0.2, pretrainSteps: 5000, steps: 5000, fitNs: [100, 200, 400, 800], nStarMax: 500, fitDraws: 2, draws: 3, testN: 10000, fast: 1, kernelDraws: 2 };
}

/** Log-log least squares: R ≈ A n^(−ν). */
export function powerLawFit(ns: readonly number[], rs: readonly number[]): { A: number; nu: number } {
  const lx = ns.map(Math.log);
  const ly = rs.map(Math.log);
  const k = ns.length;
  const mx = lx.reduce((a, b) => a + b, 0) / k;
  const my = ly.reduce((a, b) => a + b, 0) / k;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < k; i++) {
    sxy += (lx[i]! - mx) * (ly[i]! - my);
    sxx += (lx[i]! - mx) ** 2;
  }
  const nu = -sxy / sxx;
  return { A: Math.exp(my + nu * mx), nu };
}

const scratchFits = new Map<string, { A: number; nu: number; perDrawNu: number[]; risks: number[]; trainLoss: number[]; maxTrainLoss: number[]; steps: number[] }>();

/** Scratch risks over the fit grid (one replicate stream per draw, paired across n by index) and the fits. */
export async function scratchFit(teacherSeed: number, seed: number, budget: Budget) {
  if (sizes(budget).fast === 1) await ensureTf();
  return scratchFitSync(teacherSeed, seed, budget);
}

/** The same, synchronously (the scratch simulation is synchronous), so that evaluate() can place n*. */
export function scratchFitSync(teacherSeed: number, seed: number, budget: Budget) {
  const key = `${teacherSeed}|${seed}|${budget}`;
  const hit = scratchFits.get(key);
  if (hit) return hit;
  const s = sizes(budget);
  const per: number[][] = [];
  const risks: number[] = [];
  const trainLoss: number[] = [];
  const maxTrainLoss: number[] = [];
  const steps: number[] = [];
  for (const n of s.fitNs) {
    const m = scratchMeasure({ d: s.d, m: s.m, mstar: s.mstar, mu: 0, teacherSeed, n, lr0: s.lr0, steps: s.steps, testN: s.testN, fast: s.fast }, seed, s.fitDraws);
    per.push(m.values);
    risks.push(m.mean);
    trainLoss.push(m.extra!.trainLoss!.mean);
    maxTrainLoss.push(Math.max(...m.extra!.trainLoss!.values!));
    steps.push(m.extra!.steps!.mean);
  }
  const perDrawNu = Array.from({ length: s.fitDraws }, (_, k) => powerLawFit(s.fitNs, per.map((v) => v[k]!)).nu);
  const out = { ...powerLawFit(s.fitNs, risks), perDrawNu, risks, trainLoss, maxTrainLoss, steps };
  scratchFits.set(key, out);
  return out;
}

let currentBudget: Budget = 'test';

/** μ (smallest first) whose n* = (A/‖P⊥f*_t‖²)^{1/ν} lies inside the fitted range, with n* ≥ 3·n_min (so n*÷3 ≥ n_min). */
export function placeNStar(teacherSeed: number, seed: number, budget: Budget) {
  const s = sizes(budget);
  const fit = scratchFitSync(teacherSeed, seed, budget);
  const lo = s.fitNs[0]! * 3;
  const hi = s.nStarMax;
  let chosen: { mu: number; perp: number; nStar: number } | null = null;
  for (let k = 1; k < s.mstar / 2 && !chosen; k++) {
    const mu = k / s.mstar;
    const t = teacherFor({ d: s.d, mstar: s.mstar, mu, teacherSeed });
    const perp = perpForAblation(t.W, t.c, t.removed).perp;
    const nStar = negativeTransferPoint(fit.A, fit.nu, perp);
    if (nStar >= lo && nStar <= hi) chosen = { mu, perp, nStar };
  }
  return { chosen, lo, hi, fit };
}

/** Fig 4(a–b): pretraining moves the student's kernel towards the source teacher's. */
export const kernelApproaches = defineProperty({
  id: 'fate.sec4.kernel/approaches',
  claimId: sec4Kernel.id,
  title: 'Population pretraining reduces the Gram-matrix distance between the student kernel and the source teacher kernel',
  arbitrary: fc.record({ k: fc.integer({ min: 1, max: 5 }), teacherSeed: simSeed, seed: simSeed }),
  runs: { test: 1, quick: 1, full: 1 },
  alpha: 0.01,
  compare: 'sign',
  params: (v) => ({ mu: v.k / 10, teacherSeed: v.teacherSeed }),
  evaluate: () => ({ prediction: { ...sec4Kernel.predict({}), kind: 'sign', sign: 1 }, target: 1, statistic: 'gap at init − gap after pretraining > 0' }),
  async measure(v, budget) {
    const s = sizes(budget);
    const mstar = s.mstar;
    const mu = Math.round((v.k / 10) * mstar) / mstar;
    const r = await runSim('fate.sec4.pretrain', { d: s.d, m: s.m, mstar, mu, teacherSeed: v.teacherSeed, lr0: s.lr0, pretrainSteps: s.pretrainSteps, P: 100, fast: s.fast }, { seed: v.seed, draws: s.kernelDraws });
    return estimate(
      r.extra!.reduction!.values!,
      `relative Frobenius gap: ${r.extra!.atInit!.mean.toPrecision(3)} at init → ${r.mean.toPrecision(3)} after ${r.extra!.steps!.mean} steps at lr0 = ${s.lr0} (d = ${s.d}, m = ${s.m}, m* = ${mstar}); final population loss ${(r.extra!.relLoss!.mean * 100).toPrecision(3)}% of ½‖f*_s‖² (stopping rule: loss ≤ 1e-6 or flow time ${s.lr0 * s.pretrainSteps})`,
    );
  },
});

/** Fig 4(c): the scratch risk decays as a power law; ν is fitted per draw and compared with 1.18 in the note. */
export const scratchDecay = defineProperty({
  id: 'fate.sec4.scaling/decay',
  claimId: sec4Scaling.id,
  title: 'The scratch risk of the ReLU student decays as a power law A·n^(−ν) (ν > 0; fitted ν reported beside 1.18)',
  arbitrary: fc.record({ teacherSeed: simSeed, seed: simSeed }),
  runs: { test: 1, quick: 1, full: 1 },
  alpha: 0.01,
  compare: 'sign',
  params: (v) => ({ teacherSeed: v.teacherSeed }),
  evaluate: () => ({ prediction: { ...sec4Scaling.predict({}), kind: 'sign', sign: 1 }, target: 1, statistic: `fitted ν > 0 (paper: ν = ${NU_PAPER} at d = 100, m = 1000, m* = 100)` }),
  async measure(v, budget) {
    const f = await scratchFit(v.teacherSeed, v.seed, budget);
    const s = sizes(budget);
    const e = estimate(f.perDrawNu);
    const half = e.draws > 1 ? studentQuantile(0.975, e.draws - 1) * e.stderr : NaN;
    return estimate(
      f.perDrawNu,
      `pooled fit ν = ${f.nu.toPrecision(3)}, A = ${f.A.toPrecision(3)} over n ∈ {${s.fitNs.join(', ')}} (d = ${s.d}, m = ${s.m}, m* = ${s.mstar}); per-draw ν ${f.perDrawNu.map((x) => x.toPrecision(3)).join(', ')} → 95% CI [${(e.mean - half).toPrecision(3)}, ${(e.mean + half).toPrecision(3)}] (paper ${NU_PAPER}); R_sc = ${f.risks.map((r) => r.toPrecision(3)).join(', ')}; ` +
        `final training loss (mean, max) ${f.trainLoss.map((r, k) => `${r.toExponential(1)}/${f.maxTrainLoss[k]!.toExponential(1)}`).join(', ')} after ${f.steps.map((x) => Math.round(x)).join(', ')} steps (lr0 = ${s.lr0}; stop at 1e-6 or flow time ${s.lr0 * s.steps}, the paper's 1e5 × 0.01)`,
    );
  },
});

/**
 * Fig 4(e): with A, ν fitted to the simulated scratch risk and ‖P⊥f*_t‖² from eq (159), n* solves
 * A n*^(−ν) = ‖P⊥f*_t‖². The sign of the simulated 𝒯 = R_sc − R_lt is tested at n*÷3 (predicted +) and
 * 3n* (predicted −) together: per draw min(𝒯(n*÷3), −𝒯(3n*)) > 0. μ is chosen (smallest first) so
 * that n* falls inside the fitted range. 'test' uses the idealised pretrained kernel (the source
 * teacher's features, the hypothesis of eq 21); 'quick'/'full' the pretrained student's features.
 */
const negativeTransferProperty = defineProperty({
  id: 'fate.sec4.negative-transfer/sign',
  claimId: sec4NegativeTransfer.id,
  title: 'Transfer is positive below n* and negative above it, n* from A·n*^(−ν) = ‖P⊥f*_t‖²',
  arbitrary: fc.record({ teacherSeed: simSeed, seed: simSeed }),
  runs: { test: 1, quick: 1, full: 1 },
  alpha: 0.01,
  compare: 'sign',
  // A sign test passes when the mean is merely indistinguishable from 0: the per-draw statistic is in
  // units of ‖P⊥f*_t‖², and the check must have the power to see a quarter of it, else inconclusive.
  relevant: 0.25,
  params: (v) => ({ teacherSeed: v.teacherSeed }),
  evaluate: (v) => {
    const c = placeNStar(v.teacherSeed, v.seed, currentBudget);
    if (!c.chosen) return { skip: `no μ puts n* inside [${c.lo}, ${c.hi}] (fit A = ${c.fit.A.toPrecision(3)}, ν = ${c.fit.nu.toPrecision(3)})` };
    return {
      prediction: { ...sec4NegativeTransfer.predict({ A: c.fit.A, nu: c.fit.nu, perp: c.chosen.perp }), kind: 'sign', sign: 1, details: { mu: c.chosen.mu, nStar: c.chosen.nStar } },
      target: 1,
      statistic: `𝒯(n*/3) > 0 > 𝒯(3n*) with n* = ${c.chosen.nStar.toPrecision(3)} (μ = ${c.chosen.mu})`,
    };
  },
  async measure(v, budget) {
    const s = sizes(budget);
    const f = await scratchFit(v.teacherSeed, v.seed, budget);
    const chosen = placeNStar(v.teacherSeed, v.seed, budget).chosen!;
    const nb = Math.max(2, Math.round(chosen.nStar / 3));
    const na = Math.round(chosen.nStar * 3);
    const common = { d: s.d, m: s.m, mstar: s.mstar, mu: chosen.mu, teacherSeed: v.teacherSeed, lr0: s.lr0, pretrainSteps: s.pretrainSteps, steps: s.steps, testN: s.testN, pretrained: budget === 'full' ? 1 : 0, fast: s.fast };
    const below = await runSim('fate.sec4.transfer', { ...common, n: nb }, { seed: v.seed, draws: s.draws });
    const above = await runSim('fate.sec4.transfer', { ...common, n: na }, { seed: v.seed + 1, draws: s.draws });
    const vals = below.values.map((t, k) => Math.min(t, -above.values[k]!) / chosen.perp);
    const pre = budget === 'full' ? `; pretrained student: ${below.extra!.pretrainSteps!.mean} steps, population loss ${(below.extra!.pretrainRelLoss!.mean * 100).toPrecision(3)}% of ½‖f*_s‖²` : '';
    return estimate(
      vals,
      `per draw min(𝒯(n*/3), −𝒯(3n*)) / ‖P⊥f*_t‖²; ` +
      `μ = ${chosen.mu}, ‖P⊥f*_t‖² = ${chosen.perp.toPrecision(3)}, fit A = ${f.A.toPrecision(3)}, ν = ${f.nu.toPrecision(3)} → n* = ${chosen.nStar.toPrecision(3)}; ` +
        `𝒯(${nb}) = ${below.mean.toPrecision(3)} ± ${below.stderr.toPrecision(2)} (R_sc ${below.extra!.R_sc!.mean.toPrecision(3)}, R_lt ${below.extra!.R_lt!.mean.toPrecision(3)}), ` +
        `𝒯(${na}) = ${above.mean.toPrecision(3)} ± ${above.stderr.toPrecision(2)} (R_sc ${above.extra!.R_sc!.mean.toPrecision(3)}, R_lt ${above.extra!.R_lt!.mean.toPrecision(3)}); scratch training loss ${below.extra!.scratchTrainLoss!.mean.toExponential(1)} (n = ${nb}), ${above.extra!.scratchTrainLoss!.mean.toExponential(1)} (n = ${na}); features: ${budget === 'full' ? 'pretrained student' : 'idealised (source teacher)'}${pre}`,
    );
  },
});

/** evaluate() places n* from the fit at the check's budget: the run records the budget first. */
export const negativeTransferSign: CheckSpec = {
  ...negativeTransferProperty,
  run: async (opts) => {
    currentBudget = opts.budget;
    if (sizes(opts.budget).fast === 1) await ensureTf();
    return negativeTransferProperty.run(opts);
  },
};
