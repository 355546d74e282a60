import fc from 'fast-check';
import type { Budget } from '../../../properties/check.ts';
import type { CellParams } from '../sim/cell.ts';
import { condition41Limits, DEFAULT_COND41 } from '../theory/condition41.ts';

/**
 * Regimes for the ptransfer/kou checks (construction only: whether a regime satisfies a claim's hypotheses
 * is asked of the claim).
 *
 * Inside Condition 4.1 (constants of theory/condition41.ts: C = 1, δ = 0.1, no polylog): a
 * regime is *constructed* at the condition's limits — m = ⌈log(n/δ)⌉ + 1, ‖u+v_k‖² = σ_{p,k}²log(n/δ)(1 + x_k),
 * d = d_min·f (f ≥ 1), σ_0 = σ_0,max/2, η = 0.9·η_max — and then verified against the claim's hypotheses. Training stops at
 * loss ≤ ε = 0.1 (the theorem's statement) with a step cap T = min(N m/(η ε σ_p²), 50 000) (the printed
 * T = Ω(N_2 m/(η ε σ_{p,2}²)) with constant 1, capped for cost).
 *
 * Outside (the paper's own kind of regime, an extrapolation): fixed T_1, T_2, η = 0.01, σ_0 = 0.01 as in
 * Sec 5, scaled down in d, N and m for the test budget (the report's reproductions run the paper scale).
 */
export const EPS = 0.1;
export const TCAP = 50_000;
export const DELTA = DEFAULT_COND41.delta;

export interface InsideDraw {
  N1: number;
  N2: number;
  s1: number;
  s2: number;
  x1: number;
  x2: number;
  phi: number;
  alpha: number;
  dFactor: number;
  seed: number;
}

export const insideDrawArb: fc.Arbitrary<InsideDraw> = fc.record({
  N1: fc.integer({ min: 8, max: 24 }),
  N2: fc.integer({ min: 6, max: 16 }),
  s1: fc.double({ min: 0.5, max: 2, noNaN: true }),
  s2: fc.double({ min: 0.5, max: 2, noNaN: true }),
  x1: fc.double({ min: 0, max: 2, noNaN: true }),
  x2: fc.double({ min: 0, max: 2, noNaN: true }),
  phi: fc.double({ min: 0, max: 1, noNaN: true }),
  alpha: fc.constantFrom(0, 0.25, 0.5, 0.75, 1),
  dFactor: fc.double({ min: 1, max: 8, noNaN: true }),
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
});

/** σ's are rounded to 4 decimals (they are printed in the records). */
export const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** ‖u+v_2‖² = σ_{p,2}²L(1 + x_2) of a draw, a hair above Condition 4.1's limit (as insideRegime builds it). */
export function targetSignal2(t: Pick<InsideDraw, 's2' | 'x2'>, L: number): number {
  const s2 = r4(t.s2);
  return s2 * s2 * L * (1 + t.x2) * (1 + 1e-9);
}

/** Norms from the draw: ‖u+v_2‖² = σ_2²L(1 + x_2), ‖u‖² = φ‖u+v_2‖², ‖u+v_1‖² = max(σ_1²L(1 + x_1), ‖u‖²). */
export function insideRegime(t: InsideDraw, nForLimits?: number, dOverride?: number): CellParams {
  const n = nForLimits ?? Math.max(t.N1, t.N2);
  const L = Math.log(n / DELTA);
  const m = Math.ceil(L) + 1;
  // σ's are rounded first (they are printed in the records) and the signal kept a hair above its limit.
  const s1 = r4(t.s1);
  const s2 = r4(t.s2);
  const uv2 = targetSignal2(t, L);
  const u2 = t.phi * uv2;
  const uv1 = Math.max(s1 * s1 * L * (1 + t.x1) * (1 + 1e-9), u2);
  const tasks = [
    { sigmaP: s1, signalNorm: Math.sqrt(uv1) },
    { sigmaP: s2, signalNorm: Math.sqrt(uv2) },
  ];
  const d = dOverride ?? Math.ceil(condition41Limits({ d: 1, n, m, tasks }).dMin * t.dFactor);
  const lim = condition41Limits({ d, n, m, tasks });
  const eta = 0.9 * lim.etaMax;
  const T = (N: number, s: number) => Math.min(TCAP, Math.ceil((N * m) / (eta * EPS * s * s)));
  return {
    d: Math.ceil(d),
    m,
    N1: t.N1,
    N2: t.N2,
    sigmaP1: s1,
    sigmaP2: s2,
    uNorm: Math.sqrt(u2),
    v1Norm: Math.sqrt(uv1 - u2),
    v2Norm: Math.sqrt(uv2 - u2),
    alpha: t.alpha,
    eta,
    sigma0: 0.5 * lim.sigma0Max,
    T1: T(t.N1, s1),
    T2: T(t.N2, s2),
    eps: EPS,
    nTest: 4000,
  };
}

/** Replicates per regime for each budget (independent replicate streams of the draw's seed). */
export function replicates(budget: Budget, base: { test: number; quick: number; full: number } = { test: 8, quick: 16, full: 40 }): number {
  return base[budget];
}

/** A paper-like regime (outside Condition 4.1): Sec 5's η, σ_0 and fixed T, scaled down for cost. */
export interface PaperDraw {
  d: number;
  N1: number;
  N2: number;
  sigma: number;
  /** Target baseline statistic N_2‖u+v_2‖⁴/(σ⁴d) that fixes ‖u+v_2‖. */
  sBase: number;
  /** ‖u‖² / ‖u+v_2‖². */
  phi: number;
  alpha: number;
  seed: number;
}

export const paperDrawArb: fc.Arbitrary<PaperDraw> = fc.record({
  d: fc.integer({ min: 200, max: 600 }),
  N1: fc.integer({ min: 20, max: 60 }),
  N2: fc.integer({ min: 10, max: 30 }),
  sigma: fc.double({ min: 2, max: 8, noNaN: true }),
  sBase: fc.double({ min: 0.05, max: 2, noNaN: true }),
  phi: fc.double({ min: 0.1, max: 1, noNaN: true }),
  alpha: fc.constantFrom(0.25, 0.5, 0.75, 1),
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
});

export function paperRegime(t: PaperDraw): CellParams {
  const uv2 = Math.sqrt(Math.sqrt((t.sBase * t.sigma ** 4 * t.d) / t.N2)); // ‖u+v_2‖
  const u = Math.sqrt(t.phi) * uv2;
  return {
    d: t.d,
    m: 10,
    N1: t.N1,
    N2: t.N2,
    sigmaP1: r4(t.sigma),
    sigmaP2: r4(t.sigma),
    uNorm: u,
    v1Norm: Math.sqrt(Math.max(uv2 * uv2 - u * u, 0)),
    v2Norm: Math.sqrt(Math.max(uv2 * uv2 - u * u, 0)),
    alpha: t.alpha,
    eta: 0.01,
    sigma0: 0.01,
    T1: 300,
    T2: 150,
    eps: 0,
    nTest: 4000,
  };
}

/** A draw with the baseline statistic S_3 = N_2‖u+v_2‖⁴/(σ_{p,2}⁴d) fixed at s3 (Prop 4.4 and negative-transfer regimes). */
export type S3Draw = InsideDraw & { s3: number };

/**
 * A regime at Condition 4.1's limits with the baseline statistic S_3 fixed at the draw's s3:
 * ‖u+v_2‖² = σ_{p,2}²L(1 + x_2) is raised until d = N_2‖u+v_2‖⁴/(σ_{p,2}⁴s3) clears Condition 4.1's
 * d ≥ max{nσ_p⁻²‖u+v‖², n²} for both tasks (with a drawn slack of 0–50%), then the other limits follow from d.
 */
export function s3Regime(t: S3Draw): CellParams {
  const n = Math.max(t.N1, t.N2);
  const L = Math.log(n / DELTA);
  const s1 = r4(t.s1);
  const s2 = r4(t.s2);
  // L(1 + x_2) needed for d = N_2L²(1 + x_2)²/s3 to clear n‖u+v_2‖²/σ_{p,2}², n², n‖u‖²/σ_{p,1}² and nL(1 + x_1).
  const need =
    Math.max((t.s3 * n) / t.N2, n * Math.sqrt(t.s3 / t.N2), (t.s3 * n * t.phi * s2 * s2) / (t.N2 * s1 * s1), Math.sqrt((t.s3 * n * L * (1 + t.x1)) / t.N2)) *
    (1 + t.x2 / 4);
  const x2 = Math.max(need / L - 1, 0);
  const uv2 = targetSignal2({ s2: t.s2, x2 }, L);
  return insideRegime({ ...t, x2 }, undefined, (t.N2 * uv2 * uv2) / (s2 ** 4 * t.s3));
}
