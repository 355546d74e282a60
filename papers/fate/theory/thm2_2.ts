import type { Claim } from '../../../theory/claim.ts';
import { P } from '../../../core/params.ts';
import { DUDLEY_UPPER_BOUND, dudleyProofBound, klLinear } from './kl.ts';

/**
 * Thm 2.2: distribution distances do not predict transfer — for f in a feature space and any δ there is
 * g in the same space with D_KL(p_f‖p_g) ≥ δ, and one with Dudley metric ≥ δ. Evaluated for the linear
 * family f = β_sᵀx, g = a·β_tᵀx (cos∠(β_s, β_t) = cos θ), where the proof's formula is exact.
 */
export const thm2_2: Claim = {
  id: 'fate.thm2.2',
  paper: 'fate',
  title: 'Distances between tasks can be arbitrarily large inside one feature space',
  source: {
    paper: 'fate',
    ref: 'Thm 2.2, proof eqs (23–34)',
    statement:
      'For any $f \\in \\Phi$ and $\\delta > 0$ there is $g \\in \\Phi$ with Dudley metric $\\gamma_\\beta(p_f, p_g) \\ge \\delta$, and one with $D_{\\mathrm{KL}}(p_f \\Vert p_g) \\ge \\delta$; $D_{\\mathrm{KL}}(p_f \\Vert p_g) = \\lVert f - g\\rVert^2_{L^2(p)}/(2\\sigma^2)$.',
    provenance: 'printed',
  },
  params: [
    P.theta,
    { ...P.sigma, domain: { min: 0, minOpen: true } },
    { name: 'scale', symbol: 'a', description: 'scale of the second task g = a·β_tᵀx', domain: { min: 0 }, default: 1 },
  ],
  hypotheses: [
    {
      id: 'assumption-2.1',
      text: 'f ∈ L2(p), Gaussian label noise of positive variance (Assumption 2.1); for the linear family f ∈ L2(p) always, so the predicate checks σ > 0 (at σ = 0 the laws are singular and D_KL is infinite)',
      holds: (p) => p.sigma! > 0,
    },
  ],
  regime: { kind: 'exact' },
  predict(p) {
    const th = p.theta!;
    const a = p.scale!;
    const kl = klLinear([1, 0], [a * Math.cos(th), a * Math.sin(th)], p.sigma!);
    return {
      quantity: 'D_KL(p_f ‖ p_g)',
      kind: 'value',
      value: kl,
      details: {
        dudleyUpperBound: DUDLEY_UPPER_BOUND,
        dudleyPrinted: 'unbounded over g ∈ Φ (as printed)',
        // The proof's step eq (27) ≥ eq (28) (sign +1), with eq (28) at these parameters.
        dudleyProofStep: { quantity: 'eq (27) − eq (28)', sign: 1, eq28: dudleyProofBound(a, p.sigma!) },
      },
    };
  },
};
