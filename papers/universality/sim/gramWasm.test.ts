import { describe, expect, it } from 'vitest';
import { Stream } from '../../../core/rng/stream.ts';
import { gramRows } from '../../../core/linalg/dense.ts';
import { gramWasm, triSolveWasm } from './gramWasm.ts';
import { triSolveRows } from './linalg.ts';
import { tryCholeskyInPlace } from '../../../core/linalg/cholesky.ts';
import { GRAM_WASM_BASE64 } from './gram.wasm.ts';
import { assembleGram } from './build-wasm.ts';

describe('gramWasm', () => {
  it('is core gramRows bit for bit (every n mod 4, odd and even d, heavy tails, zeros and −0)', () => {
    const s = Stream.fromSeed(8);
    for (const [n, d] of [[1, 1], [2, 3], [3, 5], [4, 4], [5, 9], [6, 2], [7, 11], [9, 30], [24, 41], [61, 120], [150, 300]] as const) {
      const X = Float64Array.from({ length: n * d }, (_, i) => (i % 17 === 0 ? -0 : i % 13 === 0 ? 0 : s.normal() ** 3));
      expect(Array.from(gramWasm(X, n, d)), `${n}×${d}`).toEqual(Array.from(gramRows(X, n, d)));
    }
  });
  it('triSolveWasm is triSolveRows bit for bit (both directions, n below and above the 4-row groups, odd and even d)', () => {
    const s = Stream.fromSeed(9);
    for (const [n, d] of [[1, 1], [2, 3], [3, 4], [5, 7], [8, 2], [9, 31], [24, 41], [61, 120], [150, 300]] as const) {
      const X = s.normals(n * (n + 3));
      const L = gramRows(X, n, n + 3);
      expect(tryCholeskyInPlace(L, n)).toBe(true);
      const B = Float64Array.from({ length: n * d }, (_, i) => (i % 11 === 0 ? -0 : s.normal()));
      for (const tr of [false, true]) expect(Array.from(triSolveWasm(L, n, Float64Array.from(B), d, tr)), `${n}×${d} ${tr}`).toEqual(Array.from(triSolveRows(L, n, Float64Array.from(B), d, tr)));
    }
  });
  it('the committed bytes are gram.wat assembled (build-wasm.ts)', async () => {
    const { bytes } = await assembleGram();
    expect(Buffer.from(bytes).toString('base64')).toBe(GRAM_WASM_BASE64);
  });
});
