/**
 * The coupled design entries of core.ts lawEntry for a whole design at once, bit for bit. lawEntry calls core/stats'
 * normalCdf and normalQuantile per entry; those rebuild their coefficient arrays on every call and go through a
 * switch on the law, which made a χ² entry ≈ 6× and a uniform entry ≈ 2.5× the cost of drawing its normal (profile of
 * universality.laws at 834b7f1). Here the same expressions — the Numerical Recipes erfc, Acklam's quantile with one
 * Halley step, in the same order of operations, with the same constants — run with the constants hoisted and the law
 * chosen once per design. Cross-checked against lawEntry entry for entry (lawFill.test.ts, incl. tails and ±0).
 */
/** core.ts Law (kept here, not imported: core.ts imports this file). */
type Law = 'gaussian' | 'rademacher' | 'chi2' | 'uniform';

/** core/stats/distributions.ts erfc, same arithmetic. */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
const normalCdf = (z: number) => 0.5 * erfc(-z / Math.SQRT2);

const A0 = -39.69683028665376, A1 = 220.9460984245205, A2 = -275.9285104469687, A3 = 138.357751867269, A4 = -30.66479806614716, A5 = 2.506628277459239; // prettier-ignore
const B0 = -54.47609879822406, B1 = 161.5858368580409, B2 = -155.6989798598866, B3 = 66.80131188771972, B4 = -13.28068155288572; // prettier-ignore
const C0 = -0.007784894002430293, C1 = -0.3223964580411365, C2 = -2.400758277161838, C3 = -2.549732539343734, C4 = 4.374664141464968, C5 = 2.938163982698783; // prettier-ignore
const D0 = 0.007784695709041462, D1 = 0.3224671290700398, D2 = 2.445134137142996, D3 = 3.754408661907416; // prettier-ignore
const PL = 0.02425;
const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** core/stats normalQuantile for p in (0, 1) (the callers here never pass anything else), same arithmetic. */
function normalQuantile(p: number): number {
  let x: number;
  if (p < PL) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
  } else if (p <= 1 - PL) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((A0 * r + A1) * r + A2) * r + A3) * r + A4) * r + A5) * q) / (((((B0 * r + B1) * r + B2) * r + B3) * r + B4) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
  }
  const e = normalCdf(x) - p;
  const u = e * SQRT_2PI * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

const SQRT3 = Math.sqrt(3);
/** lawEntry('chi2', g). */
export function chi2Entry(g: number): number {
  const h = -normalQuantile(Math.max(Number.MIN_VALUE, normalCdf(-g) / 2));
  return (h * h - 1) / Math.SQRT2;
}
/** lawEntry('uniform', g). */
export function uniformEntry(g: number): number {
  return SQRT3 * (2 * normalCdf(g) - 1);
}

/**
 * In place: G[i] ← sd[i mod d] · lawEntry(law, G[i]) for a row-major block of standard normals (sd absent: 1, and
 * then no multiplication, as lawEntry(·)·1 = lawEntry(·) exactly).
 */
export function mapLaw(law: Law, G: Float64Array, sd?: Float64Array): Float64Array {
  const m = G.length;
  switch (law) {
    case 'gaussian':
      break;
    case 'rademacher':
      for (let i = 0; i < m; i++) G[i] = G[i]! >= 0 ? 1 : -1;
      break;
    case 'uniform':
      for (let i = 0; i < m; i++) G[i] = uniformEntry(G[i]!);
      break;
    case 'chi2':
      for (let i = 0; i < m; i++) G[i] = chi2Entry(G[i]!);
      break;
  }
  if (sd) {
    const d = sd.length;
    for (let i = 0; i < m; i += d) for (let k = 0; k < d; k++) G[i + k] = sd[k]! * G[i + k]!;
  }
  return G;
}
