import type { Claim } from '../../../theory/claim.ts';
import { P } from '../../../core/params.ts';
import { ridgeOptimalLambdaFinite, ridgeRiskFinite, ridgeRiskLimit } from './ridge.ts';
import { finiteSize, sizesAgree } from './size.ts';

/** Thm 3.8, eqs (14–15): ridge linear transfer; the limit is increasing in λ, so λ* = 0. */
export const thm3_8: Claim = {
  id: 'fate.thm3.8',
  paper: 'fate',
  title: 'Ridge linear transfer: risk increasing in λ, optimal λ* = 0',
  source: {
    paper: 'fate',
    ref: 'Thm 3.8, eq (15), Fig 2',
    statement:
      '$\\lim_{n\\to\\infty} \\mathbb{E}_{\\mathcal{D}} R_{\\mathrm{lt}}^\\lambda = 1 - \\cos^2\\theta\\,\\frac{1+2\\lambda}{(1+\\lambda)^2}$; a strictly increasing function of $\\lambda \\ge 0$ for any $\\theta \\in [0, \\pi/2]$, so $\\lambda^* = 0$.',
    provenance: 'printed',
  },
  params: [P.theta, P.sigma, P.lambda, { ...P.n, optional: true, domain: { min: 3, integer: true } }, { ...P.gamma, optional: true }, { ...P.d, optional: true }],
  constraints: [sizesAgree],
  hypotheses: [
    {
      id: 'rank-one',
      text:
        'rank-one pretrained features with ‖v‖ = 1 (balanced net, α → 0) — a property of pretraining, not of the parameters; the predicate checks ' +
        'what ridge on them needs: λ ≥ 0, σ ≥ 0, and at a finite size n ≥ 3 (the χ²_n moments of the finite-size form)',
      holds: (p) => p.lambda! >= 0 && p.sigma! >= 0 && (p.n ?? finiteSize(p)?.n ?? Infinity) >= 3,
    },
  ],
  regime: {
    kind: 'asymptotic',
    limit: 'n → ∞ (d plays no role)',
    finiteSize: 'E R^λ = 1 − 2cos²θ E[r²/(r²+nλ)] + cos²θ E[r⁴/(r²+nλ)²] + (sin²θ+σ²) E[r²/(r²+nλ)²], r² ~ χ²_n',
  },
  predict(p) {
    // Only n matters at a finite size (the rank-one reduction removes d), so n alone is enough.
    const n = p.n ?? finiteSize(p)?.n;
    const size = n === undefined ? null : { n };
    const th = p.theta!;
    return {
      quantity: 'E_D R_lt^λ',
      kind: 'value',
      value: ridgeRiskLimit(th, p.lambda!),
      finiteSize: size
        ? { value: ridgeRiskFinite(size.n, th, p.sigma!, p.lambda!), derivation: `exact at n = ${size.n} (1-D χ²_n quadrature)` }
        : undefined,
      details: {
        optimalLambdaPrinted: 0,
        // As printed (§3.3.1, Fig 2 caption): "a strictly increasing function of λ", for the overlap θ of Thm 3.8 (slope sign +1).
        printedSlopeSign: 1,
        optimalLambdaFinite: size ? ridgeOptimalLambdaFinite(size.n, th, p.sigma!) : null,
        // |finite(n) − eq (15)| = O(1/n), and λ*(n) − λ* = O(1/n) (r²/n = 1 + O_P(n^{-1/2}), its mean-zero part squared).
        finiteSizeGapOrder: 1,
      },
    };
  },
};
