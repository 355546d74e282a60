import { describe, expect, it } from 'vitest';
import { Stream } from '../../../core/rng/stream.ts';
import { gramRows, inverseRowNormsSquared } from '../../../core/linalg/dense.ts';
import { tryCholeskyInPlace } from '../../../core/linalg/cholesky.ts';
import { cholWasm, invRowNormsWasm } from './cholWasm.ts';
import { CHOL_WASM_BASE64 } from './chol.wasm.ts';
import { assembleWat } from './build-wasm.ts';

describe('cholWasm', () => {
  it('is core tryCholeskyInPlace bit for bit (odd and even n, ±1 and heavy-tailed Grams, junk in the upper triangle)', () => {
    const s = Stream.fromSeed(12);
    for (const n of [1, 2, 3, 4, 5, 8, 9, 31, 60, 121, 240]) {
      for (const kind of ['normal', 'sign', 'cube'] as const) {
        const d = n + 1 + s.int(60);
        const X = Float64Array.from({ length: n * d }, () => (kind === 'sign' ? s.sign() : kind === 'cube' ? s.normal() ** 3 : s.normal()));
        const G = gramRows(X, n, d);
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) G[i * n + j] = s.normal(); // never read
        const want = Float64Array.from(G);
        const got = Float64Array.from(G);
        expect(tryCholeskyInPlace(want, n)).toBe(true);
        expect(cholWasm(got, n)).toBe(true);
        expect(Array.from(got), `${kind} n=${n}`).toEqual(Array.from(want));
      }
    }
  });
  it('invRowNormsWasm is core inverseRowNormsSquared bit for bit (odd and even n, zero and −0 entries of L skipped as there)', () => {
    const s = Stream.fromSeed(13);
    for (const n of [1, 2, 3, 4, 7, 16, 33, 120, 241]) {
      const d = n + 1 + s.int(40);
      const G = gramRows(Float64Array.from({ length: n * d }, () => s.normal()), n, d);
      expect(tryCholeskyInPlace(G, n)).toBe(true);
      for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) if ((i * 7 + j) % 13 === 0) G[i * n + j] = (i + j) % 2 ? 0 : -0;
      expect(Array.from(invRowNormsWasm(G, n)), `n=${n}`).toEqual(Array.from(inverseRowNormsSquared(G, n)));
    }
  });
  it('reports a matrix that is not positive definite, as core does', () => {
    const X = Float64Array.from([1, 2, 3, 2, 4, 6, 0, 1, 1]); // rows 0 and 1 dependent: XXᵀ singular
    const G = gramRows(X, 3, 3);
    expect(cholWasm(Float64Array.from(G), 3)).toBe(tryCholeskyInPlace(Float64Array.from(G), 3));
    expect(cholWasm(Float64Array.from([1, 0, 0, -1]), 2)).toBe(false);
  });
  it('the committed bytes are chol.wat assembled (build-wasm.ts)', async () => {
    const { bytes } = await assembleWat('chol.wat');
    expect(Buffer.from(bytes).toString('base64')).toBe(CHOL_WASM_BASE64);
  });
});
