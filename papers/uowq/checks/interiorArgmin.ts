import fc from 'fast-check';
import { defineCheck } from '../../../properties/runner.ts';
import { estimate } from '../../../core/measurement.ts';
import { uniformNegativeClaim, uniformWeights } from '../theory/index.ts';
import { weightedMleSim } from '../sim/index.ts';
import { RUNS, build, instArb, modelNote, params, predictInside, richardsonN, topUpNote, type Inst } from './support.ts';

const ID = 'uowq.uniform-negative/interior-argmin';
// The gate runs the first 2 of the quick sweep's 12 regimes, each topped up to power against δ.
const runs = RUNS(2, 12);

/**
 * Eq U5's interior quantity m* = dn_0/(2Dn_0 − d) as the argmin of the simulated error (interior-quantity only
 * compares the gain U1 predicts at m*, which holds for any m*). Under pooling (α ∝ n) with m source samples the
 * source share is a = m/(n_0 + m), and eq U1 is exactly quadratic in it: E = ½(Da² + (d/n_0)(1 − a)), minimised at
 * a* = d/(2Dn_0), i.e. m* = n_0a* / (1 − a*). So two paired arms m_± (shares a* ± 0.6·a*(1 − a*), the step that
 * moves m by ±60 % to first order — wide, since U1 is exactly quadratic in a and a wider step cuts the noise of the
 * slope; m_± rounded, the shares recomputed) give the implied argmin exactly
 * under U1: â = (a_+ + a_−)/2 − (E(m_+) − E(m_−))/((a_+ − a_−)D). The statistic is the implied relative shift of m*,
 * (â − a*)/(a*(1 − a*)) = dm/m to first order, target 0. Regimes: x = Dn_0/d drawn uniform on [1, 3] (the shift
 * rescaled; N_1 = 4N_0 so that m_+ ≤ N_1), where a misprinted denominator (2Dn_0 + d for
 * 2Dn_0 − d) moves m* by a factor (2x − 1)/(2x + 1) ∈ [1/3, 5/7] — a relative shift of 0.38–1.33 in this statistic.
 */
type Case = Inst & { x: number };
function place(t: Inst, x: number): Case {
  const shifts = t.shifts.slice(0, t.d).every((v) => v === 0) ? [10, ...t.shifts.slice(1)] : t.shifts;
  const base = { ...t, ratios: [16, ...t.ratios.slice(1)], shifts };
  const { D } = uniformNegativeClaim.predict(build(base).params).details as { D: number };
  const f = Math.sqrt((x * t.d) / (D * t.n0)); // D = δᵀJδ is quadratic in the shift
  return { ...base, shifts: shifts.map((v) => Number((v * f).toPrecision(12))), x };
}
// Linear model only: the statistic needs ~10⁴–10⁵ paired draws a regime (the arms differ in their source samples, so
// the pairing removes less noise than in implied-argmin), cheap for the Gaussian linear model's exact KL but minutes
// for the logistic Newton fits; the misprint is in eq U5's formula, which is the same for both models.
export const interiorArgminArbitrary = fc.tuple(instArb({ K: [1, 1], logistic: false }), fc.integer({ min: 0, max: 100 })).map(([t, u]) => place(t, 1 + (2 * u) / 100));

const H = 0.6;
/** The predicted share a* = m* / (n_0 + m*), and the two arms' sizes m_± at scale 1 with their shares. */
function arms(t: Case): { a: number; mPlus: number; mMinus: number; aPlus: number; aMinus: number } {
  const m = (uniformNegativeClaim.predict(build(t).params).details as { interiorQuantity: number }).interiorQuantity;
  const a = m / (t.n0 + m);
  const h = H * a * (1 - a);
  const size = (s: number) => Math.max(1, Math.round((t.n0 * s) / (1 - s)));
  const mPlus = size(a + h);
  const mMinus = size(a - h);
  return { a, mPlus, mMinus, aPlus: mPlus / (t.n0 + mPlus), aMinus: mMinus / (t.n0 + mMinus) };
}

export const interiorArgmin = defineCheck<Case>({
  id: ID,
  claim: uniformNegativeClaim,
  simulations: [weightedMleSim],
  title: 'Uniform weighting: the simulated error is minimised at the interior quantity m* = dn_0/(2Dn_0 − d) (implied argmin)',
  arbitrary: interiorArgminArbitrary,
  runs,
  compare: 'equal',
  params: (t) => params(t, { x: t.x }),
  evaluate(t) {
    const prediction = predictInside(uniformNegativeClaim, build(t).params);
    if ('skip' in prediction) return prediction;
    if (!((prediction.details as { interiorQuantity: number | null }).interiorQuantity! > 0)) return { skip: 'no interior optimal quantity (2Dn_0 ≤ d)' };
    return { prediction, target: 0, statistic: '(implied argmin share â − a*)/(a*(1 − a*)) = implied relative shift of m*, from paired simulated KL(pooled, m_+) − KL(pooled, m_−) over U1\'s curvature D, Richardson in 1/N' };
  },
  async measure(t, budget) {
    const { a, mPlus, mMinus, aPlus, aMinus } = arms(t);
    const r = await richardsonN(
      t,
      budget,
      (b, scale) => {
        const np = [b.N[0]!, mPlus * scale];
        const nm = [b.N[0]!, mMinus * scale];
        return { alpha: uniformWeights(np), n: np, reference: { alpha: uniformWeights(nm), n: nm } };
      },
      'scale-free',
      {
        drawFactor: 24, // the implied optimum is a ratio of small paired differences of arms with different samples
        decide: { checkId: ID, runs: runs[budget], target: 0 },
        stat: (m, b) => {
          const { D } = uniformNegativeClaim.predict(b.params).details as { D: number };
          const mid = (aPlus + aMinus) / 2;
          return m.extra!.difference!.values!.map((diff) => (mid - diff / ((aPlus - aMinus) * D) - a) / (a * (1 - a)));
        },
      },
    );
    return estimate(r.values, `${modelNote(t)}; x = Dn_0/d = ${t.x.toPrecision(3)}, m* = ${((t.n0 * a) / (1 - a)).toPrecision(4)}, m_± = ${mPlus}, ${mMinus}; Richardson 2·X(2N) − X(N); plain X(N) = ${r.plain.toPrecision(3)}${topUpNote(r.topUp)}`);
  },
});
