import fc from 'fast-check';
import { defineCheck } from '../../../properties/runner.ts';
import type { Params } from '../../../core/params.ts';
import { thm42Consistency } from '../theory/consistency.ts';
import { fmt } from './shared.ts';

/**
 * Internal consistency of Yuan et al. (issue 12 item 5): Thm 4.2 in the main text against Thm E.12 in the
 * appendix as summarised in the seed. Deterministic: each regime is two parameter points (p and p′ with d
 * scaled), and the ratio of the two printed forms must be the same at both (an unknown constant).
 */
const pointArb = fc.record({
  d: fc.integer({ min: 200, max: 4000 }),
  N1: fc.integer({ min: 10, max: 1000 }),
  N2: fc.integer({ min: 10, max: 200 }),
  sigma: fc.double({ min: 1, max: 15, noNaN: true }),
  u: fc.double({ min: 0.5, max: 5, noNaN: true }),
  alpha: fc.constantFrom(0.25, 0.5, 1),
  eps: fc.constantFrom(0.01, 0.05, 0.1),
  dFactor: fc.double({ min: 1.5, max: 4, noNaN: true }),
});
type Point = typeof pointArb extends fc.Arbitrary<infer X> ? X : never;
const asPoint = (t: Point): Params => ({
  d: t.d, m: 40, N1: t.N1, N2: t.N2, sigmaP1: t.sigma, sigmaP2: t.sigma, uNorm: t.u, v1Norm: t.u, v2Norm: t.u, alpha: t.alpha,
  eta: 0.01, sigma0: 0.01, T1: 800, T2: 400, eps: t.eps, nTest: 1000, dFactor: t.dFactor, epsFactor: 1,
});

function formsCheck(name: 'training-time' | 'error-exponent', deviation?: Parameters<typeof defineCheck<Point>>[0]['deviation']) {
  const key = name === 'training-time' ? 'time' : 'exponent';
  return defineCheck<Point>({
    id: `ptransfer.consistency/${name}`,
    claim: thm42Consistency,
    simulations: [],
    title:
      name === 'training-time'
        ? 'Thm 4.2 vs Thm E.12: the training time T = Ω(N_2 m/(η ε σ_{p,2}²)) and T_2 = C_2* N_2 m/(η σ_{p,2}² d) agree up to a constant'
        : 'Thm 4.2 vs Thm E.12: the error exponents Num/(α²σ_{p,2}²N_1 d/σ_{p,1}² + N_2 d) and (1/d)·Num/Den agree up to a constant',
    arbitrary: pointArb,
    runs: { test: 4, quick: 10, full: 30 },
    compare: 'close',
    shrinkMs: { test: 0, quick: 0, full: 0 },
    deviation,
    params: asPoint,
    evaluate: (t) => {
      const pred = thm42Consistency.predict(asPoint(t));
      return { prediction: pred, target: pred.value, statistic: `(main/appendix at d = ${t.d}) ÷ (main/appendix at d′ = ${fmt(t.d * t.dFactor)}) = 1` };
    },
    measure: (t) => {
      const f = thm42Consistency.predict(asPoint(t)).details[key];
      const r = f.main / f.appendix / (f.mainAt2 / f.appendixAt2);
      return { mean: r, stderr: 0, draws: 1, note: `main/appendix = ${fmt(f.main / f.appendix)} at p, ${fmt(f.mainAt2 / f.appendixAt2)} at p′` };
    },
  });
}

export const consistencyExponent = formsCheck('error-exponent');
export const consistencyTime = formsCheck('training-time', {
  kind: 'deviates',
  title: 'Between the main statement and the appendix as summarised: the training time of Thm 4.2 has no 1/d, that of Thm E.12 has (and drops ε)',
  statement: 'Main text, Thm 4.2: "at T = Ω(N_2 m/(η ε σ_{p,2}²))". Appendix, Thm E.12 (as summarised): "T_1 = C_1* N_1 m/(η σ_{p,1}² d), T_2 = C_2* N_2 m/(η σ_{p,2}² d)".',
  hypotheses: 'none: two printed forms of one theorem compared at parameter points (Condition 4.1 plays no role in a ratio of formulas)',
  evidence: 'the two printed expressions themselves, evaluated at p and at p′ = p with d scaled; no simulation and no derived formula',
  where: 'everywhere: main/appendix = d/ε, so the ratio moves with d (×d′/d between the points) and with ε; at the Sec 5 setting (d = 2000, ε = 0.1) the two forms differ by a factor 2·10⁴',
  classification:
    'deviates (issue 12 item 5): an internal disagreement between two printed statements of one result, shown by the printed forms alone. Reported as "between the main statement and the appendix as summarised": the appendix text is known here only through the seed summary (001).',
  explanation:
    'With unknown constants two forms of one bound agree iff their ratio is parameter-free. Here main/appendix = (N_2 m/(η ε σ²)) / (N_2 m/(η σ² d)) = d/ε: the exponent of d differs (0 in the main text, −1 in the appendix) and ε appears only in the main text. The error exponents of the two statements agree exactly (ptransfer.consistency/error-exponent conforms).',
  counterexample: {
    // main/appendix = d/ε: 9830 at d = 983, 39 320 at d′ = 3932 (ratio of ratios 0.25 ≠ 1)
    params: { d: 983, m: 40, N1: 997, N2: 185, sigmaP1: 3.647898601267797, sigmaP2: 3.647898601267797, uNorm: 2.5606041080157347, v1Norm: 2.5606041080157347, v2Norm: 2.5606041080157347, alpha: 0.25, eta: 0.01, sigma0: 0.01, T1: 800, T2: 400, eps: 0.1, nTest: 1000, dFactor: 4, epsFactor: 1 },
    replay: 'npx ttc replay cHRyYW5zZmVyLmNvbnNpc3RlbmN5L3RyYWluaW5nLXRpbWV8MjAyNjExMjJ8MHx0ZXN0',
  },
});

export const consistencyChecks = [consistencyExponent, consistencyTime];
