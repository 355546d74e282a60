import { describe, expect, it } from 'vitest';
import { Stream } from '../../../core/rng/stream.ts';
import { tryCholeskyInPlace } from '../../../core/linalg/cholesky.ts';
import { cholSolve } from '../../../core/linalg/triangular.ts';
import { gramRows } from '../../../core/linalg/dense.ts';
import { gramRows2x4, gramSigns, triSolveRows } from './linalg.ts';

describe('dense kernels', () => {
  it('gramRows equals the naive XXᵀ and triSolveRows equals column-wise Cholesky solves', () => {
    const s = Stream.fromSeed(2);
    for (const [n, d] of [[1, 3], [5, 7], [13, 17]] as const) {
      const X = s.normals(n * d);
      const G = gramRows(X, n, d);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) {
          let t = 0;
          for (let k = 0; k < d; k++) t += X[i * d + k]! * X[j * d + k]!;
          expect(G[i * n + j]).toBeCloseTo(t, 12);
        }
      expect(tryCholeskyInPlace(G, n)).toBe(true);
      const Y = triSolveRows(G, n, Float64Array.from(X), d, false);
      triSolveRows(G, n, Y, d, true);
      for (let k = 0; k < d; k++) {
        const col = Float64Array.from({ length: n }, (_, i) => X[i * d + k]!);
        const ref = cholSolve(G, n, col);
        for (let i = 0; i < n; i++) expect(Y[i * d + k]).toBeCloseTo(ref[i]!, 10);
      }
    }
  });

  it('gramRows2x4 is core gramRows bit for bit (every n mod 2 and mod 4, d from 1)', () => {
    const s = Stream.fromSeed(3);
    for (const [n, d] of [[1, 1], [2, 3], [3, 5], [4, 4], [5, 9], [6, 2], [7, 11], [9, 30], [24, 41], [61, 120]] as const) {
      const X = s.normals(n * d);
      expect(Array.from(gramRows2x4(X, n, d))).toEqual(Array.from(gramRows(X, n, d)));
    }
  });

  it('gramSigns is gramRows2x4 bit for bit on ±1 designs (d across word boundaries), and refuses other entries', () => {
    const s = Stream.fromSeed(4);
    for (const [n, d] of [[1, 1], [3, 31], [5, 32], [6, 33], [9, 64], [24, 100], [61, 300]] as const) {
      const X = Float64Array.from({ length: n * d }, () => s.sign());
      expect(Array.from(gramSigns(X, n, d)), `${n}×${d}`).toEqual(Array.from(gramRows2x4(X, n, d)));
    }
    expect(() => gramSigns(Float64Array.of(1, -1, 0.5), 1, 3)).toThrow(RangeError);
  });
});
