import { LuDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { Stream } from '../rng/stream.ts';
import { solveDense, solveDenseOrNull } from './solve.ts';

const maxAbs = (a: ArrayLike<number>): number => Array.from(a).reduce((m, v) => Math.max(m, Math.abs(v)), 0);

describe('pivoted dense solve (core/linalg/solve.ts)', () => {
  const s = Stream.fromSeed(11);
  for (const n of [1, 2, 4, 20, 80]) {
    it(`matches ml-matrix's LU on a random general matrix, n = ${n}`, () => {
      const a = s.normals(n * n);
      const b = s.normals(n);
      const a0 = Float64Array.from(a);
      const b0 = Float64Array.from(b);
      const x = solveDense(a, n, b);
      expect(a).toEqual(a0);
      expect(b).toEqual(b0);
      const ref = new LuDecomposition(Matrix.from1DArray(n, n, a)).solve(Matrix.columnVector(Array.from(b))).to1DArray();
      // Random Gaussian matrices can be ill-conditioned: compare relative to the condition-free residual scale.
      const ax = new Float64Array(n);
      for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) ax[i]! += a[i * n + k]! * x[k]!;
      expect(maxAbs(ax.map((v, i) => v - b[i]!))).toBeLessThanOrEqual(1e-10 * maxAbs(a) * maxAbs(x));
      expect(maxAbs(x.map((v, i) => v - ref[i]!))).toBeLessThanOrEqual(1e-10 * maxAbs(ref) * n);
      expect(solveDenseOrNull(a, n, b, 1e-300)).toEqual(x);
    });
  }

  it('pivots: a zero leading entry is no obstacle', () => {
    expect(Array.from(solveDense([0, 1, 1, 0], 2, [2, 3]))).toEqual([3, 2]);
  });

  it('singular matrices: solveDense gives non-finite entries, solveDenseOrNull gives null', () => {
    const a = [1, 2, 2, 4];
    expect(solveDense(a, 2, [1, 1]).some((v) => !Number.isFinite(v))).toBe(true);
    expect(solveDenseOrNull(a, 2, [1, 1], 1e-300)).toBeNull();
  });
});
