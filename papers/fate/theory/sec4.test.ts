import { describe, expect, it } from 'vitest';
import { InputError } from '../../../core/params.ts';
import { sec4Arccos, sec4Kernel, sec4NegativeTransfer, sec4Projection, sec4Scaling } from './sec4Claims.ts';
import { arcCosKernel, gramMatrices, negativeTransferPoint, networkNorm2, perpForAblation, perpPrinted, projectOntoFeatures, removedCount, reluOverlap } from './sec4.ts';

// Deterministic teacher for theory tests (no Stream: a fixed low-discrepancy construction).
function rows(count: number, d: number, phase: number): Float64Array[] {
  return Array.from({ length: count }, (_, i) => {
    const v = Float64Array.from({ length: d }, (_, k) => Math.sin(1.7 * (i + 1) * (k + 1) + phase) + 0.3 * Math.cos(0.9 * k * (i + 2)));
    const n = Math.hypot(...v);
    return v.map((x) => x / n);
  });
}

describe('arc-cosine kernel (eq 153)', () => {
  it('known values: κ(1) = 1/2, κ(0) = 1/2π, κ(−1) = 0, monotone', () => {
    expect(arcCosKernel(1)).toBeCloseTo(0.5, 15);
    expect(arcCosKernel(0)).toBeCloseTo(1 / (2 * Math.PI), 15);
    expect(arcCosKernel(-1)).toBeCloseTo(0, 15);
    let prev = -1;
    for (let u = -1; u <= 1; u += 0.01) {
      const k = arcCosKernel(u);
      expect(k).toBeGreaterThan(prev);
      prev = k;
    }
  });
  it('homogeneous in the norms; bad input names the parameter', () => {
    expect(reluOverlap([2, 0], [0, 3])).toBeCloseTo(6 / (2 * Math.PI), 14);
    expect(() => arcCosKernel(1.5)).toThrow(InputError);
    expect(() => arcCosKernel(1.5)).toThrow(/u \(cosine/);
  });
});

describe('eq (159): ‖P⊥f*‖²', () => {
  const Ws = rows(12, 10, 0.1);
  const c = Float64Array.from({ length: 12 }, (_, i) => Math.cos(2.3 * i) + 0.2);
  it('Gram matrices are symmetric with diagonal 1/(2m)', () => {
    const { K, Kstar } = gramMatrices(Ws.slice(0, 5), Ws);
    expect(K[0]).toBeCloseTo(0.5 / 5, 14);
    expect(Kstar[1 * 12 + 3]).toBeCloseTo(Kstar[3 * 12 + 1]!, 15);
  });
  it('stable (pivoted Cholesky) and printed (K⁻¹) forms agree on a well-conditioned K', () => {
    const kept = Ws.slice(0, 7);
    const stable = projectOntoFeatures(kept, Ws, c).perp;
    expect(stable).toBeGreaterThan(0);
    expect(perpPrinted(kept, Ws, c)).toBeCloseTo(stable, 12);
  });
  it('zero when the target is inside the span; equals ‖f*‖² when the span is orthogonal-ish bounded', () => {
    expect(projectOntoFeatures(Ws, Ws, c).perp).toBeLessThan(1e-12);
    const pr = projectOntoFeatures(Ws.slice(0, 1), Ws, c);
    expect(pr.perp + pr.parallel).toBeCloseTo(networkNorm2(Ws, c), 14);
  });
  it('increases along nested removals (the span shrinks)', () => {
    let prev = -1;
    for (let k = 0; k < 11; k++) {
      const r = perpForAblation(Ws, c, Array.from({ length: k }, (_, i) => i)).perp;
      expect(r).toBeGreaterThanOrEqual(prev - 1e-15);
      prev = r;
    }
  });
  it('ill-conditioned K (near-duplicate neurons, as after condensation): the stable form keeps ≥ 0 and matches the well-posed span', () => {
    const kept = Ws.slice(0, 6);
    const dup = kept.flatMap((w, i) => [w, w.map((x, k) => x + 1e-9 * Math.sin(k + i))]);
    const stable = projectOntoFeatures(dup, Ws, c).perp;
    const reference = projectOntoFeatures(kept, Ws, c).perp;
    expect(stable).toBeGreaterThanOrEqual(0);
    expect(Math.abs(stable - reference)).toBeLessThan(1e-6 * networkNorm2(Ws, c));
    // The printed K⁻¹ form is at the mercy of cond(K) ≈ 1e18 here: record, do not require, its error.
    const printed = perpPrinted(dup, Ws, c);
    console.log(`near-duplicate neurons: stable ${stable.toExponential(6)}, reference ${reference.toExponential(6)}, printed K⁻¹ form ${printed.toExponential(6)}`);
  });
  it('removedCount and negativeTransferPoint validate input', () => {
    expect(removedCount(0.25, 20)).toBe(5);
    expect(() => removedCount(0.33, 20)).toThrow(/mu \(μ\) · mstar/);
    expect(() => removedCount(1, 20)).toThrow(/mu/);
    expect(negativeTransferPoint(2, 1, 0.01)).toBeCloseTo(200, 10);
    expect(() => negativeTransferPoint(-1, 1, 0.1)).toThrow(/A \(power-law/);
  });
});

describe('§4 claims: predictions and hypotheses', () => {
  const Ws = rows(10, 8, 0.3);
  const c = Float64Array.from({ length: 10 }, (_, i) => Math.sin(1.1 * i) + 0.5);
  it('predictForTeacher is eq (159) on the given teacher; a teacher of the wrong shape is refused', () => {
    const pr = sec4Projection.predictForTeacher({ d: 8, mstar: 10, mu: 0.3 }, { W: Ws, c, removed: [1, 4, 7] });
    expect(pr.value).toBe(perpForAblation(Ws, c, [1, 4, 7]).perp);
    expect(() => sec4Projection.predictForTeacher({ d: 8, mstar: 10, mu: 0.2 }, { W: Ws, c, removed: [1, 4, 7] })).toThrow(InputError);
  });
  it('monotonicity in μ is predicted as the sign of μ₂ − μ₁; hypotheses need a non-empty source', () => {
    expect(sec4Projection.predict({ d: 8, mstar: 10, mu: 0.2, mu2: 0.5 })).toMatchObject({ kind: 'monotone', sign: 1 });
    const holds = (p: Record<string, number>) => sec4Projection.hypotheses.every((h) => h.holds(p));
    expect(holds({ d: 8, mstar: 10, mu: 0.9, mu2: 0.9 })).toBe(true);
    expect(holds({ d: 8, mstar: 10, mu: 0.2, mu2: 0.999 })).toBe(false);
  });
  it('mean-field (m ≥ 4m*) for the kernel and scaling claims; n* from predict; ‖P⊥‖² > 0 for negative transfer', () => {
    for (const claim of [sec4Kernel, sec4Scaling]) {
      expect(claim.hypotheses.every((h) => h.holds({ d: 10, m: 40, mstar: 10, mu: 0.2 }))).toBe(true);
      expect(claim.hypotheses.every((h) => h.holds({ d: 10, m: 39, mstar: 10, mu: 0.2 }))).toBe(false);
    }
    expect(sec4NegativeTransfer.predict({ A: 2, nu: 1, perp: 0.01 })).toMatchObject({ value: negativeTransferPoint(2, 1, 0.01), sign: 1 });
    expect(sec4NegativeTransfer.hypotheses[0]!.holds({ A: 2, nu: 1, perp: 0 })).toBe(false);
    expect(sec4Arccos.hypotheses[0]!.holds({ u: 0.3, d: 1 })).toBe(false);
    expect(sec4Arccos.hypotheses[0]!.holds({ u: 1, d: 1 })).toBe(true);
  });
});
