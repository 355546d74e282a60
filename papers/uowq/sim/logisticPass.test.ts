import { describe, expect, it } from 'vitest';
import { Stream } from '../../../core/rng/stream.ts';
import { exactLogLik, pass4, type PassOut } from './logisticPass.ts';
import type { UowqConfig } from './core.ts';

/** The generic pass of fast.ts (before pass4), written out: per-sample log1p, typed-array accumulators. */
function reference(X: Float64Array[], Y: Uint8Array[], c: UowqConfig, K: number, th: Float64Array, d: number) {
  const g = new Float64Array(d);
  const H = new Float64Array(d * d);
  let f = 0;
  for (let k = 0; k <= K; k++) {
    if (c.alpha[k] === 0 || c.n[k] === 0) continue;
    const nk = c.n[k]!;
    const w = c.alpha[k]! / nk;
    let fk = 0;
    for (let i = 0; i < nk; i++) {
      let eta = 0;
      for (let p = 0; p < d; p++) eta += X[k]![4 * i + p]! * th[p]!;
      const ex = Math.exp(-Math.abs(eta));
      const l1p = Math.log1p(ex);
      const mu = eta >= 0 ? 1 / (1 + ex) : ex / (1 + ex);
      const y = Y[k]![i]!;
      fk += y * eta - (eta > 0 ? eta + l1p : l1p);
      const res = w * (y - mu);
      const v = w * mu * (1 - mu);
      for (let p = 0; p < d; p++) {
        g[p]! += res * X[k]![4 * i + p]!;
        for (let q = p; q < d; q++) H[p * d + q]! += v * X[k]![4 * i + p]! * X[k]![4 * i + q]!;
      }
    }
    f += w * fk;
  }
  for (let p = 0; p < d; p++) for (let q = 0; q < p; q++) H[p * d + q] = H[q * d + p]!;
  return { f, g, H };
}

describe('pass4 (logistic Newton pass, d ≤ 4)', () => {
  it('gives the generic gradient and Hessian bit for bit, and the log-likelihood within its stated bound', () => {
    for (const d of [1, 2, 3, 4]) {
      const s = Stream.fromSeed(40 + d);
      const K = 2;
      const N = [700, 1500, 90];
      const X = N.map((n) => {
        const x = new Float64Array(4 * n);
        for (let i = 0; i < n; i++) for (let p = 0; p < d; p++) x[4 * i + p] = 2 * s.normal();
        return x;
      });
      const Y = N.map((n) => Uint8Array.from({ length: n }, () => (s.uniform() < 0.4 ? 1 : 0)));
      const th = Float64Array.from({ length: d }, () => s.normal());
      for (const c of [
        { alpha: [0.5, 0.3, 0.2], n: N },
        { alpha: [0.7, 0, 0.3], n: [650, 0, 45] },
      ]) {
        const ref = reference(X, Y, c, K, th, d);
        const g = new Float64Array(d);
        const H = new Float64Array(d * d);
        const out: PassOut = { f: 0, bound: 0 };
        pass4(X, Y, c, K, th, d, g, H, out);
        expect(Array.from(g)).toEqual(Array.from(ref.g));
        expect(Array.from(H)).toEqual(Array.from(ref.H));
        expect(exactLogLik(X, Y, c, K, th, d)).toBe(ref.f);
        expect(Math.abs(out.f - ref.f)).toBeLessThanOrEqual(out.bound);
        expect(out.bound).toBeLessThan(1e-9 * Math.abs(ref.f));
      }
    }
  });
});
