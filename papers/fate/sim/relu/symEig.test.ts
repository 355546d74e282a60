import { describe, expect, it } from 'vitest';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { Stream } from '../../../../core/rng/stream.ts';
import { symEigFlat } from './symEig.ts';
import { gaussianInputs, gramPlain, gramWasm, leastSquares, reluFeatures, unitRows } from './teacher.ts';

/** ml-matrix's symmetric decomposition, read out as symEig did before (the reference). */
function mlMatrixEig(A: Float64Array, n: number): { values: number[]; vectors: Float64Array } {
  const M = new Matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) M.set(i, j, A[i * n + j]!);
  const e = new EigenvalueDecomposition(M, { assumeSymmetric: true });
  const V = e.eigenvectorMatrix;
  const vectors = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) vectors[i * n + j] = V.get(i, j);
  return { values: e.realEigenvalues, vectors };
}

/** The Gram matrix FᵀF of ReLU features (p features, n points), as leastSquares forms it: PSD, rank ≤ min(n, p). */
function reluGram(s: Stream, d: number, p: number, n: number): Float64Array {
  const F = reluFeatures(gaussianInputs(s, n, d), n, d, unitRows(s, p, d));
  const G = new Float64Array(p * p);
  for (let a = 0; a < n; a++) for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) G[i * p + j] = G[i * p + j]! + F[a * p + i]! * F[a * p + j]!;
  return G;
}

describe('symEigFlat (flat transcription of ml-matrix tred2 + tql2)', () => {
  it('gives ml-matrix\'s eigenvalues and eigenvectors bit for bit', () => {
    const s = Stream.fromSeed(77);
    const cases: [Float64Array, number][] = [];
    for (const n of [1, 2, 3, 17, 60]) {
      const B = s.normals(n * n);
      const A = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A[i * n + j] = B[i * n + j]! + B[j * n + i]!;
      cases.push([A, n]);
    }
    // rank-deficient PSD Gram matrices (more features than points), the case pinvApply thresholds, and a full-rank one
    cases.push([reluGram(s, 10, 80, 30), 80], [reluGram(s, 100, 150, 200), 150]);
    // a matrix with a zero row/column block (tred2's scale = 0 branch) and repeated eigenvalues
    const Z = new Float64Array(25);
    for (let i = 0; i < 3; i++) Z[i * 5 + i] = 2;
    cases.push([Z, 5]);
    // the wasm inner loops from n = 32 on, and the JavaScript ones at every n
    cases.push([reluGram(s, 40, 33, 50), 33]);
    for (const [A, n] of cases) {
      const ref = mlMatrixEig(A, n);
      for (const engine of ['wasm', 'js'] as const) {
        const got = symEigFlat(A, n, engine);
        expect(Array.from(got.values)).toEqual(ref.values);
        expect(got.vectors).toEqual(ref.vectors);
      }
    }
  });
  it('leaves leastSquares (through pinvApply) a real solve: residual orthogonal to the features', () => {
    const s = Stream.fromSeed(78);
    const d = 12;
    const p = 40;
    const n = 90;
    const F = reluFeatures(gaussianInputs(s, n, d), n, d, unitRows(s, p, d));
    const y = s.normals(n);
    const c = leastSquares(F, n, p, y);
    for (let i = 0; i < p; i++) {
      let g = 0;
      for (let a = 0; a < n; a++) {
        let f = 0;
        for (let j = 0; j < p; j++) f += F[a * p + j]! * c[j]!;
        g += F[a * p + i]! * (y[a]! - f);
      }
      expect(Math.abs(g)).toBeLessThan(1e-8);
    }
  });
  it('the least-squares Gram matrix in wasm (gramWasm) equals the plain loop bit for bit', () => {
    const s = Stream.fromSeed(79);
    for (const [d, p, n] of [[12, 40, 90], [30, 101, 150], [5, 33, 33]] as const) {
      const F = reluFeatures(gaussianInputs(s, n, d), n, d, unitRows(s, p, d));
      const y = s.normals(n);
      const r1 = new Float64Array(p);
      const r2 = new Float64Array(p);
      const G1 = gramPlain(F, n, p, y, r1);
      const G2 = gramWasm(F, n, p, y, r2)!;
      for (let i = 0; i < p; i++) for (let j = i; j < p; j++) expect(G2[i * p + j]).toBe(G1[i * p + j]);
      expect(r2).toEqual(r1);
      expect(F.some((v) => v === 0)).toBe(true);
    }
  });
});
