import fc from 'fast-check';
import type { CheckSpec } from '../../../properties/check.ts';
import { defineCheck } from '../../../properties/runner.ts';
import { cellSim } from '../sim/index.ts';
import type { CellParams } from '../sim/cell.ts';
import { holdsAll, isCondition41 } from '../theory/hypotheses.ts';
import { weakUniversalSignal } from '../theory/negative.ts';
import { negative } from '../theory/negative.ts';
import { PROP44 } from '../theory/prop4_4.ts';
import { transferMinusBaseline } from './measure.ts';
import { insideDrawArb, insideRegime, paperDrawArb, paperRegime, r4, replicates, s3Regime, type InsideDraw, type PaperDraw, type S3Draw } from './regimes.ts';
import { asParams, fmt, region, SHRINK } from './shared.ts';

/** Checks of Prop 4.4's last item (Yuan et al.): negative transfer when the universal signal is weak. */

/** Weak universal signal: ‖u‖² = φ‖u+v_2‖² with small φ, α ≥ 0.75, N_1 ≥ 2N_2, σ_{p,1} ≤ σ_{p,2}. */
const negativeInsideArb = insideDrawArb.map((t) => ({
  ...t,
  phi: t.phi * 0.02,
  alpha: 1,
  N2: Math.min(t.N2, 12),
  N1: Math.max(t.N1, 2 * Math.min(t.N2, 12)),
  s1: Math.min(t.s1, t.s2 / 1.5),
}));

/** The extrapolation keeps the proposition's own condition and drops Condition 4.1. */
const outsideCondition41 = negative.hypotheses.filter((h) => !isCondition41(h));

function negativeCheck(id: string, alias: string, extrapolation: boolean): CheckSpec {
  type T = InsideDraw | PaperDraw;
  const regimeOf = (t: T): CellParams => {
    if (!extrapolation) return insideRegime(t as InsideDraw);
    const a = paperRegime(t as PaperDraw);
    const uv2 = Math.hypot(a.uNorm, a.v2Norm);
    return { ...a, uNorm: 0, v1Norm: uv2, v2Norm: uv2 };
  };
  const arb: fc.Arbitrary<T> = extrapolation
    ? paperDrawArb.map((t) => ({ ...t, alpha: 1, N2: Math.min(t.N2, 15), N1: Math.max(t.N1, 4 * Math.min(t.N2, 15)) }))
    : negativeInsideArb;
  const hypotheses = extrapolation ? outsideCondition41 : negative.hypotheses;
  return defineCheck<T>({
    id,
    aliases: [alias],
    claim: negative,
    simulations: [cellSim],
    title: extrapolation
      ? '[extrapolation] Fig 1(c) / Prop 4.4: with ‖u‖ = 0 transfer hurts (paper-like regimes, fixed T)'
      : `Prop 4.4: ‖u+v_2‖²/‖u‖² ≥ αN_1σ_{p,2}²/(N_2σ_{p,1}²) ≥ C_4 = ${PROP44.C4} ⇒ transfer hurts (inside Condition 4.1)`,
    arbitrary: arb,
    runs: { test: 4, quick: 12, full: 40 },
    compare: 'sign',
    shrinkMs: SHRINK,
    params: (t) => ({ ...regimeOf(t), seed: t.seed }),
    region: (t) => (extrapolation ? 'outside Condition 4.1 (extrapolation)' : region(regimeOf(t))),
    evaluate: (t) => {
      const p = asParams(regimeOf(t));
      const pred = negative.predict(p);
      const { lhs, rhs, baselineStatistic: S3 } = pred.details;
      if (!holdsAll(hypotheses, p)) return { skip: `outside Condition 4.1 or the negative-transfer condition (lhs ${fmt(lhs)}, rhs ${fmt(rhs)})`, outOfHypotheses: true };
      // Where the baseline is itself sub-optimal the printed item fails in part: ptransfer.negative/weak-baseline.
      if (!extrapolation && S3 <= PROP44.baselineBadMax) return { skip: `baseline sub-optimal (S_3 = ${fmt(S3)} ≤ ${PROP44.baselineBadMax}): see ptransfer.negative/weak-baseline` };
      return { prediction: { ...pred, details: { lhs, rhs } }, target: pred.sign, statistic: `err_T − err_B > 0 (‖u+v_2‖²/‖u‖² = ${fmt(lhs)} ≥ ${fmt(rhs)})` };
    },
    measure: (t, budget) => transferMinusBaseline(regimeOf(t), t.seed, replicates(budget)),
  });
}

export const negativeInside = negativeCheck('ptransfer.negative/inside', 'ptransfer.negative', false);
export const negativePaper = negativeCheck('ptransfer.negative/paper', 'ptransfer.negative.paper', true);

/**
 * The negative-transfer item where the baseline is itself sub-optimal. Found by the full budget of
 * ptransfer.negative/inside (40 regimes × 40 replicates, gate seed): err_T − err_B rises with the baseline
 * statistic S_3 = N_2‖u+v_2‖⁴/(σ_{p,2}⁴d) — +0.05…+0.17 for S_3 ≥ 0.3, ≈ 0 for 0.1–0.3, and −0.02…−0.08
 * (transfer *helps*) for S_3 < 0.1 with N_2 = 12, at ‖u‖ = 0 and ratios up to 72 ≫ C_4. So
 * ptransfer.negative/inside checks the item where the baseline is not sub-optimal (S_3 > 0.25, Prop 4.4's own
 * constant for "sub-optimal"), and this check records where it fails: ‖u‖ = 0, α = 1, N_2 = 12, N_1 = 24,
 * σ_{p,1} ≤ σ_{p,2}/1.5 (ratio ≥ 4.5), S_3 ∈ [0.06, 0.1] built exactly (d from S_3, as for Prop 4.4's "both").
 */
const weakBaselineArb: fc.Arbitrary<S3Draw> = fc
  .tuple(insideDrawArb, fc.double({ min: 0.06, max: 0.075, noNaN: true }))
  .map(([t, s3]) => ({ ...t, s3, phi: 0, alpha: 1, N2: 12, N1: 24, s1: Math.min(t.s1, t.s2 / 1.5) }));

export const negativeWeakBaseline = defineCheck<S3Draw>({
  id: 'ptransfer.negative/weak-baseline',
  aliases: ['ptransfer.negative.weak-baseline'],
  claim: negative,
  simulations: [cellSim],
  title: `Prop 4.4's negative-transfer item where the baseline is sub-optimal (S_3 ≤ 0.1): ‖u‖ = 0, ratio ≥ C_4 ⇒ transfer hurts (inside Condition 4.1)`,
  arbitrary: weakBaselineArb,
  // The reversal grows as S_3 falls (the baseline deeper in Thm 4.3's sub-optimal region): the gate asserts it at
  // S_3 ≤ 0.075, two regimes with 64 replicates each, where it is −0.03 … −0.09 with a per-replicate sd ≈ 0.12.
  runs: { test: 2, quick: 6, full: 20 },
  compare: 'sign',
  shrinkMs: SHRINK,
  deviation: {
    kind: 'not-reproduced',
    statement: 'Prop 4.4, last item: when ‖u+v_2‖²/‖u‖² ≥ αN_1σ_{p,2}²/(N_2σ_{p,1}²) ≥ C_4 (C_4 large), parameter transfer is detrimental.',
    hypotheses: 'Condition 4.1 with C = 1, δ = 0.1, no polylog (our constants), and the item\'s condition with C_4 = 4 (ratios 4.5–72 here)',
    evidence: "ptransfer.cell (exact GD, cross-checked against d-dimensional GD and TensorFlow.js), independent of any formula for the error; a fixed-T_2 run gives the same sign",
    where: '‖u‖ = 0, α = 1, N_2 = 12, N_1 = 24, S_3 = N_2‖u+v_2‖⁴/(σ_{p,2}⁴d) ≤ 0.075 (baseline deep in its sub-optimal region): err_T − err_B ≈ −0.03 … −0.09',
    assumptions: [
      'Condition 4.1 with one constant C = 1 in every item (the paper writes Ω̃, O and unspecified C): with larger constants these regimes may leave the hypotheses',
      'C_4 = 4 read as "large"',
      'training stopped at loss ε = 0.1 with T = N m/(η ε σ_p²) (the printed Ω with constant 1, capped at 50 000)',
    ],
    classification:
      'not-reproduced (issue 12 rule 1): the regimes are inside the item\'s hypotheses only with our constants (C = 1, C_4 = 4); the paper leaves them unspecified, so this is not shown to be an error of the paper.',
    title: 'With ‖u‖ = 0 and αN_1σ_{p,2}²/(N_2σ_{p,1}²) far above C_4, transfer still *helps* when the baseline is itself sub-optimal',
    explanation:
      'Inside Condition 4.1 (our constants C = 1, δ = 0.1), ‖u‖ = 0, α = 1, N_2 = 12, N_1 = 24: where the baseline statistic S_3 < 0.1 ' +
      '(baseline error ≈ 0.27–0.30), inheriting every upstream filter lowers the target error by 0.03–0.09 (z ≈ 4 at 40 replicates), ' +
      'for ratios 4.5 to 72; with α = 0.5 the same regime shows transfer hurting (+0.044), and with a fixed T_2 (no ε-stopping, so ' +
      'not an artefact of the transferred model training longer) transfer still helps (−0.085 ± 0.012). Where S_3 > 0.3 transfer ' +
      'hurts as printed (ptransfer.negative/inside conforms). So the printed item needs a condition it does not state — a baseline that is ' +
      'not itself sub-optimal — or Condition 4.1 constants larger than ours. Not a bug of ours as far as the cross-checks reach: the ' +
      'fast path equals plain d-dimensional GD (1e-10) and TensorFlow.js (2e-5), including transferred filters.',
    counterexample: {
      // err_T 0.225 vs err_B 0.317 over 40 replicates (ratio 4.5, S_3 = 0.060); p = 2.4e-5
      params: { d: 6008, m: 7, N1: 24, N2: 12, sigmaP1: 0.3333, sigmaP2: 0.5, uNorm: 0, v1Norm: 0.7802807796515911, v2Norm: 1.1705382232997168, alpha: 1, eta: 0.014382068883258855, sigma0: 0.0008154798659616591, T1: 50000, T2: 50000, eps: 0.1, nTest: 4000, seed: 1 },
      replay: 'npx ttc replay cHRyYW5zZmVyLm5lZ2F0aXZlLndlYWstYmFzZWxpbmV8MjAyNjExMjJ8MDowOjA6MDowOjA6MDowOjA6MDowOjA6MHx0ZXN0',
    },
  },
  params: (t) => ({ ...s3Regime(t), seed: t.seed }),
  region: (t) => region(s3Regime(t)),
  evaluate: (t) => {
    const p = asParams(s3Regime(t));
    const pred = negative.predict(p);
    const { lhs, rhs, baselineStatistic: S3 } = pred.details;
    if (!holdsAll(negative.hypotheses, p)) return { skip: `outside Condition 4.1 or the negative-transfer condition (lhs ${fmt(lhs)}, rhs ${fmt(rhs)})`, outOfHypotheses: true };
    return { prediction: pred, target: pred.sign, statistic: `err_T − err_B > 0 (ratio ${fmt(rhs)} ≥ C_4, S_3 = ${fmt(S3)})` };
  },
  measure: (t, budget) => transferMinusBaseline(s3Regime(t), t.seed, replicates(budget, { test: 64, quick: 64, full: 80 })),
});

/**
 * The printed condition itself, on both of its sides. /inside, /paper and /weak-baseline draw only regimes where the
 * condition holds, so a misprinted condition (σ's swapped, inequality reversed) empties them (out-of-hypotheses)
 * instead of failing. Here the side is drawn first and the regime built from it, independently of the condition:
 * 'weak u' has ‖u‖ = 0 (the universal signal absent: Fig 1(c) at ‖u‖ = 0, transfer hurts by ≈ 0.1 in these paper-like
 * regimes, ptransfer.negative/paper), 'strong u' has ‖u‖² ≥ 0.8‖u+v_2‖² (the signal mostly shared: transfer from a
 * cleaner, larger source helps, Fig 1(a)/(b)). Both sides: α = 1, σ_{p,1} = σ_{p,2}/2, N_1 = rN_2 with r ∈ [2, 3.5], so
 * αN_1σ_{p,2}²/(N_2σ_{p,1}²) = 4r ∈ [8, 14] ≥ C_4. The predicted sign of err_T − err_B is then read off the printed
 * condition (weakUniversalSignal): +1 where it holds, −1 where it does not — Prop 4.4's other items (Γ large: transfer
 * helps) cover the strong side. A wrong condition predicts the wrong side on part of the regimes: with the σ's swapped
 * the weak side's ratio is r/4 < C_4 (predicted "helps"); with the inequality reversed ‖u+v_2‖²/‖u‖² = ∞ fails it on
 * the weak side and ≈ 1 ≤ 4r passes it on the strong side. Outside Condition 4.1 (Sec 5's η, σ_0, fixed T, as /paper).
 */
type BoundaryDraw = PaperDraw & { side: 'weak u' | 'strong u'; r: number; phiStrong: number };
const boundaryArb: fc.Arbitrary<BoundaryDraw> = fc
  .record({ base: paperDrawArb, side: fc.constantFrom('weak u' as const, 'strong u' as const), r: fc.double({ min: 2, max: 3.5, noNaN: true }), phiStrong: fc.double({ min: 0.8, max: 1, noNaN: true }) })
  .map(({ base, side, r, phiStrong }) => ({ ...base, side, r, phiStrong, alpha: 1, N2: Math.min(base.N2, 15), N1: Math.round(r * Math.min(base.N2, 15)), phi: side === 'weak u' ? 0 : phiStrong }));

function boundaryRegime(t: BoundaryDraw): CellParams {
  const a = paperRegime(t);
  return { ...a, sigmaP1: r4(a.sigmaP2 / 2) };
}

export const negativeBoundary = defineCheck<BoundaryDraw>({
  id: 'ptransfer.negative/boundary',
  claim: negative,
  simulations: [cellSim],
  title: '[extrapolation] Prop 4.4: the printed negative-transfer condition predicts the side — transfer hurts where it holds (‖u‖ = 0), helps where it fails (‖u‖ strong)',
  arbitrary: boundaryArb,
  runs: { test: 6, quick: 12, full: 40 },
  compare: 'sign',
  shrinkMs: SHRINK,
  params: (t) => ({ ...boundaryRegime(t), seed: t.seed }),
  region: (t) => t.side,
  evaluate: (t) => {
    const p = asParams(boundaryRegime(t));
    const pred = negative.predict(p);
    const { lhs, rhs } = pred.details;
    const holds = weakUniversalSignal.holds(p);
    const sign = holds ? 1 : -1;
    return {
      prediction: { ...pred, sign, details: { lhs, rhs, conditionHolds: holds } } as unknown as typeof pred,
      target: sign,
      statistic: `err_T − err_B ${holds ? '> 0' : '< 0'} (condition ${holds ? 'holds' : 'fails'}: ‖u+v_2‖²/‖u‖² = ${fmt(lhs)}, αN_1σ_{p,2}²/(N_2σ_{p,1}²) = ${fmt(rhs)}, C_4 = ${PROP44.C4})`,
    };
  },
  measure: (t, budget) => transferMinusBaseline(boundaryRegime(t), t.seed, replicates(budget)),
});

export const negativeChecks = [negativeInside, negativePaper, negativeWeakBaseline, negativeBoundary];
