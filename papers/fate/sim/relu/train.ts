import type { Stream } from '../../../../core/rng/stream.ts';
import { unitRows } from './teacher.ts';
import { UNROLL_MAX, gradKernel } from './gdKernels.ts';
import { gradSession } from './kernels.ts';

/**
 * Training the §4 student f(x) = (1/m) Σ c_i σ(w_iᵀx) with w_i constrained to S^{d−1} (Riemannian
 * gradient step, then renormalisation), full-batch gradient descent with learning rate η = lr0·m (the
 * paper: lr0 = 0.01, "learning rate 0.01m"), output weights initialised at cInit = 1e-7, hidden weights
 * uniform on the sphere; stop at maxSteps or when the loss falls to lossTol (paper: 1e5 steps or 1e-6).
 */
export interface Student {
  W: Float64Array[];
  c: Float64Array;
}

export interface TrainOptions {
  lr0: number;
  maxSteps: number;
  lossTol: number;
  cInit: number;
}

export const PAPER_TRAIN: TrainOptions = { lr0: 0.01, maxSteps: 100_000, lossTol: 1e-6, cInit: 1e-7 };

export function initStudent(rng: Stream, m: number, d: number, cInit: number): Student {
  return { W: unitRows(rng, m, d), c: new Float64Array(m).fill(cInit) };
}

/**
 * ⟨σ(aᵀx)σ(bᵀx)⟩ for unit a, b at cosine u under x ~ N(0, I) and its derivative in u, re-derived here
 * for the exact population loss (independently of theory/fate/sec4.ts; the formula is validated against
 * Monte Carlo by fate.sec4.arccos/mc): κ(u) = (√(1−u²) + u(π − arccos u))/(2π), κ′(u) = (π − arccos u)/(2π).
 */
function kappa(u: number): number {
  const v = u > 1 ? 1 : u < -1 ? -1 : u;
  return (Math.sqrt(1 - v * v) + v * (Math.PI - Math.acos(v))) / (2 * Math.PI);
}

/**
 * Population pretraining on the source teacher (exact loss, the paper: "the population loss, which can
 * be computed exactly for this model"): L = ½ E(f − f*_s)², f*_s = scale · Σ_j cs_j σ(ws_jᵀx).
 * Returns the trained student and the loss trajectory's end (absolute and relative to ½‖f*_s‖²).
 */
export function trainPopulation(
  st: Student,
  Ws: readonly Float64Array[],
  cs: ArrayLike<number>,
  scale: number,
  opt: TrainOptions,
): { steps: number; loss: number; relLoss: number } {
  const m = st.W.length;
  const p = Ws.length;
  const d = st.W[0]!.length;
  const eta = opt.lr0 * m;
  const U = new Float64Array(m * m);
  const V = new Float64Array(m * p);
  let fs2 = 0;
  for (let a = 0; a < p; a++)
    for (let b = 0; b < p; b++) {
      let u = 0;
      for (let k = 0; k < d; k++) u += Ws[a]![k]! * Ws[b]![k]!;
      fs2 += cs[a]! * cs[b]! * kappa(u);
    }
  fs2 *= scale * scale;
  const gc = new Float64Array(m);
  const gw = new Float64Array(d);
  const KU = new Float64Array(m * m);
  const KUp = new Float64Array(m * m);
  const KV = new Float64Array(m * p);
  const KVp = new Float64Array(m * p);
  const fill = (src: Float64Array, k: Float64Array, kp: Float64Array) => {
    for (let q = 0; q < src.length; q++) {
      const v = src[q]! > 1 ? 1 : src[q]! < -1 ? -1 : src[q]!;
      const ac = Math.PI - Math.acos(v);
      k[q] = (Math.sqrt(1 - v * v) + v * ac) / (2 * Math.PI);
      kp[q] = ac / (2 * Math.PI);
    }
  };
  let loss = Infinity;
  let step = 0;
  for (; step <= opt.maxSteps; step++) {
    for (let i = 0; i < m; i++) {
      const wi = st.W[i]!;
      for (let j = i; j < m; j++) {
        const wj = st.W[j]!;
        let u = 0;
        for (let k = 0; k < d; k++) u += wi[k]! * wj[k]!;
        U[i * m + j] = u;
        U[j * m + i] = u;
      }
      for (let j = 0; j < p; j++) {
        const wj = Ws[j]!;
        let u = 0;
        for (let k = 0; k < d; k++) u += wi[k]! * wj[k]!;
        V[i * p + j] = u;
      }
    }
    fill(U, KU, KUp);
    fill(V, KV, KVp);
    // Loss and ∂L/∂c_i = (1/m)[(1/m)Σ_j c_j κ(u_ij) − scale Σ_j cs_j κ(v_ij)]
    let ff = 0;
    let fg = 0;
    for (let i = 0; i < m; i++) {
      let a = 0;
      for (let j = 0; j < m; j++) a += st.c[j]! * KU[i * m + j]!;
      let b = 0;
      for (let j = 0; j < p; j++) b += cs[j]! * KV[i * p + j]!;
      a /= m;
      b *= scale;
      ff += st.c[i]! * a;
      fg += st.c[i]! * b;
      gc[i] = (a - b) / m;
    }
    ff /= m;
    fg /= m;
    loss = 0.5 * (ff - 2 * fg + fs2);
    if (loss <= opt.lossTol || step === opt.maxSteps) break;
    // Riemannian gradient in w_i: (c_i/m)[(1/m)Σ_j c_j κ′(u_ij)(w_j − u_ij w_i) − scale Σ_j cs_j κ′(v_ij)(ws_j − v_ij w_i)]
    const newW: Float64Array[] = [];
    for (let i = 0; i < m; i++) {
      gw.fill(0);
      const wi = st.W[i]!;
      let radial = 0;
      for (let j = 0; j < m; j++) {
        if (j === i) continue;
        const u = U[i * m + j]!;
        const coef = (st.c[j]! * KUp[i * m + j]!) / m;
        const wj = st.W[j]!;
        for (let k = 0; k < d; k++) gw[k] = gw[k]! + coef * wj[k]!;
        radial += coef * u;
      }
      for (let j = 0; j < p; j++) {
        const v = V[i * p + j]!;
        const coef = scale * cs[j]! * KVp[i * p + j]!;
        const wj = Ws[j]!;
        for (let k = 0; k < d; k++) gw[k] = gw[k]! - coef * wj[k]!;
        radial -= coef * v;
      }
      const f = st.c[i]! / m;
      const w = new Float64Array(d);
      let nrm = 0;
      for (let k = 0; k < d; k++) {
        const g = f * (gw[k]! - radial * wi[k]!);
        w[k] = wi[k]! - eta * g;
        nrm += w[k]! * w[k]!;
      }
      nrm = 1 / Math.sqrt(nrm);
      for (let k = 0; k < d; k++) w[k] = w[k]! * nrm;
      newW.push(w);
    }
    for (let i = 0; i < m; i++) st.c[i] = st.c[i]! - eta * gc[i]!;
    st.W = newW;
  }
  return { steps: step, loss, relLoss: loss / (0.5 * fs2) };
}

/**
 * The empirical forward pass, shared by the fixed-step trainer below and the error-controlled one (flow.ts): fills the
 * pre-activations H[a·m + i] = w_iᵀx_a and residuals r_a = f(x_a) − y_a (f = (1/m) Σ_i c_i relu(h_ai)), returns Σ_a r_a².
 */
export function forwardResiduals(X: Float64Array, y: Float64Array, W: Float64Array, c: ArrayLike<number>, n: number, m: number, d: number, H: Float64Array, r: Float64Array): number {
  let sq = 0;
  for (let a = 0; a < n; a++) {
    const xo = a * d;
    let f = 0;
    for (let i = 0; i < m; i++) {
      const wo = i * d;
      let s = 0;
      for (let k = 0; k < d; k++) s += X[xo + k]! * W[wo + k]!;
      H[a * m + i] = s;
      if (s > 0) f += c[i]! * s;
    }
    r[a] = f / m - y[a]!;
    sq += r[a]! * r[a]!;
  }
  return sq;
}

/**
 * Training on n samples (X row-major n × d, targets y): L = (1/2n) Σ_a (f(x_a) − y_a)². For d ≤ UNROLL_MAX the
 * gradient comes from the unrolled kernel of gdKernels.ts (bit-identical to the loops of trainEmpiricalPlain below,
 * compared whole-training in relu.test.ts); the update step is the same code on both paths.
 */
export function trainEmpirical(st: Student, X: Float64Array, y: Float64Array, n: number, opt: TrainOptions): { steps: number; loss: number } {
  const m = st.W.length;
  const d = st.W[0]!.length;
  if (d > UNROLL_MAX) return trainEmpiricalPlain(st, X, y, n, opt);
  const kernel = gradKernel(d);
  // The same kernel in WebAssembly SIMD when the engine has it (kernels.ts gradSession: bit-identical; a quick-budget scaling regime 10.2 → 5.8 s CPU).
  const wasm = gradSession(d)?.(X, y, n, m);
  const eta = opt.lr0 * m;
  const H = new Float64Array(n * m);
  const r = new Float64Array(n);
  const gW = new Float64Array(m * d);
  const gc = new Float64Array(m);
  const Wf = new Float64Array(m * d);
  for (let i = 0; i < m; i++) Wf.set(st.W[i]!, i * d);
  const c = st.c;
  let loss = Infinity;
  let step = 0;
  for (; step <= opt.maxSteps; step++) {
    loss = (wasm ? wasm.step(Wf, c, gW, gc) : kernel(X, y, Wf, c, n, m, H, r, gW, gc)) / (2 * n);
    if (loss <= opt.lossTol || step === opt.maxSteps) break;
    sphereStep(Wf, c, gW, gc, m, d, eta, 1 / (n * m));
  }
  for (let i = 0; i < m; i++) st.W[i] = Wf.slice(i * d, (i + 1) * d);
  return { steps: step, loss };
}

/** The GD update from raw gradients (gW, gc as filled by gdKernels.ts), shared by both empirical paths. */
function sphereStep(Wf: Float64Array, c: Float64Array, gW: Float64Array, gc: Float64Array, m: number, d: number, eta: number, inv: number): void {
  for (let i = 0; i < m; i++) {
    const go = i * d;
    const f = c[i]! * inv;
    let radial = 0;
    for (let k = 0; k < d; k++) radial += gW[go + k]! * Wf[go + k]!;
    let nrm = 0;
    for (let k = 0; k < d; k++) {
      const w = Wf[go + k]! - eta * f * (gW[go + k]! - radial * Wf[go + k]!);
      Wf[go + k] = w;
      nrm += w * w;
    }
    nrm = 1 / Math.sqrt(nrm);
    for (let k = 0; k < d; k++) Wf[go + k] = Wf[go + k]! * nrm;
    c[i] = c[i]! - eta * gc[i]! * inv;
  }
}

/** The plain loops (any d): the reference the unrolled path is checked against, and the path for d > UNROLL_MAX. */
export function trainEmpiricalPlain(st: Student, X: Float64Array, y: Float64Array, n: number, opt: TrainOptions): { steps: number; loss: number } {
  const m = st.W.length;
  const d = st.W[0]!.length;
  const eta = opt.lr0 * m;
  const H = new Float64Array(n * m);
  const r = new Float64Array(n);
  const gW = new Float64Array(m * d);
  const Wf = new Float64Array(m * d);
  for (let i = 0; i < m; i++) Wf.set(st.W[i]!, i * d);
  const c = st.c;
  let loss = Infinity;
  let step = 0;
  for (; step <= opt.maxSteps; step++) {
    loss = forwardResiduals(X, y, Wf, c, n, m, d, H, r) / (2 * n);
    if (loss <= opt.lossTol || step === opt.maxSteps) break;
    gW.fill(0);
    const gc = new Float64Array(m);
    for (let a = 0; a < n; a++) {
      const ra = r[a]!;
      if (ra === 0) continue;
      const xo = a * d;
      for (let i = 0; i < m; i++) {
        const h = H[a * m + i]!;
        if (h <= 0) continue;
        gc[i] = gc[i]! + ra * h;
        const go = i * d;
        for (let k = 0; k < d; k++) gW[go + k] = gW[go + k]! + ra * X[xo + k]!;
      }
    }
    sphereStep(Wf, c, gW, gc, m, d, eta, 1 / (n * m));
  }
  for (let i = 0; i < m; i++) st.W[i] = Wf.slice(i * d, (i + 1) * d);
  return { steps: step, loss };
}
