import type { Claim } from '../../../theory/claim.ts';
import { P } from '../../../core/params.ts';
import { ltRegion, ltTransferability, ltTransferabilityFinite, negativeRootsUnderparam, overparamThreshold, printedLiteralSign } from './phase.ts';
import { offInterpolationThreshold } from './hypotheses.ts';
import { dOpt, finiteSize, nOpt, sizesAgree } from './size.ts';

/** Eq (13) and its phase diagram (Fig 1b): linear-transfer transferability in the high-dimensional limit. */
export const eq13: Claim = {
  id: 'fate.eq13',
  paper: 'fate',
  title: 'Linear-transfer transferability and its negative-transfer regions',
  source: {
    paper: 'fate',
    ref: '§3.3, eq (13), Fig 1(a–b)',
    statement:
      '$\\mathcal{T}_{\\mathrm{lt}} = \\frac{(1-\\gamma)^2+\\gamma\\sigma^2}{1-\\gamma} - \\sin^2\\theta$ ($\\gamma<1$); $\\frac{\\sigma^2}{\\gamma-1} - \\sin^2\\theta$ ($\\gamma>1$). Negative transfer for all $\\gamma-1 > \\sigma^2/\\sin^2\\theta$; ' +
      'for $\\gamma < 1$ only when $\\sigma < 1$, $\\theta \\in (\\arccos(1-\\sigma), \\pi/2)$ and $\\gamma \\in (\\gamma_+, \\gamma_-)$, $\\gamma_\\pm = \\frac12\\big[(1+\\cos^2\\theta-\\sigma^2) \\pm \\sqrt{(1+\\cos^2\\theta-\\sigma^2)^2-4\\cos^2\\theta}\\big]$; ' +
      'noiseless: $\\theta \\in (0, \\pi/2)$, $\\cos^2\\theta < \\gamma < 1$; positive transfer between the two regions even at $\\theta = \\pi/2$.',
    provenance: 'printed',
  },
  params: [P.gammaNot1, P.theta, P.sigma, nOpt, dOpt],
  constraints: [sizesAgree],
  hypotheses: [
    {
      id: 'rank-one',
      text:
        'rank-one pretrained features (Thm 3.4, α → 0) — a property of pretraining, not of the parameters; the predicate checks what linear transfer ' +
        'on them needs at a finite size: n > 2, so that E 1/‖Xβ_s‖² = 1/(n − 2) is finite (Thm 3.7)',
      holds: (p) => (finiteSize(p)?.n ?? Infinity) > 2,
    },
    { id: 'min-norm', text: 'scratch training ends at the minimum-norm solution X⁺y (Thm 3.5), whose risk is finite only off the interpolation threshold: γ ≠ 1 (n ≠ d)', holds: offInterpolationThreshold },
  ],
  regime: {
    kind: 'asymptotic',
    limit: 'n, d → ∞ with n/d = γ',
    finiteSize: '𝒯_lt(n, d) = E R_sc(n, d) − [sin²θ + (sin²θ+σ²)/(n−2)], both exact',
  },
  predict(p) {
    const g = p.gamma!;
    const th = p.theta!;
    const s = p.sigma!;
    const value = ltTransferability(g, th, s);
    const size = finiteSize(p);
    const roots = negativeRootsUnderparam(th, s);
    return {
      quantity: '𝒯_lt = E R_sc − E R_lt',
      kind: 'value',
      value,
      sign: value > 0 ? 1 : value < 0 ? -1 : 0,
      region: ltRegion(g, th, s),
      finiteSize: size
        ? { value: ltTransferabilityFinite(size.n, size.d, th, s), derivation: `exact at n = ${size.n}, d = ${size.d}` }
        : undefined,
      details: {
        gammaMinus: roots?.gammaMinus ?? null,
        gammaPlus: roots?.gammaPlus ?? null,
        overparamNegativeAbove: overparamThreshold(th, s),
        // The statement's regions read literally, with the γ < 1 interval as printed, (γ₊, γ₋).
        printedLiteralSign: printedLiteralSign(g, th, s),
        // |finite(n, d) − eq (13)| = O(1/d) at fixed γ (both risks' finite forms).
        finiteSizeGapOrder: 1,
      },
    };
  },
};
