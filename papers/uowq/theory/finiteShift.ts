/**
 * The logistic model's asymptotic error at a finite shift: eq U1 without its local (small-shift) expansion.
 *
 * Why. Eq U1 is the leading term of E KL(θ_0 ‖ θ̂) in the local regime δ_k = Δ_k/√N, N → ∞. For logistic
 * regression its next term is a relative O(‖δ‖) = O(N^{-1/2}): the pooled estimate converges to the pseudo-true
 * θ* (not θ_0 + Σα_kδ_k), the KL is not quadratic (cubic term T(b, b, b) of the log-partition), and the source
 * samples have Fisher information J(θ_0 + δ_k) ≠ J. The checks' 1/N Richardson extrapolation does not remove
 * an N^{-1/2} term (it multiplies it by √2 − 1), so at the shifts where negative transfer shows, ‖δ‖_J up to
 * ≈ 0.4 at N_0 = 400–800, eq U1 is read off a simulation biased by up to ≈ 10 % after extrapolation (seed 2222:
 * plain 0.75, extrapolated 0.89 of U1). The quantity below is the same limit without the expansion in δ:
 *
 *   θ*:  Σ_k α_k E[(σ(xᵀθ_k) − σ(xᵀθ*)) x] = 0            (population weighted score; θ_k = θ_0 + δ_k)
 *   H  = E[σ'(xᵀθ*) x xᵀ] = J(θ*)                          (Hessian of the weighted objective and of KL(θ_0 ‖ ·) at θ*)
 *   M  = Σ_k (α_k²/n_k) Var_k(score at θ*),  Var_k = E[(σ_k(1 − σ_k) + (σ_k − σ*)²) x xᵀ] − g_k g_kᵀ,
 *        g_k = E[(σ_k − σ*) x]                              (the sandwich: task k's mean score at θ* is not 0)
 *   E_plug(α, n) = KL(θ_0 ‖ θ*) + ½ tr(H⁻¹ M) + ∇KL(θ_0 ‖ ·)(θ*)ᵀ E[θ̂ − θ*]
 *
 * The last term is the O(1/N) estimator bias met by the O(‖δ‖) gradient of the KL at θ*: an O(N^{-3/2}), i.e.
 * a relative O(N^{-1/2}) that the 1/N Richardson step would not remove either. E_plug = U1·(1 + O(‖δ‖)) (the
 * test checks the convergence as δ → 0, and E[θ̂ − θ*] against fitted MLEs) and the simulated error is
 * E_plug·(1 + O(1/N)) along δ ∝ N^{-1/2}. The checks use E_plug only as a finite-size correction of the simulation
 * (E_plug − U1 vanishes relative to U1 in the local limit), never as the prediction: the prediction stays eq U1/U5.
 *
 * Computation. x ~ N(0, I_d): every θ involved lies in S = span{θ_0, δ_1..δ_K}; for K = 1 (the checks) S has
 * dimension ≤ 2, so every expectation is a Gaussian integral over the coordinates z in S (tensor trapezoid
 * rule, geometric convergence for these analytic integrands), and on S^⊥, E[f x xᵀ] = E[f]·I.
 */
import type { Vec } from './model.ts';

const sigma = (t: number) => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));
const logSigma = (t: number) => (t >= 0 ? -Math.log1p(Math.exp(-t)) : t - Math.log1p(Math.exp(t)));

/** Trapezoid nodes on [−HALF, HALF] for the standard normal (weights include the density). */
const HALF = 9;
const STEPS = 90;
const GRID = (() => {
  const h = (2 * HALF) / STEPS;
  const z: number[] = [];
  const w: number[] = [];
  for (let i = 0; i <= STEPS; i++) {
    const x = -HALF + i * h;
    z.push(x);
    w.push(((i === 0 || i === STEPS ? 0.5 : 1) * h * Math.exp(-0.5 * x * x)) / Math.sqrt(2 * Math.PI));
  }
  return { z, w };
})();

/** Orthonormal basis (Gram–Schmidt) of the span of the vectors; at most `max` vectors. */
function basis(vs: readonly Vec[], d: number): number[][] {
  const B: number[][] = [];
  for (const v of vs) {
    const u = [...v];
    for (const b of B) {
      const c = b.reduce((s, bi, i) => s + bi * u[i]!, 0);
      b.forEach((bi, i) => (u[i]! -= c * bi));
    }
    const n = Math.hypot(...u);
    if (n > 1e-12 * Math.max(1, Math.hypot(...v))) B.push(u.map((x) => x / n));
  }
  if (B.length === 0) B.push(Array.from({ length: d }, (_, i) => (i === 0 ? 1 : 0)));
  return B;
}

interface Coords {
  B: number[][];
  /** Coordinates in B of θ_0 and θ_k. */
  c: number[][];
}

/** Σ over the k-dim grid (k = B.length ≤ 2) of w·f(z). */
function integrate(k: number, f: (z: number[]) => void): void {
  const { z, w } = GRID;
  if (k === 1) for (let i = 0; i < z.length; i++) f([z[i]!, w[i]!]);
  else for (let i = 0; i < z.length; i++) for (let j = 0; j < z.length; j++) f([z[i]!, z[j]!, w[i]! * w[j]!]);
}

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

/** Pseudo-true parameter (coordinates in B) of the population weighted logistic objective. */
function pseudoTrue(co: Coords, alpha: readonly number[]): number[] {
  const k = co.B.length;
  let c = co.c.slice(1).reduce((acc, ck, j) => acc.map((x, i) => x + alpha[j + 1]! * (ck[i]! - co.c[0]![i]!)), [...co.c[0]!]);
  for (let it = 0; it < 100; it++) {
    const g = new Array<number>(k).fill(0);
    const H = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    integrate(k, (p) => {
      const zz = p.slice(0, k);
      const w = p[k]!;
      const s = sigma(dot(zz, c));
      let target = 0;
      co.c.forEach((ck, j) => (target += alpha[j]! * sigma(dot(zz, ck))));
      for (let a = 0; a < k; a++) {
        g[a]! += w * (target - s) * zz[a]!;
        for (let b = 0; b < k; b++) H[a]![b]! += w * s * (1 - s) * zz[a]! * zz[b]!;
      }
    });
    const step = solveSmall(H, g);
    c = c.map((x, i) => x + step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-13) break;
  }
  return c;
}

function solveSmall(H: number[][], g: number[]): number[] {
  if (g.length === 1) return [g[0]! / H[0]![0]!];
  const det = H[0]![0]! * H[1]![1]! - H[0]![1]! * H[1]![0]!;
  return [(H[1]![1]! * g[0]! - H[0]![1]! * g[1]!) / det, (H[0]![0]! * g[1]! - H[1]![0]! * g[0]!) / det];
}

/**
 * E_plug(α, n) for logistic regression, x ~ N(0, I_d), one source or more whose shifts span ≤ 2 dimensions
 * together with θ_0 (always so for K = 1). Returns the pseudo-true θ* and the bias and variance parts.
 */
export function logisticFiniteShiftError(theta0: Vec, deltas: readonly Vec[], alpha: Vec, n: Vec): { value: number; bias: number; variance: number; estimatorBias: number; meanError: number[]; thetaStar: number[] } {
  const d = theta0.length;
  const thetas = [theta0, ...deltas.map((dk) => theta0.map((x, i) => x + dk[i]!))];
  const B = basis([theta0, ...deltas], d);
  if (B.length > 2) throw new RangeError('logisticFiniteShiftError: θ_0 and the shifts must span at most 2 dimensions');
  const k = B.length;
  const co: Coords = { B, c: thetas.map((t) => B.map((b) => dot(b, t))) };
  const cs = pseudoTrue(co, alpha);
  const thetaStar = Array.from({ length: d }, (_, i) => B.reduce((s, b, a) => s + cs[a]! * b[i]!, 0));
  // One pass: KL(θ_0 ‖ θ*), H on S, E[σ'*] (H on S^⊥), per task g_k, E[v_k z zᵀ] on S and E[v_k].
  const T = thetas.length;
  let kl = 0;
  let hPerp = 0;
  const H = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const g = thetas.map(() => new Array<number>(k).fill(0));
  const V = thetas.map(() => Array.from({ length: k }, () => new Array<number>(k).fill(0)));
  const vPerp = new Array<number>(T).fill(0);
  integrate(k, (p) => {
    const zz = p.slice(0, k);
    const w = p[k]!;
    const a = dot(zz, cs);
    const sStar = sigma(a);
    const h = sStar * (1 - sStar);
    const t0 = dot(zz, co.c[0]!);
    const p0 = sigma(t0);
    const l0 = logSigma(t0);
    const la = logSigma(a);
    kl += w * (p0 * (l0 - la) + (1 - p0) * (l0 - t0 - (la - a)));
    hPerp += w * h;
    for (let j = 0; j < T; j++) {
      const sk = sigma(dot(zz, co.c[j]!));
      const v = sk * (1 - sk) + (sk - sStar) ** 2;
      vPerp[j]! += w * v;
      for (let r = 0; r < k; r++) {
        g[j]![r]! += w * (sk - sStar) * zz[r]!;
        for (let q = 0; q < k; q++) V[j]![r]![q]! += w * v * zz[r]! * zz[q]!;
      }
    }
    for (let r = 0; r < k; r++) for (let q = 0; q < k; q++) H[r]![q]! += w * h * zz[r]! * zz[q]!;
  });
  // M on S: Σ_j α_j²/n_j (V_j − g_j g_jᵀ); on S^⊥ (d − k dimensions): Σ_j α_j²/n_j E[v_j] (g_j ⊥ S^⊥).
  const M = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let mPerp = 0;
  thetas.forEach((_, j) => {
    const f = alpha[j]! === 0 ? 0 : (alpha[j]! * alpha[j]!) / n[j]!;
    mPerp += f * vPerp[j]!;
    for (let r = 0; r < k; r++) for (let q = 0; q < k; q++) M[r]![q]! += f * (V[j]![r]![q]! - g[j]![r]! * g[j]![q]!);
  });
  // ½ tr(H⁻¹M) on S, plus ½ (d − k) mPerp / hPerp on S^⊥.
  const HinvMcols = Array.from({ length: k }, (_, q) => solveSmall(H, M.map((row) => row[q]!)));
  let tr = 0;
  for (let r = 0; r < k; r++) tr += HinvMcols[r]![r]!;
  const variance = 0.5 * tr + (0.5 * (d - k) * mPerp) / hPerp;
  // ∇KL(θ_0 ‖ ·)(θ*)ᵀ E[θ̂ − θ*]: the O(1/N) bias of the M-estimator (second-order expansion of the weighted
  // score, Rilstone et al. 1996) met by the O(‖δ‖) gradient of the KL at θ*. With H, C = H⁻¹MH⁻¹ block-diagonal
  // on S ⊕ S^⊥ (H⁻¹ = 1/hPerp, C = mPerp/hPerp² on S^⊥), and f(x) a function of z only,
  //   E[θ̂ − θ*] = H⁻¹ (Σ_j α_j²/n_j {E[σ'*(σ* − σ_j) x xᵀH⁻¹x] − E[(σ* − σ_j) x]} − ½ E[σ''* x xᵀCx]) + O(N⁻²),
  //   E[f x xᵀAx] on S = E[f z zᵀA_S z] + a_⊥ (d − k) E[f z].
  const Hinv = Array.from({ length: k }, (_, q) => solveSmall(H, Array.from({ length: k }, (__, r) => (r === q ? 1 : 0))));
  const HinvM = Array.from({ length: k }, (_, r) => Array.from({ length: k }, (__, q) => HinvMcols[q]![r]!));
  const C = Array.from({ length: k }, (_, r) => Array.from({ length: k }, (__, q) => HinvM[r]!.reduce((acc, x, j) => acc + x * Hinv[q]![j]!, 0)));
  const quad = (A: number[][], zz: number[]) => zz.reduce((acc, zi, r) => acc + zi * A[r]!.reduce((t, a, q) => t + a * zz[q]!, 0), 0);
  const hInvPerp = 1 / hPerp;
  const cPerp = mPerp / (hPerp * hPerp);
  const gradKL = new Array<number>(k).fill(0);
  const rhs = new Array<number>(k).fill(0);
  integrate(k, (p) => {
    const zz = p.slice(0, k);
    const w = p[k]!;
    const sStar = sigma(dot(zz, cs));
    const h = sStar * (1 - sStar);
    const h2 = h * (1 - 2 * sStar);
    const p0 = sigma(dot(zz, co.c[0]!));
    let cov = 0;
    let mean = 0;
    for (let j = 0; j < T; j++) {
      if (alpha[j]! === 0) continue;
      const f = (alpha[j]! * alpha[j]!) / n[j]!;
      const e = sStar - sigma(dot(zz, co.c[j]!));
      cov += f * h * e;
      mean += f * e;
    }
    const hq = quad(Hinv, zz) + hInvPerp * (d - k);
    const cq = quad(C, zz) + cPerp * (d - k);
    for (let r = 0; r < k; r++) {
      gradKL[r]! += w * (sStar - p0) * zz[r]!;
      rhs[r]! += w * zz[r]! * (cov * hq - mean - 0.5 * h2 * cq);
    }
  });
  const estimatorBias = solveSmall(H, rhs);
  const biasTerm = dot(gradKL, estimatorBias);
  // E[θ̂ − θ*] lies in S (H⁻¹ keeps S, the S^⊥ components of rhs vanish by symmetry): back to R^d.
  const meanError = Array.from({ length: d }, (_, i) => B.reduce((acc, b, a) => acc + estimatorBias[a]! * b[i]!, 0));
  return { value: kl + variance + biasTerm, bias: kl, variance, estimatorBias: biasTerm, meanError, thetaStar };
}

/** Path sizes s (δ/√s, N·s) of the local limit: past s ≈ 1e4 the gap to the limit is first order in s^{-1/2}. */
const LOCAL_PATH = [1e4, 4e4, 16e4] as const;

/**
 * The local (δ = O(N^{-1/2})) limit of E_plug at (δ, n), computed from E_plug alone — never from eq U1/U5, so a
 * check that subtracts E_plug − (this) from a simulation still compares it with the printed formula, and a typo
 * there is not cancelled. Along δ/√s, n·s the quantity s·E_plug = L + c_1 h + c_2 h² + O(h³), h = s^{-1/2}: three
 * sizes with h halving, two Richardson steps (remainder ≈ c_3 h³ ≈ 1e-6 relative at these sizes).
 */
export function logisticLocalLimit(theta0: Vec, deltas: readonly Vec[], alpha: Vec, n: Vec): number {
  const [a, b, c] = LOCAL_PATH.map((s) => {
    const shrunk = deltas.map((dk) => dk.map((x) => x / Math.sqrt(s)));
    return s * logisticFiniteShiftError(theta0, shrunk, alpha, n.map((x) => x * s)).value;
  }) as [number, number, number];
  const r1 = 2 * b - a;
  const r2 = 2 * c - b;
  return (4 * r2 - r1) / 3;
}
