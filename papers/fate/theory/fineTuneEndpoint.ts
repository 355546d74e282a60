/**
 * The gradient-flow end point of fine-tuning a pretrained deep linear network (Thm 3.9 setting),
 * derived here because the paper's stated mechanism (proof of Thm 3.9, eq 142),
 *   β_ft = X⁺y + (I − P)β_s,   P = P_row(X),
 * drops the norm constraint that the conserved invariants impose. Derivation (α → 0, n < d):
 *
 * 1. After pretraining (Lemma 3.3, Thm 3.4 and Lemma B.1), the network is rank one and balanced:
 *    W_1 = β_s v_1ᵀ, W_l = v_{l−1}v_lᵀ (1 < l < L), W_L = v_{L−1}, unit v_l. Balancedness
 *    (D_l = W_lᵀW_l − W_{l+1}W_{l+1}ᵀ = α²(…) → 0, eq 35) forces every layer's singular value to 1
 *    because their product is ‖β_s‖ = 1.
 * 2. Under the empirical flow, ∇_{W_1} = −(1/n)Xᵀr (W_2⋯W_L)ᵀ and ∇_{W_l} ∝ (W_1⋯W_{l−1})ᵀ Xᵀr (…)ᵀ:
 *    starting from the rank-one chain, every gradient keeps the chain's hidden directions v_l, so
 *    W_1 = u vᵀ_1, W_l = s_l v_{l−1}v_lᵀ, W_L = s_L v_{L−1} for all time, with u(0) = β_s. The column
 *    update of W_1 lies in row(X), so (I − P)u = (I − P)β_s is frozen (eq 82, 90).
 * 3. The invariants are conserved: ‖u‖² = s_2² = … = s_L² =: s. Hence β = u · s^{(L−1)/2}.
 * 4. The flow converges to an interpolator (Thm 3.5, part 1): Xβ = y, so Pβ = X⁺y, i.e.
 *    Pu = X⁺y / s^{(L−1)/2} and (I − P)β = s^{(L−1)/2}(I − P)β_s.
 * 5. Taking norms in ‖u‖² = ‖Pu‖² + ‖(I − P)u‖²:  s = q/s^{L−1} + p, with p = ‖(I − P)β_s‖² and
 *    q = ‖X⁺y‖². So s > 0 solves  s^L − p s^{L−1} − q = 0  (unique root, in (p, ∞)), and
 *        β_ft = X⁺y + k (I − P)β_s,   k = s^{(L−1)/2}.
 *    For L = 2: k² = s, k⁴ − p k² − q = 0.
 *
 * Consequences: k = 1 exactly iff p + q = 1. In the proportional limit (γ = n/d < 1),
 * p → 1 − γ and q → γ + σ²γ/(1 − γ), so with σ = 0, k → 1 (the paper's mechanism is recovered
 * asymptotically) but with label noise k > 1: the pretrained component is over-weighted by the noise
 * the network has to fit, and eq (142) (hence eq 16) misses it. For n ≥ d, P = I and both give X⁺y.
 */

/** The root s > 0 of s^L − p s^{L−1} − q = 0 (p ≥ 0, q ≥ 0, integer L ≥ 2). */
export function fineTuneScale(p: number, q: number, L: number): number {
  if (!(p >= 0 && q >= 0 && Number.isFinite(p) && Number.isFinite(q))) throw new RangeError(`fineTuneScale: need finite p, q ≥ 0, got p = ${p}, q = ${q}`);
  if (!(Number.isInteger(L) && L >= 2)) throw new RangeError(`fineTuneScale: need integer L ≥ 2, got ${L}`);
  if (q === 0) return p;
  const f = (s: number) => s ** (L - 1) * (s - p) - q;
  // f < 0 on (0, p]; f(p + max(1, q)) ≥ 0 since there s ≥ 1 and s − p ≥ q.
  let lo = p;
  let hi = p + Math.max(1, q);
  for (let i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** k = s^{(L−1)/2}: the weight of (I − P)β_s in the fine-tuned predictor. */
export function fineTuneK(p: number, q: number, L: number): number {
  return fineTuneScale(p, q, L) ** ((L - 1) / 2);
}

/** The proportional-limit value of k: p = 1 − γ, q = γ + σ²γ/(1 − γ) (E‖X⁺ε‖² = σ² n/(d − n − 1) → σ²γ/(1 − γ)), γ < 1. */
export function fineTuneKLimit(gamma: number, sigma: number, L: number): number {
  if (!(gamma > 0 && gamma < 1)) throw new RangeError(`fineTuneKLimit: need 0 < γ < 1, got ${gamma}`);
  return fineTuneK(1 - gamma, gamma + (sigma * sigma * gamma) / (1 - gamma), L);
}

/**
 * Consequence for Thm 3.9 (derived, proportional limit, γ < 1): with β_ft = X⁺y + k(I − P)β_s,
 *   R_sc − R_ft = ‖(I − P)β_t‖² − ‖k(I − P)β_s − (I − P)β_t‖² → (1 − γ)·k·(2cos θ − k),
 * so 𝒯_ft = (1 − γ)k(2cos θ − k) for γ < 1 and 0 for γ > 1. With σ = 0 (k = 1) this is eq (17),
 * (γ − 1)(1 − 2cos θ); with noise the positive-transfer region shrinks from θ < π/3 to cos θ > k/2.
 */
export function fineTuneTransferabilityLimit(gamma: number, theta: number, sigma: number, L: number): number {
  if (gamma > 1) return 0;
  const k = fineTuneKLimit(gamma, sigma, L);
  return (1 - gamma) * k * (2 * Math.cos(theta) - k);
}

/** The proportional-limit sign boundary of the derived 𝒯_ft: cos θ_b = k/2 (θ_b = π/3 at σ = 0). */
export function fineTuneBoundaryLimit(gamma: number, sigma: number, L: number): number {
  return Math.acos(Math.min(1, fineTuneKLimit(gamma, sigma, L) / 2));
}

export interface NoisyLabelFinding {
  /** Our derived k (proportional limit), the boundary θ_b it implies and the derived 𝒯_ft at the point. */
  k: number;
  boundary: number;
  derivedTransferability: number;
  /** Whether the printed region (θ < π/3 ⇒ positive) and the derived sign disagree here. */
  signDiffers: boolean;
  text: string;
}

/**
 * Where the recorded finding fate.thm3.9/noisy-labels (and fate.eq17/signs-noisy) applies to a point of
 * eq (16)/(17): γ < 1 and σ > 0. Computed from our derived form (proportional limit, depth L), which
 * fineTuneFlow.test.ts tests draw by draw against the integrated gradient flow; null where it does not apply.
 */
export function noisyLabelFinding(gamma: number, theta: number, sigma: number | undefined, L = 2): NoisyLabelFinding | null {
  if (!(sigma !== undefined && sigma > 0 && gamma > 0 && gamma < 1)) return null;
  const k = fineTuneKLimit(gamma, sigma, L);
  const boundary = Math.acos(Math.min(1, k / 2));
  const derived = (1 - gamma) * k * (2 * Math.cos(theta) - k);
  const printedSign = Math.sign((gamma - 1) * (1 - 2 * Math.cos(theta)));
  const signDiffers = printedSign !== 0 && Math.sign(derived) !== printedSign;
  const deg = (x: number) => `${((x * 180) / Math.PI).toFixed(1)}°`;
  const text =
    `fate.thm3.9/noisy-labels: with σ > 0 the boundary is cos θ = k/2 (k = ${k.toFixed(4)} here by our derived form, proportional limit: θ_b = ${deg(boundary)}, not 60°); ` +
    `𝒯_ft ≈ (1 − γ)k(2cos θ − k) = ${derived.toFixed(4)} at this point` +
    (signDiffers ? `: this point is ${derived < 0 ? 'negative' : 'positive'} by the integrated flow, not ${printedSign > 0 ? 'positive' : 'negative'} as printed` : ' (same sign as printed)');
  return { k, boundary, derivedTransferability: derived, signDiffers, text };
}
