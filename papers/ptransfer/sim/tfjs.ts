import { ensureTf, tf, type TfBackendName } from '../../../sim/tf/backend.ts';

/**
 * The CNN of the paper in TensorFlow.js, on explicit d-dimensional patches (float32):
 * f = F₊ − F₋, F_j = (1/m) Σ_r [ReLU(⟨w_{j,r}, x⁽¹⁾⟩) + ReLU(⟨w_{j,r}, x⁽²⁾⟩)], logistic loss averaged over
 * the task, full-batch GD with step η, gradients by tf.grad. Filters: rows 0..m−1 class +1, m..2m−1 class −1.
 * losses[t] is the loss at W(t); stops at the first t with loss ≤ ε or at t = T (same as fast.ts).
 */
export interface TfTrainResult {
  W: Float64Array;
  losses: number[];
  finalLoss: number;
  steps: number;
  backend: TfBackendName;
}

function classSigns(m: number): tf.Tensor1D {
  return tf.tensor1d(Array.from({ length: 2 * m }, (_, r) => (r < m ? 1 : -1)));
}

function forward(W: tf.Tensor2D, X1: tf.Tensor2D, X2: tf.Tensor2D, js: tf.Tensor1D, m: number): tf.Tensor1D {
  const a = tf.add(tf.relu(tf.matMul(X1, W, false, true)), tf.relu(tf.matMul(X2, W, false, true))) as tf.Tensor2D;
  return tf.div(tf.sum(tf.mul(a, js), 1), m) as tf.Tensor1D;
}

export async function trainTf(
  W0: Float64Array,
  X1: Float64Array,
  X2: Float64Array,
  y: Float64Array,
  d: number,
  opts: { eta: number; T: number; eps: number },
): Promise<TfTrainResult> {
  const backend = await ensureTf();
  const n = y.length;
  const F = W0.length / d;
  const m = F / 2;
  const x1 = tf.tensor2d(Float32Array.from(X1), [n, d]);
  const x2 = tf.tensor2d(Float32Array.from(X2), [n, d]);
  const yt = tf.tensor1d(Float32Array.from(y));
  const js = classSigns(m);
  let W = tf.tensor2d(Float32Array.from(W0), [F, d]);
  const lossFn = (w: tf.Tensor2D) => tf.mean(tf.softplus(tf.neg(tf.mul(yt, forward(w, x1, x2, js, m))))) as tf.Scalar;
  const gradFn = tf.valueAndGrad(lossFn);
  const losses: number[] = [];
  let steps = 0;
  let loss = NaN;
  for (let t = 0; ; t++) {
    const { value, grad } = tf.tidy(() => gradFn(W));
    loss = (await value.data())[0]!;
    losses.push(loss);
    value.dispose();
    if (t >= opts.T || loss <= opts.eps) {
      grad.dispose();
      break;
    }
    const next = tf.tidy(() => tf.sub(W, tf.mul(grad, opts.eta)) as tf.Tensor2D);
    W.dispose();
    grad.dispose();
    W = next;
    steps++;
  }
  const out = Float64Array.from(await W.data());
  tf.dispose([x1, x2, yt, js, W]);
  return { W: out, losses, finalLoss: loss, steps, backend };
}

/** Test error P(ȳ f(x) < 0) on explicit test patches, computed in tfjs. */
export async function testErrorTf(W: Float64Array, X1: Float64Array, X2: Float64Array, yClean: Float64Array, d: number): Promise<number> {
  await ensureTf();
  const n = yClean.length;
  const F = W.length / d;
  const m = F / 2;
  const f = tf.tidy(() => {
    const w = tf.tensor2d(Float32Array.from(W), [F, d]);
    const x1 = tf.tensor2d(Float32Array.from(X1), [n, d]);
    const x2 = tf.tensor2d(Float32Array.from(X2), [n, d]);
    return forward(w, x1, x2, classSigns(m), m);
  });
  const v = await f.data();
  f.dispose();
  let err = 0;
  for (let i = 0; i < n; i++) if (yClean[i]! * v[i]! < 0) err++;
  return err / n;
}
