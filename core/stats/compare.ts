import type { Estimate } from '../measurement.ts';
import { normalQuantile, studentQuantile, studentTwoSidedP } from './distributions.ts';

/**
 * Comparing a simulated mean with a prediction. The tolerance is never a hand-set number: it is the
 * standard error times the quantile for the stated false-failure rate, plus (optionally) an explicit
 * numerical floor for float64 round-off, stated in the record.
 */

export interface Comparison {
  statistic: number;
  df: number;
  pValue: number;
  /** Half-width of the (1 − α) confidence interval around the simulated mean. */
  halfWidth: number;
  /** Smallest |true mean − prediction| rejected with probability `power` at level α. */
  minDetectable: number;
}

/**
 * Two-sided one-sample t-test of H0: E[sim] = target. With draws ≥ 2 the test has exact level α
 * for normal draws and approximately α otherwise (the meta-tests in stats.test.ts measure it).
 * `floor` is an absolute numerical tolerance added to the denominator (default 0).
 *
 * `skewCorrected` uses Johnson's (1978, JASA 73:536) modified t for skewed draws,
 *   t_J = [(x̄ − μ) + μ̂₃/(6s²N) + μ̂₃(x̄ − μ)²/(3s⁴)] / (s/√N),
 * referred to t_{N−1}. For right-skewed draws (a risk with an inverse-χ² factor) the plain t rejects a
 * true mean on the low side far more often than stated at small p-values: the sample mean is then low
 * together with an under-estimated s. Johnson's t removes the first-order skewness term (meta-tested).
 */
export function compareMean(est: Estimate, target: number, alpha: number, opts: { floor?: number; power?: number; skewCorrected?: boolean; df?: number } = {}): Comparison {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1), got ${alpha}`);
  // `df`: a pooled estimate's degrees of freedom (Satterthwaite, sequential.ts) instead of draws − 1.
  const df = opts.df ?? (est.draws > 1 ? est.draws - 1 : Infinity);
  const floor = opts.floor ?? 0;
  const se = Math.sqrt(est.stderr * est.stderr + floor * floor);
  const diff = est.mean - target;
  if (se === 0) {
    const exact = Math.abs(diff) === 0;
    return { statistic: exact ? 0 : Infinity, df, pValue: exact ? 1 : 0, halfWidth: 0, minDetectable: 0 };
  }
  const n = est.draws;
  const s2 = est.stderr * est.stderr * n;
  const t = opts.skewCorrected && est.m3 !== undefined && n > 1 && s2 > 0 ? (diff + est.m3 / (6 * s2 * n) + (est.m3 * diff * diff) / (3 * s2 * s2)) / se : diff / se;
  const q = studentQuantile(1 - alpha / 2, df);
  return {
    statistic: t,
    df,
    pValue: studentTwoSidedP(t, df),
    halfWidth: q * se,
    minDetectable: minDetectable(se, df, alpha, opts.power ?? 0.8),
  };
}

/** Smallest deviation detected with the given power by a two-sided level-α t-test with this stderr. */
export function minDetectable(stderr: number, df: number, alpha: number, power = 0.8): number {
  return (studentQuantile(1 - alpha / 2, df) + (df === Infinity ? normalQuantile(power) : studentQuantile(power, df))) * stderr;
}

/** Draws needed so that a deviation `delta` is caught with `power` at level α, given the per-draw sd. */
export function drawsFor(delta: number, sd: number, alpha: number, power = 0.8): number {
  const z = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  return Math.max(2, Math.ceil(((z * sd) / delta) ** 2));
}

/**
 * Deterministic comparison in the style of neural-tangents' test utilities: passes when
 * |a − b| ≤ abs + rel·|b|. Returns the errors so they can be logged on pass and fail.
 */
export function closeTo(actual: number, expected: number, rel: number, abs: number): { ok: boolean; absErr: number; relErr: number } {
  const absErr = Math.abs(actual - expected);
  const relErr = absErr / Math.max(Math.abs(expected), Number.MIN_VALUE);
  return { ok: absErr <= abs + rel * Math.abs(expected), absErr, relErr };
}

/** Relative norm error ‖a − b‖ / ‖b‖ for vectors. */
export function relNormError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < b.length; i++) {
    num += (a[i]! - b[i]!) ** 2;
    den += b[i]! ** 2;
  }
  return Math.sqrt(num / Math.max(den, Number.MIN_VALUE));
}

/**
 * Exact one-sided binomial p-value P(X ≥ k), X ~ Bin(n, q): the evidence that an event the theory allows
 * with probability at most q (e.g. a "with probability ≥ 1 − δ" statement failing) happens more often.
 */
export function binomialUpperP(k: number, n: number, q: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`q must be in [0, 1], got ${q}`);
  if (k <= 0) return 1;
  if (k > n) return 0;
  let p = 0;
  // Sum the upper tail in log space (n is small: replicates of one regime).
  const logC = (a: number, b: number) => lgammaInt(a + 1) - lgammaInt(b + 1) - lgammaInt(a - b + 1);
  for (let j = k; j <= n; j++) p += Math.exp(logC(n, j) + (j > 0 ? j * Math.log(q) : 0) + (n - j > 0 ? (n - j) * Math.log1p(-q) : 0));
  return Math.min(1, p);
}

function lgammaInt(m: number): number {
  // log((m − 1)!) for integer m ≥ 1.
  let s = 0;
  for (let i = 2; i < m; i++) s += Math.log(i);
  return s;
}
