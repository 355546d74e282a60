import { defineClaim, type Prediction } from '../../../theory/claim.ts';
import type { Params } from '../../../core/params.ts';
import { condition41Kou, DEFAULT_COND41 } from '../../ptransfer/theory/condition41.ts';
import { kouStatistic } from '../../ptransfer/theory/formulas.ts';
import { cond41Hypotheses } from '../../ptransfer/theory/hypotheses.ts';
import { KOU_PARAMS, PT } from '../../ptransfer/theory/params.ts';

export interface KouPrediction extends Prediction {
  value: number;
  details: {
    statistic: string;
    S: number;
    /** The Bayes error against flipped labels: the floor of the test error. */
    bayes: number;
    /** The error level of the sub-optimal region: p + 0.1. */
    subOptimalLevel: number;
    /** The training loss is ≤ ε with probability ≥ 1 − δ. */
    trainingLoss: Prediction & { value: number };
    /** The test error falls as n‖μ‖⁴/(σ_p⁴d) grows (larger ‖μ‖ or n, smaller d). */
    monotone: Prediction & { sign: -1 };
  };
}

/**
 * Kou, Chen, Chen, Gu (ICML 2023), main theorem (benign/harmful overfitting with label flips), as cited by
 * Yuan et al.'s Thm 4.3. Its hypotheses are Condition 4.1's items for one task (‖μ‖ in place of ‖u+v‖).
 */
export const kouThm = defineClaim({
  id: 'kou.thm',
  paper: 'kou',
  title: "Kou et al.: benign/harmful overfitting of the two-layer ReLU CNN with label flips, transition in n‖μ‖⁴/(σ_p⁴d)",
  source: {
    paper: 'kou',
    ref: 'Kou, Chen, Chen, Gu (ICML 2023), main theorem as cited by ptransfer Thm 4.3',
    statement:
      'Training loss $\\le \\varepsilon$; if $n\\lVert\\mu\\rVert^4 \\ge C_1\\sigma_p^4 d$ the test error (against flipped labels) is $\\le p + \\exp(-C_2 n\\lVert\\mu\\rVert^4/(\\sigma_p^4 d))$; if $n\\lVert\\mu\\rVert^4 \\le C_3\\sigma_p^4 d$ it is $\\ge p + 0.1$. Synthetic study: a sharp transition along $n\\lVert\\mu\\rVert^4 \\approx C\\sigma_p^4 d$.',
    provenance: 'derived from the abstract',
  },
  params: KOU_PARAMS.concat([PT.delta]),
  hypotheses: cond41Hypotheses((p) =>
    condition41Kou({ d: p.d!, n: p.n!, m: p.m!, sigma0: p.sigma0!, eta: p.eta!, sigmaP: p.sigmaP!, muNorm: p.muNorm! }, { ...DEFAULT_COND41, delta: p.delta ?? DEFAULT_COND41.delta }),
  ),
  regime: { kind: 'bound', constants: ['C_1', 'C_2', 'C_3'], note: 'p = 0 is ptransfer Thm 4.3' },
  predict: (p: Params): KouPrediction => {
    const S = kouStatistic({ n: p.n!, muNorm: p.muNorm!, sigmaP: p.sigmaP!, d: p.d! });
    const delta = p.delta ?? DEFAULT_COND41.delta;
    return {
      quantity: 'n‖μ‖⁴/(σ_p⁴d), the statistic that bounds the test error against flipped labels (≤ p + exp(−C_2·it) if it ≥ C_1; ≥ p + 0.1 if it ≤ C_3)',
      kind: 'bound',
      value: S,
      details: {
        statistic: 'n‖μ‖⁴/(σ_p⁴d)',
        S,
        bayes: p.flip!,
        subOptimalLevel: 0.1 + p.flip!,
        trainingLoss: { quantity: 'fraction of replicates with training loss > ε after T = n m/(η ε σ_p²) steps', kind: 'bound', value: delta },
        monotone: { quantity: 'err(higher statistic) − err(lower)', kind: 'monotone', sign: -1 },
      },
    };
  },
});
