import { defineClaim, type Prediction } from '../../../theory/claim.ts';
import type { Params } from '../../../core/params.ts';
import { DEFAULT_COND41 } from './condition41.ts';
import { alphaZeroReduction, den, num, transferStatistic } from './formulas.ts';
import { cond41ForParams, transferCondition41, transferQuantities } from './hypotheses.ts';
import { PT, TRANSFER_PARAMS } from './params.ts';

export interface Thm42Prediction extends Prediction {
  value: number;
  details: {
    statistic: string;
    Num: number;
    Den: number;
    S: number;
    nearOptimal: string;
    subOptimal: string;
    /** The error level of the sub-optimal region (error ≥ 0.1). */
    subOptimalLevel: number;
    /** Thm 4.2(1): the probability that a training loss stays above ε is ≤ 2δ. */
    trainingLoss: Prediction & { value: number };
    /** Thm 4.2(2,3): the test error falls as S grows. */
    monotone: Prediction & { sign: -1 };
    /** At α = 0, S equals Thm 4.3's statistic and Algorithm 1 is Algorithm 2: both gaps are 0. */
    alphaZero: { transfer: number; baseline: number; gap: Prediction & { value: number } };
    condition41: string[];
  };
}

/**
 * Yuan et al., Thm 4.2 (appendix Thm E.12). The constants C_i are not given: the prediction states the
 * statistic S = Num/(Den·d) the bound is a function of and the direction it fixes; the checks test
 * monotonicity in S, the order of the error in S, pairs that discriminate S from S with one exponent
 * moved, and thresholds that separate near-optimal from sub-optimal regimes (checks/constants.ts).
 */
export function thm42Predict(p: Params): Thm42Prediction {
  const q = transferQuantities(p);
  const S = transferStatistic(q);
  const delta = p.delta ?? DEFAULT_COND41.delta;
  return {
    quantity: 'S = Num/(Den·d), the statistic that bounds the test error with transfer (≤ exp(−C_2 S) if S ≥ 1/C_1; ≥ 0.1 if S ≤ 1/C_3)',
    kind: 'bound',
    value: S,
    details: {
      statistic: 'S = Num/(Den·d)',
      Num: num(q),
      Den: den(q),
      S,
      nearOptimal: 'S ≥ 1/C_1 ⇒ error ≤ exp(−C_2·S)',
      subOptimal: 'S ≤ 1/C_3 ⇒ error ≥ 0.1',
      subOptimalLevel: 0.1,
      trainingLoss: { quantity: 'fraction of replicates where a training loss stays > ε after T = Ω(N_2 m/(η ε σ_{p,2}²)) steps', kind: 'bound', value: 2 * delta },
      monotone: { quantity: 'err(higher S) − err(lower S)', kind: 'monotone', sign: -1 },
      alphaZero: { ...alphaZeroReduction(q), gap: { quantity: '|S(α=0) − S_3|/S_3 + max_k |err_T − err_B| at α = 0', kind: 'value', value: 0 } },
      condition41: cond41ForParams(p).failing,
    },
  };
}

export const thm42 = defineClaim({
  id: 'ptransfer.thm4.2',
  paper: 'ptransfer',
  title: 'Thm 4.2: with parameter transfer, training loss ≤ ε and a phase transition of the test error in Num/(Den·d)',
  source: {
    paper: 'ptransfer',
    ref: 'Thm 4.2 (appendix Thm E.12)',
    statement:
      'Under Condition 4.1, w.p. $\\ge 1 - 2\\delta$, after $T = \\Omega\\big(N_2 m/(\\eta\\varepsilon\\sigma_{p,2}^2)\\big)$ steps: training loss $\\le \\varepsilon$; if $d \\le C_1\\,\\mathrm{Num}/\\mathrm{Den}$ then $P(y f(W;x) < 0) \\le \\exp\\big(-C_2\\,\\mathrm{Num}/(\\mathrm{Den}\\cdot d)\\big)$; if $d \\ge C_3\\,\\mathrm{Num}/\\mathrm{Den}$ then $P(y f(W;x) < 0) \\ge 0.1$, with $\\mathrm{Num} = \\alpha^2 N_1^2\\lVert u\\rVert^4/\\sigma_{p,1}^4 + N_2^2\\lVert u+v_2\\rVert^4/\\sigma_{p,2}^4$, $\\mathrm{Den} = \\alpha^2\\sigma_{p,2}^2 N_1/\\sigma_{p,1}^2 + N_2$.',
    provenance: 'printed',
  },
  params: [...TRANSFER_PARAMS, PT.delta],
  hypotheses: transferCondition41,
  regime: { kind: 'bound', constants: ['C_1', 'C_2', 'C_3'], note: 'checked as: monotone in S; order, discriminating pairs against perturbed exponents, threshold separation; α = 0 gives Thm 4.3' },
  predict: thm42Predict,
});
