import { activeBackend, readyBackend, tf } from '../../../../sim/tf/backend.ts';
import type { Student, TrainOptions } from './train.ts';
import { passes } from './kernels.ts';

/**
 * Mixed-precision versions of trainPopulation / trainEmpirical (train.ts) for the paper's sizes
 * (d = 100, m = 1000, m* = 100), where plain float64 JS costs ≈ 0.3 s per population step.
 *
 * The same gradient descent, step for step; only the two large inner products of each step run in
 * TensorFlow.js (float32, XNNPACK SIMD GEMM on the wasm backend):
 *  - population: U = W Wᵀ (m × m cosines) and the product (coefficient matrix) · W;
 *  - empirical:  H = X Wᵀ (n × m pre-activations) and Mᵀ X with M_ai = r_a 1[h_ai > 0].
 * Everything else stays float64: the state (W, c), the kernel values κ(u), κ′(u) and every sum over
 * neurons that enters the loss or the output-weight gradient, the Riemannian projection and the
 * renormalisation. So a float32 rounding of a cosine (≈ 1e-7 absolute) enters only through κ
 * (Lipschitz ≤ 1/2) and the direction of the hidden-weight gradient, and the float64 state
 * accumulates updates far below float32 resolution. Cross-checked against the float64 path
 * (relu.test.ts); the stopping rule and loss are those of train.ts.
 *
 * Synchronous once `await ensureTf()` has resolved (so a synchronous caller such as a check's
 * evaluate() can use them).
 *
 * Cost per population step ≈ 2 m² d float32 flops (GEMM) + m²/2 arc-cosines in JS; per empirical
 * step ≈ 4 n m d float32 flops + O(nm) float64. Measured in `npm run bench -- relu`.
 *
 * tfjs's transposed matMul flags take a slow path on the wasm backend (≈ 10× slower), so every
 * product is formed with explicitly transposed operands.
 */
export interface FastTrainResult {
  steps: number;
  loss: number;
  /** Loss after every `every` steps (step, loss), for convergence diagnostics. */
  trace: [number, number][];
  backend: string;
}

export interface FastOptions extends TrainOptions {
  /** Record the loss every this many steps (default 1000). */
  traceEvery?: number;
  /** Called with (step, loss) at each traced step. */
  onTrace?: (step: number, loss: number) => void;
}

const TWO_PI = 2 * Math.PI;

/** The fast paths are synchronous (tfjs ops are, once a backend is up): callers `await ensureTf()` first. */
function requireTf(): void {
  if (readyBackend() === null) throw new Error('trainFast: call `await ensureTf()` (sim/tf/backend.ts) before the mixed-precision training paths');
}
const TILE = 64;

function toF32T(src: Float64Array, rows: number, cols: number): Float32Array {
  // Row-major rows × cols → its transpose, cols × rows, in float32.
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let k = 0; k < cols; k++) out[k * rows + i] = src[i * cols + k]!;
  return out;
}

/** Population pretraining (exact loss), as trainPopulation in train.ts. */
export function trainPopulationFast(
  st: Student,
  Ws: readonly Float64Array[],
  cs: ArrayLike<number>,
  scale: number,
  opt: FastOptions,
): FastTrainResult & { relLoss: number } {
  requireTf();
  const m = st.W.length;
  const p = Ws.length;
  const d = st.W[0]!.length;
  const eta = opt.lr0 * m;
  const every = opt.traceEvery ?? 1000;
  const W = new Float64Array(m * d);
  for (let i = 0; i < m; i++) W.set(st.W[i]!, i * d);
  const c = st.c;
  // ½‖f*_s‖² in float64 (p is small).
  let fs2 = 0;
  for (let a = 0; a < p; a++)
    for (let b = 0; b < p; b++) {
      let u = 0;
      for (let k = 0; k < d; k++) u += Ws[a]![k]! * Ws[b]![k]!;
      const v = u > 1 ? 1 : u < -1 ? -1 : u;
      fs2 += cs[a]! * cs[b]! * ((Math.sqrt(1 - v * v) + v * (Math.PI - Math.acos(v))) / TWO_PI);
    }
  fs2 *= scale * scale;
  const WsF = new Float64Array(p * d);
  for (let j = 0; j < p; j++) WsF.set(Ws[j]!, j * d);
  const WsT = tf.tensor2d(toF32T(WsF, p, d), [d, p]);
  const Ws32 = tf.tensor2d(Float32Array.from(WsF), [p, d]);
  const coefU = new Float32Array(m * m);
  const coefV = new Float32Array(m * p);
  const a = new Float64Array(m);
  const b = new Float64Array(m);
  const radial = new Float64Array(m);
  const trace: [number, number][] = [];
  let loss = Infinity;
  let step = 0;
  try {
    for (; step <= opt.maxSteps; step++) {
      const Wt = tf.tensor2d(Float32Array.from(W), [m, d]);
      const WT = tf.tensor2d(toF32T(W, m, d), [d, m]);
      const Ut = tf.matMul(Wt, WT);
      const Vt = tf.matMul(Wt, WsT);
      const U = Ut.dataSync() as Float32Array;
      const V = Vt.dataSync() as Float32Array;
      Ut.dispose();
      Vt.dispose();
      WT.dispose();
      studentPairs(U, c, m, a, radial, coefU);
      let ff = 0;
      let fg = 0;
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let j = 0; j < p; j++) {
          const x = V[i * p + j]!;
          const v = x > 1 ? 1 : x < -1 ? -1 : x;
          const ac = Math.PI - Math.acos(v);
          s += cs[j]! * ((Math.sqrt(1 - v * v) + v * ac) / TWO_PI);
          const g = (scale * cs[j]! * ac) / TWO_PI;
          coefV[i * p + j] = g;
          radial[i] = radial[i]! - g * v;
        }
        a[i] = a[i]! / m;
        b[i] = s * scale;
        ff += c[i]! * a[i]!;
        fg += c[i]! * b[i]!;
      }
      loss = 0.5 * (ff / m - (2 * fg) / m + fs2);
      if (step % every === 0) {
        trace.push([step, loss]);
        opt.onTrace?.(step, loss);
      }
      if (loss <= opt.lossTol || step === opt.maxSteps) {
        Wt.dispose();
        break;
      }
      const CU = tf.tensor2d(coefU, [m, m]);
      const CV = tf.tensor2d(coefV, [m, p]);
      const Gt = tf.tidy(() => tf.sub(tf.matMul(CU, Wt), tf.matMul(CV, Ws32)));
      const G = Gt.dataSync() as Float32Array;
      CU.dispose();
      CV.dispose();
      Gt.dispose();
      Wt.dispose();
      for (let i = 0; i < m; i++) {
        const f = c[i]! / m;
        const o = i * d;
        const r = radial[i]!;
        let nrm = 0;
        for (let k = 0; k < d; k++) {
          const w = W[o + k]! - eta * f * (G[o + k]! - r * W[o + k]!);
          W[o + k] = w;
          nrm += w * w;
        }
        nrm = 1 / Math.sqrt(nrm);
        for (let k = 0; k < d; k++) W[o + k] = W[o + k]! * nrm;
      }
      for (let i = 0; i < m; i++) c[i] = c[i]! - (eta * (a[i]! - b[i]!)) / m;
    }
  } finally {
    WsT.dispose();
    Ws32.dispose();
  }
  if (trace[trace.length - 1]?.[0] !== step) trace.push([step, loss]);
  for (let i = 0; i < m; i++) st.W[i] = W.slice(i * d, (i + 1) * d);
  return { steps: step, loss, relLoss: loss / (0.5 * fs2), trace, backend: activeBackend() ?? 'unknown' };
}

/** Empirical training on n points (L = (1/2n) Σ (f(x_a) − y_a)²), as trainEmpirical in train.ts. */
export function trainEmpiricalFast(st: Student, X: Float64Array, y: Float64Array, n: number, opt: FastOptions): FastTrainResult {
  requireTf();
  const m = st.W.length;
  const d = st.W[0]!.length;
  const eta = opt.lr0 * m;
  const every = opt.traceEvery ?? 1000;
  const W = new Float64Array(m * d);
  for (let i = 0; i < m; i++) W.set(st.W[i]!, i * d);
  const c = st.c;
  const Xt = tf.tensor2d(Float32Array.from(X), [n, d]);
  const XT = tf.tensor2d(toF32T(X, n, d), [d, n]);
  // The O(m·n) passes between the GEMMs in the wasm SIMD kernel (kernels.ts: bit-identical to the branching loops
  // this function had before, which its JavaScript twin is).
  const ps = passes(m, n);
  const trace: [number, number][] = [];
  let loss = Infinity;
  let step = 0;
  try {
    for (; step <= opt.maxSteps; step++) {
      // Hᵀ = W Xᵀ (m × n): row i holds neuron i's pre-activations on every sample.
      const Wt = tf.tensor2d(Float32Array.from(W), [m, d]);
      const Ht = tf.matMul(Wt, XT);
      ps.H.set(Ht.dataSync() as Float32Array);
      Ht.dispose();
      Wt.dispose();
      ps.c.set(c);
      ps.fwd();
      loss = 0;
      for (let q = 0; q < n; q++) {
        const rq = ps.f[q]! / m - y[q]!;
        ps.r[q] = rq;
        ps.r32[q] = rq;
        loss += rq * rq;
      }
      loss /= 2 * n;
      if (step % every === 0) {
        trace.push([step, loss]);
        opt.onTrace?.(step, loss);
      }
      if (loss <= opt.lossTol || step === opt.maxSteps) break;
      ps.back();
      const gc = ps.vc;
      const Mt = tf.tensor2d(ps.MT, [m, n]);
      const Gt = tf.matMul(Mt, Xt);
      const G = Gt.dataSync() as Float32Array;
      Mt.dispose();
      Gt.dispose();
      const inv = 1 / (n * m);
      for (let i = 0; i < m; i++) {
        const o = i * d;
        const fi = c[i]! * inv;
        let rad = 0;
        for (let k = 0; k < d; k++) rad += G[o + k]! * W[o + k]!;
        let nrm = 0;
        for (let k = 0; k < d; k++) {
          const w = W[o + k]! - eta * fi * (G[o + k]! - rad * W[o + k]!);
          W[o + k] = w;
          nrm += w * w;
        }
        nrm = 1 / Math.sqrt(nrm);
        for (let k = 0; k < d; k++) W[o + k] = W[o + k]! * nrm;
        c[i] = c[i]! - eta * gc[i]! * inv;
      }
    }
  } finally {
    Xt.dispose();
    XT.dispose();
  }
  if (trace[trace.length - 1]?.[0] !== step) trace.push([step, loss]);
  for (let i = 0; i < m; i++) st.W[i] = W.slice(i * d, (i + 1) * d);
  return { steps: step, loss, trace, backend: activeBackend() ?? 'unknown' };
}

/**
 * The student–student part of the exact population gradient, from the m × m cosines U (symmetric): a[i] = Σ_j c_j κ(u_ij)
 * (κ(1) = ½ on the diagonal), coefU[i,j] = c_j κ′(u_ij)/m (0 on the diagonal: no tangential force) and
 * radial[i] = Σ_j coefU[i,j] u_ij, with κ and κ′ once per unordered pair, in TILE × TILE tiles so that the mirrored
 * writes stay in cache. a and radial are overwritten. Shared by trainPopulationFast and popFlow.ts's oracle.
 */
export function studentPairs(U: Float32Array | Float64Array, c: ArrayLike<number>, m: number, a: Float64Array, radial: Float64Array, coefU: Float32Array | Float64Array): void {
  a.fill(0);
  radial.fill(0);
  for (let i = 0; i < m; i++) {
    a[i] = c[i]! * 0.5;
    coefU[i * m + i] = 0;
  }
  for (let i0 = 0; i0 < m; i0 += TILE)
    for (let j0 = i0; j0 < m; j0 += TILE) {
      const i1 = Math.min(m, i0 + TILE);
      const j1 = Math.min(m, j0 + TILE);
      for (let i = i0; i < i1; i++) {
        const ci = c[i]!;
        const row = i * m;
        let ai = 0;
        let ri = 0;
        for (let j = j0 === i0 ? i + 1 : j0; j < j1; j++) {
          const x = U[row + j]!;
          const u = x > 1 ? 1 : x < -1 ? -1 : x;
          const ac = Math.PI - Math.acos(u);
          const k = (Math.sqrt(1 - u * u) + u * ac) / TWO_PI;
          const kp = ac / (TWO_PI * m);
          const cj = c[j]!;
          ai += cj * k;
          a[j] = a[j]! + ci * k;
          const gij = cj * kp;
          const gji = ci * kp;
          coefU[row + j] = gij;
          coefU[j * m + i] = gji;
          ri += gij * u;
          radial[j] = radial[j]! + gji * u;
        }
        a[i] = a[i]! + ai;
        radial[i] = radial[i]! + ri;
      }
    }
}
