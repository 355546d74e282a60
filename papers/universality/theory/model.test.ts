import { describe, expect, it } from 'vitest';
import {
  classificationLimit,
  deterministicEquivalent,
  improvementMargin,
  isotropicImprovementThreshold,
  isotropicRisk,
  solveKappa,
} from './model.ts';
import { spectrumOf } from './params.ts';
import { universalityClaims } from './index.ts';
import { claimParams } from '../../registry.ts';

/** HMRT 2022 Thm 3 in its own parametrisation (c_0, γ = d/n), written independently of model.ts. */
function hmrt(spectrum: number[], v2: number[], sigma2: number, n: number): { bias: number; variance: number } {
  const d = spectrum.length;
  const gamma = d / n;
  // 1 − 1/γ = (1/d) Σ 1/(1 + c_0 γ s_i), solved by bisection in c_0
  const f = (c: number) => spectrum.reduce((a, s) => a + 1 / (1 + c * gamma * s), 0) / d - (1 - 1 / gamma);
  let lo = 0;
  let hi = 1;
  while (f(hi) > 0) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) > 0) lo = mid;
    else hi = mid;
  }
  const c0 = (lo + hi) / 2;
  const h1 = spectrum.reduce((a, s) => a + s / (1 + c0 * gamma * s) ** 2, 0) / d;
  const h2 = spectrum.reduce((a, s) => a + (s * s) / (1 + c0 * gamma * s) ** 2, 0) / d;
  const g1 = spectrum.reduce((a, s, i) => a + (v2[i]! * s) / (1 + c0 * gamma * s) ** 2, 0);
  return { bias: (1 + (gamma * c0 * h2) / h1) * g1, variance: (sigma2 * gamma * c0 * h2) / h1 };
}

describe('universality E3: deterministic equivalent', () => {
  it('κ solves n = Σ s_i/(s_i + κ)', () => {
    const s = spectrumOf(1, 300, 0.2, 10);
    for (const n of [10, 150, 290]) {
      const k = solveKappa(s, n);
      expect(s.reduce((a, x) => a + x / (x + k), 0)).toBeCloseTo(n, 9);
    }
  });
  it('agrees with HMRT Thm 3 written in its own (c_0, γ) form', () => {
    for (const kind of [0, 1, 2]) {
      const s = spectrumOf(kind, 200, 0.3, 12);
      const v2 = s.map((_, i) => ((i * 7919) % 13) / 13);
      for (const n of [20, 100, 180]) {
        const de = deterministicEquivalent(s, v2, 0.7, n);
        const h = hmrt(s, v2, 0.7, n);
        expect(de.bias).toBeCloseTo(h.bias, 8);
        expect(de.variance).toBeCloseTo(h.variance, 8);
      }
    }
  });
  it('isotropic: equals (1 − n/d)‖v‖² + σ² n/(d − n), the d → ∞ form of E2 (difference σ²[n/(d−n−1) − n/(d−n)])', () => {
    const d = 150;
    const v2 = Array.from({ length: d }, (_, i) => (i % 5) / 50);
    const V = v2.reduce((a, b) => a + b, 0);
    for (const n of [5, 75, 140]) {
      const de = deterministicEquivalent(new Array(d).fill(1), v2, 0.5, n);
      expect(de.kappa).toBeCloseTo(d / n - 1, 9);
      expect(de.bias).toBeCloseTo(V * (1 - n / d), 10);
      expect(de.variance).toBeCloseTo((0.5 * n) / (d - n), 10);
      expect(isotropicRisk(V, 0.5, n, d) - de.risk).toBeCloseTo(0.5 * (n / (d - n - 1) - n / (d - n)), 10);
    }
  });
  it('rejects n ≥ rank Σ', () => {
    expect(() => solveKappa([1, 1, 1], 3)).toThrow(/n < rank/);
    expect(() => isotropicRisk(1, 1, 9, 10)).toThrow(/n < d − 1/);
  });
});

describe('universality E4: improvement condition', () => {
  it('isotropic exact threshold is where E2 equals the pretrained risk', () => {
    for (const [n, d] of [[10, 50], [40, 50], [100, 400]] as const) {
      const thr = isotropicImprovementThreshold(0.8, n, d);
      expect(isotropicRisk(thr, 0.8, n, d)).toBeCloseTo(thr, 12);
      expect(isotropicRisk(thr * 1.1, 0.8, n, d)).toBeLessThan(thr * 1.1);
      expect(isotropicRisk(thr * 0.9, 0.8, n, d)).toBeGreaterThan(thr * 0.9);
    }
  });
  it('general Σ: the margin is linear in the direction profile and its sign matches the stated inequality', () => {
    const s = spectrumOf(2, 200, 0.2, 8);
    for (const scale of [0.01, 0.1, 1, 10]) {
      const v2 = s.map((_, i) => (scale * ((i % 3) + 1)) / 200);
      const de = deterministicEquivalent(s, v2, 1, 80);
      const lhs = s.reduce((a, si, i) => a + v2[i]! * si * (1 - (de.kappa * de.kappa) / ((si + de.kappa) ** 2 * (1 - de.df2 / 80))), 0);
      expect(Math.sign(improvementMargin(s, v2, 1, 80))).toBe(lhs > de.variance ? -1 : 1);
    }
  });
});

describe('universality E6: classification limits', () => {
  const grid = (f: (a: number, b: number) => number) => {
    // midpoint rule (no node on the discontinuities at 0)
    const m = 1000;
    const h = 16 / m;
    let t = 0;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) {
        const a = -8 + (i + 0.5) * h;
        const b = -8 + (j + 0.5) * h;
        t += f(a, b) * Math.exp(-0.5 * (a * a + b * b));
      }
    return (t * h * h) / (2 * Math.PI);
  };
  it('the Gaussian orthant formula P(sign a ≠ sign b) = arccos(ρ)/π (2-D quadrature)', () => {
    for (const rho of [-0.5, 0, 0.3, 0.9]) {
      const r = Math.sqrt(1 - rho * rho);
      const p = grid((z1, z2) => (Math.sign(z1) !== Math.sign(rho * z1 + r * z2) ? 1 : 0));
      expect(p).toBeCloseTo(Math.acos(rho) / Math.PI, 2);
    }
  });
  it('μ = E[y g] = (1 − 2p)√(2/π) and ψ → 0 leaves the pretrained model unchanged', () => {
    const p = 0.15;
    const mu = grid((g) => (1 - 2 * p) * Math.abs(g));
    const lim = classificationLimit(0.5, 2, p, 1e-9);
    expect(lim.mu).toBeCloseTo(mu, 4);
    expect(lim.m).toBeCloseTo(0.5, 6);
    expect(lim.q).toBeCloseTo(2, 6);
    expect(lim.errFineTuned).toBeCloseTo(lim.errPretrained, 6);
  });
  it('from w_0 = 0 it reduces to min-norm interpolation of the labels: cos² = μ²ψ / (μ²ψ + (1 − μ²)ψ/(1 − ψ) + …)', () => {
    // w_0 = 0: m = μψ, q = μ² − 2μ²(1−ψ) + (1−ψ)μ² + (1−μ²)ψ/(1−ψ) = μ²ψ + (1−μ²)ψ/(1−ψ)
    const psi = 0.4;
    const lim = classificationLimit(0, 1e-300, 0.1, psi);
    const mu = lim.mu;
    expect(lim.m).toBeCloseTo(mu * psi, 12);
    expect(lim.q).toBeCloseTo(mu * mu * psi + ((1 - mu * mu) * psi) / (1 - psi), 12);
  });
});

describe('universality claims', () => {
  it('are labelled as derived from the abstract and predict at their defaults', () => {
    for (const c of universalityClaims) {
      expect(c.source.provenance).toBe('derived from the abstract');
      const p = claimParams(c, {});
      expect(Number.isFinite(c.predict(p).value)).toBe(true);
    }
  });
  it('bad input names the parameter and its domain', () => {
    const c = universalityClaims.find((x) => x.id === 'universality.isotropic-risk')!;
    expect(() => claimParams(c, { n: 198, d: 200 })).toThrow(/n \(target samples\) must be < d − 5/);
    expect(() => claimParams(c, { sigma: -1 })).toThrow(/sigma \(σ, label-noise standard deviation\) must be in \[0, ∞\)/);
  });
});
