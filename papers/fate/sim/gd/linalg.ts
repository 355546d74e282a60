/**
 * Small dense kernels on row-major Float64Arrays for the deep-linear GD simulator (d ≤ 64, n ≤ a few
 * hundred). Plain loops: at these sizes they beat ml-matrix's object overhead by a wide margin, and
 * the GD inner loop calls them ~10⁴ times per fit. ml-matrix is used only for one-off
 * decompositions (SVD, symmetric eigenvalues) outside the loop.
 */
import { EigenvalueDecomposition, Matrix, SingularValueDecomposition } from 'ml-matrix';
import { dot } from '../../../../core/linalg/vector.ts';
import type { Stream } from '../../../../core/rng/stream.ts';

// Cholesky, its solve, dot and A Aᵀ are core/linalg's (one implementation); re-exported here under the
// old names so that this folder's callers keep compiling while they move to core imports.
export { cholesky } from '../../../../core/linalg/cholesky.ts';
export { gramRows } from '../../../../core/linalg/dense.ts';
export { cholSolve } from '../../../../core/linalg/triangular.ts';
export { dot };

export function norm2(a: Float64Array): number {
  return dot(a, a);
}

export function norm(a: Float64Array): number {
  return Math.sqrt(dot(a, a));
}

/** out = A v, A is rows×cols row-major. */
export function matVec(A: Float64Array, rows: number, cols: number, v: Float64Array, out: Float64Array = new Float64Array(rows)): Float64Array {
  for (let i = 0; i < rows; i++) {
    let s = 0;
    const o = i * cols;
    for (let j = 0; j < cols; j++) s += A[o + j]! * v[j]!;
    out[i] = s;
  }
  return out;
}

/** out = Aᵀ v, A is rows×cols row-major. */
export function matTVec(A: Float64Array, rows: number, cols: number, v: Float64Array, out: Float64Array = new Float64Array(cols)): Float64Array {
  out.fill(0);
  for (let i = 0; i < rows; i++) {
    const vi = v[i]!;
    if (vi === 0) continue;
    const o = i * cols;
    for (let j = 0; j < cols; j++) out[j] += A[o + j]! * vi;
  }
  return out;
}

/** A += s · a bᵀ (rank-one update), A is a.length × b.length row-major. */
export function addOuter(A: Float64Array, s: number, a: Float64Array, b: Float64Array): void {
  const cols = b.length;
  for (let i = 0; i < a.length; i++) {
    const ai = s * a[i]!;
    if (ai === 0) continue;
    const o = i * cols;
    for (let j = 0; j < cols; j++) A[o + j] += ai * b[j]!;
  }
}

/** C = A B with A r×k, B k×c (row-major). */
export function matMul(A: Float64Array, B: Float64Array, r: number, k: number, c: number): Float64Array {
  const C = new Float64Array(r * c);
  for (let i = 0; i < r; i++) {
    for (let t = 0; t < k; t++) {
      const a = A[i * k + t]!;
      if (a === 0) continue;
      const bo = t * c;
      const co = i * c;
      for (let j = 0; j < c; j++) C[co + j] += a * B[bo + j]!;
    }
  }
  return C;
}

/** Aᵀ A (cols×cols) for A rows×cols. */
export function gramCols(A: Float64Array, rows: number, cols: number): Float64Array {
  const G = new Float64Array(cols * cols);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let p = 0; p < cols; p++) {
      const a = A[o + p]!;
      if (a === 0) continue;
      for (let q = p; q < cols; q++) G[p * cols + q] += a * A[o + q]!;
    }
  }
  for (let p = 0; p < cols; p++) for (let q = 0; q < p; q++) G[p * cols + q] = G[q * cols + p]!;
  return G;
}

/** Haar-random orthogonal d×d matrix: modified Gram–Schmidt (applied twice) on a Gaussian matrix. */
export function randomOrthogonal(d: number, rng: Stream): Float64Array {
  const Q = rng.normals(d * d); // rows are the vectors being orthonormalised
  for (let i = 0; i < d; i++) {
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < i; k++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += Q[i * d + j]! * Q[k * d + j]!;
        for (let j = 0; j < d; j++) Q[i * d + j] -= s * Q[k * d + j]!;
      }
    }
    let nn = 0;
    for (let j = 0; j < d; j++) nn += Q[i * d + j]! ** 2;
    const inv = 1 / Math.sqrt(nn);
    for (let j = 0; j < d; j++) Q[i * d + j] *= inv;
  }
  return Q;
}

export function randomUnit(d: number, rng: Stream): Float64Array {
  const v = rng.normals(d);
  const s = 1 / norm(v);
  for (let i = 0; i < d; i++) v[i] *= s;
  return v;
}

export function toMatrix(A: Float64Array, rows: number, cols: number): Matrix {
  const M = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) M.set(i, j, A[i * cols + j]!);
  return M;
}

/** Smallest eigenvalue of a symmetric matrix. */
export function minEigSym(S: Float64Array, m: number): number {
  const e = new EigenvalueDecomposition(toMatrix(S, m, m), { assumeSymmetric: true });
  return Math.min(...e.realEigenvalues);
}

/** Largest eigenvalue of a symmetric matrix. */
export function maxEigSym(S: Float64Array, m: number): number {
  const e = new EigenvalueDecomposition(toMatrix(S, m, m), { assumeSymmetric: true });
  return Math.max(...e.realEigenvalues);
}

/** Singular values (descending) and the top left singular vector of a rows×cols matrix. */
export function topSvd(A: Float64Array, rows: number, cols: number): { values: number[]; u1: Float64Array } {
  const svd = new SingularValueDecomposition(toMatrix(A, rows, cols), { computeLeftSingularVectors: true, computeRightSingularVectors: false, autoTranspose: true });
  const values = [...svd.diagonal];
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]);
  const U = svd.leftSingularVectors;
  const k = order[0]![1];
  const u1 = new Float64Array(rows);
  for (let i = 0; i < rows; i++) u1[i] = U.get(i, k);
  return { values: order.map((o) => o[0]), u1 };
}
