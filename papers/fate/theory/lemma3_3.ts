/** fate Lemma 3.3: population pretraining recovers the source predictor (proof: Appendix B.2, eqs 35–49). */
import type { Claim } from '../../../theory/claim.ts';
import { DP, eq22Hypothesis, populationHypothesis } from './gdClaimsParams.ts';

export const lemma3_3: Claim = {
  id: 'fate.lemma3.3',
  paper: 'fate',
  title: 'Population pretraining converges to the source predictor: β(t) → β_s',
  source: {
    paper: 'fate',
    ref: 'Lemma 3.3 (proof: App. B.2, eqs 35–49)',
    statement: 'Under gradient flow (6) on the population risk objective (4) with initialization satisfying (22), $\\lim_{t\\to\\infty} \\beta(t) = \\beta_s$.',
    provenance: 'printed',
  },
  params: [DP.d, DP.L, DP.alpha, DP.sigma, DP.init],
  hypotheses: [eq22Hypothesis, populationHypothesis],
  // B.2 bounds ℓ(t) ≤ ℓ(0)e^{−2(α²λ)^{L−1}t} (eq 48): convergence at every α > 0, in t → ∞ only.
  regime: { kind: 'asymptotic', limit: 't → ∞ at any fixed α > 0 (eq 48: the loss decays at least like e^{−2(α²λ)^{L−1}t})', finiteSize: 'GD stopped at ½‖β − β_s‖² ≤ 1e-12 gives ‖β(T) − β_s‖ ≤ 1.5e-6' },
  predict: () => ({
    quantity: 'lim_{t→∞} ‖β(t) − β_s‖',
    kind: 'value',
    value: 0,
    finiteSize: { value: 0, derivation: 'the excess population loss is ½‖β − β_s‖², so stopping at excess ≤ tol bounds ‖β(T) − β_s‖ ≤ √(2 tol)' },
  }),
};
