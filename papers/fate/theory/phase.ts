import { linearTransferRisk, linearTransferRiskLimit } from './linearTransfer.ts';
import { scratchRiskAsymptotic, scratchRiskFinite } from './scratch.ts';

/** Eq (13): 𝒯_lt = E R_sc − E R_lt in the limit n, d → ∞ at fixed γ. */
export function ltTransferability(gamma: number, theta: number, sigma: number): number {
  return scratchRiskAsymptotic(gamma, sigma) - linearTransferRiskLimit(theta);
}

/** Exact finite-size 𝒯_lt(n, d): the finite-size scratch risk minus eq (12) (both exact). */
export function ltTransferabilityFinite(n: number, d: number, theta: number, sigma: number): number {
  return scratchRiskFinite(n, d, sigma) - linearTransferRisk(theta, sigma, n);
}

/**
 * The roots of γ² − γ(1 + cos²θ − σ²) + cos²θ = 0, which bound the γ < 1 negative-transfer region:
 * for γ < 1, 𝒯_lt < 0 ⇔ (cos²θ − γ)(1 − γ) + γσ² < 0 ⇔ γ lies strictly between the roots.
 * Real roots need (1 − cos θ)² ≥ σ², i.e. θ ≥ arccos(1 − σ) (so σ < 1 unless θ = π/2).
 * NB the paper prints the interval as (γ₊, γ₋) with γ± = ½[(…) ± √…], i.e. with its end points in
 * reverse order (as written it is empty); we read it as (γ₋, γ₊) — see check fate.eq13.printed-interval.
 */
export function negativeRootsUnderparam(theta: number, sigma: number): { gammaMinus: number; gammaPlus: number } | null {
  const c2 = Math.cos(theta) ** 2;
  const b = 1 + c2 - sigma * sigma;
  const disc = b * b - 4 * c2;
  if (b <= 0 || disc < 0) return null;
  const r = Math.sqrt(disc);
  return { gammaMinus: 0.5 * (b - r), gammaPlus: 0.5 * (b + r) };
}

/**
 * The sign eq (13)'s printed regions give when read literally: negative for γ − 1 > σ²/sin²θ, and for
 * γ < 1 only inside (γ₊, γ₋) as printed — an interval whose left end exceeds its right (γ₊ ≥ γ₋), so
 * read literally it is empty and predicts no negative transfer below γ = 1.
 */
export function printedLiteralSign(gamma: number, theta: number, sigma: number): 1 | -1 {
  if (gamma > 1) return gamma > overparamThreshold(theta, sigma) ? -1 : 1;
  const r = negativeRootsUnderparam(theta, sigma);
  return r && r.gammaPlus < gamma && gamma < r.gammaMinus ? -1 : 1;
}

/** γ > 1 negative-transfer threshold: 𝒯_lt < 0 ⇔ γ − 1 > σ²/sin²θ. */
export function overparamThreshold(theta: number, sigma: number): number {
  const s2 = Math.sin(theta) ** 2;
  return s2 === 0 ? Infinity : 1 + (sigma * sigma) / s2;
}

export type LtRegion = 'negative (γ > 1)' | 'negative (γ < 1)' | 'anomalous positive' | 'positive';

/**
 * The phase diagram of eq (13) as the paper describes it (Fig 1b): two negative regions, and between
 * them, where both exist, "anomalous positive transfer" — positive only because the scratch risk
 * blows up near γ = 1 (it persists at θ = π/2, where the transferred model is no better than zero).
 * Anomalous positive here means: 𝒯_lt > 0, θ ≥ arccos(1 − σ) (so the γ < 1 negative region exists
 * at this θ) and γ above that region's upper end.
 */
export function ltRegion(gamma: number, theta: number, sigma: number): LtRegion {
  const t = ltTransferability(gamma, theta, sigma);
  if (t < 0) return gamma > 1 ? 'negative (γ > 1)' : 'negative (γ < 1)';
  const roots = negativeRootsUnderparam(theta, sigma);
  if (roots && gamma >= roots.gammaPlus) return 'anomalous positive';
  return 'positive';
}
