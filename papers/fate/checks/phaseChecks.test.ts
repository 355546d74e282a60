import { describe, expect, it } from 'vitest';
import { expectVerdict, verdictWithTypo } from '../../testing.ts';
import type { Prediction } from '../../../theory/claim.ts';
import type { Params } from '../../../core/params.ts';
import { eq13 } from '../theory/eq13.ts';
import { ltBoundaries, ltPrintedLimit } from './eq13.ts';

// The gate: each fate check at the fixed seed. Recorded deviations must keep failing ('deviates').
describe('fate checks at the gate seed: the phase diagram of eq 13', () => {
  it.each([
    ['fate.eq13/printed-interval', 'deviates'],
    ['fate.eq13/printed-limit', 'conforms'],
    ['fate.eq13/boundaries', 'conforms'],
    // 1000 draws a regime (topped up to ≤ 4000) of the exact laws of R_sc and R_lt (sim/lawSims.ts): power 1.00 against δ = 0.05 in every
    // regime at the gate seed and at 101, 202, 303, 909; the four regions are covered by the stratified draw.
    ['fate.eq13/phase-signs', 'conforms'],
  ] as const)('%s → %s', async (id, verdict) => {
    await expectVerdict(id, verdict);
  });
});

/** γ± as printed but with a typo: `swap` exchanges + and − in front of the discriminant; `b` replaces 1 + cos²θ − σ². */
function roots(p: Params, opts: { swap?: boolean; b?: number } = {}): { gammaMinus: number | null; gammaPlus: number | null } {
  const c2 = Math.cos(p.theta!) ** 2;
  const b = opts.b ?? 1 + c2 - p.sigma! ** 2;
  const disc = b * b - 4 * c2;
  if (disc < 0) return { gammaMinus: null, gammaPlus: null };
  const [lo, hi] = [0.5 * (b - Math.sqrt(disc)), 0.5 * (b + Math.sqrt(disc))];
  return opts.swap ? { gammaMinus: hi, gammaPlus: lo } : { gammaMinus: lo, gammaPlus: hi };
}

describe('eq (13): typos planted in the printed statement are mismatches of the limit and boundary checks', () => {
  const s2 = (p: Params) => Math.sin(p.theta!) ** 2;
  it.each([
    ['value: (1 − γ)² printed as (1 − γ)', ltPrintedLimit, (pr: Prediction, p: Params) => (p.gamma! < 1 ? { ...pr, value: (1 - p.gamma! + p.gamma! * p.sigma! ** 2) / (1 - p.gamma!) - s2(p) } : pr)],
    ['value: sin²θ printed as sin θ', ltPrintedLimit, (pr: Prediction, p: Params) => ({ ...pr, value: pr.value! + s2(p) - Math.sin(p.theta!) })],
    ['γ± with + and − swapped in front of the discriminant', ltBoundaries, (pr: Prediction, p: Params) => ({ ...pr, details: { ...pr.details, ...roots(p, { swap: true }) } })],
    ['γ± with (1 + cos²θ + σ²)', ltBoundaries, (pr: Prediction, p: Params) => ({ ...pr, details: { ...pr.details, ...roots(p, { b: 1 + Math.cos(p.theta!) ** 2 + p.sigma! ** 2 }) } })],
    ['threshold 1 + σ/sin²θ', ltBoundaries, (pr: Prediction, p: Params) => ({ ...pr, details: { ...pr.details, overparamNegativeAbove: 1 + p.sigma! / s2(p) } })],
    ['threshold 1 + σ²/sin θ', ltBoundaries, (pr: Prediction, p: Params) => ({ ...pr, details: { ...pr.details, overparamNegativeAbove: 1 + p.sigma! ** 2 / Math.sin(p.theta!) } })],
  ] as const)('%s → mismatch', async (_, check, typo) => {
    expect(await verdictWithTypo(check, eq13, typo)).toBe('mismatch');
  });
});
