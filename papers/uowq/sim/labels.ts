/**
 * The logistic simulation's labels y = [u < 1/(1 + e^{−η})] for each variant's θ_k (fast.ts), float for float the plain
 * simulation's, with a logarithm per sample shared by all variants instead of an exponential per sample and variant.
 */
/** Logit margin outside which `L < η` decides the plain label u < 1/(1 + e^{−η}) (for |η| < LABEL_ETA); see labels. */
const LABEL_MARGIN = 1e-6;
const LABEL_ETA = 18;
/** Labels that fell within the margin and were decided by the plain formula; for tests. */
export let plainLabels = 0;

/**
 * Y_i = [u_i < 1/(1 + e^{−η_i})], the plain simulation's label, float for float, with one exp per sample only where
 * it is close: L_i = log(u_i/(1 − u_i)) (computed once per sample for all variants) decides it as L_i < η_i when
 * |L_i − η_i| > LABEL_MARGIN and |η_i| < LABEL_ETA. Why that is the same label: the float σ̃ = fl(1/(1 + fl(e^{−η})))
 * is within 4ε·σ of σ(η) (exp within an ulp, two roundings), so u < σ̃ and u < σ(η) can differ only where
 * |logit u − η| ≤ 4ε(1 + small)/(1 − σ) ≤ 8ε(1 + e^{|η|}) < 1.2e-7 for |η| < 18; and L is within 2ε + ε|L| ≤ 42ε of
 * logit u (1 − u exact or one rounding, one division, log within an ulp; |L| ≤ 37.5 for u ≥ 2⁻⁵³, and u = 0 gives
 * L = −∞ < η, label 1, as 0 < σ̃). So outside the margin both comparisons give the exact-real answer.
 */
export function labels(Xk: Float64Array, Uk: Float64Array, Lk: Float64Array, Yk: Uint8Array, n: number, th: readonly number[], d: number, stride: number): void {
  for (let i = 0; i < n; i++) {
    let eta = 0;
    for (let j = 0; j < d; j++) eta += Xk[i * stride + j]! * th[j]!;
    const gap = Lk[i]! - eta;
    if ((gap > LABEL_MARGIN || gap < -LABEL_MARGIN) && eta < LABEL_ETA && eta > -LABEL_ETA) Yk[i] = gap < 0 ? 1 : 0;
    else {
      plainLabels++;
      Yk[i] = Uk[i]! < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    }
  }
}
