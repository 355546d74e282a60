import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { Stream } from '../rng/stream.ts';
import { cholesky, choleskyInPlace, choleskyPsd, tryCholeskyInPlace } from './cholesky.ts';
import { cholSolve, cholSolveInPlace, forwardSolve } from './triangular.ts';

/** B Bᵀ for a Gaussian n × m B: SPD when m ≥ n, rank m otherwise. */
function gram(n: number, m: number, s: Stream): Float64Array {
  const x = s.normals(n * m);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let t = 0;
      for (let k = 0; k < m; k++) t += x[i * m + k]! * x[j * m + k]!;
      a[i * n + j] = t;
    }
  return a;
}

const maxAbs = (a: ArrayLike<number>): number => Array.from(a).reduce((m, v) => Math.max(m, Math.abs(v)), 0);

function llt(l: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) out[i * n + j]! += l[i * n + k]! * l[j * n + k]!;
  return out;
}

describe('Cholesky (core/linalg/cholesky.ts, triangular.ts)', () => {
  const s = Stream.fromSeed(7);
  for (const n of [1, 2, 5, 30, 120]) {
    it(`matches ml-matrix on a random SPD matrix, n = ${n}`, () => {
      const a = gram(n, n + 3, s);
      const l = cholesky(a, n);
      const ref = new CholeskyDecomposition(Matrix.from1DArray(n, n, a)).lowerTriangularMatrix.to1DArray();
      const scale = Math.sqrt(maxAbs(a));
      expect(maxAbs(l.map((v, i) => v - ref[i]!))).toBeLessThanOrEqual(1e-10 * scale);
      expect(maxAbs(llt(l, n).map((v, i) => v - a[i]!))).toBeLessThanOrEqual(1e-10 * maxAbs(a));

      const b = s.normals(n);
      const x = cholSolve(l, n, b);
      const xRef = new CholeskyDecomposition(Matrix.from1DArray(n, n, a)).solve(Matrix.columnVector(Array.from(b))).to1DArray();
      const rel = maxAbs(x.map((v, i) => v - xRef[i]!)) / maxAbs(xRef);
      expect(rel).toBeLessThanOrEqual(1e-10);
      const ax = new Float64Array(n);
      for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) ax[i]! += a[i * n + k]! * x[k]!;
      expect(maxAbs(ax.map((v, i) => v - b[i]!))).toBeLessThanOrEqual(1e-10 * maxAbs(a) * maxAbs(x));
    });
  }

  it('reads only the lower triangle and leaves its input alone; in-place variants agree bit for bit', () => {
    const n = 9;
    const a = gram(n, 12, s);
    const lowerOnly = Float64Array.from(a, (v, i) => (i % n > Math.floor(i / n) ? 1e300 : v));
    const copy = Float64Array.from(lowerOnly);
    const l = cholesky(lowerOnly, n);
    expect(lowerOnly).toEqual(copy);
    expect(choleskyInPlace(Float64Array.from(a), n)).toEqual(l);
    const m = Float64Array.from(a);
    expect(tryCholeskyInPlace(m, n)).toBe(true);
    expect(m).toEqual(l);
    expect(l.every((v, i) => i % n <= Math.floor(i / n) || v === 0)).toBe(true);
    const b = s.normals(n);
    expect(cholSolveInPlace(l, n, Float64Array.from(b))).toEqual(cholSolve(l, n, b));
    const z = forwardSolve(l, n, b);
    for (let i = 0; i < n; i++) {
      let t = 0;
      for (let k = 0; k <= i; k++) t += l[i * n + k]! * z[k]!;
      expect(t).toBeCloseTo(b[i]!, 10);
    }
  });

  it('pins the summation order L_ij = (A_ij − L_i0 L_j0 − L_i1 L_j1 − …) / L_jj that deterministic reports depend on', () => {
    const n = 17;
    const a = gram(n, 20, s);
    const ref = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j <= i; j++) {
        let t = a[i * n + j]!;
        for (let k = 0; k < j; k++) t -= ref[i * n + k]! * ref[j * n + k]!;
        ref[i * n + j] = i === j ? Math.sqrt(t) : t / ref[j * n + j]!;
      }
    expect(cholesky(a, n)).toEqual(ref);
  });

  it('fails on a matrix that is not positive definite', () => {
    const n = 6;
    const a = gram(n, 3, s);
    a[5 * n + 5]! -= 1e3;
    expect(() => cholesky(a, n)).toThrow(RangeError);
    expect(tryCholeskyInPlace(Float64Array.from(a), n)).toBe(false);
    expect(() => cholesky(Float64Array.from([NaN]), 1)).toThrow(RangeError);
  });

  it('choleskyPsd drops null directions of a rank-deficient matrix and still reconstructs it', () => {
    const n = 12;
    const a = gram(n, 4, s);
    const l = choleskyPsd(a, n);
    expect(maxAbs(llt(l, n).map((v, i) => v - a[i]!))).toBeLessThanOrEqual(1e-10 * maxAbs(a));
    let kept = 0;
    for (let j = 0; j < n; j++) if (l[j * n + j]! > 0) kept++;
    expect(kept).toBe(4);
    const pd = gram(8, 10, s);
    expect(choleskyPsd(pd, 8)).toEqual(cholesky(pd, 8));
  });
});
