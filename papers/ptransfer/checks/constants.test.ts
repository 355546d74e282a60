import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Params } from '../../../core/params.ts';
import { kouThm } from '../../kou/theory/thm.ts';
import { kouBoundCheck } from '../../kou/checks/thm.ts';
import { thm42 } from '../theory/thm4_2.ts';
import { auc, kendallTau, MIN_MOVE, type BoundClaim } from './constants.ts';
import { boundPair, boundPairArb } from './pairs.ts';
import { calibrateThresholds, decides, placeAcrossThresholds } from './calibrate.ts';
import { alphaWeightOwns, THM42_PERTURBATIONS, thm42BoundCheck } from './thm4_2.ts';
import { thm43 } from '../theory/thm4_3.ts';
import { thm43BoundCheck } from './thm4_3.ts';

/**
 * The bound checks must reject a planted wrong statistic (issue 11 item 4): each test replaces the printed
 * formula as if the paper had printed the typo and runs the check (small configurations, the gate seed).
 */
// A fixed seed: these tests measure what the bound checks can reject on one configuration (a planted statistic
// is a unit test of the check's power, not a gate verdict); at other seeds the thresholds test (c) is not always decisive.
// The checks run with their regimes (not count 0): the pairs are tested only across the thresholds those regimes place.
const seed = 20261122;

/** Thm 4.2 with Num's inherited term α²N_1²‖u‖⁴/σ_{p,1}⁴ printed with α (the mutant of issue 11). */
function plantedAlpha(): BoundClaim {
  return {
    ...thm42,
    predict: (p: Params) => {
      const r = thm42.predict(p);
      const T = thm42.predict({ ...p, alpha: 0 }).value * p.N2! * p.d!;
      const Num = p.alpha! > 0 ? (r.details.Num - T) / p.alpha! + T : T;
      const S = Num / (r.details.Den * p.d!);
      return { ...r, value: S, details: { ...r.details, Num, S } };
    },
  } as BoundClaim;
}

/** Thm 4.2 with Num's inherited term printed with ‖u‖² (mutant ptransfer-num-u-exponent). */
function plantedU(): BoundClaim {
  return {
    ...thm42,
    predict: (p: Params) => {
      const r = thm42.predict(p);
      const T = thm42.predict({ ...p, alpha: 0 }).value * p.N2! * p.d!;
      const Num = p.uNorm! > 0 ? (r.details.Num - T) / p.uNorm! ** 2 + T : T; // ‖u‖ = 0: the inherited term is 0 either way
      const S = Num / (r.details.Den * p.d!);
      return { ...r, value: S, details: { ...r.details, Num, S } };
    },
  } as BoundClaim;
}

/** Thm 4.2 with Den printed as α²σ_{p,1}²N_1/σ_{p,2}² + N_2 (mutant ptransfer-den-sigma-swapped). */
function plantedSwap(): BoundClaim {
  return {
    ...thm42,
    predict: (p: Params) => {
      const r = thm42.predict(p);
      const Den = (p.alpha! ** 2 * p.sigmaP1! ** 2 * p.N1!) / p.sigmaP2! ** 2 + p.N2!;
      const S = r.details.Num / (Den * p.d!);
      return { ...r, value: S, details: { ...r.details, Den, S } };
    },
  } as BoundClaim;
}

/** Thm 4.3 printed with ‖u+v_2‖² (mutant ptransfer-thm4.3-exponent). */
const plantedUv2 = (): BoundClaim =>
  ({ ...thm43, predict: (p: Params) => { const r = thm43.predict(p); return { ...r, value: r.value / (p.uNorm! ** 2 + p.v2Norm! ** 2) }; } }) as unknown as BoundClaim;

/** The fraction printed upside down (Den·d/Num): the order is reversed. */
const plantedInverse = (c: BoundClaim): BoundClaim => ({ ...c, predict: (p: Params) => { const r = c.predict(p); return { ...r, value: 1 / r.value }; } }) as BoundClaim;
/** d printed in the numerator (Num·d/Den). */
const plantedD = (c: BoundClaim): BoundClaim => ({ ...c, predict: (p: Params) => { const r = c.predict(p); return { ...r, value: r.value * p.d! * p.d! }; } }) as BoundClaim;
/** A statistic that lost its d (Num/Den): no longer separates the regimes. */
const plantedNoD = (c: BoundClaim): BoundClaim => ({ ...c, predict: (p: Params) => { const r = c.predict(p); return { ...r, value: r.value * p.d! }; } }) as BoundClaim;

describe('bound-check statistics', () => {
  it("Kendall's τ and the AUC by hand", () => {
    expect(kendallTau([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    expect(kendallTau([1, 2, 3], [1, 3, 2])).toBeCloseTo(1 / 3, 12);
    expect(auc([3, 4], [1, 2])).toBe(1);
    expect(auc([1, 3], [2, 2])).toBe(0.5);
  });
});

describe('where the bound orders two errors (calibrate.ts)', () => {
  const pts = [0.1, 0.5, 0.8, 1.2, 2, 4].map((S, i) => ({ S, e: [0.3, 0.2, 0.12, 0.07, 0.04, 0.01][i]!, level: 0.1 }));
  it('estimates 1/C_3 as the largest sub-optimal S and 1/C_1 as the smallest near-optimal S', () => {
    expect(calibrateThresholds(pts)).toEqual({ invC3: 0.8, invC1: 2 });
    expect(calibrateThresholds(pts.filter((q) => q.e >= 0.1))).toBeNull();
  });
  it('decides a pair only across the gap, and moves a pair along d to straddle it when its S ratio covers the gap', () => {
    const t = { invC3: 0.8, invC1: 2 };
    expect(decides(0.3, 0.546, t)).toBe(false); // seed 1919's α³ pair: both members between the thresholds
    expect(decides(0.7, 2.1, t)).toBe(true);
    const [a, b] = placeAcrossThresholds([{ d: 1000 }, { d: 400 }], 0.5, 1.5, t); // S ∝ 1/d: ratio 3 ≥ 2.5
    expect(Math.sqrt((0.5 * 1000) / a.d! * ((1.5 * 400) / b.d!))).toBeCloseTo(Math.sqrt(1.6), 2);
    expect(decides((0.5 * 1000) / a.d!, (1.5 * 400) / b.d!, t)).toBe(true);
    const [c, e] = placeAcrossThresholds([{ d: 1000 }, { d: 800 }], 0.5, 1, t); // ratio 2 < 2.5: still undecided
    expect(decides((0.5 * 1000) / c.d!, (1 * 800) / e.d!, t)).toBe(false);
  });
});

describe("Thm 4.2's α³-side pairs: the α-weight record's region", () => {
  // At the printed statistic every α³-side pair that moves S ≥ 30 % lowers d with α (S hardly moves with α where Den's inherited term
  // dominates, so d carries S up): all are the record's. Under a planted α in Num the α³ side is the true α², and its
  // pairs raise d as they lower α — the generic check keeps testing them, so the typo is still caught.
  const draws = fc.sample(boundPairArb, { seed: 7, numRuns: 40 });
  const built = (c: BoundClaim) =>
    draws
      .map((t) => boundPair(t, 'alpha', (p) => c.predict(p as unknown as Params).value, (p) => THM42_PERTURBATIONS.alphaUp.statistic(p as unknown as Params, c)))
      .filter((x): x is NonNullable<typeof x> => x !== null)
      .filter(([a, b]) => {
        const [sA, sB] = [a, b].map((p) => c.predict(p as unknown as Params).value);
        return Math.max(sA!, sB!) >= MIN_MOVE * Math.min(sA!, sB!); // the pairs part (b) tests
      })
      .map(([a, b]) => alphaWeightOwns(THM42_PERTURBATIONS.alphaUp, a as unknown as Params, b as unknown as Params));
  it('printed: every pair is left to the record', () => {
    const owned = built(thm42 as unknown as BoundClaim);
    expect(owned.length).toBeGreaterThan(15);
    expect(owned.every(Boolean)).toBe(true);
  });
  it('planted α for α²: most pairs stay with the generic check', () => {
    const owned = built(plantedAlpha());
    expect(owned.filter((x) => !x).length).toBeGreaterThan(owned.length / 2);
  });
});

describe('the bound checks reject planted wrong statistics', () => {
  it('(b) Thm 4.2 with α in place of α²: the discriminating pairs put it on the wrong side', async () => {
    const c = thm42BoundCheck(plantedAlpha(), { pairsCount: 2, perturbations: ['alphaDown', 'alphaUp'] });
    const r = await c.run({ seed, budget: 'test' });
    console.log(`[${r.verdict}] planted α: ${r.summary}`);
    expect(r.verdict).toBe('mismatch');
  });
  it('(b) Thm 4.2 with ‖u‖² in place of ‖u‖⁴: the ‖u‖⁶ pairs put it on the wrong side', async () => {
    const r = await thm42BoundCheck(plantedU(), { perturbations: ['uUp'] }).run({ seed, budget: 'test' });
    console.log(`[${r.verdict}] planted ‖u‖²: ${r.summary}`);
    expect(r.verdict).toBe('mismatch');
    expect(r.records.some((x) => x.statistic.includes('‖u‖⁶') && !x.ok)).toBe(true);
  });
  it('(b) Thm 4.2 with σ_{p,1} and σ_{p,2} swapped in Den: the swap pairs put it on the wrong side', async () => {
    const r = await thm42BoundCheck(plantedSwap(), { perturbations: ['sigmaSwap'] }).run({ seed, budget: 'test' });
    console.log(`[${r.verdict}] planted σ swap: ${r.summary}`);
    expect(r.verdict).toBe('mismatch');
    expect(r.records.some((x) => x.statistic.includes('σ_{p,1}↔σ_{p,2}') && !x.ok)).toBe(true);
  });
  it('(b) Thm 4.3 with ‖u+v_2‖² in place of ‖u+v_2‖⁴: the discriminating pairs put it on the wrong side', async () => {
    const r = await thm43BoundCheck(plantedUv2()).run({ seed, budget: 'test' });
    console.log(`[${r.verdict}] planted ‖u+v_2‖²: ${r.summary}`);
    expect(r.verdict).toBe('mismatch');
  });
  it('(a) Kou with the statistic printed upside down: the order test rejects', async () => {
    const r = await kouBoundCheck(plantedInverse(kouThm as unknown as BoundClaim), { pairsCount: 0 }).run({ seed, budget: 'test' });
    console.log(`[${r.verdict}] planted inverse: ${r.summary}`);
    expect(r.verdict).toBe('mismatch');
    expect(r.records.find((x) => x.statistic.startsWith('(a)'))!.ok).toBe(false);
  });
  it('(c) Thm 4.2 with d in the numerator: the thresholds no longer separate near-optimal from sub-optimal regimes', async () => {
    const r = await thm42BoundCheck(plantedD(thm42 as unknown as BoundClaim), { count: 16, pairsCount: 0 }).run({ seed, budget: 'test' });
    console.log(`[${r.verdict}] planted d: ${r.summary}`);
    expect(r.verdict).toBe('mismatch');
    expect(r.records.find((x) => x.statistic.startsWith('(c)'))!.ok).toBe(false);
  });
  it('(c) Kou with the d dropped is not confirmed (the AUC falls toward the declared 0.75)', async () => {
    const r = await kouBoundCheck(plantedNoD(kouThm as unknown as BoundClaim), { pairsCount: 0 }).run({ seed, budget: 'test' });
    console.log(`[${r.verdict}] planted no-d: ${r.summary}`);
    expect(r.verdict).not.toBe('conforms');
  });
  it('(b) Kou with ‖μ‖² in place of ‖μ‖⁴: the discriminating pairs put it on the wrong side', async () => {
    const planted = { ...kouThm, predict: (p: Params) => { const r = kouThm.predict(p); return { ...r, value: r.value / p.muNorm! ** 2 }; } } as unknown as BoundClaim;
    const r = await kouBoundCheck(planted, { pairsCount: 2 }).run({ seed, budget: 'test' });
    console.log(`[${r.verdict}] planted ‖μ‖²: ${r.summary}`);
    expect(r.verdict).toBe('mismatch');
  });
});
