import { readyBackend, tf } from '../../../../sim/tf/backend.ts';
import { forwardResiduals, type Student } from './train.ts';
import { passes } from './kernels.ts';

/**
 * Empirical training of the §4 student (L = (1/2n) Σ_a (f(x_a) − y_a)², w_i on S^{d−1}) as an integration of its
 * gradient flow, with the step size chosen by local-error control instead of fixed.
 *
 * Why: the paper runs GD at lr 0.01·m for ≤ 1e5 steps or until loss ≤ 1e-6 — in flow time a run of length ≤ 1000 on
 * the gradient-flow path. Fixed steps are limited by the early phase (features move; at the paper's sizes lr0 = 0.2
 * is already 1.5 % off the flow in the risk, lr0 = 2 is 15 % off) while 75–85 % of the steps are spent in the late
 * phase, where the loss decays slowly and the path bends little: at n = 800 the loss falls from 1e-4 to 1e-6 over 640
 * of 792 steps at lr0 = 0.2. An integrator that takes the step its local error allows follows the same path with
 * small steps where it bends and large ones where it does not.
 *
 * The scheme is explicit Euler — each accepted step is a GD step W ← normalise(W − η P_i g_i), c ← c − η g_c, the
 * update of train.ts / trainFast.ts — with the Heun–Euler error estimate obtained for free from the next gradient
 * (first-same-as-last): err = (η/2)·rms(v(θ_{k+1}) − v(θ_k)), v = the descent direction per unit η, rms over the
 * m(d + 1) parameters. A step with err > tol is rejected (state restored) and retried smaller; otherwise η is grown
 * by at most 2× (factor 0.9·√(tol/err)). η is given in units of m (lr0 = η/m, as the paper's "0.01m"), starting at
 * lr0Start and capped at lr0Max. Instability (η beyond 2/λ_max) makes v oscillate, which the estimate sees, so the
 * step settles below the stability limit on its own. Stopping rule unchanged: the first accepted state with loss ≤
 * lossTol, or flow time maxTime. flow.test.ts checks the end point against fixed small-step GD (the paper's protocol
 * in the flow limit) and the fixed-step mode against train.ts step for step.
 */
export interface FlowOptions {
  /** Stop at loss ≤ lossTol (paper 1e-6). */
  lossTol: number;
  /** Largest flow time, Σ lr0 per step (paper 1e5 × 0.01 = 1000). */
  maxTime: number;
  /** Local error tolerance (rms over parameters per step); 0 = fixed steps at lr0Start (plain GD). */
  tol: number;
  lr0Start: number;
  lr0Max: number;
  /** 1: tfjs float32 GEMMs (needs `await ensureTf()`), float64 state; 0: plain float64. */
  fast: number;
  /** Cap on gradient evaluations (a guard, far above what the runs use). */
  maxEvals?: number;
}

export interface FlowResult {
  /** Accepted steps. */
  steps: number;
  /** Gradient evaluations (accepted + rejected steps + 1). */
  evals: number;
  rejected: number;
  loss: number;
  /** Flow time reached (Σ lr0 over accepted steps). */
  time: number;
}

/** Loss and descent direction per unit η at (W, c): vW_i = −(c_i/(nm)) P_i Σ_a r_a 1[h_ai > 0] x_a, vc_i = −(1/(nm)) Σ_a r_a σ(h_ai), times m (η = lr0·m). */
export type Oracle = (W: Float64Array, c: Float64Array, vW: Float64Array, vc: Float64Array) => number;

function oracle64(X: Float64Array, y: Float64Array, n: number, m: number, d: number): Oracle {
  const H = new Float64Array(n * m);
  const r = new Float64Array(n);
  const G = new Float64Array(m * d);
  return (W, c, vW, vc) => {
    const loss = forwardResiduals(X, y, W, c, n, m, d, H, r);
    G.fill(0);
    vc.fill(0);
    for (let a = 0; a < n; a++) {
      const ra = r[a]!;
      const xo = a * d;
      for (let i = 0; i < m; i++) {
        const h = H[a * m + i]!;
        if (h <= 0) continue;
        vc[i] = vc[i]! + ra * h;
        const go = i * d;
        for (let k = 0; k < d; k++) G[go + k] = G[go + k]! + ra * X[xo + k]!;
      }
    }
    project(W, c, G, vW, vc, n, m, d);
    return loss / (2 * n);
  };
}

function oracle32(X: Float64Array, y: Float64Array, n: number, m: number, d: number): Oracle {
  if (readyBackend() === null) throw new Error('flow: call `await ensureTf()` (sim/tf/backend.ts) before fast = 1');
  // Explicitly transposed operands: tfjs's transposed matMul flags are ≈ 10× slower on the wasm backend (trainFast.ts).
  const XT32 = new Float32Array(n * d);
  for (let a = 0; a < n; a++) for (let k = 0; k < d; k++) XT32[k * n + a] = X[a * d + k]!;
  const X32 = Float32Array.from(X);
  const W32 = new Float32Array(m * d);
  // The O(m·n) passes between the two GEMMs run in the wasm SIMD kernel (kernels.ts; bit-identical to its JavaScript
  // twin, which is the branching loop this oracle had before).
  const k = passes(m, n);
  return (W, c, vW, vc) => {
    for (let q = 0; q < W.length; q++) W32[q] = W[q]!;
    const Ht = tf.tidy(() => tf.matMul(tf.tensor2d(W32, [m, d]), tf.tensor2d(XT32, [d, n])));
    k.H.set(Ht.dataSync() as Float32Array);
    Ht.dispose();
    k.c.set(c);
    k.fwd();
    let loss = 0;
    for (let q = 0; q < n; q++) {
      const rq = k.f[q]! / m - y[q]!;
      k.r[q] = rq;
      k.r32[q] = rq;
      loss += rq * rq;
    }
    k.back();
    vc.set(k.vc);
    const Gt = tf.tidy(() => tf.matMul(tf.tensor2d(k.MT, [m, n]), tf.tensor2d(X32, [n, d])));
    const G = Gt.dataSync() as Float32Array;
    Gt.dispose();
    project(W, c, G, vW, vc, n, m, d);
    return loss / (2 * n);
  };
}

/** Raw sums (G_i = Σ_a r_a 1[h_ai > 0] x_a, vc_i = Σ_a r_a σ(h_ai)) → descent directions per unit η (tangent to the sphere). */
function project(W: Float64Array, c: Float64Array, G: ArrayLike<number>, vW: Float64Array, vc: Float64Array, n: number, m: number, d: number): void {
  const inv = 1 / (n * m);
  for (let i = 0; i < m; i++) {
    const o = i * d;
    let rad = 0;
    for (let k = 0; k < d; k++) rad += G[o + k]! * W[o + k]!;
    const fi = c[i]! * inv;
    for (let k = 0; k < d; k++) vW[o + k] = -fi * (G[o + k]! - rad * W[o + k]!);
    vc[i] = -vc[i]! * inv;
  }
}

/** Trains `st` in place on (X, y) along the gradient flow (see the file comment). */
export function trainFlow(st: Student, X: Float64Array, y: Float64Array, n: number, opt: FlowOptions): FlowResult {
  const m = st.W.length;
  const d = st.W[0]!.length;
  return integrateFlow(st, opt.fast === 1 ? oracle32(X, y, n, m, d) : oracle64(X, y, n, m, d), opt);
}

/**
 * The error-controlled integration of the file comment for any loss on the student's parameters (w_i on the sphere),
 * given its oracle: `ev` returns the loss at (W, c) and fills the descent directions per unit η (η = lr0·m), tangent to
 * the sphere. Used for the empirical loss here and for the population loss of pretraining (popFlow.ts). `st` is
 * updated in place.
 */
export function integrateFlow(st: Student, ev: Oracle, opt: Omit<FlowOptions, 'fast'>): FlowResult {
  const m = st.W.length;
  const d = st.W[0]!.length;
  const W = new Float64Array(m * d);
  for (let i = 0; i < m; i++) W.set(st.W[i]!, i * d);
  const c = Float64Array.from(st.c);
  const P = m * (d + 1);
  let vW = new Float64Array(m * d);
  let vc = new Float64Array(m);
  let pvW = new Float64Array(m * d);
  let pvc = new Float64Array(m);
  const W0 = new Float64Array(m * d);
  const c0 = new Float64Array(m);
  const maxEvals = opt.maxEvals ?? 1e6;
  let lr0 = opt.lr0Start;
  let lastLr0 = 0;
  let time = 0;
  let steps = 0;
  let rejected = 0;
  let evals = 0;
  let prevLoss = Infinity;
  let loss = ev(W, c, vW, vc);
  evals++;
  for (;;) {
    if (steps > 0 && opt.tol > 0) {
      // Heun–Euler estimate of the last step's local error from the gradient at its end point.
      let s = 0;
      for (let q = 0; q < m * d; q++) s += (vW[q]! - pvW[q]!) ** 2;
      for (let i = 0; i < m; i++) s += (vc[i]! - pvc[i]!) ** 2;
      const err = 0.5 * lastLr0 * m * Math.sqrt(s / P);
      const factor = err > 0 ? 0.9 * Math.sqrt(opt.tol / err) : 2;
      if (err > opt.tol) {
        // Reject: back to the step's start, retry with a smaller step.
        W.set(W0);
        c.set(c0);
        [vW, pvW] = [pvW, vW];
        [vc, pvc] = [pvc, vc];
        loss = prevLoss;
        time -= lastLr0;
        steps--;
        rejected++;
        lr0 = lastLr0 * Math.max(0.2, factor);
      } else lr0 = Math.min(opt.lr0Max, lastLr0 * Math.min(2, factor));
    }
    if (loss <= opt.lossTol || time >= opt.maxTime * (1 - 1e-9) || evals >= maxEvals) break;
    const h = Math.min(lr0, opt.maxTime - time);
    const eta = h * m;
    W0.set(W);
    c0.set(c);
    for (let i = 0; i < m; i++) {
      const o = i * d;
      let nrm = 0;
      for (let k = 0; k < d; k++) {
        const w = W[o + k]! + eta * vW[o + k]!;
        W[o + k] = w;
        nrm += w * w;
      }
      nrm = 1 / Math.sqrt(nrm);
      for (let k = 0; k < d; k++) W[o + k] = W[o + k]! * nrm;
      c[i] = c[i]! + eta * vc[i]!;
    }
    [vW, pvW] = [pvW, vW];
    [vc, pvc] = [pvc, vc];
    prevLoss = loss;
    lastLr0 = h;
    time += h;
    steps++;
    loss = ev(W, c, vW, vc);
    evals++;
  }
  for (let i = 0; i < m; i++) st.W[i] = W.slice(i * d, (i + 1) * d);
  st.c.set(c);
  return { steps, evals, rejected, loss, time };
}
