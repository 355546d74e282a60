import { normalCdf, normalQuantile, studentQuantile, studentTwoSidedP } from './distributions.ts';

/**
 * Power of the t-tests the checks run, by the shifted-central-t approximation
 * P(T_df > t_crit − δ/se) — the same approximation as `minDetectable` (t_{1−α/2} + t_{power})·se, so
 * "power ≥ 0.8 against δ" and "δ ≥ minimum detectable deviation" agree exactly. Meta-tested against
 * simulated rejection rates in power.test.ts.
 */
function studentCdf(t: number, df: number): number {
  if (df === Infinity) return normalCdf(t);
  const p = studentTwoSidedP(t, df) / 2;
  return t >= 0 ? 1 - p : p;
}

/** Power of the two-sided level-`level` t-test of E = target when the truth is target ± δ. */
export function powerTwoSided(delta: number, se: number, df: number, level: number): number {
  if (!(se > 0) || !Number.isFinite(se) || !(df >= 1)) return 0;
  const q = studentQuantile(1 - level / 2, df);
  return 1 - studentCdf(q - Math.abs(delta) / se, df);
}

/** Power of the one-sided level-`level` t-test of "mean ≤ 0" when the truth is δ > 0 on the predicted side. */
export function powerOneSided(delta: number, se: number, df: number, level: number): number {
  if (!(se > 0) || !Number.isFinite(se) || !(df >= 1)) return 0;
  const q = studentQuantile(1 - level, df);
  return 1 - studentCdf(q - delta / se, df);
}

/**
 * Draws needed for `power` against δ at `level`, given the per-draw standard deviation (normal
 * approximation, then raised until the t-based power reaches the target): what an inconclusive
 * check reports as the way to a decision.
 */
export function drawsForPower(delta: number, sd: number, level: number, power: number, sided: 'one' | 'two'): number {
  if (!(delta > 0) || !(sd > 0)) return Infinity;
  const za = normalQuantile(1 - (sided === 'two' ? level / 2 : level));
  const lo0 = Math.max(2, Math.floor(((za + normalQuantile(power)) * sd / delta) ** 2));
  const pw = (k: number) => (sided === 'two' ? powerTwoSided : powerOneSided)(delta, sd / Math.sqrt(k), k - 1, level);
  let hi = lo0;
  while (pw(hi) < power && hi < 1e9) hi *= 2;
  // The smallest n in (lo, hi] with enough power (power rises with n).
  let lo = Math.max(1, Math.min(lo0, hi) - 1);
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (pw(mid) >= power) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Exact power of the one-sided binomial test (reject when failures ≥ k_crit at level) when the failure probability is q1. */
export function binomialPower(n: number, q0: number, q1: number, level: number): number {
  const logC = (a: number, b: number) => lfact(a) - lfact(b) - lfact(a - b);
  const pmf = (j: number, q: number) => Math.exp(logC(n, j) + (j > 0 ? j * Math.log(q) : 0) + (n - j > 0 ? (n - j) * Math.log1p(-q) : 0));
  // Smallest k with P_q0(X ≥ k) ≤ level.
  let tail = 0;
  let k = n + 1;
  for (let j = n; j >= 0; j--) {
    const t = tail + pmf(j, q0);
    if (t > level) break;
    tail = t;
    k = j;
  }
  let pw = 0;
  for (let j = k; j <= n; j++) pw += pmf(j, q1);
  return Math.min(1, pw);
}

function lfact(m: number): number {
  let s = 0;
  for (let i = 2; i <= m; i++) s += Math.log(i);
  return s;
}
