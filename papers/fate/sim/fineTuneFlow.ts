/**
 * The gradient-flow end point of fine-tuning a pretrained deep linear network (Thm 3.9 setting),
 * integrated, not solved for: no fine-tuning formula and no conservation law enters. The flow is
 * reduced exactly from the layer gradients of deepLinear.ts:
 *
 * 1. With ℓ(β) = (1/2n)‖Xβ − y‖² and g = ∇_β ℓ = Xᵀ(Xβ − y)/n, the layer gradients are
 *    ∇_{W_l} = (W_1⋯W_{l−1})ᵀ g (W_{l+1}⋯W_L)ᵀ.
 * 2. Pretraining ends (α → 0; Lemma 3.3, Thm 3.4, measured by fate.gd.pretrain) at the rank-one chain
 *    W_1 = β_s v_1ᵀ, W_l = v_{l−1}v_lᵀ, W_L = v_{L−1} (unit v_l). On the family W_1 = u v_1ᵀ,
 *    W_l = c_l v_{l−1}v_lᵀ, W_L = c_L v_{L−1} the gradients are ∇_{W_1} = C g v_1ᵀ and
 *    ∇_{W_l} = (uᵀg)(C/c_l) v_{l−1}v_lᵀ with C = Π c_l: tangent to the family, so by uniqueness the
 *    flow stays on it, with u' = −C g and c_l' = −(uᵀg) C/c_l. Every c_l solves the same equation from
 *    c_l(0) = 1, so c_l = c and C = c^{L−1}.
 * 3. In the SVD X = Σ σ_i q_i r_iᵀ (σ_i > 0), g = Σ σ_i (C σ_i a_i − η_i) r_i / n with a_i = r_iᵀu and
 *    η_i = q_iᵀy. So u's component outside row(X) never moves, and (time rescaled by n)
 *        a_i' = −C σ_i (C σ_i a_i − η_i),      c' = −c^{L−2} Σ_i σ_i a_i (C σ_i a_i − η_i),
 *    from a_i(0) = r_iᵀβ_s, c(0) = 1. The end point is β = C (β_s + Σ_i (a_i − a_i(0)) r_i).
 *
 * The rates C²σ_i² span the spectrum of XᵀX (stiff as n → d), so the system is integrated with the
 * L-stable, stiffly accurate Rosenbrock method RODAS4 (order 4, embedded order 3; Hairer & Wanner,
 * Solving ODEs II, §IV.7, coefficients of their rodas.f) with adaptive steps and the exact Jacobian.
 * The Jacobian is diagonal plus one bordered row and column, so each linear solve costs O(r).
 * Integration stops when the remaining motion, bounded by ‖F‖/(C²σ_min²) (the bordered Jacobian's
 * nonzero eigenvalues interlace the diagonal, so no mode decays slower than the smallest diagonal
 * rate), is below 1% of the tolerance, or after 50 of those time constants. The balancedness
 * invariant ‖u‖² − c² (zero for the flow) is not used; its drift is reported as a check on the
 * integration.
 */
export interface FlowSpectrum {
  /** Singular values σ_i > 0 of X (its nonzero spectrum). */
  sigma: ArrayLike<number>;
  /** a_i(0) = r_iᵀβ_s: the pretrained first-layer column along the right singular vectors. */
  a0: ArrayLike<number>;
  /** η_i = q_iᵀy: the labels along the left singular vectors. */
  eta: ArrayLike<number>;
}

export interface FlowOptions {
  /** Depth L ≥ 2 of the network. */
  L: number;
  /** Local error tolerance (absolute + relative to ‖(a, c)‖). Default 1e-8: end point within ~1e-8 relative (fineTuneFlow.test.ts). */
  tol?: number;
  maxSteps?: number;
}

export interface FlowEnd {
  /** a_i at the end point. */
  a: Float64Array;
  /** Common singular value c of the layers W_2 … W_L. */
  c: number;
  /** C = c^{L−1}: the factor of every component of β = C·u. */
  scale: number;
  steps: number;
  rejected: number;
  /** Flow time reached (in units of n). */
  time: number;
  converged: boolean;
  /** |(‖u‖² − ‖u(0)‖²) − (c² − 1)|: the conserved balancedness, as an integration diagnostic. */
  invariantDrift: number;
  /** ‖Cσa − η‖/‖η‖ over the row space: the fit residual at the end point. */
  residual: number;
}

// RODAS4 (Hairer & Wanner, rodas.f): (I/(hγ) − J) k_i = f(y + Σ_j A_ij k_j) + Σ_j C_ij k_j / h. Stages 5
// and 6 are stiffly accurate: y_5 = y + Σ_j A_5j k_j, y_6 = y_5 + k_5, y_new = y_6 + k_6, error ≈ k_6.
const GAMMA = 0.25;
const A = [
  [],
  [1.544],
  [0.9466785280815826, 0.2557011698983284],
  [3.314825187068521, 2.896124015972201, 0.9986419139977817],
  [1.221224509226641, 6.019134481288629, 12.53708332932087, -0.687886036105895],
];
const CC = [
  [],
  [-5.6688],
  [-2.430093356833875, -0.2063599157091915],
  [-0.1073529058151375, -9.594562251023355, -20.47028614809616],
  [7.496443313967647, -10.24680431464352, -33.99990352819905, 11.7089089320616],
  [8.083246795921522, -7.981132988064893, -31.52159432874371, 16.31930543123136, -6.058818238834054],
];

export function fineTuneSpectralFlow(sp: FlowSpectrum, opts: FlowOptions): FlowEnd {
  const { L } = opts;
  if (!(Number.isInteger(L) && L >= 2)) throw new RangeError(`fineTuneSpectralFlow: need integer L ≥ 2, got ${L}`);
  const r = sp.sigma.length;
  if (sp.a0.length !== r || sp.eta.length !== r) throw new RangeError('fineTuneSpectralFlow: sigma, a0 and eta must have equal lengths');
  const tol = opts.tol ?? 1e-8;
  const maxSteps = opts.maxSteps ?? 100_000;
  const sig = Float64Array.from(sp.sigma);
  const eta = Float64Array.from(sp.eta);
  let lamMin = Infinity;
  let lamMax = 0;
  for (let i = 0; i < r; i++) {
    const s = sig[i]!;
    if (!(s > 0 && Number.isFinite(s))) throw new RangeError(`fineTuneSpectralFlow: singular value ${i} is ${s}; need σ_i > 0`);
    lamMin = Math.min(lamMin, s * s);
    lamMax = Math.max(lamMax, s * s);
  }
  const m = r + 1; // state (a_1 … a_r, c)
  const y = new Float64Array(m);
  for (let i = 0; i < r; i++) y[i] = sp.a0[i]!;
  y[r] = 1;
  let norm0 = 0;
  for (let i = 0; i < r; i++) norm0 += y[i]! * y[i]!;

  const f = (s: Float64Array, out: Float64Array): void => {
    const c = s[r]!;
    const k = c ** (L - 2);
    const C = k * c;
    let sum = 0;
    for (let i = 0; i < r; i++) {
      const res = C * sig[i]! * s[i]! - eta[i]!;
      out[i] = -C * sig[i]! * res;
      sum += sig[i]! * s[i]! * res;
    }
    out[r] = -k * sum;
  };

  // Jacobian at the step's start: diagonal D, column b (∂F_i/∂c), row q (∂F_c/∂a_i), corner δ.
  const D = new Float64Array(r);
  const b = new Float64Array(r);
  const q = new Float64Array(r);
  let delta = 0;
  const jacobian = (s: Float64Array): void => {
    const c = s[r]!;
    const k = c ** (L - 2);
    const C = k * c;
    const Cc = (L - 1) * k;
    const kc = L === 2 ? 0 : (L - 2) * c ** (L - 3);
    let sumRes = 0;
    let sumLa2 = 0;
    for (let i = 0; i < r; i++) {
      const sa = sig[i]! * s[i]!;
      const t = 2 * C * sa - eta[i]!;
      D[i] = -C * C * sig[i]! * sig[i]!;
      b[i] = -Cc * sig[i]! * t;
      q[i] = -k * sig[i]! * t;
      sumRes += sa * (C * sa - eta[i]!);
      sumLa2 += sa * sa;
    }
    delta = -kc * sumRes - k * Cc * sumLa2;
  };

  // Solves (I − hγJ) x = rhs in O(r) by eliminating the border.
  const w = new Float64Array(r);
  let denom = 1;
  const factor = (hg: number): void => {
    let s = 0;
    for (let i = 0; i < r; i++) {
      w[i] = 1 / (1 - hg * D[i]!);
      s += q[i]! * w[i]! * b[i]!;
    }
    denom = 1 - hg * delta - hg * hg * s;
  };
  const solve = (hg: number, rhs: Float64Array, x: Float64Array): void => {
    let s = 0;
    for (let i = 0; i < r; i++) s += q[i]! * w[i]! * rhs[i]!;
    const xc = (rhs[r]! + hg * s) / denom;
    for (let i = 0; i < r; i++) x[i] = w[i]! * (rhs[i]! + hg * b[i]! * xc);
    x[r] = xc;
  };

  const F0 = new Float64Array(m);
  const fy = new Float64Array(m);
  const k = Array.from({ length: 6 }, () => new Float64Array(m));
  const stage = new Float64Array(m);
  const rhs = new Float64Array(m);
  const norm = (v: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < m; i++) s += v[i]! * v[i]!;
    return Math.sqrt(s);
  };

  f(y, F0);
  let h = 0.1 / lamMax;
  let time = 0;
  let steps = 0;
  let rejected = 0;
  let converged = false;
  while (steps + rejected < maxSteps) {
    const scaleNow = y[r]! ** (L - 1);
    // Remaining motion ≤ L‖F‖/(C²λ_min) (L bounds the border's asymmetry (L − 1)): stop below 1% of tol,
    // or once the flow has run 50 slowest time constants (e^{−50}: below round-off, where ‖F‖ stalls).
    const slowest = 1 / (scaleNow * scaleNow * lamMin);
    if (L * norm(F0) * slowest <= 0.01 * tol * (1 + norm(y)) || time >= 50 * slowest) {
      converged = true;
      break;
    }
    jacobian(y);
    const hg = h * GAMMA;
    factor(hg);
    // (I − hγJ) k_i = hγ (f(stage_i) + Σ_j C_ij k_j / h).
    for (let st = 0; st < 6; st++) {
      if (st === 0) fy.set(F0);
      else {
        if (st < 5) {
          const a = A[st]!;
          for (let i = 0; i < m; i++) {
            let v = y[i]!;
            for (let jj = 0; jj < st; jj++) v += a[jj]! * k[jj]![i]!;
            stage[i] = v;
          }
        } else for (let i = 0; i < m; i++) stage[i]! += k[4]![i]!;
        f(stage, fy);
      }
      const cc = CC[st]!;
      for (let i = 0; i < m; i++) {
        let v = fy[i]!;
        for (let jj = 0; jj < st; jj++) v += (cc[jj]! * k[jj]![i]!) / h;
        rhs[i] = hg * v;
      }
      solve(hg, rhs, k[st]!);
    }
    for (let i = 0; i < m; i++) stage[i]! += k[5]![i]!; // y_new
    const err = norm(k[5]!) / (tol * (1 + Math.max(norm(y), norm(stage))));
    const grow = err > 0 ? 0.9 * err ** -0.25 : 6;
    if (err <= 1 && stage[r]! > 0) {
      time += h;
      steps++;
      y.set(stage);
      f(y, F0);
      h *= Math.min(6, Math.max(0.2, grow));
    } else {
      rejected++;
      h *= Math.max(0.2, Math.min(0.9, grow));
    }
  }
  const c = y[r]!;
  const C = c ** (L - 1);
  const a = y.slice(0, r);
  let norm2 = 0;
  let res2 = 0;
  let eta2 = 0;
  for (let i = 0; i < r; i++) {
    norm2 += a[i]! * a[i]!;
    res2 += (C * sig[i]! * a[i]! - eta[i]!) ** 2;
    eta2 += eta[i]! * eta[i]!;
  }
  return {
    a,
    c,
    scale: C,
    steps,
    rejected,
    time,
    converged,
    invariantDrift: Math.abs(norm2 - norm0 - (c * c - 1)),
    residual: eta2 > 0 ? Math.sqrt(res2 / eta2) : Math.sqrt(res2),
  };
}
