/** fate Thm 3.5 (after Yun et al.): implicit bias of scratch training to the minimum-norm solution (proof: App. B.4, eqs 78–90). */
import type { Claim } from '../../../theory/claim.ts';
import { DP, eq22Hypothesis } from './gdClaimsParams.ts';

export const thm3_5: Claim = {
  id: 'fate.thm3.5',
  paper: 'fate',
  title: 'Scratch training from small init ends at the minimum-norm solution X⁺y',
  source: {
    paper: 'fate',
    ref: 'Thm 3.5 (proof: App. B.4, eqs 78–90)',
    statement:
      'Under gradient flow on the empirical risk minimization objective (5) with initialization satisfying (22), $\\lim_{\\alpha\\to 0}\\lim_{t\\to\\infty}\\beta(t) = \\hat\\beta$, where $\\hat\\beta$ is the minimum norm solution to the linear least squares problem $\\hat\\beta = \\operatorname{argmin}_\\beta \\frac{1}{2n}\\lVert y_t - X\\beta\\rVert_2^2 = X^+ y_t$.',
    provenance: 'printed',
  },
  params: [DP.gamma, DP.d, DP.theta, DP.sigma, DP.L, DP.alpha, DP.init],
  constraints: [
    (p) => (Math.round(p.gamma! * p.d!) === p.d ? `gamma·d rounds to n = d = ${p.d}: the square case is excluded` : null),
    (p) => (Math.round(p.gamma! * p.d!) < 1 ? `gamma·d rounds to n = 0 target samples` : null),
  ],
  hypotheses: [
    eq22Hypothesis,
    { id: 'full-rank', text: 'X has full rank (a.s. for Gaussian X with n ≠ d)', holds: (p) => Math.round(p.gamma! * p.d!) !== p.d },
  ],
  // B.4: (I − P_row)W_1 never moves (eq 82, 90), so at t = ∞ the gap is ‖(I − P)αW̄_1 W_2⋯W_L‖ = O(α) for n < d;
  // for n > d the least-squares minimiser is unique and the gap is 0 at every α.
  regime: {
    kind: 'asymptotic',
    limit: 'α → 0 after t → ∞',
    finiteSize: 'n < d: ‖β(∞) − X⁺y‖ = ‖(I − P_row(X))αW̄_1W_2(∞)⋯W_L(∞)‖ = O(α) (eq 90); n > d: 0 at every α (unique minimiser)',
  },
  predict: (p) => {
    const n = Math.round(p.gamma! * p.d!);
    return {
      quantity: 'lim_{α→0} lim_{t→∞} ‖β(t) − X⁺y‖ / ‖X⁺y‖',
      kind: 'value',
      value: 0,
      details:
        n < p.d!
          ? { n, gapScaling: 'α¹ (eq 90: the row-space complement of W_1 is frozen at its O(α) init)', gapSlope: 1 }
          : { n, gapScaling: 'none: unique least-squares minimiser, gap 0 at every α', gapSlope: null },
    };
  },
};
