import { readyBackend, tf } from '../../../../sim/tf/backend.ts';
import { integrateFlow, type FlowOptions, type FlowResult, type Oracle } from './flow.ts';
import type { Student } from './train.ts';
import { studentPairs } from './trainFast.ts';

/**
 * Population pretraining (the paper: GD on the exact population loss, lr 0.01·m, ≤ 1e5 steps or loss ≤ 1e-6; flow
 * time ≤ 1000) on the gradient-flow path with error-controlled steps — the integrator of flow.ts (explicit Euler, each
 * accepted step a GD step, Heun–Euler estimate from the next gradient) driven by the population loss
 *   L = ½ E(f − f*_s)², f*_s = scale · Σ_j cs_j σ(ws_jᵀx),
 * computed exactly through the arc-cosine overlap κ(u) = (√(1−u²) + u(π − arccos u))/(2π), κ′(u) = (π − arccos u)/(2π)
 * (re-derived, as in train.ts and trainFast.ts; this loss is not what any check tests). Why: at d = 100, m = 1000 a
 * population step costs ≈ 40 ms (two 1000 × 100 × 1000 GEMMs, m²/2 arc-cosines) and fixed lr0 = 0.2 runs up to 5000
 * of them; late steps follow a path that bends little. fast = 1: the two GEMMs (U = W Wᵀ, the gradient's coefficient
 * matrix · W) in float32 on tfjs, everything else float64 (as trainPopulationFast); fast = 0: plain float64.
 * popFlow.test.ts checks the fixed-step mode against train.ts's trainPopulation step for step and the adaptive end
 * point against small-step GD extrapolated to the flow.
 */
export function trainPopulationFlow(st: Student, Ws: readonly Float64Array[], cs: ArrayLike<number>, scale: number, opt: FlowOptions): FlowResult & { relLoss: number } {
  const m = st.W.length;
  const d = st.W[0]!.length;
  const { ev, fs2 } = populationOracle(Ws, cs, scale, m, d, opt.fast);
  const r = integrateFlow(st, ev, opt);
  return { ...r, relLoss: r.loss / (0.5 * fs2) };
}

const TWO_PI = 2 * Math.PI;

export function populationOracle(Ws: readonly Float64Array[], cs: ArrayLike<number>, scale: number, m: number, d: number, fast: number): { ev: Oracle; fs2: number } {
  if (fast === 1 && readyBackend() === null) throw new Error('popFlow: call `await ensureTf()` (sim/tf/backend.ts) before fast = 1');
  const p = Ws.length;
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
  const WsT32 = new Float32Array(d * p);
  for (let j = 0; j < p; j++) for (let k = 0; k < d; k++) WsT32[k * p + j] = WsF[j * d + k]!;
  const Ws32 = Float32Array.from(WsF);
  const W32 = new Float32Array(m * d);
  const WT32 = new Float32Array(d * m);
  const U = new Float64Array(m * m);
  const V = new Float64Array(m * p);
  const coefU = fast === 1 ? new Float32Array(m * m) : new Float64Array(m * m);
  const coefV = fast === 1 ? new Float32Array(m * p) : new Float64Array(m * p);
  const G = new Float64Array(m * d);
  const a = new Float64Array(m);
  const radial = new Float64Array(m);
  /** U = W Wᵀ, V = W Wsᵀ. */
  const overlaps = (W: Float64Array) => {
    if (fast === 1) {
      for (let i = 0; i < m; i++)
        for (let k = 0; k < d; k++) {
          const w = W[i * d + k]!;
          W32[i * d + k] = w;
          WT32[k * m + i] = w;
        }
      // Explicitly transposed operands: tfjs's transposed matMul flags are ≈ 10× slower on the wasm backend.
      const [Ut, Vt] = tf.tidy(() => {
        const Wt = tf.tensor2d(W32, [m, d]);
        return [tf.matMul(Wt, tf.tensor2d(WT32, [d, m])), tf.matMul(Wt, tf.tensor2d(WsT32, [d, p]))];
      });
      U.set(Ut!.dataSync());
      V.set(Vt!.dataSync());
      Ut!.dispose();
      Vt!.dispose();
      return;
    }
    for (let i = 0; i < m; i++) {
      for (let j = i; j < m; j++) {
        let u = 0;
        for (let k = 0; k < d; k++) u += W[i * d + k]! * W[j * d + k]!;
        U[i * m + j] = u;
        U[j * m + i] = u;
      }
      for (let j = 0; j < p; j++) {
        let u = 0;
        for (let k = 0; k < d; k++) u += W[i * d + k]! * WsF[j * d + k]!;
        V[i * p + j] = u;
      }
    }
  };
  /** G = coefU · W − coefV · Ws. */
  const forces = (W: Float64Array) => {
    if (fast === 1) {
      const Gt = tf.tidy(() => tf.sub(tf.matMul(tf.tensor2d(coefU as Float32Array, [m, m]), tf.tensor2d(W32, [m, d])), tf.matMul(tf.tensor2d(coefV as Float32Array, [m, p]), tf.tensor2d(Ws32, [p, d]))));
      G.set(Gt.dataSync());
      Gt.dispose();
      return;
    }
    G.fill(0);
    for (let i = 0; i < m; i++) {
      const o = i * d;
      for (let j = 0; j < m; j++) {
        const g = coefU[i * m + j]!;
        if (g === 0) continue;
        for (let k = 0; k < d; k++) G[o + k] = G[o + k]! + g * W[j * d + k]!;
      }
      for (let j = 0; j < p; j++) {
        const g = coefV[i * p + j]!;
        for (let k = 0; k < d; k++) G[o + k] = G[o + k]! - g * WsF[j * d + k]!;
      }
    }
  };
  const ev: Oracle = (W, c, vW, vc) => {
    overlaps(W);
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
      const b = s * scale;
      ff += c[i]! * a[i]!;
      fg += c[i]! * b;
      vc[i] = -(a[i]! - b) / m;
    }
    forces(W);
    for (let i = 0; i < m; i++) {
      const f = c[i]! / m;
      const o = i * d;
      const r = radial[i]!;
      for (let k = 0; k < d; k++) vW[o + k] = -f * (G[o + k]! - r * W[o + k]!);
    }
    return 0.5 * (ff / m - (2 * fg) / m + fs2);
  };
  return { ev, fs2 };
}
