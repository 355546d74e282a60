import { describe, expect, it } from 'vitest';
import { Stream } from '../../../../core/rng/stream.ts';
import { fineTuneForms, LeastSquares, sampleTarget, taskPair } from './data.ts';
import { dot, matVec, norm2 } from './linalg.ts';
import { empiricalLossMin } from './objectives.ts';

describe('task geometry and closed-form end points', () => {
  it('β_s, β_t are unit vectors at angle θ', () => {
    const { betaS, betaT } = taskPair(20, 0.7, Stream.fromSeed(1));
    expect(norm2(betaS)).toBeCloseTo(1, 12);
    expect(norm2(betaT)).toBeCloseTo(1, 12);
    expect(dot(betaS, betaT)).toBeCloseTo(Math.cos(0.7), 12);
  });

  it('n < d: X⁺y interpolates, lies in row(X), and P_row is a projector', () => {
    const d = 12;
    const n = 5;
    const rng = Stream.fromSeed(3);
    const { betaS, betaT } = taskPair(d, 1, rng);
    const data = sampleTarget(n, d, betaT, 0.5, rng);
    const ls = new LeastSquares(data);
    const mn = ls.minNorm();
    const fit = matVec(data.X, n, d, mn);
    for (let i = 0; i < n; i++) expect(fit[i]).toBeCloseTo(data.y[i]!, 10);
    const Pmn = ls.projRow(mn);
    for (let i = 0; i < d; i++) expect(Pmn[i]).toBeCloseTo(mn[i]!, 10);
    const Pb = ls.projRow(betaS);
    const PPb = ls.projRow(Pb);
    for (let i = 0; i < d; i++) expect(PPb[i]).toBeCloseTo(Pb[i]!, 10);
    expect(empiricalLossMin(data)).toBe(0);
  });

  it('n > d: X⁺y solves the normal equations and both fine-tuning forms reduce to it', () => {
    const d = 5;
    const n = 14;
    const rng = Stream.fromSeed(4);
    const { betaS, betaT } = taskPair(d, 1, rng);
    const data = sampleTarget(n, d, betaT, 1, rng);
    const ls = new LeastSquares(data);
    const mn = ls.minNorm();
    const r = matVec(data.X, n, d, mn).map((f, i) => data.y[i]! - f);
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += data.X[i * d + j]! * r[i]!;
      expect(Math.abs(s)).toBeLessThan(1e-10);
    }
    expect(empiricalLossMin(data)).toBeCloseTo(norm2(r) / (2 * n), 12);
    const f = fineTuneForms(ls, betaS, 2);
    expect(f.p).toBeLessThan(1e-20);
    for (let i = 0; i < d; i++) {
      expect(f.paper[i]).toBeCloseTo(mn[i]!, 12);
      // The integrated flow (tolerance 1e-8) ends at the least-squares solution too.
      expect(f.reduced[i]).toBeCloseTo(mn[i]!, 9);
    }
  });

  it('linear-transfer coefficient b minimises ‖y − bXβ_s‖', () => {
    const d = 10;
    const n = 6;
    const rng = Stream.fromSeed(5);
    const { betaS, betaT } = taskPair(d, 0.5, rng);
    const data = sampleTarget(n, d, betaT, 0.3, rng);
    const b = new LeastSquares(data).linearTransferCoef(betaS);
    const z = matVec(data.X, n, d, betaS);
    const loss = (c: number) => data.y.reduce((a, y, i) => a + (y - c * z[i]!) ** 2, 0);
    expect(loss(b)).toBeLessThan(loss(b + 1e-3));
    expect(loss(b)).toBeLessThan(loss(b - 1e-3));
  });
});
