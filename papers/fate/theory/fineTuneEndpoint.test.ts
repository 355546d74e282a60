import { describe, expect, it } from 'vitest';
import { fineTuneK, fineTuneKLimit, fineTuneScale, fineTuneTransferabilityLimit } from './fineTuneEndpoint.ts';

describe('derived fine-tuning end point: s^L − p s^{L−1} − q = 0, k = s^{(L−1)/2}', () => {
  it('the root solves the polynomial, for L = 2, 3, 4 and a spread of (p, q)', () => {
    for (const L of [2, 3, 4])
      for (const p of [0, 0.1, 0.5, 0.9, 1])
        for (const q of [0, 0.05, 0.5, 2, 10]) {
          const s = fineTuneScale(p, q, L);
          expect(s).toBeGreaterThanOrEqual(p);
          expect(Math.abs(s ** L - p * s ** (L - 1) - q)).toBeLessThan(1e-12 * Math.max(1, q));
        }
  });

  it('L = 2 has the closed form k² = (p + √(p² + 4q))/2', () => {
    for (const [p, q] of [[0.5, 0.5], [0.3, 1.7], [0.9, 0.02]] as const) {
      expect(fineTuneK(p, q, 2) ** 2).toBeCloseTo((p + Math.sqrt(p * p + 4 * q)) / 2, 12);
    }
  });

  it('k = 1 exactly when p + q = 1 (the paper’s eq 142), k > 1 when p + q > 1, k < 1 when p + q < 1', () => {
    for (const L of [2, 3]) {
      expect(fineTuneK(0.4, 0.6, L)).toBeCloseTo(1, 12);
      expect(fineTuneK(0.4, 0.9, L)).toBeGreaterThan(1);
      expect(fineTuneK(0.4, 0.3, L)).toBeLessThan(1);
    }
  });

  it('proportional limit: k → 1 without noise, k > 1 with label noise, growing with σ', () => {
    for (const L of [2, 3]) {
      expect(fineTuneKLimit(0.5, 0, L)).toBeCloseTo(1, 12);
      const ks = [0.5, 1, 1.5].map((s) => fineTuneKLimit(0.5, s, L));
      expect(ks[0]).toBeGreaterThan(1);
      expect(ks[1]).toBeGreaterThan(ks[0]!);
      expect(ks[2]).toBeGreaterThan(ks[1]!);
    }
    // γ = 0.5, σ = 1, L = 2: q = 1.5, p = 0.5 ⇒ k² = (0.5 + √(0.25 + 6))/2 = 1.5.
    expect(fineTuneKLimit(0.5, 1, 2)).toBeCloseTo(Math.sqrt(1.5), 12);
  });

  it('rejects bad input', () => {
    expect(() => fineTuneScale(-1, 1, 2)).toThrow(RangeError);
    expect(() => fineTuneScale(0.5, 1, 1)).toThrow(RangeError);
    expect(() => fineTuneKLimit(1.5, 0, 2)).toThrow(RangeError);
  });

  it('transferability limit reduces to eq (17) without noise and shrinks the positive region with noise', () => {
    for (const L of [2, 3])
      for (const theta of [0.2, Math.PI / 3, 1.3]) {
        expect(fineTuneTransferabilityLimit(0.4, theta, 0, L)).toBeCloseTo((0.4 - 1) * (1 - 2 * Math.cos(theta)), 12);
        expect(fineTuneTransferabilityLimit(1.5, theta, 1, L)).toBe(0);
      }
    // At θ = π/3 eq (17) gives 0; with σ = 1 the derived limit is negative (k > 1).
    expect(fineTuneTransferabilityLimit(0.5, Math.PI / 3, 1, 2)).toBeLessThan(-0.1);
  });
});
