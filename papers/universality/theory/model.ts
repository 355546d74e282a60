/**
 * universality — Ghane, Akhtiamov, Hassibi, "Universality in Transfer Learning for Linear Models",
 * arXiv 2410.02164 (seed 004: ABSTRACT ONLY). The formulas below are OUR formalisation of the
 * abstract (Source.provenance = 'derived from the abstract'), built on standard facts: the implicit bias of
 * SGD/GD on least squares (it converges to the interpolator nearest its initialisation, in w_0 + row space of X)
 * and the risk of that interpolator under Gaussian or universal designs (deterministic equivalents).
 *
 * MODEL. x ∈ R^d, E x = 0, Cov x = Σ; y = xᵀw* + z, E z = 0, Var z = σ². Pretrained weights w_0,
 * v := w_0 − w*. Fine-tuning: SGD/GD on the square loss over n < d target samples (X ∈ R^{n×d}), from w_0.
 * Risk = excess risk R(w) = E(y − xᵀw)² − σ² = ‖w − w*‖²_Σ (pretrained: R_0 = ‖v‖²_Σ).
 *
 * (E1) SGD END POINT. Every (stochastic) gradient of the square loss is a combination of rows of X, so
 * the iterates stay in w_0 + row(X). Since rank X = n < d, Xw = y has solutions and the iterates converge
 * (step below the stability limit) to an interpolator in w_0 + row(X). That set has exactly one element:
 * if w_0 + Xᵀa and w_0 + Xᵀa' both interpolate, XXᵀ(a − a') = 0 ⇒ a = a'. It is
 *     w_ft = w_0 + Xᵀ(XXᵀ)⁻¹(y − Xw_0) = w_0 + X⁺(y − Xw_0),
 * the interpolator nearest w_0 (w_ft − w_0 ⟂ null(X), so ‖w − w_0‖² = ‖w_ft − w_0‖² + ‖w − w_ft‖² for any
 * interpolator w). Then, with P = X⁺X the projection onto row(X):
 *     w_ft − w* = (I − P) v + X⁺ z.                                                                (E1')
 *
 * (E2) EXACT ISOTROPIC GAUSSIAN RISK (finite n, d, n < d − 1). With Σ = I and X Gaussian, row(X) is a
 * uniformly random n-dimensional subspace, so E P = (n/d) I and E‖(I − P)v‖² = (1 − n/d)‖v‖². The cross
 * term vanishes (E z = 0, z ⟂ X). E‖X⁺z‖² = σ² E tr((XXᵀ)⁻¹), XXᵀ ~ Wishart_n(I, d), whose inverse has mean
 * I/(d − n − 1). Hence
 *     E R(w_ft) = ‖v‖² (1 − n/d) + σ² n/(d − n − 1).                                              (E2)
 * (Holds for any noise law with variance σ²; the design must be isotropic Gaussian.)
 *
 * (E3) GENERAL Σ, DETERMINISTIC EQUIVALENT (Hastie, Montanari, Rosset, Tibshirani 2022, "Surprises in
 * high-dimensional ridgeless least squares interpolation", Thm 3 (min-norm, deterministic signal), with
 * the signal β replaced by v = w_0 − w*, which is exact by (E1')). With eigenpairs (s_i, u_i) of Σ and
 * v_i = ⟨v, u_i⟩, let κ > 0 solve  n = Σ_i s_i/(s_i + κ)  (HMRT's c_0 is 1/(γκ), γ = d/n), and
 * df₂ = Σ_i s_i²/(s_i + κ)². Then, as n, d → ∞ with d/n → γ > 1 and bounded spectrum,
 *     B = κ² Σ_i s_i v_i²/(s_i + κ)² / (1 − df₂/n),     V = σ² df₂/(n − df₂),     R(w_ft) → B + V.   (E3)
 * Check: Σ = I gives κ = γ − 1, B = (1 − n/d)‖v‖², V = σ² n/(d − n) — the limit of (E2).
 *
 * (E4) IMPROVEMENT CONDITION. Fine-tuning beats the pretrained model iff E R(w_ft) < ‖v‖²_Σ:
 *   isotropic Gaussian, finite (exact, from E2):  ‖v‖²·n/d > σ² n/(d − n − 1)  ⇔  ‖v‖² > σ² d/(d − n − 1);
 *   general Σ, asymptotic (from E3):              Σ_i v_i² s_i [1 − κ²/((s_i + κ)²(1 − df₂/n))] > σ² df₂/(n − df₂).
 *   (limit of the isotropic case: SNR ‖v‖²/σ² > γ/(γ − 1).)
 *
 * (E5) UNIVERSALITY. (E3) depends on the design only through Σ (first and second moments); designs
 * x = Σ^{1/2}g with g iid mean 0, variance 1 (Rademacher, centred χ², uniform) have the same limits.
 *
 * (E6) CLASSIFICATION (isotropic Σ = I). Labels y = ε·sign(xᵀw*), ε = −1 with probability p (flip),
 * ‖w*‖ = 1 (only the direction matters). Fine-tuning interpolates the ±1 labels: w_ft = w_0 + X⁺(y − Xw_0).
 * Derivation: g = Xw* ~ N(0, I_n); μ := E[y g] = (1 − 2p)√(2/π); ξ := y − μ g has E ξ_i g_i = 0,
 * E ξ_i² = 1 − μ². Then y = μXw* + ξ and
 *     w_ft = μ w* + (I − P)(w_0 − μ w*) + X⁺ξ.
 * X = g w*ᵀ + X_⊥ with X_⊥ independent of (g, ξ); by Sherman–Morrison ⟨w*, X⁺ξ⟩ = gᵀW⁻¹ξ/(1 + gᵀW⁻¹g) → 0
 * (W = X_⊥X_⊥ᵀ, E gᵀξ = 0), ‖X⁺ξ‖² → (1 − μ²) n/(d − n), and E P = (n/d)I. With ψ = n/d, c_0 = ⟨w_0, w*⟩,
 * r_0² = ‖w_0‖², a = w_0 − μw*:
 *     m := ⟨w_ft, w*⟩ → μψ + (1 − ψ)c_0,
 *     q := ‖w_ft‖²   → μ² + 2μ(1 − ψ)(c_0 − μ) + (1 − ψ)‖a‖² + (1 − μ²) ψ/(1 − ψ),
 * and for Gaussian test points the error of any w is p + (1 − 2p)·arccos(⟨w, w*⟩/‖w‖)/π, so
 *     err(w_ft) → p + (1 − 2p) arccos(m/√q)/π,      err(w_0) = p + (1 − 2p) arccos(c_0/r_0)/π,
 * and fine-tuning improves iff m/√q > c_0/r_0 (p < ½). Universality: the same limits for other laws of x
 * PROVIDED w* and w_0 are delocalised (the CLT makes (xᵀw, xᵀw*) jointly Gaussian and μ = (1−2p)√(2/π)). For a
 * localised w* = e_1 and Rademacher x, μ = 1 − 2p and errors are non-Gaussian orthant probabilities, so the
 * abstract's "depends only on first and second order statistics" fails there (deviation recorded on
 * universality.classification-localised).
 *
 * (E7) FINITE-SIZE HANDLING (how the asymptotic statements are checked). At finite d the expected risk is
 * X(d) = X(∞) + c/d + O(1/d²) at fixed ψ: e.g. for the isotropic Gaussian case (E2) the variance term is
 * σ²ψ/(1 − ψ − 1/d) = σ²ψ/(1 − ψ) + σ²ψ/((1 − ψ)² d) + O(1/d²); for non-Gaussian laws the fourth-cumulant
 * corrections to resolvent traces are also O(1/d); for classification the error is a smooth function of
 * (m, q), whose O(d^{-1/2}) fluctuations bias it at O(1/d), and the orthant probability has no O(d^{-1/2})
 * Edgeworth term (it is even in (xᵀw, xᵀw*)). Hence the Richardson combination 2X(d) − X(d/2) = X(∞) + O(1/d²),
 * which the properties compare with 2·pred(d) − pred(d/2) (the predictions are evaluated on each size's own
 * instance). The plain gaps are measurably nonzero at d = 100…200 and shrink with d (see the sim tests).
 */

/** E2: exact expected excess risk of w_ft for isotropic Gaussian design, n < d − 1. */
export function isotropicRisk(v2: number, sigma2: number, n: number, d: number): number {
  if (!(n < d - 1)) throw new RangeError(`isotropicRisk needs n < d − 1 (got n = ${n}, d = ${d})`);
  return v2 * (1 - n / d) + (sigma2 * n) / (d - n - 1);
}

/** E4, isotropic Gaussian, exact: SNR threshold ‖v‖² > σ² d/(d − n − 1). */
export function isotropicImprovementThreshold(sigma2: number, n: number, d: number): number {
  return (sigma2 * d) / (d - n - 1);
}

export interface DeterministicEquivalent {
  kappa: number;
  df2: number;
  bias: number;
  variance: number;
  risk: number;
  /** Per-eigendirection bias weight: B = Σ_i weight_i v_i². */
  biasWeights: number[];
}

/** κ > 0 with Σ_i s_i/(s_i + κ) = n (needs n < #{s_i > 0}). */
export function solveKappa(spectrum: readonly number[], n: number): number {
  const rank = spectrum.filter((s) => s > 0).length;
  if (!(n > 0 && n < rank)) throw new RangeError(`the deterministic equivalent needs 0 < n < rank Σ (got n = ${n}, rank ${rank})`);
  const f = (k: number) => spectrum.reduce((acc, s) => acc + s / (s + k), 0) - n;
  let lo = 1e-300;
  let hi = 1;
  while (f(hi) > 0) hi *= 2;
  // bisection in log space (f is decreasing in κ)
  for (let i = 0; i < 400; i++) {
    const mid = Math.sqrt(Math.max(lo, 1e-300) * hi);
    if (f(mid) > 0) lo = mid;
    else hi = mid;
    if (hi / lo - 1 < 1e-15) break;
  }
  return Math.sqrt(lo * hi);
}

/** E3: deterministic equivalent of the fine-tuned excess risk; v2[i] = ⟨w_0 − w*, u_i⟩². */
export function deterministicEquivalent(spectrum: readonly number[], v2: readonly number[], sigma2: number, n: number): DeterministicEquivalent {
  if (spectrum.length !== v2.length) throw new RangeError('spectrum and v2 must have the same length');
  const kappa = solveKappa(spectrum, n);
  const df2 = spectrum.reduce((acc, s) => acc + (s * s) / ((s + kappa) * (s + kappa)), 0);
  const infl = 1 / (1 - df2 / n);
  const biasWeights = spectrum.map((s) => ((kappa * kappa * s) / ((s + kappa) * (s + kappa))) * infl);
  const bias = biasWeights.reduce((acc, w, i) => acc + w * v2[i]!, 0);
  const variance = (sigma2 * df2) / (n - df2);
  return { kappa, df2, bias, variance, risk: bias + variance, biasWeights };
}

/** E4 (general Σ, asymptotic): R_ft − R_0 from E3; negative means fine-tuning helps. */
export function improvementMargin(spectrum: readonly number[], v2: readonly number[], sigma2: number, n: number): number {
  const de = deterministicEquivalent(spectrum, v2, sigma2, n);
  const r0 = spectrum.reduce((acc, s, i) => acc + s * v2[i]!, 0);
  return de.risk - r0;
}

export interface ClassificationLimit {
  mu: number;
  m: number;
  q: number;
  errFineTuned: number;
  errPretrained: number;
}

/** E6: limits for isotropic binary classification; c0 = ⟨w_0, w*⟩, r02 = ‖w_0‖², ‖w*‖ = 1, ψ = n/d. */
export function classificationLimit(c0: number, r02: number, flip: number, psi: number): ClassificationLimit {
  if (!(psi > 0 && psi < 1)) throw new RangeError(`ψ = n/d must be in (0, 1), got ${psi}`);
  const mu = (1 - 2 * flip) * Math.sqrt(2 / Math.PI);
  const a2 = r02 - 2 * mu * c0 + mu * mu;
  const m = mu * psi + (1 - psi) * c0;
  const q = mu * mu + 2 * mu * (1 - psi) * (c0 - mu) + (1 - psi) * a2 + ((1 - mu * mu) * psi) / (1 - psi);
  const err = (cos: number) => flip + ((1 - 2 * flip) * Math.acos(Math.max(-1, Math.min(1, cos)))) / Math.PI;
  return { mu, m, q, errFineTuned: err(m / Math.sqrt(q)), errPretrained: err(c0 / Math.sqrt(r02)) };
}
