/**
 * Thm 2.2. For p_f(x, y) = p(x)N(y; f(x), σ²), the proof (eqs 31–34) computes
 *   D_KL(p_f ‖ p_g) = ‖f − g‖²_{L2(p)} / (2σ²),
 * unbounded as g = −a f with a → ∞. For linear f = β_fᵀx, g = β_gᵀx and x ~ N(0, I),
 * ‖f − g‖²_{L2} = ‖β_f − β_g‖².
 * The Dudley half cannot hold as printed: for ‖h‖_BL = ‖h‖_L + ‖h‖_∞ ≤ 1, |E_p h − E_q h| ≤ 2‖h‖_∞ ≤ 2,
 * so γ_β(p_f, p_g) ≤ 2 for every pair, and no g reaches δ > 2. (The step from eq 27 to eq 28 uses
 * |cos f − cos g| ≤ f² + g², an upper bound, as if it were a lower bound.)
 */
export function klLinear(betaF: readonly number[], betaG: readonly number[], sigma: number): number {
  let s = 0;
  for (let i = 0; i < betaF.length; i++) s += (betaF[i]! - betaG[i]!) ** 2;
  return s / (2 * sigma * sigma);
}

/** The Dudley metric of any two probability laws is at most 2 (bounded test functions). */
export const DUDLEY_UPPER_BOUND = 2;

/**
 * The proof's eq (28) for f = β_sᵀx, g = aβ_tᵀx (x ~ N(0, I), ‖β_s‖ = ‖β_t‖ = 1): e^{−σ²/2}/2 · ∫(f² + g²) dp
 * = e^{−σ²/2}/2 · (1 + a²), which the proof claims eq (27) is at least (Thm 2.2, Dudley half).
 */
export function dudleyProofBound(scale: number, sigma: number): number {
  return (Math.exp((-sigma * sigma) / 2) / 2) * (1 + scale * scale);
}

/** The lower bound of eq (27) with h(x, y) = cos(y)/2: e^{−σ²/2}/2 · |E cos f(x) − E cos g(x)|. */
export function dudleyCosLowerBound(meanCosF: number, meanCosG: number, sigma: number): number {
  return (Math.exp((-sigma * sigma) / 2) / 2) * Math.abs(meanCosF - meanCosG);
}
