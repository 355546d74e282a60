import { InputError } from '../../../core/params.ts';
import { solveDense } from '../../../core/linalg/solve.ts';

/**
 * fate §4 and appendix C: linear transfer in two-layer ReLU networks, pure float64, no randomness.
 *
 * Model (eq 18 / 145): f(x) = (1/m) Σ_i c_i σ(w_iᵀx), σ = ReLU, w_i ∈ S^{d−1}, x ~ N(0, I_d).
 * Teacher (eqs 19–20 / 146): f*_t = (1/m*) Σ_i c*_i σ(w*_iᵀx); f*_s = (1/((1−μ)m*)) Σ_{i∉A} c*_i σ(w*_iᵀx).
 *
 * Weight matrices are row-major: W[i] is the i-th neuron's weight vector (any norm; the kernel below
 * is homogeneous, ⟨σ(aᵀx)σ(bᵀx)⟩ = ‖a‖‖b‖ κ(u)).
 */

export type Rows = readonly (ArrayLike<number>)[];

/**
 * Eq (153) (Cho & Saul 2009, arc-cosine kernel of degree 1) for unit weight vectors:
 *   κ(u) = ⟨σ(w_iᵀx)σ(w_jᵀx)⟩_{L2} = (1/2π)(√(1−u²) + u(π − arccos u)),  u = cos∠(w_i, w_j).
 * κ(1) = 1/2 = E[σ(z)²], κ(0) = 1/(2π) = (E σ(z))², κ(−1) = 0.
 */
export function arcCosKernel(u: number): number {
  if (!(u >= -1 - 1e-12 && u <= 1 + 1e-12)) throw new InputError(`arcCosKernel: u (cosine of the angle between w_i and w_j) must be in [−1, 1]; got ${u}`);
  const v = Math.max(-1, Math.min(1, u));
  return (Math.sqrt(Math.max(0, 1 - v * v)) + v * (Math.PI - Math.acos(v))) / (2 * Math.PI);
}

/** ⟨σ(aᵀx)σ(bᵀx)⟩ for arbitrary (non-zero) a, b: ‖a‖‖b‖ κ(cos∠(a, b)). */
export function reluOverlap(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new InputError(`reluOverlap: weight vectors must have the same dimension d; got ${a.length} and ${b.length}`);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let k = 0; k < a.length; k++) {
    ab += a[k]! * b[k]!;
    aa += a[k]! * a[k]!;
    bb += b[k]! * b[k]!;
  }
  const na = Math.sqrt(aa);
  const nb = Math.sqrt(bb);
  if (na === 0 || nb === 0) return 0;
  return na * nb * arcCosKernel(Math.max(-1, Math.min(1, ab / (na * nb))));
}

/** The unnormalised overlap matrix G_ij = ⟨σ(a_iᵀx)σ(b_jᵀx)⟩ (rows of A × rows of B), row-major. */
export function overlapMatrix(A: Rows, B: Rows): Float64Array {
  const out = new Float64Array(A.length * B.length);
  for (let i = 0; i < A.length; i++) for (let j = 0; j < B.length; j++) out[i * B.length + j] = reluOverlap(A[i]!, B[j]!);
  return out;
}

/** Eqs (154–156): K = G/m, K* = G* · (1/m*), K̃ = G̃ · (1/√(m m*)) (row-major; K̃ is m × m*). */
export function gramMatrices(W: Rows, Wstar: Rows): { K: Float64Array; Kstar: Float64Array; Ktilde: Float64Array; m: number; mstar: number } {
  const m = W.length;
  const ms = Wstar.length;
  if (m < 1 || ms < 1) throw new InputError(`gramMatrices: need m ≥ 1 student and m* ≥ 1 teacher neurons; got m = ${m}, m* = ${ms}`);
  const K = overlapMatrix(W, W).map((v) => v / m);
  const Kstar = overlapMatrix(Wstar, Wstar).map((v) => v / ms);
  const Ktilde = overlapMatrix(W, Wstar).map((v) => v / Math.sqrt(m * ms));
  return { K, Kstar, Ktilde, m, mstar: ms };
}

/** ‖f‖²_{L2} of f = (1/m) Σ c_i σ(w_iᵀx) (eq 159's first term, (1/m*) c*ᵀK*c* for the teacher). */
export function networkNorm2(W: Rows, c: ArrayLike<number>): number {
  checkOutputs(W, c, 'networkNorm2');
  const m = W.length;
  let s = 0;
  for (let i = 0; i < m; i++) {
    s += c[i]! * c[i]! * reluOverlap(W[i]!, W[i]!);
    for (let j = i + 1; j < m; j++) s += 2 * c[i]! * c[j]! * reluOverlap(W[i]!, W[j]!);
  }
  return s / (m * m);
}

export interface Projection {
  /** ‖P⊥ f*‖²_{L2}: the part of the target outside span{σ(w_iᵀx)} (eq 159). */
  perp: number;
  /** ‖P f*‖²_{L2} (eq 158). */
  parallel: number;
  /** ‖f*‖²_{L2}. */
  norm2: number;
  /** Features kept by the pivoted elimination (numerical rank of K at the tolerance). */
  rank: number;
  tol: number;
}

/**
 * Eq (159), evaluated stably. K is ill-conditioned when neurons nearly coincide (pretrained students
 * condense onto the teacher's directions), so K⁻¹ is never formed. Instead a diagonally pivoted Cholesky
 * (Gram–Schmidt in L2 through the Gram matrix) of the joint Gram matrix [G, b; bᵀ, ‖f*‖²] eliminates the
 * features one at a time, largest remaining L2 norm first; ‖P⊥f*‖² is the Schur complement, downdated
 * after each step (so it stays ≥ 0 up to round-off and never suffers the cancellation of the printed
 * difference). A feature whose remaining squared norm is ≤ tol · max_i G_ii is numerically inside the
 * span already and is dropped (a pseudo-inverse at relative tolerance tol).
 */
export function projectOntoFeatures(W: Rows, Wstar: Rows, cstar: ArrayLike<number>, tol = 1e-12): Projection {
  checkOutputs(Wstar, cstar, 'projectOntoFeatures');
  if (W.length < 1) throw new InputError('projectOntoFeatures: need at least one feature (m ≥ 1)');
  if (!(tol > 0 && tol < 1)) throw new InputError(`projectOntoFeatures: tol (relative pivot tolerance) must be in (0, 1); got ${tol}`);
  const p = W.length;
  const ms = Wstar.length;
  const G = overlapMatrix(W, W);
  // b_i = ⟨σ(w_iᵀx), f*⟩ = (1/m*) Σ_j c*_j G̃_ij
  const Gt = overlapMatrix(W, Wstar);
  const b = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = 0;
    for (let j = 0; j < ms; j++) s += Gt[i * ms + j]! * cstar[j]!;
    b[i] = s / ms;
  }
  const norm2 = networkNorm2(Wstar, cstar);
  return schurResidual(G, b, norm2, p, tol);
}

/** The pivoted elimination behind projectOntoFeatures, on a given Gram matrix G (p × p), b and ‖f‖². */
export function schurResidual(G: Float64Array, b: Float64Array, norm2: number, p: number, tol = 1e-12): Projection {
  const diag = new Float64Array(p);
  let maxDiag = 0;
  for (let i = 0; i < p; i++) {
    diag[i] = G[i * p + i]!;
    maxDiag = Math.max(maxDiag, diag[i]!);
  }
  const cols: Float64Array[] = [];
  const fcol: number[] = [];
  const used = new Uint8Array(p);
  let perp = norm2;
  let rank = 0;
  for (let k = 0; k < p; k++) {
    let piv = -1;
    let best = tol * maxDiag;
    for (let i = 0; i < p; i++) if (!used[i] && diag[i]! > best) { best = diag[i]!; piv = i; }
    if (piv < 0) break;
    used[piv] = 1;
    const s = Math.sqrt(diag[piv]!);
    const col = new Float64Array(p);
    for (let i = 0; i < p; i++) {
      if (used[i] && i !== piv) continue;
      let v = G[i * p + piv]!;
      for (let q = 0; q < cols.length; q++) v -= cols[q]![i]! * cols[q]![piv]!;
      col[i] = v / s;
    }
    let fv = b[piv]!;
    for (let q = 0; q < cols.length; q++) fv -= fcol[q]! * cols[q]![piv]!;
    fv /= s;
    for (let i = 0; i < p; i++) if (!used[i]) diag[i] = diag[i]! - col[i]! * col[i]!;
    cols.push(col);
    fcol.push(fv);
    perp -= fv * fv;
    rank++;
  }
  return { perp: Math.max(perp, 0), parallel: norm2 - Math.max(perp, 0), norm2, rank, tol };
}

/**
 * Eq (159) exactly as printed: (1/m*) c*ᵀK*c* − (1/m*) c*ᵀK̃ᵀK⁻¹K̃c*, with K⁻¹K̃c* by Gaussian elimination
 * with partial pivoting. Only for well-conditioned K (the tests compare it with the stable form there).
 */
export function perpPrinted(W: Rows, Wstar: Rows, cstar: ArrayLike<number>): number {
  checkOutputs(Wstar, cstar, 'perpPrinted');
  const { K, Kstar, Ktilde, m, mstar } = gramMatrices(W, Wstar);
  const kc = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < mstar; j++) s += Ktilde[i * mstar + j]! * cstar[j]!;
    kc[i] = s;
  }
  const z = solveDense(K, m, kc);
  let first = 0;
  for (let i = 0; i < mstar; i++) for (let j = 0; j < mstar; j++) first += cstar[i]! * Kstar[i * mstar + j]! * cstar[j]!;
  let second = 0;
  for (let i = 0; i < m; i++) second += kc[i]! * z[i]!;
  return (first - second) / mstar;
}

/** The source teacher's features: the target teacher's rows with the removed set A left out (eq 19). */
export function keptRows(Wstar: Rows, removed: ReadonlySet<number> | readonly number[]): ArrayLike<number>[] {
  const r = removed instanceof Set ? removed : new Set(removed as readonly number[]);
  return Wstar.filter((_, i) => !r.has(i));
}

/**
 * Normalised ‖P⊥ f*_t‖² / ‖f*_t‖² when the pretrained kernel equals the source teacher's (the
 * idealisation of Fig 4a–b): the RKHS is span{σ(w*_iᵀx) : i ∉ A}. Its complement part of f*_t is the
 * removed neurons' contribution minus its projection onto the kept ones (a Schur complement).
 */
export function perpForAblation(Wstar: Rows, cstar: ArrayLike<number>, removed: readonly number[], tol = 1e-12): Projection & { relative: number } {
  checkOutputs(Wstar, cstar, 'perpForAblation');
  const ms = Wstar.length;
  for (const i of removed) if (!Number.isInteger(i) || i < 0 || i >= ms) throw new InputError(`perpForAblation: removed index ${i} must be an integer in [0, m* − 1 = ${ms - 1}]`);
  if (new Set(removed).size >= ms) throw new InputError(`perpForAblation: μ (fraction removed) must leave at least one neuron; removed ${new Set(removed).size} of ${ms}`);
  const kept = keptRows(Wstar, removed);
  const pr = projectOntoFeatures(kept, Wstar, cstar, tol);
  return { ...pr, relative: pr.norm2 > 0 ? pr.perp / pr.norm2 : 0 };
}

/** Number of removed neurons |A| = μ m*, which must be an integer in [0, m* − 1]. */
export function removedCount(mu: number, mstar: number): number {
  if (!(Number.isInteger(mstar) && mstar >= 1)) throw new InputError(`mstar (m*, teacher width) must be an integer ≥ 1; got ${mstar}`);
  if (!(mu >= 0 && mu < 1)) throw new InputError(`mu (μ, fraction of teacher neurons removed from the source) must be in [0, 1); got ${mu}`);
  const k = Math.round(mu * mstar);
  if (Math.abs(k - mu * mstar) > 1e-9) throw new InputError(`mu (μ) · mstar (m*) must be an integer (|A| = μm*); got ${mu} · ${mstar} = ${mu * mstar}`);
  return k;
}

/**
 * §4's negative-transfer heuristic: with the scratch risk A·n^(−ν) (empirical power law) and the
 * transferred risk ≈ ‖P⊥f*_t‖² (eq 21 with C(n) neglected), transfer turns negative at
 *   n* = (A / ‖P⊥f*_t‖²)^{1/ν};  predicted 𝒯 > 0 for n < n*, 𝒯 < 0 for n > n*.
 */
export function negativeTransferPoint(A: number, nu: number, perp: number): number {
  if (!(A > 0)) throw new InputError(`negativeTransferPoint: A (power-law prefactor) must be > 0; got ${A}`);
  if (!(nu > 0)) throw new InputError(`negativeTransferPoint: nu (ν, power-law exponent) must be > 0; got ${nu}`);
  if (!(perp >= 0)) throw new InputError(`negativeTransferPoint: ‖P⊥f*‖² must be ≥ 0; got ${perp}`);
  return perp === 0 ? Infinity : Math.pow(A / perp, 1 / nu);
}

/** The paper's empirical exponent of the scratch risk (Fig 4c). */
export const NU_PAPER = 1.18;

function checkOutputs(W: Rows, c: ArrayLike<number>, where: string): void {
  if (W.length !== c.length) throw new InputError(`${where}: the output weights c must have one entry per neuron; got ${c.length} for ${W.length} neurons`);
  const d = W[0]?.length ?? 0;
  for (const w of W) if (w.length !== d) throw new InputError(`${where}: all weight vectors must have the same dimension d = ${d}`);
}
