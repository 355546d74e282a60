import { estimate } from '../../../core/measurement.ts';
import { defineCheck } from '../../../properties/runner.ts';
import { cellSim } from '../sim/index.ts';
import type { CellParams } from '../sim/cell.ts';
import { holdsAll } from '../theory/hypotheses.ts';
import { thm42 } from '../theory/thm4_2.ts';
import { ALPHA_WEIGHT_ID } from './alphaWeightId.ts';
import { MIN_MOVE, type BoundClaim } from './constants.ts';
import { cells } from './measure.ts';
import { boundPair, boundPairArb, type BoundPairDraw } from './pairs.ts';
import { boundedKeep } from '../../../properties/arbitraries.ts';
import { asParams, fmt, mean, NO_SHRINK } from './shared.ts';
import { THM42_PERTURBATIONS } from './thm4_2.ts';

/**
 * Thm 4.2 read as a prediction contest between S and S with α³ for α² (constants.ts part (b)), on the pairs the
 * generic check leaves here: B lowers α ×1/f and d, d rescaled so that S rises and S′ falls by the same factor.
 * The printed S predicts the lower error at B; the simulation gives the higher (seeds 1919, 10202: +0.04 … +0.06).
 *
 * Diagnosis (NOTES.md, *α weighs more than S says*): at equal S the error rises as α falls — S = 1.1: 0.053, 0.080,
 * 0.110 at α = 1, 0.5, 0.27; S = 2: 0.030, 0.040, 0.068 (32 replicates each, d set for the S) — while d and ‖u‖
 * agree with each other at equal S (S ×0.71: 0.080 vs 0.084; S ×0.2: 0.139 vs 0.127) and α alone at fixed d
 * (S ×0.71) raises it to 0.196. So the d compensation is sound and the α weight is not S's; without ε-stopping
 * (fixed T = 50 000) the gap stays (0.022 vs 0.125), and η, σ_0 from the other member's d change nothing (0.117 vs 0.110).
 *
 * Regimes (derived, not tried on seeds): the generic pairs' family (boundPairArb: strong ‖u‖, clean source, α_A = 1)
 * at its largest α factor f = 4 (it draws f ∈ [2.5, 4]) and S_A = 0.3, below the thresholds the generic check places
 * its pairs across: the gap at equal S grows as S falls (0.038, 0.057, 0.096 at S = 2, 1.1, 0.6 for α 1 vs 0.27), so
 * there it outweighs the ≈ 0.02 the pair's ×2 move in S buys back; kept where S moves ≥ 30 % as there. Survey of the
 * family's first 8 bases (24 replicates): +0.026 … +0.034 at S_A = 0.5 (t 2.8–3.4), +0.033 … +0.056 at S_A = 0.3
 * (t 3.1–3.6 on the pairs with S ×≥ 1.3); 64 replicates put t ≈ 5–6, past Holm over 2 at α_c.
 */
const F = 4;
const S_A = 0.3;
const claim = thm42 as unknown as BoundClaim;
const S = (p: CellParams) => thm42.predict(asParams(p)).value;
const Sp = (p: CellParams) => THM42_PERTURBATIONS.alphaUp.statistic(asParams(p), claim);

export function alphaWeightPair(t: BoundPairDraw): [CellParams, CellParams] | null {
  const pr = boundPair({ ...t, f: F, sTarget: S_A }, 'alpha', S, Sp);
  if (!pr) return null;
  const [a, b] = pr;
  if (!holdsAll(thm42.hypotheses, asParams(a)) || !holdsAll(thm42.hypotheses, asParams(b))) return null;
  return S(b) >= MIN_MOVE * S(a) ? pr : null;
}

type Draw = BoundPairDraw & { seed: number };
// `seed` (the base's) drives every replicate stream, as the runner's top-up expects.
// Bounded filter (properties/arbitraries.ts): under a planted typo no pair may qualify, and evaluate then skips the draw let through.
const arb = boundPairArb.filter(boundedKeep((t) => alphaWeightPair(t) !== null)).map((t): Draw => ({ ...t, seed: t.base.seed }));

export const thm42AlphaWeight = defineCheck<Draw>({
  id: ALPHA_WEIGHT_ID,
  claim: thm42,
  simulations: [cellSim],
  title: `Thm 4.2 read as a prediction: S = Num/(Den·d) orders a pair that lowers α ×1/${F} and d (S ×≈2) better than S with α³ for α² (inside Condition 4.1)`,
  arbitrary: arb,
  // 64 replicates per member (see the survey above): one of the two pairs rejecting is the record.
  runs: { test: 2, quick: 4, full: 8 },
  compare: 'sign',
  // A recorded deviation: the reported counterexample is the worst regime, independent of the machine's speed.
  shrinkMs: NO_SHRINK,
  deviation: {
    kind: 'not-reproduced',
    statement:
      'Thm 4.2 (2, 3): if d ≤ C_1 Num/Den the error is ≤ exp(−C_2 Num/(Den·d)); if d ≥ C_3 Num/Den it is ≥ 0.1, with Num = α²N_1²‖u‖⁴/σ_{p,1}⁴ + N_2²‖u+v_2‖⁴/σ_{p,2}⁴, Den = α²σ_{p,2}²N_1/σ_{p,1}² + N_2.',
    hypotheses: 'Condition 4.1 with C = 1, δ = 0.1, no polylog (our constants)',
    evidence: 'ptransfer.cell (exact GD, cross-checked against d-dimensional GD and TensorFlow.js), independent of any formula for the error',
    where: `boundPairArb bases (‖u‖² ≥ 0.7‖u+v_2‖², σ_{p,1} ≤ 0.65, N_1 = 16–24, N_2 = 6–10), α 1 → 1/${F}, S ${S_A} → ≈ 0.6–1: err(B) − err(A) ≈ +0.03 … +0.05`,
    assumptions: [
      'the bound with unknown constants read as a prediction contest: the statistic that orders a pair of regimes better is the printed one (Thm 4.2 orders two errors only across its thresholds)',
      'the thresholds 1/C_3, 1/C_1 estimated from data (the generic check placed these pairs across 0.66–0.8 and 0.97–1.74; A at S ≈ 0.6 has error 0.068 < 0.1, so the true 1/C_3 lies lower and the pair straddles nothing)',
      'Num and Den read with weight 1 on each of their two terms (the paper states one C_1, C_3 for the ratio; a target term N_2 weighted ≈ 10 in Den gives the α dependence measured here)',
      'Condition 4.1 with one constant C = 1 in every item, training stopped at loss ε = 0.1 with T = N m/(η ε σ_p²) capped at 50 000 (fixed T without ε-stopping shows the same gap)',
    ],
    classification:
      'not-reproduced (issue 12 rule 1): Thm 4.2 bounds the error only beyond its thresholds; that the error is not a function of S alone between them contradicts it only under our readings above — not an error of the paper.',
    title: 'At equal S a lower α gives a higher error: the α³ statistic orders the α pairs better than the printed α²',
    explanation:
      'At equal S the simulated error rises as α falls (S = 1.1: 0.053, 0.080, 0.110 at α = 1, 0.5, 0.27), while changing d or ‖u‖ for the ' +
      'same change of S gives the same error (0.080 vs 0.084 at S ×0.71) — so d and ‖u‖⁴ enter as S says and α weighs more: where Den\'s ' +
      'inherited term dominates, S hardly moves with α (α² cancels), the error does. A pair that lowers α and compensates with a smaller d ' +
      '(S ×2) therefore has the higher error, as S with α³ predicts. Fixed T (no ε-stopping) keeps the gap (0.022 vs 0.125 at S = 1.1). ' +
      'Not a bug of ours as far as the cross-checks reach: the fast path equals plain d-dimensional GD (1e-10) and TensorFlow.js (2e-5).',
    counterexample: {
      // gate seed, first pair: α 1 → 0.25, d 8480 → 2595, S 0.300 → 0.554, err 0.127 → 0.170: +0.043 ± 0.008 (64 replicates),
      // p = 4e-7. The generic check's pairs at seed 10202: α 1 → 0.27, d → 2109, S 0.594 → 1.09, +0.052 ± 0.010 (24).
      params: { d: 2595, m: 7, N1: 19, N2: 6, sigmaP1: 0.7872, sigmaP2: 1.7852, uNorm: 4.089247592908746, v1Norm: 0, v2Norm: 5.960464477539063e-8, alpha: 0.25, eta: 0.000632741765265226, sigma0: 0.00014396737111601688, T1: 50000, T2: 50000, eps: 0.1, nTest: 4000, alphaA: 1, dA: 8480, seed: 990451792 },
      replay: 'npx ttc replay cHRyYW5zZmVyLnRobTQuMi9hbHBoYS13ZWlnaHR8MjAyNjExMjJ8MHx0ZXN0',
    },
  },
  params: (t) => {
    const pr = alphaWeightPair(t);
    return pr ? { ...asParams(pr[1]), alphaA: pr[0].alpha, dA: pr[0].d, seed: t.seed } : { seed: t.seed };
  },
  evaluate: (t) => {
    const pr = alphaWeightPair(t);
    if (!pr) return { skip: 'pair outside Condition 4.1 or S moved < 30 %', outOfHypotheses: true };
    const [a, b] = pr;
    return {
      prediction: { quantity: 'err(B) − err(A)', kind: 'sign', sign: -1, details: { S_A: S(a), S_B: S(b), perturbedA: Sp(a), perturbedB: Sp(b) } },
      target: -1,
      statistic: `err(B) − err(A) < 0: S ${fmt(S(a))} → ${fmt(S(b))} (α ${a.alpha} → ${b.alpha}, d ${a.d} → ${b.d}); with α³ ${fmt(Sp(a))} → ${fmt(Sp(b))}`,
    };
  },
  async measure(t, budget) {
    const [a, b] = alphaWeightPair(t)!;
    const R = { test: 64, quick: 64, full: 80 }[budget];
    const ca = await cells(a, t.seed, R);
    const cb = await cells(b, t.seed, R);
    return estimate(cb.errT.map((e, i) => e - ca.errT[i]!), `err(A) ${fmt(mean(ca.errT))}, err(B) ${fmt(mean(cb.errT))}`);
  },
});
