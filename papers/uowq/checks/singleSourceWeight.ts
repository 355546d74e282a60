import fc from 'fast-check';
import { defineCheck } from '../../../properties/runner.ts';
import { estimate } from '../../../core/measurement.ts';
import { singleSourceWeightClaim } from '../theory/index.ts';
import { weightedMleSim } from '../sim/index.ts';
import { RUNS, build, instArb, modelNote, params, predictInside, richardsonN, topUpNote, type Inst } from './support.ts';

const ID = 'uowq.single-source-weight/implied-argmin';
// The gate runs the first 4 of the quick sweep's 18 regimes, each topped up to power against δ: each is drawn in the
// sensitive band (below) with probability 3/4, so the gate misses the band with probability 4⁻⁴ < 0.4 %.
const runs = RUNS(4, 18);

/**
 * Where eq U2's a* is sensitive to its denominator. With s = d/n_0 + d/n_1 and y = D/s, a* = (d/n_0)/(s(1 + y)); a
 * misprint of D's factor (D/2 for D) moves a* by (d/(n_0 s))·(y/2)/((1 + y/2)(1 + y)) — at most 0.17·(d/n_0)/s,
 * at y ≈ √2 — so it is resolved only near D ≈ s with n_1 ≳ n_0 (where a* depends on D at all). Half the regimes are
 * drawn there (probability 3/4): N_1 = 4N_0 and the shift rescaled so that y = 2^u, u uniform on [0, 1] (the misprint
 * then moves a* by 0.133–0.137 > δ), linear model (the misprint is in the formula, not the model, and a logistic
 * regime with N_1 = 4N_0 costs seconds of the gate); the rest keep the free draws (both models). The band is the
 * check's required region.
 */
export const BAND = 'sensitive band: D/s ∈ [1, 2], N_1 = 4N_0';
const FREE = 'free draws';
type Case = Inst & { stratum: string };
function placeInBand(t: Inst, u: number): Case {
  const shifts = t.shifts.slice(0, t.d).every((x) => x === 0) ? [10, ...t.shifts.slice(1)] : t.shifts;
  const base = { ...t, logistic: false, ratios: [16, ...t.ratios.slice(1)], shifts };
  const b = build(base);
  const { D } = singleSourceWeightClaim.predict(b.params).details as { D: number };
  const s = t.d / b.N[0]! + t.d / b.N[1]!;
  const f = Math.sqrt((2 ** u * s) / D); // D = δᵀJδ is quadratic in the shift (J is taken at θ_0)
  return { ...base, shifts: shifts.map((x) => Number((x * f).toPrecision(12))), stratum: BAND };
}
export const argminArbitrary = fc
  .tuple(instArb({ K: [1, 1] }), fc.constantFrom(BAND, BAND, BAND, FREE), fc.integer({ min: 0, max: 100 }))
  .map(([t, stratum, u]): Case => (stratum === BAND ? placeInBand(t, u / 100) : { ...t, stratum: FREE }));
/** The region from the built regime (not from the label drawn): y = D/s and N_1/N_0. */
export function argminRegion(t: Inst): string {
  const b = build(t);
  const { D } = singleSourceWeightClaim.predict(b.params).details as { D: number };
  const y = D / (t.d / b.N[0]! + t.d / b.N[1]!);
  return y >= 1 - 1e-9 && y <= 2 + 1e-9 && b.N[1]! >= 4 * b.N[0]! ? BAND : FREE;
}

/** Eq U2's a* and the curvature d²E/da² at the regime's scale (the prediction at that scale). */
function optimum(t: Inst, scale = 1): { a: number; curvature: number } {
  const p = singleSourceWeightClaim.predict(build(t, scale).params);
  return { a: p.value!, curvature: (p.details as { curvature: number }).curvature };
}

/**
 * Eq U2: the simulated error curve is flat at a*. The statistic is the implied argmin minus a* — the paired
 * central difference of the error at a* ± h over the curvature — so the claim's value is 0 by construction.
 */
export const impliedArgmin = defineCheck<Case>({
  id: ID,
  aliases: ['uowq.single-source-weight'],
  claim: singleSourceWeightClaim,
  simulations: [weightedMleSim],
  title: 'The simulated error is minimised at the closed-form weight a* (implied argmin − a* = 0)',
  arbitrary: argminArbitrary,
  runs,
  compare: 'equal',
  params: (t) => params(t),
  region: argminRegion,
  requiredCoverage: { [BAND]: 1 },
  evaluate(t) {
    const prediction = predictInside(singleSourceWeightClaim, build(t).params);
    if ('skip' in prediction) return prediction;
    return { prediction, target: 0, statistic: 'implied argmin of the simulated error curve − a* (paired central difference / curvature), Richardson in 1/N' };
  },
  async measure(t, budget) {
    const { a } = optimum(t); // a* is scale invariant
    const h = Math.min(0.1, a / 2, (1 - a) / 2);
    const r = await richardsonN(t, budget, (b) => ({ alpha: [1 - a - h, a + h], n: b.N, reference: { alpha: [1 - a + h, a - h], n: b.N } }), 'scale-free', {
      drawFactor: 2, // twice the first-stage draws: the implied optimum is a ratio of small paired differences
      decide: { checkId: ID, runs: runs[budget], target: 0 },
      stat: (m, _b, scale) => {
        const { curvature } = optimum(t, scale);
        return m.extra!.difference!.values!.map((x) => -x / (2 * h) / curvature);
      },
    });
    return estimate(r.values, `${modelNote(t)}; a* = ${a.toPrecision(4)}, h = ${h.toPrecision(3)}; Richardson 2·X(2N) − X(N); plain X(N) = ${r.plain.toPrecision(3)}${topUpNote(r.topUp)}`);
  },
});
