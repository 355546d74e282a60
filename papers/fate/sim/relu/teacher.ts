import { symEigFlat } from './symEig.ts';
import { kernelsModule, reluFeaturesWasm } from './kernels.ts';
import type { Stream } from '../../../../core/rng/stream.ts';
import { UNROLL_MAX, featureKernel } from './gdKernels.ts';

/**
 * The §4 student–teacher setting, drawn from explicit streams (eqs 18–20). This file never uses the
 * arc-cosine formula: every L2 quantity here is estimated on Gaussian samples.
 *
 * Choices the paper does not print (stated in every method note): the law of the teacher output weights c*_i
 * (TEACHER_LAWS below; default c*_i = 1, the law the paper's own figures point to); teacher and student hidden
 * weights uniform on S^{d−1} (normalised Gaussians).
 */

/**
 * Laws of the teacher output weights c*_i (i.i.d.), by code (a simulation parameter, so that every law replays).
 * The paper prints none. Its figures fix the scale (App. C / Fig 4, d = 100, m* = 100; computed with eq (159) over
 * 5 teachers; papers/fate/sim/relu/teacherLaw.test.ts re-checks it on 3):
 *  - Fig 4(d) plots ‖P⊥f*_t‖²/‖f*_t‖² on an axis 0–0.04 for μ ∈ [0.2, 0.8]. N(0, 1) gives 0.10 / 0.30 / 0.57 at
 *    μ = 0.2 / 0.5 / 0.8 — ten times the axis. Every law with a positive mean gives 0.003–0.008 / 0.016–0.022 /
 *    0.07–0.08 (c* = 1: 0.0034 / 0.016 / 0.071; |N(0, 1)|: 0.0053 / 0.022 / 0.083; U(0, 1): 0.0048 / 0.019 / 0.078).
 *  - Fig 4(c) plots R_sc between about 1e-2 and 1e-3 over n ∈ [100, 1000]; an untrained student (c ≈ 0) has risk
 *    ‖f*_t‖², so ‖f*_t‖² must lie above the curve. N(0, 1): ‖f*_t‖² ≈ 1/(2m*) = 5.0e-3, below the paper's risk at
 *    small n; c* = 1: 0.164; |N(0, 1)|: 0.095; U(0, 1): 0.039.
 *  - Fig 4(c) at the paper's sizes (trained as printed, teacher 1, 2 data draws; sec4Student.ts): c* = 1 gives
 *    R_sc = 1.86e-2, 9.17e-3, 3.90e-3, 1.79e-3 at n = 100, 200, 400, 800 and |N(0, 1)| 1.13e-2, 5.85e-3, 2.57e-3,
 *    1.42e-3 — both inside the figure's 1e-2…1e-3 band — while U(0, 1) gives 2.2e-3, 1.0e-3, 5.3e-4 at n = 100, 200,
 *    400: its curve runs a decade below the band. U(0, 1) is therefore tried and ruled out.
 * So N(0, 1) (this tool's law until issue 12) contradicts both panels, U(0, 1) contradicts Fig 4(c), and c* = 1 and
 * |N(0, 1)| fit both. c* = 1 (code 1) is the default — the plain mean-field teacher, the lowest Fig 4(d) curve
 * (closest to the 0.04 axis) and the highest risk in Fig 4(c)'s band; |N(0, 1)| (2) is the alternative consistent with
 * the figures (fate.sec4.scaling runs both). U(0, 1) stays selectable (3). Code 0 keeps N(0, 1) so that
 * results from before the change replay (`--teacherLaw 0`).
 */
export const TEACHER_LAWS = ['N(0, 1)', 'c* = 1', '|N(0, 1)|', 'U(0, 1)'] as const;
export const DEFAULT_TEACHER_LAW = 1;
/** The laws consistent with Fig 4(c–d) (see above). */
export const FIGURE_CONSISTENT_LAWS = [1, 2] as const;

/** Output weights c*_1..c*_k under law `law` (TEACHER_LAWS). */
export function outputWeights(rng: Stream, k: number, law: number): Float64Array {
  switch (law) {
    case 0:
      return rng.normals(k);
    case 1:
      return new Float64Array(k).fill(1);
    case 2:
      return rng.normals(k).map(Math.abs);
    case 3:
      return Float64Array.from({ length: k }, () => rng.uniform());
    default:
      throw new RangeError(`teacherLaw must be one of 0..${TEACHER_LAWS.length - 1} (${TEACHER_LAWS.join(', ')}); got ${law}`);
  }
}

export function teacherLawNote(law: number): string {
  return `teacher: w*_i uniform on S^{d−1}, c*_i ${law === 1 ? '= 1' : `~ ${TEACHER_LAWS[law]}`} (law ${law}; not printed in the paper — c* = 1 default, matched to Fig 4(c–d)), A uniform of size μm*`;
}
export interface Teacher {
  d: number;
  /** Target teacher rows w*_i ∈ S^{d−1} (m* of them). */
  W: Float64Array[];
  c: Float64Array;
  /** The removed set A (|A| = μm*), sorted. */
  removed: number[];
}

export function unitRows(rng: Stream, count: number, d: number): Float64Array[] {
  const out: Float64Array[] = [];
  for (let i = 0; i < count; i++) {
    const v = rng.normals(d);
    let s = 0;
    for (let k = 0; k < d; k++) s += v[k]! * v[k]!;
    const inv = 1 / Math.sqrt(s);
    for (let k = 0; k < d; k++) v[k] = v[k]! * inv;
    out.push(v);
  }
  return out;
}

/** A uniformly random subset of {0, …, m−1} of size k (partial Fisher–Yates), sorted. */
export function randomSubset(rng: Stream, m: number, k: number): number[] {
  const idx = Array.from({ length: m }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(m - i);
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx.slice(0, k).sort((a, b) => a - b);
}

export function drawTeacher(rng: Stream, d: number, mstar: number, removedCount: number, law: number = DEFAULT_TEACHER_LAW): Teacher {
  const W = unitRows(rng, mstar, d);
  const c = outputWeights(rng, mstar, law);
  return { d, W, c, removed: randomSubset(rng, mstar, removedCount) };
}

/** Source teacher (eq 19): kept rows and outputs, with the printed normalisation 1/((1−μ)m*). */
export function sourceTeacher(t: Teacher): { W: Float64Array[]; c: Float64Array; scale: number } {
  const r = new Set(t.removed);
  const W: Float64Array[] = [];
  const c: number[] = [];
  t.W.forEach((w, i) => {
    if (!r.has(i)) {
      W.push(w);
      c.push(t.c[i]!);
    }
  });
  return { W, c: Float64Array.from(c), scale: 1 / W.length };
}

/** Gaussian inputs, row-major n × d. */
export function gaussianInputs(rng: Stream, n: number, d: number): Float64Array {
  return rng.normals(n * d);
}

/**
 * Hidden activations σ(Xwᵀ), row-major n × p. For d ≤ UNROLL_MAX through the unrolled kernel of gdKernels.ts, which
 * gives the same values as the plain loop below (same summation order; relu.test.ts compares them).
 */
export function reluFeatures(X: Float64Array, n: number, d: number, W: readonly Float64Array[]): Float64Array {
  if (d > UNROLL_MAX) return reluFeaturesBlocked(X, n, d, W);
  // The same kernel in WebAssembly SIMD (kernels.ts reluFeaturesWasm, bit-identical) where it pays (many samples).
  const wasm = n * W.length >= 4096 ? reluFeaturesWasm(X, n, d, W) : null;
  if (wasm) return wasm;
  const p = W.length;
  const Wf = new Float64Array(p * d);
  for (let i = 0; i < p; i++) Wf.set(W[i]!.subarray(0, d), i * d);
  const out = new Float64Array(n * p);
  featureKernel(d)(X, n, Wf, p, out);
  return out;
}

/** The plain loop of reluFeatures (the reference, and the path for d > UNROLL_MAX). */
export function reluFeaturesPlain(X: Float64Array, n: number, d: number, W: readonly Float64Array[]): Float64Array {
  const p = W.length;
  const out = new Float64Array(n * p);
  for (let a = 0; a < n; a++) {
    const o = a * d;
    for (let i = 0; i < p; i++) {
      const w = W[i]!;
      let s = 0;
      for (let k = 0; k < d; k++) s += X[o + k]! * w[k]!;
      out[a * p + i] = s > 0 ? s : 0;
    }
  }
  return out;
}

/**
 * reluFeaturesPlain with four neurons per pass over an input row (d > UNROLL_MAX: the paper's d = 100, where the
 * float64 target values on 10⁴ test points cost ≈ 0.35 s per call): each x_ak is loaded once for four dot products,
 * and each dot product is still summed over k ascending from +0 — the same numbers as the plain loop bit for bit
 * (relu.test.ts), ≈ 2× faster.
 */
export function reluFeaturesBlocked(X: Float64Array, n: number, d: number, W: readonly Float64Array[]): Float64Array {
  const p = W.length;
  const Wf = new Float64Array(p * d);
  for (let i = 0; i < p; i++) Wf.set(W[i]!.subarray(0, d), i * d);
  const out = new Float64Array(n * p);
  const p4 = p - (p % 4);
  for (let a = 0; a < n; a++) {
    const o = a * d;
    const ro = a * p;
    let i = 0;
    for (; i < p4; i += 4) {
      const w0 = i * d;
      const w1 = w0 + d;
      const w2 = w1 + d;
      const w3 = w2 + d;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < d; k++) {
        const x = X[o + k]!;
        s0 += x * Wf[w0 + k]!;
        s1 += x * Wf[w1 + k]!;
        s2 += x * Wf[w2 + k]!;
        s3 += x * Wf[w3 + k]!;
      }
      out[ro + i] = s0 > 0 ? s0 : 0;
      out[ro + i + 1] = s1 > 0 ? s1 : 0;
      out[ro + i + 2] = s2 > 0 ? s2 : 0;
      out[ro + i + 3] = s3 > 0 ? s3 : 0;
    }
    for (; i < p; i++) {
      const wo = i * d;
      let s = 0;
      for (let k = 0; k < d; k++) s += X[o + k]! * Wf[wo + k]!;
      out[ro + i] = s > 0 ? s : 0;
    }
  }
  return out;
}

/** Network outputs (1/width)·Σ c_i σ(w_iᵀx) from precomputed features (scale = 1/width). */
export function outputs(F: Float64Array, n: number, c: ArrayLike<number>, scale: number): Float64Array {
  const p = c.length;
  const y = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    let s = 0;
    for (let i = 0; i < p; i++) s += F[a * p + i]! * c[i]!;
    y[a] = s * scale;
  }
  return y;
}

/** Target teacher values f*_t(x) (eq 20) on X. */
export function targetValues(t: Teacher, X: Float64Array, n: number): Float64Array {
  return outputs(reluFeatures(X, n, t.d, t.W), n, t.c, 1 / t.W.length);
}

/**
 * Target values f*_t on X and the source teacher's features σ(w*_iᵀx), i ∉ A (n × p), from one pass over the teacher's
 * m* features: the source rows are teacher rows, so their features are the same numbers (the same dot products in the
 * same order) as reluFeatures on sourceTeacher(t).W — computed once instead of twice. relu.test.ts compares both ways.
 */
export function targetAndSourceFeatures(t: Teacher, X: Float64Array, n: number): { y: Float64Array; F: Float64Array } {
  const ms = t.W.length;
  const all = reluFeatures(X, n, t.d, t.W);
  const y = outputs(all, n, t.c, 1 / ms);
  const removed = new Set(t.removed);
  const kept: number[] = [];
  for (let i = 0; i < ms; i++) if (!removed.has(i)) kept.push(i);
  const p = kept.length;
  const F = new Float64Array(n * p);
  for (let a = 0; a < n; a++) for (let j = 0; j < p; j++) F[a * p + j] = all[a * ms + kept[j]!]!;
  return { y, F };
}

/**
 * Least squares of y on the columns of F (n × p, row-major), minimum-norm when n < p or F is rank
 * deficient: a ridge-free solve through the eigen-decomposition of FᵀF (p ≤ n) or FFᵀ (p > n), with
 * eigenvalues below 1e-12 · max treated as zero (pseudo-inverse). Returns the coefficients.
 */
export function leastSquares(F: Float64Array, n: number, p: number, y: Float64Array): Float64Array {
  if (p <= n) {
    const r = new Float64Array(p);
    const G = p >= 32 ? gramWasm(F, n, p, y, r) : null;
    if (!G) return pinvApply(gramPlain(F, n, p, y, r), p, r);
    for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) G[i * p + j] = G[j * p + i]!;
    return pinvApply(G, p, r);
  }
  // p > n: c = Fᵀ (FFᵀ)⁺ y
  const H = new Float64Array(n * n);
  for (let a = 0; a < n; a++)
    for (let b = a; b < n; b++) {
      let s = 0;
      for (let i = 0; i < p; i++) s += F[a * p + i]! * F[b * p + i]!;
      H[a * n + b] = s;
      H[b * n + a] = s;
    }
  const z = pinvApply(H, n, y);
  const c = new Float64Array(p);
  for (let a = 0; a < n; a++) for (let i = 0; i < p; i++) c[i] = c[i]! + F[a * p + i]! * z[a]!;
  return c;
}

/**
 * The upper triangle of FᵀF (p × p) and r = Fᵀy, accumulated over the rows a of F in order, skipping zero features —
 * the plain loop; the lower triangle is filled by symmetry.
 */
export function gramPlain(F: Float64Array, n: number, p: number, y: Float64Array, r: Float64Array): Float64Array {
  const G = new Float64Array(p * p);
  for (let a = 0; a < n; a++) {
    const o = a * p;
    for (let i = 0; i < p; i++) {
      const fi = F[o + i]!;
      if (fi === 0) continue;
      r[i] = r[i]! + fi * y[a]!;
      for (let j = i; j < p; j++) G[i * p + j] = G[i * p + j]! + fi * F[o + j]!;
    }
  }
  for (let i = 0; i < p; i++) for (let j = 0; j < i; j++) G[i * p + j] = G[j * p + i]!;
  return G;
}

/**
 * gramPlain's upper triangle with each row update G[i, i…p) += f_i·F[a, i…p) in kernels.wat's axpy (G − (−f_i)·F, which
 * is G + f_i·F exactly: negation is exact and a − (−b) = a + b in IEEE arithmetic), two entries per f64x2 op, each
 * entry's sum over a in the same order — the same numbers bit for bit (symEig.test.ts). G lives in the module's memory
 * (the returned view). At p = 1000 features, n = 1468 (negative transfer at 3n*): ≈ 3 s → ≈ 1 s. Null without
 * WebAssembly SIMD.
 */
export function gramWasm(F: Float64Array, n: number, p: number, y: Float64Array, r: Float64Array): Float64Array | null {
  const mod = kernelsModule();
  if (!mod) return null;
  const inst = new WebAssembly.Instance(mod, {});
  const mem = inst.exports.mem as WebAssembly.Memory;
  const bytes = 8 * (p * p + p);
  const need = Math.ceil(bytes / 65536) - mem.buffer.byteLength / 65536;
  if (need > 0) mem.grow(need);
  const axpy = inst.exports.axpy as (v: number, d: number, len: number, g: number) => void;
  const G = new Float64Array(mem.buffer, 0, p * p);
  const row = new Float64Array(mem.buffer, 8 * p * p, p);
  const rowB = 8 * p * p;
  for (let a = 0; a < n; a++) {
    const o = a * p;
    row.set(F.subarray(o, o + p));
    for (let i = 0; i < p; i++) {
      const fi = row[i]!;
      if (fi === 0) continue;
      r[i] = r[i]! + fi * y[a]!;
      axpy(8 * (i * p + i), rowB + 8 * i, p - i, -fi);
    }
  }
  return G;
}

/** (S)⁺ r for a symmetric PSD S (k × k) by Jacobi eigen-decomposition (float64, k ≤ a few hundred). */
export function pinvApply(S: Float64Array, k: number, r: ArrayLike<number>): Float64Array {
  const { values, vectors } = symEig(S, k);
  const max = Math.max(...values.map(Math.abs), 0);
  const out = new Float64Array(k);
  for (let q = 0; q < k; q++) {
    const lam = values[q]!;
    if (!(lam > 1e-12 * max)) continue;
    let proj = 0;
    for (let i = 0; i < k; i++) proj += vectors[i * k + q]! * r[i]!;
    const s = proj / lam;
    for (let i = 0; i < k; i++) out[i] = out[i]! + s * vectors[i * k + q]!;
  }
  return out;
}

/**
 * Eigen-decomposition of a symmetric matrix (tridiagonal QL); columns of `vectors` are eigenvectors. symEig.ts's flat
 * transcription of ml-matrix's EigenvalueDecomposition: the same numbers bit for bit (symEig.test.ts), ≈ 3× faster at k = 1000.
 */
export function symEig(S: Float64Array, k: number): { values: number[]; vectors: Float64Array } {
  const e = symEigFlat(S, k);
  return { values: Array.from(e.values), vectors: e.vectors };
}

/** Mean squared difference of two vectors (the Monte Carlo L2 risk on a test sample). */
export function mse(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return s / a.length;
}
