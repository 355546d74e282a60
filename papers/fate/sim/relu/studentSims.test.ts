import { describe, expect, it } from 'vitest';
import { Stream } from '../../../../core/rng/stream.ts';
import { ensureTf, tf } from '../../../../sim/tf/backend.ts';
import { gaussianInputs, unitRows } from './teacher.ts';
import { studentOutputs } from './studentSims.ts';

/** The scratch student's test outputs on the mixed-precision path as studentSims.ts computed them before (838cf0d). */
function studentOutputsBefore(Xt: Float64Array, T: number, d: number, W: readonly Float64Array[], c: Float64Array): Float64Array {
  const m = W.length;
  const W32 = new Float32Array(m * d);
  for (let i = 0; i < m; i++) for (let k = 0; k < d; k++) W32[i * d + k] = W[i]![k]!;
  const XtT = new Float32Array(d * T);
  for (let a = 0; a < T; a++) for (let k = 0; k < d; k++) XtT[k * T + a] = Xt[a * d + k]!;
  const Ht = tf.tidy(() => tf.matMul(tf.tensor2d(W32, [m, d]), tf.tensor2d(XtT, [d, T])));
  const H = Ht.dataSync() as Float32Array;
  Ht.dispose();
  const out = new Float64Array(T);
  for (let i = 0; i < m; i++) {
    const ci = c[i]!;
    const o = i * T;
    for (let a = 0; a < T; a++) {
      const h = H[o + a]!;
      if (h > 0) out[a] = out[a]! + ci * h;
    }
  }
  for (let a = 0; a < T; a++) out[a] = out[a]! / m;
  return out;
}

describe('scratch student test outputs (fast = 1) through reluOutputs32', () => {
  it('equal the branching loop they replace bit for bit', async () => {
    await ensureTf();
    for (const [d, m, T] of [[100, 1000, 2000], [30, 77, 1001]] as const) {
      const s = Stream.fromSeed(d + m);
      const W = unitRows(s, m, d);
      const c = s.normals(m);
      const Xt = gaussianInputs(s, T, d);
      const a = studentOutputsBefore(Xt, T, d, W, c);
      const b = studentOutputs(Xt, T, d, { W, c }, 1);
      expect(b).toEqual(a);
      expect(a.some((v) => v < 0) && a.some((v) => v > 0)).toBe(true);
    }
  });
});
