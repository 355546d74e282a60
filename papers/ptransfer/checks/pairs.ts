import fc from 'fast-check';
import { boundedKeep } from '../../../properties/arbitraries.ts';
import type { CellParams } from '../sim/cell.ts';
import { condition41Limits } from '../theory/condition41.ts';
import { EPS, insideDrawArb, insideRegime, paperRegime, TCAP, type InsideDraw, type PaperDraw } from './regimes.ts';

/**
 * Paired regimes: B = A with one ingredient changed, both measured on the same replicate streams, so a
 * direction of effect is a paired difference.
 */
export type Change = 'd' | 'N1' | 'N2' | 'alpha' | 'uNorm' | 'sigmaP1' | 'uv2';
export const CHANGES: Change[] = ['d', 'N1', 'N2', 'alpha', 'uNorm', 'sigmaP1'];

export interface PairDraw<T> {
  base: T;
  change: Change;
  factor: number;
}

/** The factor f by which B's ingredient is changed (see modify). */
const factorArb = fc.double({ min: 1.5, max: 4, noNaN: true });

export function pairArb<T>(base: fc.Arbitrary<T>, changes: Change[]): fc.Arbitrary<PairDraw<T>> {
  return fc.record({ base, change: fc.constantFrom(...changes), factor: factorArb });
}

/**
 * Pairs drawn only where a check tests them, stratified by ingredient: the changed ingredient is drawn first
 * (uniform over `changes`), then base and factor are drawn until `keep` accepts the pair. So every drawn pair is
 * tested, and each ingredient is a 1/|changes| share of the tested pairs whatever its acceptance rate — a filter on
 * the whole pair would leave the rarely accepted ingredients (‖u‖ inside Condition 4.1, α in paper-like regimes:
 * 6–10 % of their draws) at ≈ 3 % of the pairs. `keep` is applied to shrunk pairs too (fast-check's filter), so a
 * shrunk counterexample is a pair the check tests.
 */
export function testedPairArb<T>(base: fc.Arbitrary<T>, changes: Change[], keep: (t: PairDraw<T>) => boolean): fc.Arbitrary<PairDraw<T>> {
  return fc.constantFrom(...changes).chain((change) =>
    fc
      .record({ base, factor: factorArb })
      .map((r): PairDraw<T> => ({ base: r.base, change, factor: r.factor }))
      .filter(boundedKeep(keep)), // bounded (properties/arbitraries.ts): a planted typo once hung monotone-paper's draw
  );
}


/**
 * B = A with one ingredient scaled: d ×f; N_1, N_2, α /f; ‖u‖, σ_{p,1} /√f (‖u+v_k‖ kept when ‖u‖ moves);
 * 'uv2' (Thm 4.3's bound pairs only) raises ‖u+v_2‖² ×f through v_2 — raised, not lowered, so B keeps
 * Condition 4.1's signal limit, which A sits just above.
 */
export function modify(a: CellParams, change: Change, f: number): CellParams {
  const b = { ...a };
  switch (change) {
    case 'd':
      b.d = Math.round(a.d * f);
      break;
    case 'N1':
      b.N1 = Math.max(2, Math.round(a.N1 / f));
      break;
    case 'N2':
      b.N2 = Math.max(2, Math.round(a.N2 / f));
      break;
    case 'alpha':
      b.alpha = Math.round((a.alpha / f) * 1e4) / 1e4;
      break;
    case 'uNorm': {
      const uv1 = a.uNorm ** 2 + a.v1Norm ** 2;
      const uv2 = a.uNorm ** 2 + a.v2Norm ** 2;
      b.uNorm = a.uNorm / Math.sqrt(f);
      b.v1Norm = Math.sqrt(uv1 - b.uNorm ** 2);
      b.v2Norm = Math.sqrt(uv2 - b.uNorm ** 2);
      break;
    }
    case 'sigmaP1':
      b.sigmaP1 = Math.round((a.sigmaP1 / Math.sqrt(f)) * 1e4) / 1e4;
      break;
    case 'uv2':
      b.v2Norm = Math.sqrt(f * (a.uNorm ** 2 + a.v2Norm ** 2) - a.uNorm ** 2);
      break;
  }
  return b;
}

function withShared(a: CellParams, b: CellParams): [CellParams, CellParams] {
  // Shared η, σ_0 (the smaller limit of the two regimes) and the printed T for each.
  const eta = Math.min(a.eta, b.eta);
  const sigma0 = Math.min(a.sigma0, b.sigma0);
  const T = (p: CellParams, N: number, s: number) => Math.min(TCAP, Math.ceil((N * p.m) / (eta * EPS * s * s)));
  const fix = (p: CellParams): CellParams => ({ ...p, eta, sigma0, T1: T(p, p.N1, p.sigmaP1), T2: T(p, p.N2, p.sigmaP2) });
  return [fix(a), fix(b)];
}

/**
 * A pair built at Condition 4.1's limits: B's limits are re-derived (its n or d may differ), then both share
 * the smaller η, σ_0. Whether both members satisfy the condition is for the check to ask its claim.
 */
export function insidePair(t: PairDraw<InsideDraw>): [CellParams, CellParams] {
  const base = { ...t.base, alpha: t.change === 'alpha' ? Math.max(t.base.alpha, 0.5) : t.base.alpha };
  const a0 = insideRegime(base);
  const b0 = modify(a0, t.change, t.factor);
  const nB = Math.max(b0.N1, b0.N2);
  const tasks = (p: CellParams) => [
    { sigmaP: p.sigmaP1, signalNorm: Math.hypot(p.uNorm, p.v1Norm) },
    { sigmaP: p.sigmaP2, signalNorm: Math.hypot(p.uNorm, p.v2Norm) },
  ];
  const limB = condition41Limits({ d: b0.d, n: nB, m: b0.m, tasks: tasks(b0) });
  return withShared(a0, { ...b0, eta: 0.9 * limB.etaMax, sigma0: 0.5 * limB.sigma0Max });
}

export function paperPair(t: PairDraw<PaperDraw>): [CellParams, CellParams] {
  const a = paperRegime(t.base);
  return [a, modify(a, t.change, t.factor)];
}

/**
 * Discriminating pairs for Thm 4.2's bound check (constants.ts part (b)). A is built where the inherited
 * term α²N_1²‖u‖⁴/σ_{p,1}⁴ carries Num (strong ‖u‖, clean source, large N_1, α = 1) with d set so that S
 * lies in the transition (S ≈ sTarget); B changes one ingredient by a factor f and rescales d by
 * g = √(r·r′) (r, r′ = the printed and perturbed statistic's ratios at equal d), so S and S′ move by
 * the same factor in opposite directions.
 */
export interface BoundPairDraw {
  base: InsideDraw;
  f: number;
  sTarget: number;
}

export const boundPairArb: fc.Arbitrary<BoundPairDraw> = fc.record({
  base: insideDrawArb.map((t) => ({ ...t, phi: 0.7 + 0.3 * t.phi, s1: 0.5 + 0.15 * t.s1, N1: 16 + (t.N1 % 9), N2: 6 + (t.N2 % 5), alpha: 1 })),
  f: fc.double({ min: 2.5, max: 4, noNaN: true }),
  sTarget: fc.double({ min: 0.3, max: 1, noNaN: true }),
});

export function boundPair(t: BoundPairDraw, ingredient: Change, S: (p: CellParams) => number, Sp: (p: CellParams) => number): [CellParams, CellParams] | null {
  const a1 = insideRegime(t.base);
  const dA = Math.max(a1.d, Math.round((S(a1) * a1.d) / t.sTarget));
  const a0 = insideRegime(t.base, undefined, dA);
  const b1 = modify(a0, ingredient, t.f);
  const r = S(b1) / S(a0);
  const rp = Sp(b1) / Sp(a0);
  if (!(r > 0 && rp > 0)) return null;
  const b0 = { ...b1, d: Math.round(a0.d * Math.sqrt(r * rp)) };
  const n = (p: CellParams) => Math.max(p.N1, p.N2);
  const tasks = (p: CellParams) => [
    { sigmaP: p.sigmaP1, signalNorm: Math.hypot(p.uNorm, p.v1Norm) },
    { sigmaP: p.sigmaP2, signalNorm: Math.hypot(p.uNorm, p.v2Norm) },
  ];
  const lim = (p: CellParams) => condition41Limits({ d: p.d, n: n(p), m: p.m, tasks: tasks(p) });
  return withShared({ ...a0, eta: 0.9 * lim(a0).etaMax, sigma0: 0.5 * lim(a0).sigma0Max }, { ...b0, eta: 0.9 * lim(b0).etaMax, sigma0: 0.5 * lim(b0).sigma0Max });
}
