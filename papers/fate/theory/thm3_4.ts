/** fate Thm 3.4 (after Yun et al.): feature sparsification after pretraining (proof: App. B.3, Lemma B.1, eqs 50–77). */
import type { Claim } from '../../../theory/claim.ts';
import { DP, eq22Hypothesis, populationHypothesis } from './gdClaimsParams.ts';

export const thm3_4: Claim = {
  id: 'fate.thm3.4',
  paper: 'fate',
  title: 'Feature sparsification: pretrained hidden features Φ = W_1⋯W_{L−1} → β_s vᵀ (rank one)',
  source: {
    paper: 'fate',
    ref: 'Thm 3.4 (proof: App. B.3, Lemma B.1, eqs 50–77)',
    statement: 'Let the columns of $\\Phi = W_1 W_2 \\cdots W_{L-1}$ denote the hidden features of the model. After pretraining $\\lim_{\\alpha\\to 0}\\lim_{t\\to\\infty} \\Phi = \\beta_s v_{L-1}^\\top$ for some vector $v_{L-1}$.',
    provenance: 'printed',
  },
  params: [DP.d, DP.L, DP.alpha, DP.sigma, DP.init],
  hypotheses: [eq22Hypothesis, populationHypothesis],
  // Eq (60): ‖W_l‖_F² − ‖W_l‖_op² ≤ α²C, so the non-rank-one part of Φ vanishes like α².
  regime: {
    kind: 'asymptotic',
    limit: 'α → 0 after t → ∞',
    finiteSize: 'eq (60): (‖Φ‖_F² − ‖Φ‖_op²) = O(α²) at t = ∞, so the relative rank-one residual scales like α² (log-log slope 2); top left singular vector → ±β_s',
  },
  predict: () => ({
    quantity: 'Φ = lim_{α→0} lim_{t→∞} W_1⋯W_{L−1}',
    kind: 'structure',
    region: 'rank one, left singular vector ±β_s',
    details: {
      rank: 1,
      leftSingularVector: '±β_s',
      residualScaling: 'α² (eq 60)',
      residualSlope: 2,
      // Eqs (69–70): 1 − (u·v)² ≤ α²C/s² with C = O(‖W̄‖_F²) = O(d); the excess of 1 − |⟨u_1, β_s⟩| over α²d is 0.
      alignmentDefectBound: 'α²d (eqs 69–70)',
      alignmentExcessOverBound: 0,
    },
  }),
};
