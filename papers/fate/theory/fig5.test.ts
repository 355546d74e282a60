import { describe, expect, it } from 'vitest';
import { InputError } from '../../../core/params.ts';
import { klScaled, ltTransferabilityScaled, ltTransferabilityScaledFinite, pearson, spearman, w1Bounds } from './fig5.ts';
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
