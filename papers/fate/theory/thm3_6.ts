import type { Claim } from '../../../theory/claim.ts';
import { P } from '../../../core/params.ts';
import { scratchRiskAsymptotic, scratchRiskFinite } from './scratch.ts';
import { offInterpolationThreshold } from './hypotheses.ts';
import { dOpt, finiteSize, nOpt, sizesAgree } from './size.ts';

/** Thm 3.6, eq (10): expected generalization error of the scratch-trained (min-norm) model. */
export const thm3_6: Claim = {
  id: 'fate.thm3.6',
  paper: 'fate',
  title: 'Scratch risk of the minimum-norm interpolator (double descent)',
  source: {
    paper: 'fate',
    ref: 'Thm 3.6, eq (10)',
    statement: '$\\mathbb{E}_{\\mathcal{D}} R_{\\mathrm{sc}} = \\frac{(1-\\gamma)^2 + \\gamma\\sigma^2}{1-\\gamma}$ for $\\gamma < 1$, and $\\frac{\\sigma^2}{\\gamma-1}$ for $\\gamma > 1$.',
    provenance: 'printed',
  },
  params: [P.gammaNot1, P.sigma, nOpt, dOpt],
  constraints: [sizesAgree],
  hypotheses: [
    {
      id: 'gaussian-design',
      text: 'x ~ N(0, I_d), Gaussian label noise (Assumption 3.1) — a property of the data model; the predicate checks the noise level is a standard deviation, σ ≥ 0',
      holds: (p) => p.sigma! >= 0,
    },
    {
      id: 'min-norm',
      text: 'scratch training ends at X⁺y (Thm 3.5, α → 0) — a property of the training; the predicate checks that its risk is finite: γ ≠ 1 (n ≠ d)',
      holds: offInterpolationThreshold,
    },
  ],
  regime: {
    kind: 'asymptotic',
    limit: 'n, d → ∞ with n/d = γ',
    finiteSize: 'E R_sc = (1 − n/d) + σ²n/(d−n−1) (n < d−1); σ²d/(n−d−1) (n > d+1) — inverse-Wishart moments',
  },
  predict(p) {
    const size = finiteSize(p);
    return {
      quantity: 'E_D R_sc',
      kind: 'value',
      value: scratchRiskAsymptotic(p.gamma!, p.sigma!),
      finiteSize: size
        ? { value: scratchRiskFinite(size.n, size.d, p.sigma!), derivation: `exact at n = ${size.n}, d = ${size.d} (inverse-Wishart moments)` }
        : undefined,
      // How the finite-size form approaches eq (10): |finite(n, d) − eq (10)| = O(1/d) at fixed γ (inverse-Wishart moments).
      details: { finiteSizeGapOrder: 1 },
    };
  },
};
