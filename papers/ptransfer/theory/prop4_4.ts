import { defineClaim, type Hypothesis, type Prediction } from '../../../theory/claim.ts';
import type { Params } from '../../../core/params.ts';
import { baselineStatistic, gamma, transferStatistic } from './formulas.ts';
import { transferCondition41, transferQuantities } from './hypotheses.ts';
import { PT, TRANSFER_PARAMS } from './params.ts';

/**
 * Explicit constants for Prop 4.4's "large"/"small" (the paper leaves them unspecified; documented choices):
 * Γ ≥ gammaMin is "Γ large"; the baseline statistic S_3 ≤ baselineBadMax is "without transfer sub-optimal",
 * S_3 ≥ baselineGoodMin "near-optimal"; near-optimal means error < nearOptimal; C_4 of the negative-transfer item.
 */
export const PROP44 = { gammaMin: 1, baselineBadMax: 0.25, baselineGoodMin: 4, nearOptimal: 0.1, C4: 4 };

/** Prop 4.4's standing hypothesis beside Condition 4.1: Γ = α²N_1‖u‖⁴/(σ_{p,1}²σ_{p,2}²d) ≥ C. */
export const gammaLarge: Hypothesis = {
  id: 'prop4.4.gamma',
  text: `Prop 4.4: Γ = α²N_1‖u‖⁴/(σ_{p,1}²σ_{p,2}²d) ≥ C (C = ${PROP44.gammaMin})`,
  holds: (p: Params) => gamma(transferQuantities(p)) >= PROP44.gammaMin,
};

export type Prop44Case = 'baseline-sub-optimal' | 'both-near-optimal' | 'between';

export interface Prop44Prediction extends Prediction {
  details: {
    Gamma: number;
    baselineStatistic: number;
    transferStatistic: number;
    /** Which item of the proposition applies, by the baseline statistic S_3 = N_2‖u+v_2‖⁴/(σ_{p,2}⁴d). */
    case: Prop44Case;
    /** Item 1 (d > C_1′N_2‖u+v_2‖⁴/σ_{p,2}⁴): transfer beats the baseline, err_B − err_T > 0. */
    transferHelps: Prediction & { sign: 1 };
    /** Item 2 (d < C_3′N_2‖u+v_2‖⁴/σ_{p,2}⁴): both are near-optimal, max(err_T, err_B) − level < 0. */
    bothNearOptimal: Prediction & { sign: -1; value: number };
  };
}

/** Yuan et al., Prop 4.4 (its first two items; the last, negative transfer, is the claim 'ptransfer.negative'). */
export const prop44 = defineClaim({
  id: 'ptransfer.prop4.4',
  paper: 'ptransfer',
  title: 'Prop 4.4: with Γ = α²N_1‖u‖⁴/(σ_{p,1}²σ_{p,2}²d) large and the baseline sub-optimal, transfer is near-optimal; when the baseline is near-optimal both are',
  source: {
    paper: 'ptransfer',
    ref: 'Prop 4.4',
    statement:
      "If $\\Gamma \\ge C$ (large) and $d > C_1^\\prime N_2\\lVert u+v_2\\rVert^4/\\sigma_{p,2}^4$: without transfer the error is $\\ge 0.1$, with transfer it is $\\le c$ (small). If $d < C_3^\\prime N_2\\lVert u+v_2\\rVert^4/\\sigma_{p,2}^4$ both are near-optimal. $\\Gamma$ is sufficient, not necessary.",
    provenance: 'printed',
  },
  params: [...TRANSFER_PARAMS, PT.delta],
  hypotheses: [...transferCondition41, gammaLarge],
  regime: { kind: 'bound', constants: ['C', "C_1'", "C_3'", 'c'] },
  predict: (p: Params): Prop44Prediction => {
    const q = transferQuantities(p);
    const S3 = baselineStatistic(q);
    const which: Prop44Case = S3 <= PROP44.baselineBadMax ? 'baseline-sub-optimal' : S3 >= PROP44.baselineGoodMin ? 'both-near-optimal' : 'between';
    return {
      quantity: 'error without transfer − error with transfer',
      kind: 'sign',
      sign: 1,
      details: {
        Gamma: gamma(q),
        baselineStatistic: S3,
        transferStatistic: transferStatistic(q),
        case: which,
        transferHelps: { quantity: 'err_baseline − err_transfer', kind: 'sign', sign: 1 },
        bothNearOptimal: { quantity: `max(err_T, err_B) − ${PROP44.nearOptimal}`, kind: 'sign', sign: -1, value: PROP44.nearOptimal },
      },
    };
  },
});
