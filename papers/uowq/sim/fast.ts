/**
 * The weighted multi-source MLE of core.ts, fast: the same random quantity, simulated for several sizes of one
 * instance at once on shared sample sequences (common random numbers), cross-checked against the plain
 * simulation (core.ts) in fast.test.ts.
 *
 * Variants. A variant is the instance at its own N_k and δ_k (the checks use N and 2N with δ/√2); all variants
 * share d, K, θ_0, the design law and the noise. As in core.ts, task k's samples in replicate r come from one
 * stream, prefix-stable: every variant and configuration uses the first n_k samples of the same sequence.
 *
 * Gaussian linear model — an exact reduction by sufficient statistics. θ̂ solves
 * Σ_k w_k W_k(n_k) θ = Σ_k w_k c_k(n_k), w_k = α_k/n_k, with W_k(n) = Σ_{i≤n} x_i x_iᵀ and
 * c_k(n) = Σ_{i≤n} x_i y_i = W_k(n) θ_k + σ e_k(n), e_k(n) = Σ_{i≤n} x_i ε_i. Between consecutive used sizes
 * (the breakpoints) the sample blocks are independent, and a block of L samples with x ~ N(0, D²), D diagonal,
 * has W = D A Aᵀ D and e = D A z (Bartlett: A lower triangular, A_ii = √χ²_{L−i}, A_ij ~ N(0, 1) below the
 * diagonal; given W, e ~ N(0, W), and A z with z ~ N(0, I) has that law). Blocks shorter than 2d are drawn
 * sample by sample (the Wishart is singular below d). Cost O(blocks·d²) per replicate instead of O(N·d).
 * θ̂ − θ_0 is solved for directly (right side Σ w_k (W_k δ_k + σ e_k)), which avoids the cancellation of
 * subtracting θ_0 from θ̂. The replicate streams are Stream.replicates' walked in turn (core/rng/walker.ts: the same numbers
 * without an object per replicate).
 *
 * Logistic model — the plain simulation's data, sample for sample (the same stream consumption: d normals,
 * then one uniform u with y = [u < σ(xᵀθ_k)]), so the fitted θ̂ agree with core.ts to the Newton tolerance.
 * Faster: x and u are drawn once for all variants, by rows.ts (Stream's numbers with the generator state in locals;
 * y recomputed per variant from u, see `labels`), reusable Float64Array
 * buffers, one pass per Newton iterate computing log-likelihood, gradient and Hessian together (the
 * line-search evaluation of an accepted point is the next iterate's pass), a warm start at the population
 * maximiser's first-order value θ_0 + Σ α_k δ_k (theory/model.ts step 1; any start reaches the same unique
 * maximiser — the log-likelihood is strictly concave on non-separable data), and a stop once the Newton
 * step's largest entry is below NEWTON_TOL = 1e-5: after taking that step the error is O(step²) — measured
 * against core.ts's fit to a step below 1e-11, the KL errors agree to a relative 5e-10 (d = 3, N ≤ 1200), far
 * below the ≈ 1e-2 relative sampling error of any mean the checks compare (NEWTON_TOL = 1e-4 gives 1e-7;
 * 1e-8 costs one more pass per fit, about a quarter of the fitting time).
 */
import { Stream } from '../../../core/rng/stream.ts';
import { logisticKL, type UowqConfig, type UowqProblem } from './core.ts';
import { exactLogLik, pass4, type PassOut } from './logisticPass.ts';
import { pass1, pass2, pass3 } from './logisticPassSmall.ts';
import { fillRows, replicateStates, type RowState } from './rows.ts';
import { ReplicateWalker } from '../../../core/rng/walker.ts';
import { labels } from './labels.ts';

/** A size of the instance and the weightings fitted to it. */
export interface Variant {
  problem: UowqProblem;
  configs: readonly UowqConfig[];
}

/** How often a line-search test fell within the blocked log-likelihood's error bound (recomputed exactly); for tests. */
export let exactChecks = 0;

/** Largest |Newton step| at which the iteration stops (after taking the step). */
export const NEWTON_TOL = 1e-5;

function validate(variants: readonly Variant[]): void {
  const p0 = variants[0]!.problem;
  for (const { problem: p, configs } of variants) {
    const K = p.deltas.length;
    if (p.model !== p0.model || p.theta0.length !== p0.theta0.length || K !== p0.deltas.length) throw new RangeError('variants must share the model, d and K');
    if (p.N.length !== K + 1) throw new RangeError(`N must have K + 1 = ${K + 1} entries`);
    for (const c of configs) {
      if (c.alpha.length !== K + 1 || c.n.length !== K + 1) throw new RangeError('config alpha/n must have K + 1 entries');
      c.n.forEach((nk, k) => {
        if (!(Number.isInteger(nk) && nk >= 0 && nk <= p.N[k]!)) throw new RangeError(`n_${k} = ${nk} must be an integer in [0, N_${k} = ${p.N[k]}]`);
      });
    }
  }
}

const used = (c: UowqConfig, k: number) => c.alpha[k]! !== 0 && c.n[k]! !== 0;

/** errors[v][c][r]: KL error of configuration c of variant v on replicate r. */
export function simulateVariants(variants: readonly Variant[], seed: number, draws: number): number[][][] {
  if (variants.length === 0) return [];
  validate(variants);
  const p0 = variants[0]!.problem;
  const K = p0.deltas.length;
  const out = variants.map((v) => v.configs.map(() => new Array<number>(draws)));
  const seeds = p0.N.map((_, k) => Stream.childSeed(seed, 'uowq-task', k));
  const put = (errs: number[][], r: number) => errs.forEach((ev, v) => ev.forEach((e, c) => (out[v]![c]![r] = e)));
  if (p0.model === 'linear') {
    // Stream.replicates' streams in turn, re-loaded into one Stream per task (the same numbers, no object each).
    const walkers = seeds.map((sk) => new ReplicateWalker(sk));
    const row = seeds.map(() => Stream.fromSeed(0)); // re-loaded before each replicate
    const sim = linearReplicate(variants, K);
    for (let r = 0; r < draws; r++) {
      for (let k = 0; k < row.length; k++) {
        walkers[k]!.load(row[k]!);
        walkers[k]!.jump();
      }
      sim(row, r, out);
    }
  } else {
    // The same streams' states, drawn from by rows.ts (the same numbers as Stream's normal() and uniform()).
    const states = seeds.map((sk) => replicateStates(sk, draws));
    const sim = logisticReplicate(variants, K);
    for (let r = 0; r < draws; r++) put(sim(states.map((s) => s[r]!)), r);
  }
  return out;
}

// ── Gaussian linear model: sufficient statistics ─────────────────────────────────────────────

/** One task's part of a weighted fit: its statistics at breakpoint j, weight α_k/n_k and shift δ_k (none for the target). */
interface Term {
  k: number;
  j: number;
  w: number;
  delta: readonly number[] | null;
}

function linearReplicate(variants: readonly Variant[], K: number): (s: readonly Stream[], r: number, out: number[][][]) => void {
  const p0 = variants[0]!.problem;
  const d = p0.theta0.length;
  const xVar = p0.xVar ?? p0.theta0.map(() => 1);
  const sd = xVar.map(Math.sqrt);
  const sigma = p0.sigma ?? 1;
  // Breakpoints per task: every used size, sorted; cumulative statistics are kept at each.
  const cuts = Array.from({ length: K + 1 }, (_, k) => [...new Set(variants.flatMap((v) => v.configs.filter((c) => used(c, k)).map((c) => c.n[k]!)))].sort((a, b) => a - b));
  const W = cuts.map((ck) => ck.map(() => new Float64Array(d * d)));
  const e = cuts.map((ck) => ck.map(() => new Float64Array(d)));
  // Each configuration's terms, looked up once (the breakpoint index of its n_k, its weight, its shift).
  const plans: Term[][][] = variants.map(({ problem: p, configs }) =>
    configs.map((c) => {
      const terms: Term[] = [];
      for (let k = 0; k <= K; k++) if (used(c, k)) terms.push({ k, j: cuts[k]!.indexOf(c.n[k]!), w: c.alpha[k]! / c.n[k]!, delta: k === 0 ? null : p.deltas[k - 1]! });
      return terms;
    }),
  );
  const A = new Float64Array(d * d);
  const z = new Float64Array(d);
  const x = new Float64Array(d);
  const M = new Float64Array(d * d);
  const rhs = new Float64Array(d);
  const u = new Float64Array(d);
  return (streams, r, out) => {
    for (let k = 0; k <= K; k++) {
      const s = streams[k]!;
      const ck = cuts[k]!;
      let prev = 0;
      for (let j = 0; j < ck.length; j++) {
        const b = ck[j]!;
        const Wj = W[k]![j]!;
        const ej = e[k]![j]!;
        // (loops, not fill/set: for d ≤ 4 the builtins' call costs more than the copy)
        if (j === 0) {
          for (let q = 0; q < d * d; q++) Wj[q] = 0;
          for (let q = 0; q < d; q++) ej[q] = 0;
        } else {
          const Wp = W[k]![j - 1]!;
          const ep = e[k]![j - 1]!;
          for (let q = 0; q < d * d; q++) Wj[q] = Wp[q]!;
          for (let q = 0; q < d; q++) ej[q] = ep[q]!;
        }
        const L = b - prev;
        prev = b;
        if (L < 2 * d) {
          for (let i = 0; i < L; i++) {
            for (let p = 0; p < d; p++) x[p] = sd[p]! * s.normal();
            const eps = s.normal();
            for (let p = 0; p < d; p++) {
              ej[p]! += x[p]! * eps;
              for (let q = 0; q < d; q++) Wj[p * d + q]! += x[p]! * x[q]!;
            }
          }
          continue;
        }
        // Bartlett: W0 = A Aᵀ ~ Wishart_d(L, I), e0 = A z; then scale by D = diag(sd).
        for (let q = 0; q < d * d; q++) A[q] = 0;
        for (let i = 0; i < d; i++) {
          A[i * d + i] = Math.sqrt(s.chiSquare(L - i));
          for (let jj = 0; jj < i; jj++) A[i * d + jj] = s.normal();
          z[i] = s.normal();
        }
        for (let p = 0; p < d; p++) {
          let ez = 0;
          for (let q = 0; q <= p; q++) ez += A[p * d + q]! * z[q]!;
          ej[p]! += sd[p]! * ez;
          for (let q = 0; q < d; q++) {
            let w = 0;
            for (let m = 0; m <= Math.min(p, q); m++) w += A[p * d + m]! * A[q * d + m]!;
            Wj[p * d + q]! += sd[p]! * sd[q]! * w;
          }
        }
      }
    }
    for (let v = 0; v < plans.length; v++) {
      const pv = plans[v]!;
      for (let c = 0; c < pv.length; c++) {
        for (let q = 0; q < d * d; q++) M[q] = 0;
        for (let q = 0; q < d; q++) rhs[q] = 0;
        for (const { k, j, w, delta: dk } of pv[c]!) {
          const Wk = W[k]![j]!;
          const ek = e[k]![j]!;
          for (let a = 0; a < d; a++) {
            let wd = 0;
            for (let b = 0; b < d; b++) {
              M[a * d + b]! += w * Wk[a * d + b]!;
              if (dk) wd += Wk[a * d + b]! * dk[b]!;
            }
            rhs[a]! += w * (wd + sigma * ek[a]!);
          }
        }
        solveSpd(M, rhs, u, d);
        let err = 0;
        for (let i = 0; i < d; i++) err += xVar[i]! * u[i]! * u[i]!;
        out[v]![c]![r] = (0.5 * err) / (sigma * sigma);
      }
    }
  };
}

/** x with M x = b for symmetric positive definite M (Cholesky in place; M and b are overwritten). */
function solveSpd(M: Float64Array, b: Float64Array, x: Float64Array, d: number): boolean {
  for (let j = 0; j < d; j++) {
    let s = M[j * d + j]!;
    for (let m = 0; m < j; m++) s -= M[j * d + m]! * M[j * d + m]!;
    if (!(s > 0)) {
      x.fill(NaN);
      return false;
    }
    const l = Math.sqrt(s);
    M[j * d + j] = l;
    for (let i = j + 1; i < d; i++) {
      let t = M[i * d + j]!;
      for (let m = 0; m < j; m++) t -= M[i * d + m]! * M[j * d + m]!;
      M[i * d + j] = t / l;
    }
  }
  for (let i = 0; i < d; i++) {
    let t = b[i]!;
    for (let m = 0; m < i; m++) t -= M[i * d + m]! * x[m]!;
    x[i] = t / M[i * d + i]!;
  }
  for (let i = d - 1; i >= 0; i--) {
    let t = x[i]!;
    for (let m = i + 1; m < d; m++) t -= M[m * d + i]! * x[m]!;
    x[i] = t / M[i * d + i]!;
  }
  return true;
}

// ── Logistic model: the plain data, faster Newton ────────────────────────────────────────────

function logisticReplicate(variants: readonly Variant[], K: number): (s: RowState[]) => number[][] {
  const p0 = variants[0]!.problem;
  const d = p0.theta0.length;
  const need = Array.from({ length: K + 1 }, (_, k) => Math.max(0, ...variants.flatMap((v) => v.configs.filter((c) => used(c, k)).map((c) => c.n[k]!))));
  // Rows of stride 4 (zero-padded) for d ≤ 4, read by logisticPass.ts's pass4; d otherwise.
  const stride = d <= 4 ? 4 : d;
  const X = need.map((n) => new Float64Array(n * stride));
  const U = need.map((n) => new Float64Array(n));
  const L = need.map((n) => new Float64Array(n));
  const Y = need.map((n) => new Uint8Array(n));
  /** The θ_k each task's labels Y[k] were last computed for (the target's θ_0 is every variant's: labelled once). */
  const labelled: (number[] | null)[] = need.map(() => null);
  const fit = newton(d, K, stride);
  return (states) => {
    for (let k = 0; k <= K; k++) {
      fillRows(states[k]!, X[k]!, U[k]!, L[k]!, need[k]!, d, stride);
      labelled[k] = null;
    }
    return variants.map(({ problem: p, configs }) => {
      for (let k = 0; k <= K; k++) {
        const th = p.theta0.map((t, i) => t + (k === 0 ? 0 : p.deltas[k - 1]![i]!));
        const prev = labelled[k];
        if (prev && prev.every((t, i) => t === th[i])) continue;
        labelled[k] = th;
        labels(X[k]!, U[k]!, L[k]!, Y[k]!, need[k]!, th, d, stride);
      }
      return configs.map((c) => {
        const start = p.theta0.map((t, i) => t + p.deltas.reduce((acc, dk, k) => acc + c.alpha[k + 1]! * dk[i]!, 0));
        return logisticKL(p.theta0, fit(X, Y, c, start));
      });
    });
  };
}

/** Damped Newton for the weighted logistic log-likelihood, one data pass per iterate. */
function newton(d: number, K: number, stride: number): (X: Float64Array[], Y: Uint8Array[], c: UowqConfig, start: number[]) => Float64Array {
  const g = new Float64Array(d);
  const H = new Float64Array(d * d);
  const gc = new Float64Array(d);
  const Hc = new Float64Array(d * d);
  const step = new Float64Array(d);
  const cand = new Float64Array(d);
  /** Weighted log-likelihood at th; its gradient and Hessian (negated, upper triangle mirrored) into gOut, HOut. */
  const generic = (X: Float64Array[], Y: Uint8Array[], c: UowqConfig, th: Float64Array, gOut: Float64Array, HOut: Float64Array): number => {
    gOut.fill(0);
    HOut.fill(0);
    let f = 0;
    for (let k = 0; k <= K; k++) {
      if (!used(c, k)) continue;
      const nk = c.n[k]!;
      const w = c.alpha[k]! / nk;
      const Xk = X[k]!;
      const Yk = Y[k]!;
      let fk = 0;
      for (let i = 0; i < nk; i++) {
        const r = i * stride;
        let eta = 0;
        for (let p = 0; p < d; p++) eta += Xk[r + p]! * th[p]!;
        const ex = Math.exp(-Math.abs(eta));
        const l1p = Math.log1p(ex);
        const mu = eta >= 0 ? 1 / (1 + ex) : ex / (1 + ex);
        const y = Yk[i]!;
        fk += y * eta - (eta > 0 ? eta + l1p : l1p);
        const res = w * (y - mu);
        const v = w * mu * (1 - mu);
        for (let p = 0; p < d; p++) {
          const xp = Xk[r + p]!;
          gOut[p]! += res * xp;
          const vx = v * xp;
          for (let q = p; q < d; q++) HOut[p * d + q]! += vx * Xk[r + q]!;
        }
      }
      f += w * fk;
    }
    for (let p = 0; p < d; p++) for (let q = 0; q < p; q++) HOut[p * d + q] = HOut[q * d + p]!;
    return f;
  };
  // d ≤ 4: logisticPass.ts — the same gradient and Hessian, a log-likelihood within `bound` of the generic one (d < 4:
  // logisticPassSmall.ts, the same floats without the zero padding).
  const po: PassOut = { f: 0, bound: 0 };
  let bound = 0;
  const pass = (X: Float64Array[], Y: Uint8Array[], c: UowqConfig, th: Float64Array, gOut: Float64Array, HOut: Float64Array): number => {
    if (stride !== 4) return generic(X, Y, c, th, gOut, HOut);
    if (d === 1) pass1(X, Y, c, K, th, gOut, HOut, po);
    else if (d === 2) pass2(X, Y, c, K, th, gOut, HOut, po);
    else if (d === 3) pass3(X, Y, c, K, th, gOut, HOut, po);
    else pass4(X, Y, c, K, th, d, gOut, HOut, po);
    bound = Math.max(bound, po.bound);
    return po.f;
  };
  /**
   * The line search's test f(candidate) ≥ f(θ) − 1e-15·|f(θ)| on the generic pass's values: decided on the blocked
   * values where they are farther than their error bounds from the threshold, else on the generic values recomputed.
   */
  const accepts = (X: Float64Array[], Y: Uint8Array[], c: UowqConfig, theta: Float64Array, f: number, cand: Float64Array, fc: number): boolean => {
    const ok = (a: number, b: number) => a >= b - 1e-15 * Math.abs(b);
    if (stride !== 4) return ok(fc, f);
    const margin = 2 * bound * (1 + 1e-12);
    const thr = f - 1e-15 * Math.abs(f);
    if (fc > thr + margin || fc < thr - margin) return fc > thr;
    exactChecks++;
    return ok(exactLogLik(X, Y, c, K, cand, d), exactLogLik(X, Y, c, K, theta, d));
  };
  return (X, Y, c, start) => {
    const theta = Float64Array.from(start);
    bound = 0;
    let f = pass(X, Y, c, theta, g, H);
    for (let it = 0; it < 100; it++) {
      if (!solveSpd(H, g, step, d)) break; // H is overwritten (recomputed by the next pass)
      let size = 0;
      for (let p = 0; p < d; p++) size = Math.max(size, Math.abs(step[p]!));
      if (size < NEWTON_TOL) {
        for (let p = 0; p < d; p++) theta[p]! += step[p]!;
        break;
      }
      let lr = 1;
      let accepted = false;
      for (let h = 0; h < 40; h++) {
        for (let p = 0; p < d; p++) cand[p] = theta[p]! + lr * step[p]!;
        const fc = pass(X, Y, c, cand, gc, Hc);
        if (accepts(X, Y, c, theta, f, cand, fc)) {
          theta.set(cand);
          g.set(gc);
          H.set(Hc);
          f = fc;
          accepted = true;
          break;
        }
        lr /= 2;
      }
      if (!accepted || size * lr < 1e-14) break;
    }
    return theta;
  };
}
