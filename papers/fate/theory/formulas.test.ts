import { describe, expect, it } from 'vitest';
import { fineTuneRiskPrinted, fineTuneRiskPrintedFinite, ftTransferabilityPrinted } from './fineTune.ts';
import { linearTransferRisk } from './linearTransfer.ts';
import { ltRegion, ltTransferability, ltTransferabilityFinite, negativeRootsUnderparam, overparamThreshold } from './phase.ts';
import { chiSquareExpectation, ridgeOptimalLambdaFinite, ridgeRiskFinite, ridgeRiskLimit } from './ridge.ts';
import { scratchRiskAsymptotic, scratchRiskFinite } from './scratch.ts';

describe('scratch risk (Thm 3.6)', () => {
  it('finite-size form converges to eq (10) as d grows at fixed γ', () => {
    for (const [g, s] of [[0.5, 0.2], [1.5, 0.2], [0.25, 1], [2, 0.7]] as const) {
      const gaps = [100, 1000, 10000].map((d) => Math.abs(scratchRiskFinite(Math.round(g * d), d, s) - scratchRiskAsymptotic(g, s)));
      expect(gaps[1]!).toBeLessThan(gaps[0]!);
      expect(gaps[2]!).toBeLessThan(gaps[1]!);
      expect(gaps[2]!).toBeLessThan(2e-3);
    }
  });
  it('values at a hand-checked point: n = 250, d = 500, σ = 0.2', () => {
    // (1 − 0.5) + 0.04·250/249
    expect(scratchRiskFinite(250, 500, 0.2)).toBeCloseTo(0.5 + (0.04 * 250) / 249, 14);
    expect(scratchRiskAsymptotic(0.5, 0.2)).toBeCloseTo((0.25 + 0.02) / 0.5, 14);
  });
  it('noise term diverges at |n − d| ≤ 1 but not when σ = 0', () => {
    expect(scratchRiskFinite(499, 500, 0.2)).toBe(Infinity);
    expect(scratchRiskFinite(500, 500, 0)).toBe(0);
    expect(scratchRiskFinite(499, 500, 0)).toBeCloseTo(1 / 500, 15);
  });
});

describe('linear transfer (Thm 3.7) and the phase diagram (eq 13)', () => {
  it('eq (12) at a hand-checked point', () => {
    expect(linearTransferRisk(Math.PI / 4, 0.2, 250)).toBeCloseTo(0.5 + 0.54 / 248, 14);
  });
  it('negative iff γ lies between the roots (γ < 1) or beyond σ²/sin²θ (γ > 1): derivation agrees with the sign of eq (13) on a grid', () => {
    let checked = 0;
    for (let i = 1; i <= 60; i++) {
      for (let j = 0; j <= 40; j++) {
        for (const s of [0, 0.1, 0.3, 0.6, 0.95, 1.2]) {
          const g = i / 30 + 0.0123;
          const th = (j / 40) * (Math.PI / 2);
          const t = ltTransferability(g, th, s);
          if (Math.abs(t) < 1e-9) continue;
          const roots = negativeRootsUnderparam(th, s);
          const predictedNeg = g < 1 ? !!roots && g > roots.gammaMinus && g < roots.gammaPlus : g > overparamThreshold(th, s);
          expect(predictedNeg, `γ=${g} θ=${th} σ=${s}`).toBe(t < 0);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10000);
  });
  it('the γ < 1 region exists iff θ ≥ arccos(1 − σ); noiseless roots are cos²θ and 1', () => {
    const s = 0.3;
    const th0 = Math.acos(1 - s);
    expect(negativeRootsUnderparam(th0 - 1e-3, s)).toBeNull();
    expect(negativeRootsUnderparam(th0 + 1e-3, s)).not.toBeNull();
    const r = negativeRootsUnderparam(0.7, 0)!;
    expect(r.gammaMinus).toBeCloseTo(Math.cos(0.7) ** 2, 12);
    expect(r.gammaPlus).toBeCloseTo(1, 12);
  });
  it('anomalous positive transfer at θ = π/2 for γ ∈ (1 − σ², 1 + σ²)', () => {
    const s = 0.4;
    expect(ltTransferability(0.9, Math.PI / 2, s)).toBeGreaterThan(0);
    expect(ltRegion(0.9, Math.PI / 2, s)).toBe('anomalous positive');
    expect(ltRegion(1.1, Math.PI / 2, s)).toBe('anomalous positive');
    expect(ltRegion(0.5, Math.PI / 2, s)).toBe('negative (γ < 1)');
    expect(ltRegion(1.5, Math.PI / 2, s)).toBe('negative (γ > 1)');
  });
  it('finite-size transferability tends to eq (13)', () => {
    const gap = (d: number) => Math.abs(ltTransferabilityFinite(Math.round(0.3 * d), d, 1, 0.2) - ltTransferability(0.3, 1, 0.2));
    expect(gap(10000)).toBeLessThan(gap(1000));
    expect(gap(10000)).toBeLessThan(1e-3);
  });
});

describe('ridge linear transfer (Thm 3.8)', () => {
  it('χ²_n quadrature reproduces known moments', () => {
    for (const n of [5, 12, 60, 250]) {
      expect(chiSquareExpectation(n, () => 1)).toBeCloseTo(1, 10);
      expect(chiSquareExpectation(n, (r2) => r2)).toBeCloseTo(n, 7);
      expect(chiSquareExpectation(n, (r2) => 1 / r2)).toBeCloseTo(1 / (n - 2), 9);
      expect(chiSquareExpectation(n, (r2) => 1 / (r2 * r2))).toBeCloseTo(1 / ((n - 2) * (n - 4)), 9);
    }
  });
  it('at λ = 0 the finite-n ridge risk is eq (12)', () => {
    expect(ridgeRiskFinite(40, 0.9, 0.3, 0)).toBeCloseTo(linearTransferRisk(0.9, 0.3, 40), 9);
  });
  it('finite-n risk converges to eq (15) as n grows', () => {
    const gap = (n: number) => Math.abs(ridgeRiskFinite(n, 0.6, 0.2, 0.3) - ridgeRiskLimit(0.6, 0.3));
    expect(gap(2000)).toBeLessThan(gap(200));
    expect(gap(2000)).toBeLessThan(2e-3);
  });
  it('the limit is increasing in λ for θ < π/2 and flat at θ = π/2; at finite n a small ridge always helps', () => {
    expect(ridgeRiskLimit(0.5, 0.2)).toBeGreaterThan(ridgeRiskLimit(0.5, 0.1));
    expect(ridgeRiskLimit(Math.PI / 2, 0.5)).toBeCloseTo(ridgeRiskLimit(Math.PI / 2, 0), 15);
    for (const [n, th] of [[50, 0.3], [250, Math.PI / 4], [250, 1.5]] as const) {
      expect(ridgeRiskFinite(n, th, 0.2, 1e-3)).toBeLessThan(ridgeRiskFinite(n, th, 0.2, 0));
      expect(ridgeOptimalLambdaFinite(n, th, 0.2)).toBeGreaterThan(0);
    }
  });
});

describe('fine-tuning (Thm 3.9, eq 17) as printed', () => {
  it('finite form of the printed mechanism tends to eq (16); eq (17) changes sign at π/3', () => {
    const gap = (d: number) => Math.abs(fineTuneRiskPrintedFinite(Math.round(0.4 * d), d, 1.2, 0.2) - fineTuneRiskPrinted(0.4, 1.2, 0.2));
    expect(gap(20000)).toBeLessThan(gap(200));
    expect(ftTransferabilityPrinted(0.5, Math.PI / 3 - 0.01)).toBeGreaterThan(0);
    expect(ftTransferabilityPrinted(0.5, Math.PI / 3 + 0.01)).toBeLessThan(0);
    expect(ftTransferabilityPrinted(1.5, 0.2)).toBe(0);
  });
});
