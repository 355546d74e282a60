import { describe, expect, it } from 'vitest';
import { Stream } from '../../../core/rng/stream.ts';
import { pass4, type PassOut } from './logisticPass.ts';
import { pass1, pass2, pass3 } from './logisticPassSmall.ts';

describe('pass1–3 (pass4 without the zero padding)', () => {
  it('give pass4’s gradient, Hessian, log-likelihood and bound bit for bit at d = 1, 2, 3', () => {
    const passes = [pass1, pass2, pass3];
    for (const d of [1, 2, 3]) {
      const s = Stream.fromSeed(70 + d);
      const K = 2;
      const N = [700, 1500, 90];
      const X = N.map((n) => {
        const x = new Float64Array(4 * n);
        for (let i = 0; i < n; i++) for (let p = 0; p < d; p++) x[4 * i + p] = 2 * s.normal();
        return x;
      });
      const Y = N.map((n) => Uint8Array.from({ length: n }, () => (s.uniform() < 0.4 ? 1 : 0)));
      for (const th of [Float64Array.from({ length: d }, () => s.normal()), new Float64Array(d), Float64Array.from({ length: d }, (_, p) => (p === 0 ? -0 : 3))]) {
        for (const c of [
          { alpha: [0.5, 0.3, 0.2], n: N },
          { alpha: [0.7, 0, 0.3], n: [650, 0, 45] },
          { alpha: [1, 0, 0], n: [700, 1500, 90] },
        ]) {
          const g4 = new Float64Array(d);
          const H4 = new Float64Array(d * d);
          const o4: PassOut = { f: 0, bound: 0 };
          pass4(X, Y, c, K, th, d, g4, H4, o4);
          const g = new Float64Array(d);
          const H = new Float64Array(d * d);
          const o: PassOut = { f: 0, bound: 0 };
          passes[d - 1]!(X, Y, c, K, th, g, H, o);
          expect(Array.from(g)).toEqual(Array.from(g4));
          expect(Array.from(H)).toEqual(Array.from(H4));
          expect(Object.is(o.f, o4.f) && Object.is(o.bound, o4.bound)).toBe(true);
          expect(g.some((x) => x !== 0)).toBe(true);
        }
      }
    }
  });
});
