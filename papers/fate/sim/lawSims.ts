import type { Params, ParamSpec } from '../../../core/params.ts';
import { P } from '../../../core/params.ts';
import { Stream } from '../../../core/rng/stream.ts';
import { measurement, summary } from '../../../core/measurement.ts';
import type { SimSpec } from '../../../sim/sim.ts';
import { bidiagonalNoise } from './fastSweep.ts';

/**
 * Scratch and (ridge) linear transfer drawn from the exact law of their sufficient statistics, with the label
 * noise integrated exactly given the design (Rao–Blackwell). A draw costs O(d) (scratch) or O(1) (linear
 * transfer) instead of the O(n²d) of forming X, so the thousands of draws the finite-size claims need at
 * their declared deviations are affordable. Each law is cross-checked against the plain ml-matrix simulation
 * in lawSims.test.ts. The reductions (rotational invariance of the Gaussian design; β_s, β_t, ν unit):
 *  1. Scratch, noise integrated: E_ε R_sc = ‖(I − P)β_t‖² + σ² tr((XᵀX)⁺), P the projection on row(X).
 *     X = U S Vᵀ with V Haar and independent of S, so ‖Pβ_t‖² = ‖Vᵀβ_t‖² ~ Beta(n/2, (d − n)/2) (n < d),
 *     independent of the spectrum; tr((XᵀX)⁺) = tr(G⁻¹) of the smaller Gram matrix, whose law is that of the
 *     Golub–Kahan bidiagonal model (fastSweep.ts reduction 4: a max(n,d) × min(n,d) Gaussian matrix).
 *  2. Ridge linear transfer on the rank-one features Φ = (Xβ_s)vᵀ: the fit depends on X only through
 *     z = Xβ_s and w = Xν (ν ⟂ β_s the unit direction with β_t = cβ_s + sν), independent N(0, I_n). With
 *     b = zᵀy/(‖z‖² + nλ), the risk is 1 − 2bc + b²; integrating ε: b₀ = (c‖z‖² + s zᵀw)/(‖z‖² + nλ) and
 *     E_ε R = 1 − 2b₀c + b₀² + σ²‖z‖²/(‖z‖² + nλ)². Only ‖z‖² ~ χ²_n and zᵀw/‖z‖ ~ N(0, 1) (independent
 *     of ‖z‖²) enter, so a draw is two random numbers. λ = 0 is min-norm linear transfer (Thm 3.7).
 *  3. The transferability 𝒯_lt = R_sc − R_lt: the two laws above drawn independently in each draw. The
 *     pair is then not the joint law of one design (the plain paired simulation is), but its mean is
 *     E R_sc − E R_lt exactly, and the draws are independent and identically distributed, which is all a
 *     test of the mean uses.
 */

const nSpec: ParamSpec = { ...P.n, domain: { min: 3, integer: true, text: 'integers ≥ 3' } };
const dSpec: ParamSpec = { ...P.d, default: 500, domain: { min: 4, max: 100000, integer: true } };
const gammaSpec: ParamSpec = {
  ...P.gamma,
  domain: { min: 0, minOpen: true, text: '(0, ∞) with n = round(γd) ≥ 3 and |n − d| ≥ 2 (the noise term has infinite mean at |n − d| ≤ 1)' },
};

function sizeFrom(p: Params): { n: number; d: number } {
  return { n: Math.round(p.gamma! * p.d!), d: p.d! };
}

const nAwayFromD = (p: Params): string | null => {
  const { n, d } = sizeFrom(p);
  if (n < 3) return `gamma (γ) gives n = round(γd) = ${n}; need n ≥ 3`;
  return Math.abs(n - d) < 2 ? `gamma (γ) gives n = ${n} with d = ${d}: need |n − d| ≥ 2 (E R_sc is infinite at |n − d| ≤ 1)` : null;
};

/** Reduction 1: one draw of E_ε R_sc at (n, d, σ). */
export function scratchLawDraw(rng: Stream, n: number, d: number, sigma: number): number {
  if (n < d) {
    const a = rng.chiSquare(n);
    const b = rng.chiSquare(d - n);
    // Gram matrix XXᵀ (n × n) has the law of BᵀB for a d × n Gaussian matrix: its bidiagonal model.
    return b / (a + b) + sigma * sigma * bidiagonalNoise(rng, d, n, 0).trace;
  }
  return sigma * sigma * bidiagonalNoise(rng, n, d, 0).trace;
}

/** Reduction 2: one draw of E_ε R_lt^λ at (n, θ, σ, λ). */
export function ridgeLawDraw(rng: Stream, n: number, theta: number, sigma: number, lambda: number): number {
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  const zz = rng.chiSquare(n);
  const zw = Math.sqrt(zz) * rng.normal();
  const den = zz + n * lambda;
  const b0 = (c * zz + s * zw) / den;
  return 1 - 2 * b0 * c + b0 * b0 + (sigma * sigma * zz) / (den * den);
}

export const scratchLawSim: SimSpec = {
  id: 'fate.scratch.law',
  paper: 'fate',
  title: 'Scratch risk from the exact law of its sufficient statistics (Beta projection, bidiagonal Wishart trace; noise integrated)',
  quantity: 'E_ε R_sc',
  params: [gammaSpec, P.sigma, dSpec],
  constraints: [nAwayFromD],
  defaultDraws: 2000,
  run(p, { seed, draws }) {
    const { n, d } = sizeFrom(p);
    const vals = Stream.replicates(seed, draws).map((rng) => scratchLawDraw(rng, n, d, p.sigma!));
    return measurement({ simId: this.id, quantity: this.quantity, params: p, seed, values: vals, method: `exact law: ‖Pβ_t‖² ~ Beta(n/2, (d−n)/2), tr G⁻¹ from the Golub–Kahan bidiagonal model, n = ${n}, d = ${d}` });
  },
};

export const ridgeLawSim: SimSpec = {
  id: 'fate.ridge-transfer.law',
  paper: 'fate',
  title: 'Ridge linear transfer on rank-one features from the law of (‖Xβ_s‖², (Xβ_s)ᵀXν) (noise integrated)',
  quantity: 'E_ε R_lt^λ',
  params: [nSpec, P.theta, P.sigma, { ...P.lambda, default: 0 }],
  defaultDraws: 4000,
  run(p, { seed, draws }) {
    const vals = Stream.replicates(seed, draws).map((rng) => ridgeLawDraw(rng, p.n!, p.theta!, p.sigma!, p.lambda ?? 0));
    return measurement({ simId: this.id, quantity: this.quantity, params: p, seed, values: vals, method: 'exact law: ‖z‖² ~ χ²_n, zᵀw/‖z‖ ~ N(0, 1) independent, z = Xβ_s, w = Xν; label noise integrated' });
  },
};

export const transferabilityLtLawSim: SimSpec = {
  id: 'fate.transferability-lt.law',
  paper: 'fate',
  title: 'Linear-transfer transferability E R_sc − E R_lt from the exact laws of both risks (noise integrated)',
  quantity: 'E_ε R_sc − E_ε R_lt (independent draws of each)',
  params: [gammaSpec, P.theta, P.sigma, dSpec],
  constraints: [nAwayFromD],
  defaultDraws: 2000,
  run(p, { seed, draws }) {
    const { n, d } = sizeFrom(p);
    const rows = Stream.replicates(seed, draws).map((rng) => {
      const sc = scratchLawDraw(rng, n, d, p.sigma!);
      return { sc, lt: ridgeLawDraw(rng, n, p.theta!, p.sigma!, 0) };
    });
    return measurement({
      simId: this.id,
      quantity: this.quantity,
      params: p,
      seed,
      values: rows.map((r) => r.sc - r.lt),
      extra: { R_sc: summary(rows.map((r) => r.sc)), R_lt: summary(rows.map((r) => r.lt)) },
      method: `exact laws of E_ε R_sc and E_ε R_lt (lawSims.ts), drawn independently per draw, n = ${n}, d = ${d}`,
    });
  },
};

export const lawSims: SimSpec[] = [scratchLawSim, ridgeLawSim, transferabilityLtLawSim];
