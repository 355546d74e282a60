import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { Stream } from '../../../../core/rng/stream.ts';

/**
 * The §4 student–teacher setting, drawn from explicit streams (eqs 18–20). This file never uses the
 * arc-cosine formula: every L2 quantity here is estimated on Gaussian samples.
 *
 * Choices the paper does not print (stated in every method note): teacher output weights c*_i ~ N(0, 1)
 * i.i.d.; teacher and student hidden weights uniform on S^{d−1} (normalised Gaussians).
 */
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

export function drawTeacher(rng: Stream, d: number, mstar: number, removedCount: number): Teacher {
  const W = unitRows(rng, mstar, d);
  const c = rng.normals(mstar);
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

/** Hidden activations σ(Xwᵀ), row-major n × p. */
export function reluFeatures(X: Float64Array, n: number, d: number, W: readonly Float64Array[]): Float64Array {
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
 * Least squares of y on the columns of F (n × p, row-major), minimum-norm when n < p or F is rank
 * deficient: a ridge-free solve through the eigen-decomposition of FᵀF (p ≤ n) or FFᵀ (p > n), with
 * eigenvalues below 1e-12 · max treated as zero (pseudo-inverse). Returns the coefficients.
 */
export function leastSquares(F: Float64Array, n: number, p: number, y: Float64Array): Float64Array {
  if (p <= n) {
    const G = new Float64Array(p * p);
    const r = new Float64Array(p);
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

/** Eigen-decomposition of a symmetric matrix (ml-matrix, tridiagonal QL); columns of `vectors` are eigenvectors. */
export function symEig(S: Float64Array, k: number): { values: number[]; vectors: Float64Array } {
  const M = new Matrix(k, k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) M.set(i, j, S[i * k + j]!);
  const e = new EigenvalueDecomposition(M, { assumeSymmetric: true });
  const V = e.eigenvectorMatrix;
  const vectors = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) vectors[i * k + j] = V.get(i, j);
  return { values: e.realEigenvalues, vectors };
}

/** Mean squared difference of two vectors (the Monte Carlo L2 risk on a test sample). */
export function mse(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return s / a.length;
}
