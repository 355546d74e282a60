import fc from 'fast-check';
import { fig5, fig5Pool, klScaled, spearman } from '../theory/fig5.ts';
import { negativeRootsUnderparam } from '../theory/phase.ts';
import { transferabilityLtFastSim } from '../sim/sims.ts';
import { angle, int, real, simSeed } from '../../../properties/arbitraries.ts';
import { defineCheck, estimate } from '../../../properties/runner.ts';
import { outsideHypotheses, simulate } from './support.ts';

/**
 * Fig 5 / Thm 2.2 ('test' runs 2 regimes, decisive with 48 draws each; 'quick' 16 regimes with 64): pairs of tasks whose distances say "task 1 is at least as far from the source as
 * task 2" while transfer is positive for task 1 and negative for task 2. Task 1: θ = 0 (same feature
 * as the source) with scale a; task 2: angle θ₂ ≥ 1.2 with scale 1. Both at the same γ < 1, placed
 * inside task 2's negative-transfer interval (γ₋, γ₊) of eq (13). 𝒯 is simulated with the exact-in-law
 * fast sim (task 1 through the exact rescaling 𝒯(a, σ) = a²𝒯(1, σ/a)).
 */
const BAND = 0.05;

const pairArb = (aOf: (theta2: number, extra: number) => number) =>
  fc
    .record({ theta2: angle(1.2, Math.PI / 2), sigma: real(0.05, 0.3, 50), u: real(0.2, 0.8, 60), extra: real(3, 6, 30), d: int(100, 200), seed: simSeed })
    .map((v) => {
      const roots = negativeRootsUnderparam(v.theta2, v.sigma);
      const gamma = roots ? Number((roots.gammaMinus + v.u * (roots.gammaPlus - roots.gammaMinus)).toPrecision(4)) : NaN;
      // At least 100 target samples (d raised where γd < 100): the per-draw spread of 𝒯₂ falls like 1/√n, and at
      // n ≈ 25 it needs ≈ 130 draws for power 0.8 against δ; from n = 100 on, 32 draws are decisive.
      const d = Number.isFinite(gamma) ? Math.max(v.d, Math.ceil(100 / gamma)) : v.d;
      return { ...v, d, gamma, a1: Number(aOf(v.theta2, v.extra).toPrecision(6)) };
    });

type Pair = { theta2: number; sigma: number; gamma: number; a1: number; d: number; seed: number };

/**
 * The pair's prediction from the claim, or why the draw is skipped. `farther` (Thm 2.2's construction) also requires task 1
 * to be provably farther than task 2 in both D_KL and W1.
 */
function evaluatePair(v: Pair, relation: string, farther = false) {
  if (!Number.isFinite(v.gamma) || Math.abs(v.gamma - 1) < 0.08 || Math.round(v.gamma * v.d) < 3) return { skip: 'no γ < 1 negative region at this (θ₂, σ)' } as const;
  const p = { gamma: v.gamma, sigma: v.sigma, d: v.d, theta: 0, scale: v.a1, theta2: v.theta2, scale2: 1 };
  const out = outsideHypotheses(fig5, p);
  if (out) return out;
  const prediction = fig5.predict(p);
  const { kl1, kl2, w1task1: w1, w1task2: w2, T1: t1, T2: t2, provablyFarther } = prediction.details as PairDetails;
  if (farther && !provablyFarther) return { skip: 'task 1 not provably farther' } as const;
  // min(𝒯₁, −𝒯₂) < BAND: one of the two tasks lies inside the boundary band of eq (13).
  if (prediction.value! < BAND) return { skip: 'inside the boundary band' } as const;
  return {
    prediction,
    target: prediction.sign!,
    statistic: `${relation}: D_KL ${kl1.toPrecision(4)} vs ${kl2.toPrecision(4)}, W1 ∈ [${w1.lower.toPrecision(3)}, ${w1.upper.toPrecision(3)}] vs [${w2.lower.toPrecision(3)}, ${w2.upper.toPrecision(3)}]; eq 13: 𝒯₁ = ${t1.toPrecision(3)} > 0 > 𝒯₂ = ${t2.toPrecision(3)}; tested min(𝒯₁, −𝒯₂) > 0`,
  };
}

type Bracket = { lower: number; upper: number };
type PairDetails = { kl1: number; kl2: number; w1task1: Bracket; w1task2: Bracket; T1: number; T2: number; provablyFarther: boolean };

async function measurePair(v: Pair, budget: string) {
  // With n ≥ 100 (pairArb): 32 draws give power ≥ 0.95 against δ = 0.05 over the 2 'test' regimes (level α_c/2) at most seeds, not all (seed 606: 0.78) — 48 are used; the
  // 16 'quick' regimes (level α_c/16) need ≈ 43, so 64 there.
  // 32 draws left one regime at power 0.78 at seed 606 (the per-draw spread varies with the drawn pair): 48 shrink the
  // standard error by √(2/3), which puts the same regime near 0.95.
  const draws = budget === 'test' ? 48 : 64;
  const m1 = await simulate(transferabilityLtFastSim, { gamma: v.gamma, theta: 0, sigma: v.sigma / v.a1, d: v.d }, { seed: v.seed, draws });
  const m2 = await simulate(transferabilityLtFastSim, { gamma: v.gamma, theta: v.theta2, sigma: v.sigma, d: v.d }, { seed: v.seed + 1, draws });
  const a2 = v.a1 * v.a1;
  const vals = m1.values.map((t, k) => Math.min(a2 * t, -m2.values[k]!));
  return estimate(vals, `simulated 𝒯₁ = ${(a2 * m1.mean).toPrecision(4)} ± ${(a2 * m1.stderr).toPrecision(2)}, 𝒯₂ = ${m2.mean.toPrecision(4)} ± ${m2.stderr.toPrecision(2)}`);
}

/** Equal KL divergence (a₁ = 1 + √(2(1 − cos θ₂))), opposite transfer signs. */
export const equalKlOppositeSign = defineCheck({
  id: 'fate.fig5/equal-kl-opposite-sign',
  claim: fig5,
  simulations: [transferabilityLtFastSim],
  title: 'Two tasks at the same D_KL from the source transfer with opposite signs',
  arbitrary: pairArb((t2) => 1 + Math.sqrt(2 * (1 - Math.cos(t2)))),
  runs: { test: 2, quick: 16, full: 50 },
  compare: 'sign',
  params: (v) => ({ gamma: v.gamma, theta2: v.theta2, sigma: v.sigma, a1: v.a1, d: v.d }),
  evaluate: (v) => evaluatePair(v, 'equal D_KL'),
  measure: (v, b) => measurePair(v, b),
});

/** Thm 2.2's construction: task 1 provably farther in D_KL and in W1 (bounds), yet positive transfer. */
export const fartherYetPositive = defineCheck({
  id: 'fate.fig5/farther-yet-positive',
  claim: fig5,
  simulations: [transferabilityLtFastSim],
  title: 'A task farther from the source in both D_KL and W1 transfers positively while a nearer one transfers negatively',
  arbitrary: pairArb((_, extra) => extra),
  runs: { test: 2, quick: 16, full: 50 },
  compare: 'sign',
  params: (v) => ({ gamma: v.gamma, theta2: v.theta2, sigma: v.sigma, a1: v.a1, d: v.d }),
  evaluate: (v) => evaluatePair(v, 'task 1 farther (W1 lower bound of task 1 > W1 upper bound of task 2)', true),
  measure: (v, b) => measurePair(v, b),
});

/**
 * Fig 5 and §3.3: "neither D_KL, nor W1 are negatively correlated with increased transferability". The figure is a
 * scatter of tasks of the §3 setup pooled together (which ones is not printed), so the statistic is pooled: per draw,
 * Spearman(D_KL, simulated 𝒯_lt) over the tasks θ ∈ {0, π/8, …, π/2} × γ ∈ {γ₁ < 1, γ₂ > 1} × σ ∈ {σ₁, σ₂} (20 tasks,
 * unit scale). Within one (γ, σ) the rank correlation is −1 by construction (eq 13: 𝒯_lt = S(γ, σ) − sin²θ and D_KL =
 * (1 − cos θ)/σ² are both monotone in θ) — the earlier version of this check measured only that; pooling over
 * dataset sizes and noise levels is what the figure does, and it can move the correlation either way.
 * Regimes are stratified by construction: every pool has one size on each side of the interpolation threshold.
 */
export const noNegativeCorrelation = defineCheck({
  id: 'fate.fig5/no-negative-correlation',
  claim: fig5,
  simulations: [transferabilityLtFastSim],
  title: 'Pooled over the §3 tasks (θ, dataset size, noise), transferability is not negatively correlated with D_KL (Fig 5, §3.3)',
  arbitrary: fc.record({ gamma: real(0.2, 0.8, 60), gamma2: real(1.5, 3, 75), sigma: real(0.1, 0.25, 30), sigma2: real(0.3, 0.5, 40), d: int(100, 200), seed: simSeed }),
  runs: { test: 3, quick: 10, full: 30 },
  compare: 'sign',
  params: (v) => ({ gamma: v.gamma, gamma2: v.gamma2, sigma: v.sigma, sigma2: v.sigma2, d: v.d }),
  evaluate(v) {
    const p = { gamma: v.gamma, gamma2: v.gamma2, sigma: v.sigma, sigma2: v.sigma2, d: v.d };
    const out = outsideHypotheses(fig5, p);
    if (out) return out;
    const prediction = fig5.predict(p);
    return { prediction, target: prediction.sign!, statistic: `printed: pooled Spearman(D_KL, 𝒯) not negative (eq 13 gives ${(prediction.details!.eq13Spearman as number).toFixed(3)})` };
  },
  async measure(v, budget) {
    const draws = budget === 'test' ? 4 : 12;
    const pool = fig5Pool(v);
    const Ts: number[][] = [];
    for (const [k, t] of pool.entries()) Ts.push((await simulate(transferabilityLtFastSim, { gamma: t.gamma, theta: t.theta, sigma: t.sigma, d: v.d }, { seed: v.seed + k, draws })).values);
    const kls = pool.map((t) => klScaled(t.theta, 1, t.sigma));
    const vals = Array.from({ length: draws }, (_, k) => spearman(kls, Ts.map((t) => t[k]!)));
    const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
    const meanT = Ts.map(mean);
    return estimate(vals, `${pool.length} pooled tasks; 𝒯_lt ∈ [${Math.min(...meanT).toFixed(3)}, ${Math.max(...meanT).toFixed(3)}], D_KL ∈ [0, ${Math.max(...kls).toFixed(1)}]; Spearman of the draw means ${spearman(kls, meanT).toFixed(3)}`);
  },
  deviation: {
    kind: 'not-reproduced',
    title: 'Fig 5 / §3.3: pooled over the §3 tasks, transferability is negatively rank-correlated with D_KL',
    statement: '"In Appendix E Fig. 5 we demonstrate that the dataset based discrepency measures of Section 2.1 are indeed misleading: neither D_KL, nor W1 are negatively correlated with increased transferability" (§3.3, p. 10); Fig 5 caption: "Transferability is not predicted by ϕ-divergences or integral probability metrics" (App. E)',
    hypotheses: 'the §3 setup (unit-norm β_s, β_t at angle θ, label noise σ, linear transfer on the rank-one pretrained feature), γ ≠ 1 — checked as predicates of fate.fig5',
    evidence: 'simulated 𝒯_lt from fate.transferability-lt.fast (an exact-in-law reduction of linear transfer, not eq 13), D_KL exact (eq 34); the per-draw Spearman over 20 pooled tasks is significantly negative in every regime',
    where: 'every pool drawn (γ₁ ∈ [0.2, 0.8], γ₂ ∈ [1.5, 3], σ₁ ∈ [0.1, 0.25], σ₂ ∈ [0.3, 0.5], θ ∈ [0, π/2]): Spearman ≈ −0.7 to −0.9 (eq 13 alone gives −0.73 to −0.89 for pools over γ ∈ [0.25, 3], σ ∈ [0.1, 0.5]); within one (γ, σ) it is −1',
    assumptions: [
      'which tasks Fig 5 pools is not printed: read as the §3 tasks over θ ∈ [0, π/2] at two dataset sizes (one each side of γ = 1) and two noise levels; Fig 5\'s axes (D_KL up to ≈ 40, 𝒯 within ±0.4) fit such pools',
      '"negatively correlated" read as a negative rank (Spearman) correlation over the pooled tasks',
      'only the D_KL half is tested; W1 in this setup is monotone in θ at fixed σ as well (its coupling bounds are), but is not simulated here',
    ],
    classification:
      'not-reproduced, not deviates: the pooled statement fails for every pool we tried, but the paper does not print its pool, and a pool chosen to mix tasks whose dataset sizes and noise levels move 𝒯 and D_KL together could change the sign; the earlier record (fixed γ, σ: −1 by construction) was a strawman of the figure and is replaced by this pooled test',
    explanation:
      'For the §3 tasks D_KL(p_s‖p_t) = (1 − cos θ)/σ² (eq 34) and, at each (γ, σ), 𝒯_lt = S(γ, σ) − sin²θ (eq 13): both monotone in θ. Pooling over dataset sizes and noise levels adds spread in 𝒯 (through S) and in D_KL (through σ), which dilutes the correlation, ' +
      'but the within-group part stays −1 and the between-group part does not reverse it for the pools tested: simulated pooled Spearman ≈ −0.8. Thm 2.2\'s point — equal or larger distance with opposite transfer sign — does hold (checks equal-kl-opposite-sign, farther-yet-positive); distances do not decide the sign, but they are correlated with it.',
    // The shrunk pooled case at the gate seed. The old record's token (…fDA6MDowOjA6MDowfHRlc3Q, the fixed-(γ, σ) reading)
    // still resolves: it now replays the pooled check on the regime its path draws.
    counterexample: { params: { gamma: 0.2, gamma2: 1.5, sigma: 0.1, sigma2: 0.3, d: 100 }, replay: 'npx ttc replay ZmF0ZS5maWc1L25vLW5lZ2F0aXZlLWNvcnJlbGF0aW9ufDIwMjYxMTIyfDI6MDowOjA6MDowOjA6MHx0ZXN0' },
  },
});
