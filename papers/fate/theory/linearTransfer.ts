/**
 * Linear transfer (Thm 3.7). After pretraining the features are rank one, Φ = (Xβ_s)vᵀ (Thm 3.4), so
 * min-norm retraining of the last layer gives β̂ = bβ_s with b = zᵀy/‖z‖², z = Xβ_s ~ N(0, I_n).
 * Writing β_t = cos θ β_s + sin θ ν and w = Xν, b = cos θ + (sin θ zᵀw + zᵀε)/‖z‖², so
 * E b = cos θ and E b² = cos²θ + (sin²θ + σ²) E[1/‖z‖²] = cos²θ + (sin²θ + σ²)/(n − 2).
 * R_lt = 1 − 2b cos θ + b², hence eq (12) holds exactly at every n > 2 (in the α → 0 limit of the
 * pretraining, which makes the features exactly rank one), and does not depend on d.
 */
export function linearTransferRisk(theta: number, sigma: number, n: number): number {
  const s2 = Math.sin(theta) ** 2;
  return s2 + (s2 + sigma * sigma) / (n - 2);
}

/** The n → ∞ limit of eq (12): the irreducible out-of-feature-space error ‖P⊥β_t‖² = sin²θ. */
export function linearTransferRiskLimit(theta: number): number {
  return Math.sin(theta) ** 2;
}
