/**
 * Scratch training ends at the minimum-norm least-squares solution β̂ = X⁺y (Thm 3.5), so
 *   R_sc = ‖β̂ − β_t‖² = ‖(I − P)β_t‖² + ‖X⁺ε‖²,   P = X⁺X the projector onto row(X).
 * Taking expectations (proof of Thm 3.6, eqs 91–103):
 *   E‖(I − P)β_t‖² = 1 − min(n, d)/d   (row(X) is a uniformly random subspace),
 *   E‖X⁺ε‖² = σ² E tr((XᵀX)⁺).
 */

/** Thm 3.6, eq (10), as printed: the n, d → ∞ limit at γ = n/d. */
export function scratchRiskAsymptotic(gamma: number, sigma: number): number {
  if (gamma === 1) return Infinity;
  const s2 = sigma * sigma;
  return gamma < 1 ? ((1 - gamma) ** 2 + gamma * s2) / (1 - gamma) : s2 / (gamma - 1);
}

/**
 * Exact finite-size form (derived here; the paper only gives the limit).
 * n < d: XXᵀ ~ Wishart_n(d, I) and E[W⁻¹] = I/(d − n − 1), so E tr((XXᵀ)⁻¹) = n/(d − n − 1) (d > n + 1);
 * n > d: XᵀX ~ Wishart_d(n, I), so E tr((XᵀX)⁻¹) = d/(n − d − 1) (n > d + 1).
 * Hence E R_sc = (1 − n/d) + σ²n/(d − n − 1) for n < d − 1 and σ²d/(n − d − 1) for n > d + 1;
 * the noise term has infinite mean for |n − d| ≤ 1. Both tend to eq (10) as n, d → ∞ at fixed n/d.
 */
export function scratchRiskFinite(n: number, d: number, sigma: number): number {
  const s2 = sigma * sigma;
  if (n < d) {
    const bias = 1 - n / d;
    if (s2 === 0) return bias;
    return n < d - 1 ? bias + (s2 * n) / (d - n - 1) : Infinity;
  }
  if (s2 === 0) return 0;
  return n > d + 1 ? (s2 * d) / (n - d - 1) : Infinity;
}
