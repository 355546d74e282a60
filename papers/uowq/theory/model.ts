/**
 * uowq — Zhang et al., "Unified Optimization of Source Weights and Transfer Quantities in Multi-Source
 * Transfer Learning: An Asymptotic Framework", arXiv 2601.10779 (seed 003: ABSTRACT ONLY).
 *
 * The paper's model is not in the source; everything below is OUR formalisation of the abstract
 * (Source.provenance = 'derived from the abstract'). It is the standard model that fits it.
 *
 * MODEL. Tasks k = 0..K; k = 0 is the target. Task k has a parametric conditional model P_{Y|X;θ}
 * with true parameter θ_k = θ_0 + δ_k (δ_0 = 0), N_k available samples of which n_k ≤ N_k are used.
 * Weights α ∈ simplex (Σ_k α_k = 1, α_k ≥ 0). The estimate is the weighted maximum-likelihood
 *
 *     θ̂ = argmax_θ Σ_k (α_k / n_k) Σ_{i ≤ n_k} log p(y_ki | x_ki; θ).
 *
 * Error: L(θ̂) = E_x D_KL(P_{Y|X;θ_0} ‖ P_{Y|X;θ̂}) = ½(θ̂ − θ_0)ᵀ J (θ̂ − θ_0) + O(‖θ̂ − θ_0‖³),
 * J the Fisher information of the target at θ_0 (exact equality for Gaussian regression with known
 * noise, where J = Σ_x/σ²).
 *
 * DERIVATION of the asymptotic expected error (eq U1).
 * Regime: local alternatives — δ_k = O(N^{-1/2}), n_k = ρ_k N with N → ∞, d and K fixed; all tasks
 * share the Fisher information J (it differs between tasks by O(‖δ‖) = O(N^{-1/2}), a higher-order
 * effect). Write s_k(θ) = ∇ log p for one sample of task k, ℓ(θ) = Σ_k (α_k/n_k) Σ_i s_ki(θ).
 *  1. Population maximiser θ*: Σ_k α_k E_k s(θ*) = 0. Expanding E_k s(θ) = J(θ_k − θ) + O(‖·‖²)
 *     gives θ* = Σ_k α_k θ_k = θ_0 + b,  b := Σ_k α_k δ_k   (exact for Gaussian linear regression
 *     with a shared design law, where E_k s(θ) = Σ_x(θ_k − θ)/σ²).
 *  2. One Newton step from θ*: θ̂ − θ* = H⁻¹ ℓ(θ*) + O_p(N⁻¹) with H = Σ_k α_k J_k → J.
 *     ℓ(θ*) is a sum of independent mean-≈0 terms, Cov ℓ(θ*) = Σ_k (α_k²/n_k) J_k + O(‖δ‖²/n) → (Σ_k α_k²/n_k) J.
 *     Hence Cov θ̂ ≈ (Σ_k α_k²/n_k) J⁻¹ (sandwich H⁻¹ Cov H⁻¹ with H = J).
 *  3. E[½(θ̂−θ_0)ᵀJ(θ̂−θ_0)] = ½[bᵀJb + tr(J Cov θ̂)] + o(N⁻¹)
 *
 *        E(α, n) = ½ [ (Σ_k α_k δ_k)ᵀ J (Σ_k α_k δ_k) + d Σ_k α_k² / n_k ]           (U1)
 *
 *     = ½ αᵀ Q α with Q = G + d·diag(1/n_k), G_jk = δ_jᵀ J δ_k  (row/column 0 of G are zero).
 * Where it is asymptotic: the random-design Gram matrices (linear regression: n·E[(XᵀX)⁻¹] = Σ_x⁻¹·n/(n−d−1)),
 * the Newton remainder, the misspecification part of Cov ℓ and the cubic KL remainder are all
 * o(N⁻¹) relative to (U1)'s O(N⁻¹) — relative corrections are O(d/N) (random design, misspecification
 * variance ∝ ‖δ‖² = O(1/N)) and, for non-Gaussian models with b ≠ 0, O(N^{-1/2}) (cubic KL remainder
 * T(b, ε, ε), MLE bias O(1/N) times b). For the Gaussian location model (design = identity) U1 is exact at
 * every n. Outside the local regime (δ fixed as N → ∞) the score x(xᵀu + ε)/σ² of task k at θ*
 * (u = δ_k − b) has covariance (E[x xᵀ(xᵀu)²] − Σ_x u uᵀΣ_x + σ²Σ_x)/σ⁴ = ((uᵀΣ_x u)Σ_x + Σ_x u uᵀΣ_x + σ²Σ_x)/σ⁴
 * for Gaussian x ~ N(0, Σ_x), so E(α, n) gains ½ Σ_k (α_k²/n_k)(d + 1)‖δ_k − b‖²_{Σ_x}/σ² — O(N⁻²) in the
 * local regime, O(N⁻¹) otherwise (verified by simulation in sim/uowq/core.test.ts).
 *
 * SINGLE SOURCE (eq U2). K = 1, α = (1 − a, a), D = δᵀJδ:
 *   2E(a) = a²D + d[(1−a)²/n_0 + a²/n_1];  dE/da = 0 ⇒  a* = (d/n_0) / (D + d/n_0 + d/n_1) ∈ (0, 1).
 *
 * MULTI SOURCE (eq U3). min_α ½αᵀQα on the simplex: Q is positive definite (G ⪰ 0, d/n_k > 0), so the
 * program is strictly convex with a unique minimiser; KKT: Qα = λ1 + μ, μ ≥ 0, μ_k α_k = 0.
 *
 * ALL SAMPLES (eq U4). For each fixed α, E(α, n) is non-increasing in every n_k (only the term
 * d α_k²/n_k depends on n_k). Hence E*(n) := min_α E(α, n) is non-increasing in every n_k
 * (a pointwise minimum of non-increasing functions), so n = N is optimal once α is optimised.
 * Strictly: if α*_k(n) > 0 then E*(n) > E*(n with n_k raised).
 *
 * UNIFORM PER-SAMPLE WEIGHTING (eq U5). α_k = n_k / Σ_j n_j (naive pooling). Then Σ α_k²/n_k = 1/S,
 * S = Σ n_j. Single source, m = n_1, s = n_0 + m, D = δᵀJδ:
 *   2E_u(m) = m²D/s² + d/s,   d(2E_u)/dm = [2 D n_0 m / s − d] / s²,
 * so E_u decreases for m < m* and increases after, m* = d n_0 / (2 D n_0 − d) when 2Dn_0 > d
 * (an INTERIOR optimal quantity when m* < N_1; otherwise E_u decreases in m and m = N_1 is best).
 * Negative transfer E_u(m) > E_u(0) = d/(2n_0)  ⇔  m(Dn_0 − d) > d n_0  ⇔  Dn_0 > d and m > d n_0/(D n_0 − d).
 */

export type Vec = readonly number[];
export type Mat = readonly (readonly number[])[];

export interface UowqInstance {
  /** Parameter dimension d. */
  d: number;
  /** Fisher information of the target at θ_0 (d × d, symmetric positive definite). */
  J: Mat;
  /** Source shifts δ_1..δ_K (each of length d); δ_0 = 0 is implicit. */
  deltas: readonly Vec[];
}

export function quadForm(J: Mat, u: Vec, v: Vec = u): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) {
    let r = 0;
    for (let j = 0; j < v.length; j++) r += J[i]![j]! * v[j]!;
    s += u[i]! * r;
  }
  return s;
}

/** G_jk = δ_jᵀ J δ_k for j, k = 0..K (δ_0 = 0). */
export function shiftGram(inst: UowqInstance): number[][] {
  const K = inst.deltas.length;
  const G = Array.from({ length: K + 1 }, () => new Array<number>(K + 1).fill(0));
  for (let j = 1; j <= K; j++) for (let k = 1; k <= K; k++) G[j]![k] = quadForm(inst.J, inst.deltas[j - 1]!, inst.deltas[k - 1]!);
  return G;
}

/** Q = G + d·diag(1/n_k): E(α, n) = ½ αᵀQα (eq U1). */
export function errorMatrix(inst: UowqInstance, n: Vec): number[][] {
  checkLengths(inst, n, 'n');
  const Q = shiftGram(inst);
  for (let k = 0; k < n.length; k++) Q[k]![k]! += inst.d / n[k]!;
  return Q;
}

/** Asymptotic expected KL error (eq U1). */
export function asymptoticError(inst: UowqInstance, alpha: Vec, n: Vec): number {
  checkLengths(inst, alpha, 'alpha');
  const Q = errorMatrix(inst, n);
  return 0.5 * quadForm(Q, alpha);
}

/** The bias–variance split of eq U1. */
export function errorParts(inst: UowqInstance, alpha: Vec, n: Vec): { bias: number; variance: number } {
  const b = new Array<number>(inst.d).fill(0);
  inst.deltas.forEach((dk, k) => dk.forEach((x, i) => (b[i]! += alpha[k + 1]! * x)));
  let v = 0;
  for (let k = 0; k < n.length; k++) v += (alpha[k]! * alpha[k]!) / n[k]!;
  return { bias: 0.5 * quadForm(inst.J, b), variance: 0.5 * inst.d * v };
}

/** Eq U2: optimal source weight a* for one source, D = δᵀJδ. */
export function singleSourceWeight(D: number, d: number, n0: number, n1: number): number {
  return d / n0 / (D + d / n0 + d / n1);
}

/** Eq U5 with α ∝ n: the uniform-weighting error (single or multiple sources). */
export function uniformWeights(n: Vec): number[] {
  const s = n.reduce((a, b) => a + b, 0);
  return n.map((x) => x / s);
}

/** Eq U5: interior optimal source quantity under uniform weighting (single source), or null when none. */
export function uniformOptimalQuantity(D: number, d: number, n0: number): number | null {
  return 2 * D * n0 > d ? (d * n0) / (2 * D * n0 - d) : null;
}

/** Eq U5: smallest source quantity beyond which naive pooling transfers negatively, or null (never). */
export function negativeTransferThreshold(D: number, d: number, n0: number): number | null {
  return D * n0 > d ? (d * n0) / (D * n0 - d) : null;
}

function checkLengths(inst: UowqInstance, v: Vec, what: string): void {
  if (v.length !== inst.deltas.length + 1) throw new RangeError(`${what} must have K + 1 = ${inst.deltas.length + 1} entries, got ${v.length}`);
}
