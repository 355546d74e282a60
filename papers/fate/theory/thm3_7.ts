import type { Claim } from '../../../theory/claim.ts';
import { P } from '../../../core/params.ts';
import { linearTransferRisk } from './linearTransfer.ts';
import { sizesAgree, targetSamples, targetSamplesGiven } from './size.ts';

/** Thm 3.7, eq (12): linear transfer on the rank-one pretrained features; exact at every n > 2. */
export const thm3_7: Claim = {
  id: 'fate.thm3.7',
  paper: 'fate',
  title: 'Linear-transfer risk on rank-one pretrained features',
  source: {
    paper: 'fate',
    ref: 'Thm 3.7, eq (12)',
    statement: '$\\mathbb{E}_{\\mathcal{D}} R_{\\mathrm{lt}} = \\sin^2\\theta + \\frac{\\sigma^2 + \\sin^2\\theta}{n-2}$.',
    provenance: 'printed',
  },
  params: [
    { ...P.n, optional: true, domain: { min: 3, integer: true, text: 'integers ≥ 3 (E 1/‖Xβ_s‖² = 1/(n−2) needs n > 2)' } },
    P.theta,
    P.sigma,
    { ...P.gamma, optional: true },
    { ...P.d, optional: true },
  ],
  constraints: [
    sizesAgree,
    targetSamplesGiven,
    (p) => {
      const n = targetSamples(p);
      return n !== null && n <= 2 ? `n (number of target samples) must be in integers ≥ 3; gamma·d gives n = ${n}` : null;
    },
  ],
  hypotheses: [
    {
      id: 'rank-one',
      text:
        'pretrained features exactly rank one, Φ = (Xβ_s)vᵀ (Thm 3.4, α → 0) — a property of pretraining, not of (n, θ, σ); the predicate checks ' +
        'that the feature column Xβ_s exists and the noise is a standard deviation: n ≥ 1, σ ≥ 0',
      holds: (p) => (targetSamples(p) ?? 0) >= 1 && p.sigma! >= 0,
    },
  ],
  regime: { kind: 'exact', note: 'exact at finite n (given rank-one features); independent of d' },
  predict(p) {
    const n = targetSamples(p)!;
    return {
      quantity: 'E_D R_lt',
      kind: 'value',
      value: linearTransferRisk(p.theta!, p.sigma!, n),
      // The proof's mechanism (App. B.6): retraining W_L on Φ = (Xβ_s)vᵀ ends at bβ_s, b = (Xβ_s)ᵀy/‖Xβ_s‖² (gap 0).
      details: { n, mechanism: 'β_lt = bβ_s, b = (Xβ_s)ᵀy/‖Xβ_s‖²', mechanismGap: 0 },
    };
  },
};
