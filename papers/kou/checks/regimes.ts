import fc from 'fast-check';
import type { KouParams } from '../../ptransfer/sim/cell.ts';
import { condition41Limits } from '../../ptransfer/theory/condition41.ts';
import { DELTA, EPS, r4, TCAP } from '../../ptransfer/checks/regimes.ts';

/** Regimes for Kou et al.'s checks (construction only; the hypotheses are the claim's). */
export interface KouDraw {
  n: number;
  s: number;
  x: number;
  flip: number;
  dFactor: number;
  seed: number;
}

export const kouDrawArb: fc.Arbitrary<KouDraw> = fc.record({
  n: fc.integer({ min: 6, max: 24 }),
  s: fc.double({ min: 0.5, max: 2, noNaN: true }),
  x: fc.double({ min: 0, max: 3, noNaN: true }),
  flip: fc.constantFrom(0, 0.05, 0.1, 0.2),
  dFactor: fc.double({ min: 1, max: 16, noNaN: true }),
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
});

/** Kou et al.'s regime at the limits of Condition 4.1 (single task, same constants as ptransfer's). */
export function kouRegime(t: KouDraw): KouParams {
  const L = Math.log(t.n / DELTA);
  const m = Math.ceil(L) + 1;
  const s = r4(t.s);
  const mu2 = s * s * L * (1 + t.x) * (1 + 1e-9);
  const tasks = [{ sigmaP: s, signalNorm: Math.sqrt(mu2) }];
  const d = Math.ceil(condition41Limits({ d: 1, n: t.n, m, tasks }).dMin * t.dFactor);
  const lim = condition41Limits({ d, n: t.n, m, tasks });
  const eta = 0.9 * lim.etaMax;
  return { d, m, n: t.n, sigmaP: s, muNorm: Math.sqrt(mu2), flip: t.flip, eta, sigma0: 0.5 * lim.sigma0Max, T: Math.min(TCAP, Math.ceil((t.n * m) / (eta * EPS * s * s))), eps: EPS, nTest: 4000 };
}

/** `seed` (= base.seed when drawn) is the replicate seed of both members; the runner's top-up replaces it. */
export type KouPair = { base: KouDraw; change: 'd' | 'n' | 'mu'; factor: number; seed: number };
export const kouPairArb: fc.Arbitrary<KouPair> = fc
  .record({ base: kouDrawArb, change: fc.constantFrom('d' as const, 'n' as const, 'mu' as const), factor: fc.double({ min: 1.5, max: 4, noNaN: true }) })
  .map((t) => ({ ...t, seed: t.base.seed }));

/** B = A with d ×f, n /f or ‖μ‖ /√f; both share the smaller η, σ_0 limit (so B stays inside when it can). */
export function kouPair(t: KouPair): [KouParams, KouParams] {
  const a = kouRegime(t.base);
  const b = { ...a };
  if (t.change === 'd') b.d = Math.round(a.d * t.factor);
  if (t.change === 'n') b.n = Math.max(2, Math.round(a.n / t.factor));
  if (t.change === 'mu') b.muNorm = a.muNorm / Math.sqrt(t.factor);
  const limB = condition41Limits({ d: b.d, n: b.n, m: b.m, tasks: [{ sigmaP: b.sigmaP, signalNorm: b.muNorm }] });
  const eta = Math.min(a.eta, 0.9 * limB.etaMax);
  const sigma0 = Math.min(a.sigma0, 0.5 * limB.sigma0Max);
  const T = (p: KouParams) => Math.min(TCAP, Math.ceil((p.n * p.m) / (eta * EPS * p.sigmaP * p.sigmaP)));
  return [
    { ...a, eta, sigma0, T: T(a) },
    { ...b, eta, sigma0, T: T(b) },
  ];
}

/** The authors' synthetic study (n = 20, σ_p = 1, p = 0.1, m = 10, lr 0.1, 100 steps), pairs along d or ‖μ‖. */
export const kouPaperArb = fc.record({
  d: fc.integer({ min: 100, max: 1090 }),
  mu: fc.double({ min: 0.5, max: 6, noNaN: true }),
  change: fc.constantFrom('d' as const, 'mu' as const),
  factor: fc.double({ min: 1.5, max: 4, noNaN: true }),
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
});
export type KouPaperDraw = typeof kouPaperArb extends fc.Arbitrary<infer X> ? X : never;
export const kouPaperRegime = (d: number, mu: number): KouParams => ({ d, m: 10, n: 20, sigmaP: 1, muNorm: mu, flip: 0.1, eta: 0.1, sigma0: 0.01, T: 100, eps: 0, nTest: 4000 });

/**
 * Discriminating pairs for Kou's bound check (constants.ts part (b)): A at Condition 4.1's limits with d
 * set so that the statistic S = n‖μ‖⁴/(σ_p⁴d) is in the transition (S ≈ sTarget); B changes n, ‖μ‖ or σ_p
 * by a factor f and rescales d by √(r·r′), so S and the perturbed S′ move by one factor in opposite ways.
 */
export type KouBoundDraw = { base: KouDraw; f: number; sTarget: number };
export const kouBoundArb: fc.Arbitrary<KouBoundDraw> = fc.record({
  base: kouDrawArb.map((t) => ({ ...t, n: 12 + (t.n % 13), dFactor: 1 })),
  f: fc.double({ min: 2, max: 3, noNaN: true }),
  sTarget: fc.double({ min: 0.5, max: 2, noNaN: true }),
});

export function kouBoundPair(t: KouBoundDraw, ingredient: string, S: (p: KouParams) => number, Sp: (p: KouParams) => number): [KouParams, KouParams] | null {
  const a1 = kouRegime(t.base);
  const a0 = { ...a1, d: Math.max(a1.d, Math.round((S(a1) * a1.d) / t.sTarget)) };
  const b1 = { ...a0 };
  if (ingredient === 'n') b1.n = Math.max(2, Math.round(a0.n / t.f));
  else if (ingredient === 'muNorm') b1.muNorm = a0.muNorm / Math.sqrt(t.f);
  else if (ingredient === 'sigmaP') b1.sigmaP = r4(a0.sigmaP * Math.sqrt(t.f));
  else return null;
  const r = S(b1) / S(a0);
  const rp = Sp(b1) / Sp(a0);
  if (!(r > 0 && rp > 0)) return null;
  const b0 = { ...b1, d: Math.round(a0.d * Math.sqrt(r * rp)) };
  const lim = (p: KouParams) => condition41Limits({ d: p.d, n: p.n, m: p.m, tasks: [{ sigmaP: p.sigmaP, signalNorm: p.muNorm }] });
  const eta = 0.9 * Math.min(lim(a0).etaMax, lim(b0).etaMax);
  const sigma0 = 0.5 * Math.min(lim(a0).sigma0Max, lim(b0).sigma0Max);
  const T = (p: KouParams) => Math.min(TCAP, Math.ceil((p.n * p.m) / (eta * EPS * p.sigmaP * p.sigmaP)));
  return [
    { ...a0, eta, sigma0, T: T(a0) },
    { ...b0, eta, sigma0, T: T(b0) },
  ];
}
