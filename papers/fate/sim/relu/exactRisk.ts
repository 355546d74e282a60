import type { Student } from './train.ts';
import type { Teacher } from './teacher.ts';

/**
 * The scratch student's L2 risk ‖f − f*_t‖² = E_x (f(x) − f*_t(x))², x ~ N(0, I_d), evaluated exactly instead of by
 * Monte Carlo on test points. f = (1/m) Σ_i c_i σ(w_iᵀx) and f*_t = (1/m*) Σ_j c*_j σ(w*_jᵀx) are sums of ReLUs of unit
 * vectors (the student's rows are renormalised after every step, the teacher's drawn unit), so the risk is the
 * quadratic form of the arc-cosine kernel over the m + m* neurons:
 *   R = (1/m²) Σ_ij c_i c_j κ(w_iᵀw_j) − (2/(m m*)) Σ_ij c_i c*_j κ(w_iᵀw*_j) + (1/m*²) Σ_ij c*_i c*_j κ(w*_iᵀw*_j),
 * κ(u) = (√(1 − u²) + u(π − arccos u))/(2π) — the kernel train.ts already uses for the exact population loss of
 * pretraining, re-derived there and validated against Monte Carlo by fate.sec4.arccos/mc. It is not the formula the
 * checks that use this risk are compared with (fate.sec4.scaling: the printed exponent ν = 1.18).
 *
 * Why: at the paper's sizes the Monte-Carlo risk on 10⁴ test points (float64 teacher features, a float32 GEMM over the
 * 1000 student neurons, the neuron sum) cost ≈ 0.35 s per n, ≈ 20 % of a scaling fit; this costs ≈ 0.05 s (float64, the
 * m² / 2 cosines four rows at a time) and removes the test sample's Monte-Carlo error (≈ 1–2 % of R_sc per n) from the
 * fitted exponent. exactRisk.test.ts checks it against the Monte-Carlo risk on many test points.
 */
export function exactRisk(st: Student, t: Teacher): number {
  const m = st.W.length;
  const ms = t.W.length;
  const d = t.d;
  const Ws = flat(st.W, d);
  const Wt = flat(t.W, d);
  const ff = selfSum(Ws, st.c, m, d);
  const gg = selfSum(Wt, t.c, ms, d);
  let fg = 0;
  for (let i = 0; i < m; i++) fg += st.c[i]! * rowSum(Ws, i * d, Wt, 0, ms, t.c, d);
  return ff / (m * m) - (2 * fg) / (m * ms) + gg / (ms * ms);
}

function kappa(u: number): number {
  const v = u > 1 ? 1 : u < -1 ? -1 : u;
  return (Math.sqrt(1 - v * v) + v * (Math.PI - Math.acos(v))) / (2 * Math.PI);
}

function flat(W: readonly Float64Array[], d: number): Float64Array {
  const out = new Float64Array(W.length * d);
  for (let i = 0; i < W.length; i++) out.set(W[i]!.subarray(0, d), i * d);
  return out;
}

/** Σ_ij c_i c_j κ(w_iᵀw_j) over unit rows: the diagonal κ(1) = ½, each unordered pair twice. */
function selfSum(W: Float64Array, c: ArrayLike<number>, m: number, d: number): number {
  let diag = 0;
  for (let i = 0; i < m; i++) diag += c[i]! * c[i]!;
  let off = 0;
  for (let i = 0; i < m - 1; i++) off += c[i]! * rowSum(W, i * d, W, i + 1, m, c, d);
  return 0.5 * diag + 2 * off;
}

/** Σ_{j = j0}^{j1 − 1} c_j κ(aᵀb_j) for the row a at A[ao …] and the rows b_j of B, four rows b_j per pass over a. */
function rowSum(A: Float64Array, ao: number, B: Float64Array, j0: number, j1: number, c: ArrayLike<number>, d: number): number {
  let s = 0;
  let j = j0;
  for (; j + 4 <= j1; j += 4) {
    const b0 = j * d;
    const b1 = b0 + d;
    const b2 = b1 + d;
    const b3 = b2 + d;
    let u0 = 0;
    let u1 = 0;
    let u2 = 0;
    let u3 = 0;
    for (let k = 0; k < d; k++) {
      const x = A[ao + k]!;
      u0 += x * B[b0 + k]!;
      u1 += x * B[b1 + k]!;
      u2 += x * B[b2 + k]!;
      u3 += x * B[b3 + k]!;
    }
    s += c[j]! * kappa(u0) + c[j + 1]! * kappa(u1) + c[j + 2]! * kappa(u2) + c[j + 3]! * kappa(u3);
  }
  for (; j < j1; j++) {
    const bo = j * d;
    let u = 0;
    for (let k = 0; k < d; k++) u += A[ao + k]! * B[bo + k]!;
    s += c[j]! * kappa(u);
  }
  return s;
}
