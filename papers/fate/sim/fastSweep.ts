import { choleskyInPlace, forwardSolve, gramRows, inverseRowNormsSquared } from '../../../core/linalg/dense.ts';
import { Stream } from '../../../core/rng/stream.ts';
import { fineTuneSpectralFlow } from './fineTuneFlow.ts';
import { symmetricEigenProject, type SpectralProjection } from './spectral.ts';

/**
 * Fast, exact-in-law simulation of scratch, linear transfer and fine-tuning for a whole (n, θ) grid
 * at one d, sharing every draw across θ and across n. Reductions (each cross-checked in fastSweep.test.ts
 * against the plain ml-matrix simulation):
 *  1. Rotational invariance: WLOG β_s = e_1 and β_t = cos θ e_1 + sin θ e_2, so Xβ_s, Xν are columns 1, 2.
 *  2. n < d: one Gram matrix G = XXᵀ of the largest n; the Cholesky factor of a leading block of G is the
 *     leading block of its factor, so prefix sums of L⁻¹-transformed vectors give every smaller n at once.
 *  3. The label noise is integrated analytically where the risk is quadratic in it (scratch: +σ² tr G⁻¹;
 *     linear transfer: +σ²/‖Xβ_s‖²); fine-tuning keeps sampled noise (its end point is nonlinear in it).
 *  4. n > d: tr((XᵀX)⁻¹) has the law of ‖B⁻¹‖²_F with B bidiagonal, B_ii = χ_{n−i+1}, B_{i+1,i} = χ_{d−i}
 *     (Golub–Kahan bidiagonalisation of a Gaussian matrix; Dumitriu–Edelman 2002), computed in O(d) by
 *     a recursion on the rows of B⁻¹. Fine-tuning equals scratch there (unique least-squares minimum).
 *     For n > d, Xβ_s and Xν are drawn independently of B: exact for every mean, not for the joint law.
 *  5. Fine-tuning end point: the gradient flow of the pretrained deep linear net, integrated in the
 *     eigenbasis of the leading Gram block (fineTuneFlow.ts, spectral.ts; no fine-tuning formula). It is
 *     cross-checked against full deep-linear GD at d ≤ 40 in fineTuneFlow.test.ts, which also tests the
 *     derived end point of theory/fineTuneEndpoint.ts against it.
 *  6. Without fine-tuning (n < d) only the Cholesky factor of G and the columns z = Xe_1, w = Xe_2 enter. With X' the
 *     other d − 2 columns, G = X'X'ᵀ + zzᵀ + wwᵀ, X'X'ᵀ ~ Wishart_n(d − 2, I) independent of (z, w), which is AAᵀ for
 *     Bartlett's lower-triangular A (A_ii² ~ χ²_{d−2−i}, 0-based, A_ij ~ N(0, 1) below the diagonal; Bartlett 1933),
 *     and the factor of G is A after two rank-one Cholesky updates (by z, then w): O(n²) a draw instead of the
 *     O(n²d + n³) Gram matrix and factorisation. Leading blocks stay leading blocks, so reduction 2 holds. The
 *     update is checked against the factor of the formed G, and the values against the plain simulation in law
 *     (fastSweep.test.ts).
 */
export interface SweepSpec {
  d: number;
  ns: number[];
  thetas: number[];
  sigma: number;
  draws: number;
  seed: number;
  /** Depth of the deep linear net (fine-tuning end point); default 2. */
  L?: number;
  /**
   * Integrate the fine-tuning flow (default true). False leaves ft/ftPrinted/ftScale unset and skips the
   * eigendecomposition and the flow; for n < d it also draws the Cholesky factor of XXᵀ from its law instead of
   * forming X (reduction 6, underparamDrawWishart): the same random quantities in law, other random numbers.
   */
  fineTune?: boolean;
}

export interface SweepCell {
  n: number;
  theta: number;
  /** Per-draw values with the label noise integrated (scratch, linear transfer) or sampled. */
  sc: Float64Array;
  lt: Float64Array;
  scSampled: Float64Array;
  ltSampled: Float64Array;
  /** Fine-tuning end point of gradient flow (α → 0), and the paper's printed mechanism (k = 1), sampled noise. */
  ft: Float64Array;
  ftPrinted: Float64Array;
  /** Scale C = c^{L−1} of the integrated flow's end point (its weight on (I − P)β_s); 1 for n > d, where it does not enter. */
  ftScale: Float64Array;
}

export function fastSweep(spec: SweepSpec): SweepCell[][] {
  const { d, ns, thetas, sigma, draws } = spec;
  const L = spec.L ?? 2;
  const withFt = spec.fineTune ?? true;
  for (const n of ns) {
    if (!Number.isInteger(n) || n < 3 || Math.abs(n - d) < 2) throw new RangeError(`fastSweep: n = ${n} must be an integer ≥ 3 with |n − d| ≥ 2 (d = ${d})`);
  }
  const cells = ns.map((n) =>
    thetas.map((theta) => ({
      n,
      theta,
      sc: new Float64Array(draws),
      lt: new Float64Array(draws),
      scSampled: new Float64Array(draws),
      ltSampled: new Float64Array(draws),
      ft: new Float64Array(draws),
      ftPrinted: new Float64Array(draws),
      ftScale: new Float64Array(draws).fill(1),
    })),
  );
  const small = ns.filter((n) => n < d);
  const big = ns.filter((n) => n > d);
  const nMaxSmall = small.length ? Math.max(...small) : 0;
  const nMax = Math.max(...ns);
  const s2 = sigma * sigma;
  const streams = Stream.replicates(spec.seed, draws);
  for (let r = 0; r < draws; r++) {
    const rng = streams[r]!;
    const draw = withFt ? (e: Emit) => underparamDraw(rng, d, nMaxSmall, sigma, small, e) : (e: Emit) => underparamDrawWishart(rng, d, nMaxSmall, sigma, e);
    if (nMaxSmall > 0) draw((n, stats, spec) => {
      const ni = ns.indexOf(n);
      if (ni < 0 || (withFt && !spec)) return;
      thetas.forEach((th, ti) => {
        const c = Math.cos(th);
        const s = Math.sin(th);
        const pt2 = c * c * stats.ss + 2 * c * s * stats.sv + s * s * stats.vv; // ‖Pβ_t‖²
        const cell = cells[ni]![ti]!;
        cell.sc[r] = 1 - pt2 + s2 * stats.trInv;
        cell.scSampled[r] = 1 - pt2 + stats.ee;
        const b0 = c + (s * stats.zw) / stats.zz;
        cell.lt[r] = (b0 - c) ** 2 + s * s + s2 / stats.zz;
        const b = b0 + stats.ze / stats.zz;
        cell.ltSampled[r] = 1 - 2 * b * c + b * b;
        if (!spec) return;
        const p = 1 - stats.ss; // ‖(I − P)β_s‖²
        const cross = c - (c * stats.ss + s * stats.sv); // ⟨(I − P)β_s, β_t⟩
        const end = fineTuneEndRisk(spec, c, s, L);
        // ‖β − β_t‖² split over row(X) and its complement, where β = C(I − P)β_s.
        cell.ft[r] = 1 - pt2 + end.rowRisk + end.scale * end.scale * p - 2 * end.scale * cross;
        cell.ftScale[r] = end.scale;
        cell.ftPrinted[r] = cell.scSampled[r]! + p - 2 * cross;
      });
    });
    if (big.length) {
      // Shared across n > d: Xβ_s, Xν prefixes; the noise trace per n from its own bidiagonal draw.
      const z = rng.normals(nMax);
      const w = rng.normals(nMax);
      const eps = rng.normals(nMax, sigma);
      for (const n of big) {
        const ni = ns.indexOf(n);
        let zz = 0;
        let zw = 0;
        let ze = 0;
        for (let i = 0; i < n; i++) {
          zz += z[i]! * z[i]!;
          zw += z[i]! * w[i]!;
          ze += z[i]! * eps[i]!;
        }
        const { trace, sampledNoise } = bidiagonalNoise(rng, n, d, sigma);
        thetas.forEach((th, ti) => {
          const c = Math.cos(th);
          const s = Math.sin(th);
          const cell = cells[ni]![ti]!;
          cell.sc[r] = s2 * trace;
          cell.scSampled[r] = sampledNoise;
          const b0 = c + (s * zw) / zz;
          cell.lt[r] = (b0 - c) ** 2 + s * s + s2 / zz;
          const b = b0 + ze / zz;
          cell.ltSampled[r] = 1 - 2 * b * c + b * b;
          cell.ft[r] = sampledNoise;
          cell.ftPrinted[r] = sampledNoise;
        });
      }
    }
  }
  return cells;
}

interface PrefixStats {
  ss: number;
  sv: number;
  vv: number;
  trInv: number;
  zz: number;
  zw: number;
  ze: number;
  ee: number;
  se: number;
  ve: number;
}

/**
 * The fine-tuning flow's end point for one draw and angle, in the rotated frame (β_s = e_1,
 * β_t = c e_1 + s e_2): the spectral data are the eigenvalues λ_i of G = XXᵀ and the coordinates ζ, ω, ε̃
 * of Xe_1, Xe_2 and ε along its eigenvectors q_i, so that σ_i = √λ_i, a_i(0) = ζ_i/σ_i and
 * η_i = q_iᵀy = cζ_i + sω_i + ε̃_i. Returns C and ‖P(β − β_t)‖² = Σ_i (C a_i − (cζ_i + sω_i)/σ_i)².
 */
function fineTuneEndRisk(spec: SpectralProjection, c: number, s: number, L: number): { scale: number; rowRisk: number } {
  const lam = spec.values;
  const [zeta, omega, epsT] = spec.projections as [Float64Array, Float64Array, Float64Array];
  const r = lam.length;
  const sig = new Float64Array(r);
  const a0 = new Float64Array(r);
  const eta = new Float64Array(r);
  for (let i = 0; i < r; i++) {
    sig[i] = Math.sqrt(lam[i]!);
    a0[i] = zeta[i]! / sig[i]!;
    eta[i] = c * zeta[i]! + s * omega[i]! + epsT[i]!;
  }
  const end = fineTuneSpectralFlow({ sigma: sig, a0, eta }, { L });
  if (!end.converged) throw new Error(`fastSweep: fine-tuning flow did not converge (n = ${r}, ${end.steps} steps, time ${end.time})`);
  let rowRisk = 0;
  for (let i = 0; i < r; i++) rowRisk += (end.scale * end.a[i]! - (c * zeta[i]! + s * omega[i]!) / sig[i]!) ** 2;
  return { scale: end.scale, rowRisk };
}

type Emit = (n: number, s: PrefixStats, spec?: SpectralProjection) => void;

/**
 * In place: L ← the lower Cholesky factor of LLᵀ + xxᵀ (L n × n row-major lower triangular with a positive diagonal;
 * x is overwritten). Givens-type update, column by column (Golub & Van Loan, Matrix Computations, §6.5.4).
 */
export function cholRankOneUpdate(l: Float64Array, n: number, x: Float64Array): void {
  for (let k = 0; k < n; k++) {
    const lkk = l[k * n + k]!;
    const xk = x[k]!;
    const r = Math.hypot(lkk, xk);
    const c = r / lkk;
    const s = xk / lkk;
    l[k * n + k] = r;
    for (let i = k + 1; i < n; i++) {
      const lik = (l[i * n + k]! + s * x[i]!) / c;
      l[i * n + k] = lik;
      x[i] = c * x[i]! - s * lik;
    }
  }
}

/**
 * Reduction 6: one draw of (chol(XXᵀ), Xe_1, Xe_2, ε) for X ~ N(0, 1)^{nMax×d}, nMax ≤ d − 2, from Bartlett's factor of
 * the Wishart_nMax(d − 2) part plus two rank-one updates, and the prefix statistics for every n ≤ nMax.
 */
export function underparamDrawWishart(rng: Stream, d: number, nMax: number, sigma: number, emit: Emit): void {
  if (nMax > d - 2) throw new RangeError(`underparamDrawWishart: need n ≤ d − 2, got n = ${nMax}, d = ${d}`);
  const z = rng.normals(nMax);
  const w = rng.normals(nMax);
  const eps = rng.normals(nMax, sigma);
  const l = new Float64Array(nMax * nMax);
  for (let i = 0; i < nMax; i++) {
    for (let j = 0; j < i; j++) l[i * nMax + j] = rng.normal();
    l[i * nMax + i] = Math.sqrt(rng.chiSquare(d - 2 - i));
  }
  cholRankOneUpdate(l, nMax, Float64Array.from(z));
  cholRankOneUpdate(l, nMax, Float64Array.from(w));
  prefixStats(l, nMax, z, w, eps, new Map(), emit);
}

/**
 * One draw of X (nMax × d) and the prefix statistics for every n ≤ nMax (reduction 2), with the
 * spectral data of the leading Gram block for each n in `spectralAt` (the fine-tuning flow's basis).
 */
function underparamDraw(rng: Stream, d: number, nMax: number, sigma: number, spectralAt: readonly number[], emit: Emit): void {
  const x = rng.normals(nMax * d);
  const eps = rng.normals(nMax, sigma);
  const z = new Float64Array(nMax);
  const w = new Float64Array(nMax);
  for (let i = 0; i < nMax; i++) {
    z[i] = x[i * d]!;
    w[i] = x[i * d + 1]!;
  }
  const g = gramRows(x, nMax, d);
  const spectra = new Map<number, SpectralProjection>();
  for (const n of new Set(spectralAt)) {
    const block = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) block[i * n + j] = g[i * nMax + j]!;
    spectra.set(n, symmetricEigenProject(block, n, [z, w, eps]));
  }
  prefixStats(choleskyInPlace(g, nMax), nMax, z, w, eps, spectra, emit);
}

/** The prefix statistics for every n ≤ nMax from the Cholesky factor l of XXᵀ and z = Xe_1, w = Xe_2, ε (reduction 2). */
function prefixStats(l: Float64Array, nMax: number, z: Float64Array, w: Float64Array, eps: Float64Array, spectra: Map<number, SpectralProjection>, emit: Emit): void {
  const us = forwardSolve(l, nMax, z);
  const uv = forwardSolve(l, nMax, w);
  const ue = forwardSolve(l, nMax, eps);
  const rows = inverseRowNormsSquared(l, nMax);
  const st: PrefixStats = { ss: 0, sv: 0, vv: 0, trInv: 0, zz: 0, zw: 0, ze: 0, ee: 0, se: 0, ve: 0 };
  for (let i = 0; i < nMax; i++) {
    st.ss += us[i]! * us[i]!;
    st.sv += us[i]! * uv[i]!;
    st.vv += uv[i]! * uv[i]!;
    st.trInv += rows[i]!;
    st.zz += z[i]! * z[i]!;
    st.zw += z[i]! * w[i]!;
    st.ze += z[i]! * eps[i]!;
    st.ee += ue[i]! * ue[i]!;
    st.se += us[i]! * ue[i]!;
    st.ve += uv[i]! * ue[i]!;
    emit(i + 1, st, spectra.get(i + 1));
  }
}

/**
 * Reduction 4: tr((XᵀX)⁻¹) for X ~ N(0,1)^{n×d}, n > d, as ‖B⁻¹‖²_F of the Golub–Kahan bidiagonal B.
 * Row sums S_i of (B⁻¹)² obey S_1 = 1/a_1², S_{i+1} = (b_i² S_i + 1)/a_{i+1}². The sampled noise energy
 * ‖X⁺ε‖² = ‖B⁻¹η‖² with η ~ N(0, σ²I_d) is computed by one bidiagonal solve.
 */
export function bidiagonalNoise(rng: Stream, n: number, d: number, sigma: number): { trace: number; sampledNoise: number } {
  let rowSum = 0;
  let trace = 0;
  let prevX = 0;
  let sampled = 0;
  let bPrev = 0;
  for (let i = 0; i < d; i++) {
    const a = Math.sqrt(rng.chiSquare(n - i));
    const a2 = a * a;
    rowSum = i === 0 ? 1 / a2 : (bPrev * bPrev * rowSum + 1) / a2;
    trace += rowSum;
    const eta = sigma * rng.normal();
    const xi = (eta - bPrev * prevX) / a; // forward solve with lower bidiagonal B
    sampled += xi * xi;
    prevX = xi;
    bPrev = i < d - 1 ? Math.sqrt(rng.chiSquare(d - 1 - i)) : 0;
  }
  return { trace, sampledNoise: sampled };
}
