import { readyBackend, tf } from '../../../../sim/tf/backend.ts';
import { passes } from './kernels.ts';

/**
 * Network outputs scale · Σ_i c_i σ(w_iᵀx_a) on a test sample at the paper's sizes (T = 10⁴ points, 1000 neurons,
 * d = 100): the pre-activations W Xᵀ as one float32 GEMM (tfjs), the sum over neurons in float64 in the wasm kernel
 * (kernels.ts fwd: the branching loop's sum, bit for bit). The same value as teacher.ts's
 * outputs(reluFeatures(X, T, d, W), T, c, scale) up to the float32 rounding of each pre-activation (≈ 1e-7 relative;
 * outputs32.test.ts), at 1/15 of its CPU at these sizes (float64 JavaScript, 10⁹ multiply-adds: 3.1 s per call here;
 * this: 0.18 s; c ~ N(0, 1): largest output difference 2e-5 on outputs of size ≈ 10).
 * For the test risk of the linear-transfer readout (R_lt) and of the scratch student on the mixed-precision path.
 * Synchronous; the caller must have awaited ensureTf().
 */
export function reluOutputs32(X: Float64Array, T: number, d: number, W: readonly Float64Array[], c: ArrayLike<number>, scale: number): Float64Array {
  if (readyBackend() === null) throw new Error('reluOutputs32: call `await ensureTf()` (sim/tf/backend.ts) first');
  const m = W.length;
  const W32 = new Float32Array(m * d);
  for (let i = 0; i < m; i++) W32.set(W[i]!, i * d);
  const XT = new Float32Array(d * T);
  for (let a = 0; a < T; a++) for (let k = 0; k < d; k++) XT[k * T + a] = X[a * d + k]!;
  // Explicitly transposed operand (tfjs's transposed matMul flags are slow on wasm; trainFast.ts).
  const Ht = tf.tidy(() => tf.matMul(tf.tensor2d(W32, [m, d]), tf.tensor2d(XT, [d, T])));
  const ps = passes(m, T);
  ps.H.set(Ht.dataSync() as Float32Array);
  Ht.dispose();
  ps.c.set(c);
  ps.fwd();
  const out = new Float64Array(T);
  for (let a = 0; a < T; a++) out[a] = ps.f[a]! * scale;
  return out;
}
