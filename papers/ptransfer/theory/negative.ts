import { defineClaim, type Hypothesis, type Prediction } from '../../../theory/claim.ts';
import type { Params } from '../../../core/params.ts';
import { baselineStatistic, negativeTransferSides } from './formulas.ts';
import { transferCondition41, transferQuantities } from './hypotheses.ts';
import { PT, TRANSFER_PARAMS } from './params.ts';
import { PROP44 } from './prop4_4.ts';

/** Prop 4.4's negative-transfer condition: ‖u+v_2‖²/‖u‖² ≥ αN_1σ_{p,2}²/(N_2σ_{p,1}²) ≥ C_4. */
export const weakUniversalSignal: Hypothesis = {
  id: 'prop4.4.negative-condition',
  text: `Prop 4.4: ‖u+v_2‖²/‖u‖² ≥ αN_1σ_{p,2}²/(N_2σ_{p,1}²) ≥ C_4 (C_4 = ${PROP44.C4})`,
  holds: (p: Params) => {
    const { lhs, rhs } = negativeTransferSides(transferQuantities(p));
    return lhs >= rhs && rhs >= PROP44.C4;
  },
};

export interface NegativePrediction extends Prediction {
  sign: 1;
  details: { lhs: number; rhs: number; baselineStatistic: number };
}

/** Yuan et al., Prop 4.4, last item (negative transfer); Fig 1(c) at ‖u‖ = 0. */
export const negative = defineClaim({
  id: 'ptransfer.negative',
  paper: 'ptransfer',
  title: 'Prop 4.4 (negative transfer): when ‖u+v_2‖²/‖u‖² ≥ αN_1σ_{p,2}²/(N_2σ_{p,1}²) ≥ C_4, transfer hurts',
  source: {
    paper: 'ptransfer',
    ref: 'Prop 4.4, last item; Fig 1(c) at ‖u‖ = 0',
    statement: 'When $\\lVert u+v_2\\rVert^2/\\lVert u\\rVert^2 \\ge \\alpha N_1\\sigma_{p,2}^2/(N_2\\sigma_{p,1}^2) \\ge C_4$ ($C_4$ large), the universal knowledge is weak and parameter transfer harms the test accuracy.',
    provenance: 'printed',
  },
  params: [...TRANSFER_PARAMS, PT.delta],
  hypotheses: [...transferCondition41, weakUniversalSignal],
  regime: { kind: 'bound', constants: ['C_4'] },
  predict: (p: Params): NegativePrediction => {
    const q = transferQuantities(p);
    return { quantity: 'err_transfer − err_baseline', kind: 'sign', sign: 1, details: { ...negativeTransferSides(q), baselineStatistic: baselineStatistic(q) } };
  },
});
