import { scratchRiskAsymptotic, scratchRiskFinite } from './scratch.ts';

/**
 * Fine-tuning (Thm 3.9). The proof (eq 142) states the end point β_ft = β_sc + (I − P)β_s, whence
 *   R_ft − R_sc = ‖(I − P)β_s‖² − 2⟨(I − P)β_s, (I − P)β_t⟩   (the X⁺ε part lies in row(X)),
 * whose expectation is exactly (1 − n/d)(1 − 2cos θ) for n < d. So the printed mechanism has the exact
 * finite-size form E R_ft = E R_sc(n, d) + (1 − n/d)(1 − 2cos θ) (derived here), and eq (16) is its limit.
 */

/** Eq (16), as printed. */
export function fineTuneRiskPrinted(gamma: number, theta: number, sigma: number): number {
  const sc = scratchRiskAsymptotic(gamma, sigma);
  return gamma <= 1 ? sc + (1 - gamma) * (1 - 2 * Math.cos(theta)) : sc;
}

/** Eq (17), as printed: 𝒯_ft = (γ − 1)(1 − 2cos θ) for γ ≤ 1, 0 for γ > 1. */
export function ftTransferabilityPrinted(gamma: number, theta: number): number {
  return gamma <= 1 ? (gamma - 1) * (1 - 2 * Math.cos(theta)) : 0;
}

/** Exact finite-size form of the printed mechanism (eq 142). */
export function fineTuneRiskPrintedFinite(n: number, d: number, theta: number, sigma: number): number {
  const sc = scratchRiskFinite(n, d, sigma);
  return n < d ? sc + (1 - n / d) * (1 - 2 * Math.cos(theta)) : sc;
}

export function ftTransferabilityPrintedFinite(n: number, d: number, theta: number): number {
  return n < d ? -(1 - n / d) * (1 - 2 * Math.cos(theta)) : 0;
}
