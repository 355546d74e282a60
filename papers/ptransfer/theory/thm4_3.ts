import { defineClaim, type Prediction } from '../../../theory/claim.ts';
import type { Params } from '../../../core/params.ts';
import { alphaZeroReduction, baselineStatistic } from './formulas.ts';
import { transferCondition41, transferQuantities } from './hypotheses.ts';
import { PT, TRANSFER_PARAMS } from './params.ts';

export interface Thm43Prediction extends Prediction {
  value: number;
  details: {
    statistic: string;
    S: number;
    /** Thm 4.2 at α = 0: (S(α = 0), S_3), equal by the identity Num/Den = N_2‖u+v_2‖⁴/σ_{p,2}⁴. */
    alphaZero: { transfer: number; baseline: number };
    /** The error without transfer falls as the statistic grows. */
    monotone: Prediction & { sign: -1 };
  };
}

/** Yuan et al., Thm 4.3 (Kou et al.'s theorem for the target task alone, i.e. Algorithm 2). */
export const thm43 = defineClaim({
  id: 'ptransfer.thm4.3',
  paper: 'ptransfer',
  title: 'Thm 4.3 (cited from Kou et al.): without transfer, phase transition in N_2‖u+v_2‖⁴/(σ_{p,2}⁴d)',
  source: {
    paper: 'ptransfer',
    ref: 'Thm 4.3',
    statement:
      "Training loss $\\le \\varepsilon$; if $N_2\\lVert u+v_2\\rVert^4 \\ge C_1^\\prime\\sigma_{p,2}^4 d$ then $P(y f(W;x) < 0) \\le \\exp\\big(-C_2^\\prime N_2\\lVert u+v_2\\rVert^4/(\\sigma_{p,2}^4 d)\\big)$; if $N_2\\lVert u+v_2\\rVert^4 \\le C_3^\\prime\\sigma_{p,2}^4 d$ then $P(y f(W;x) < 0) \\ge 0.1$.",
    provenance: 'printed',
  },
  params: [...TRANSFER_PARAMS, PT.delta],
  hypotheses: transferCondition41,
  regime: { kind: 'bound', constants: ["C_1'", "C_2'", "C_3'"] },
  predict: (p: Params): Thm43Prediction => {
    const S = baselineStatistic({ N2: p.N2!, uNorm: p.uNorm!, v2Norm: p.v2Norm!, sigmaP2: p.sigmaP2!, d: p.d! });
    return {
      quantity: 'N_2‖u+v_2‖⁴/(σ_{p,2}⁴d), the statistic that bounds the error without transfer (≤ exp(−C_2′·it) if it ≥ C_1′; ≥ 0.1 if it ≤ C_3′)',
      kind: 'bound',
      value: S,
      details: {
        statistic: 'N_2‖u+v_2‖⁴/(σ_{p,2}⁴d)',
        S,
        alphaZero: alphaZeroReduction(transferQuantities(p)),
        monotone: { quantity: 'err(higher S_3) − err(lower S_3) without transfer', kind: 'monotone', sign: -1 },
      },
    };
  },
});
