import { describe, expect, it } from 'vitest';
import { InputError } from '../../../core/params.ts';
import { fig5, klScaled, ltTransferabilityScaled, ltTransferabilityScaledFinite, pearson, spearman, w1Bounds } from './fig5.ts';
import { ltTransferability, ltTransferabilityFinite } from './phase.ts';

describe('Fig 5 theory', () => {
  it('D_KL = (1 + a² − 2a cos θ)/(2σ²)', () => {
    expect(klScaled(Math.PI / 2, 1, 0.2)).toBeCloseTo(1 / 0.04, 12);
    expect(klScaled(0, 3, 0.5)).toBeCloseTo(4 / 0.5, 12);
    expect(() => klScaled(0, 1, 0)).toThrow(InputError);
  });
  it('rescaling: 𝒯(a) = a²𝒯(1, σ/a); a = 1 is eq (13)', () => {
    expect(ltTransferabilityScaled(0.5, 1, 1, 0.2)).toBeCloseTo(ltTransferability(0.5, 1, 0.2), 14);
    expect(ltTransferabilityScaled(2, 0.3, 2, 0.4)).toBeCloseTo(4 * ltTransferability(2, 0.3, 0.2), 14);
    expect(ltTransferabilityScaledFinite(100, 200, 0.3, 2, 0.4)).toBeCloseTo(4 * ltTransferabilityFinite(100, 200, 0.3, 0.2), 14);
    expect(() => ltTransferabilityScaled(0.5, 1, 0, 0.2)).toThrow(/scale/);
  });
  it('W1 bracket: lower ≤ upper, both 0 for identical tasks', () => {
    for (const [t, a] of [[0, 1], [0.5, 2], [1.5, 0.5]] as const) {
      const b = w1Bounds(t, a, 0.3);
      expect(b.lower).toBeLessThanOrEqual(b.upper + 1e-15);
    }
    expect(w1Bounds(0, 1, 0.3).upper).toBe(0);
  });
  it('correlations: Spearman of a monotone map is ±1 (ties averaged)', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 25, 100])).toBeCloseTo(1, 14);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 14);
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 14);
    expect(Number.isFinite(spearman([1, 1, 2], [3, 3, 1]))).toBe(true);
  });
});

describe('Fig 5 claim: one task, a pair, the caption', () => {
  it('a pair is predicted as the sign of min(𝒯₁, −𝒯₂), with both tasks\' distances', () => {
    const pr = fig5.predict({ gamma: 0.6, sigma: 0.1, theta: 0, scale: 4, theta2: 1.4, scale2: 1 });
    const t1 = ltTransferabilityScaled(0.6, 0, 4, 0.1);
    const t2 = ltTransferabilityScaled(0.6, 1.4, 1, 0.1);
    expect(pr.value).toBe(Math.min(t1, -t2));
    expect(pr.sign).toBe(Math.sign(Math.min(t1, -t2)));
    expect(pr.details).toMatchObject({ T1: t1, T2: t2, kl1: klScaled(0, 4, 0.1), kl2: klScaled(1.4, 1, 0.1) });
  });
  it('without θ, the caption as printed (sign +1); one task gives eq (13) rescaled; γ = 1 is outside the hypotheses', () => {
    expect(fig5.predict({ gamma: 0.5, sigma: 0.2 })).toMatchObject({ kind: 'sign', sign: 1 });
    expect(fig5.predict({ gamma: 0.5, sigma: 0.2, theta: 1, scale: 2 }).value).toBe(ltTransferabilityScaled(0.5, 1, 2, 0.2));
    expect(fig5.hypotheses.every((h) => h.holds({ gamma: 1, sigma: 0.2 }))).toBe(false);
    expect(fig5.hypotheses.every((h) => h.holds({ gamma: 0.5, sigma: 0.2, d: 100 }))).toBe(true);
  });
});
