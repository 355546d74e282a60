import { defineClaim, type Prediction } from '../../../theory/claim.ts';
import type { Params } from '../../../core/params.ts';
import { baselineStatistic, transferStatistic } from './formulas.ts';
import { transferQuantities } from './hypotheses.ts';
import { TRANSFER_PARAMS } from './params.ts';

export interface DirectionPrediction extends Prediction {
  sign: -1;
  /** The variable whose increase the figure says lowers the error with transfer, and its value at p. */
  details: { variable: string; x: number };
}

/**
 * Sec 5's experimental directions (Fig 1): no hypotheses beyond the setting — the experiments run outside
 * Condition 4.1, so the checks are extrapolations of Thm 4.2.
 */
function direction(id: string, title: string, ref: string, statement: string, quantity: string, variable: string, x: (p: Params) => number) {
  return defineClaim({
    id,
    paper: 'ptransfer',
    title,
    source: { paper: 'ptransfer', ref, statement, provenance: 'printed' },
    params: TRANSFER_PARAMS,
    hypotheses: [],
    regime: { kind: 'bound', constants: [], note: 'an experimental direction of effect, outside Condition 4.1 (extrapolation)' },
    predict: (p: Params): DirectionPrediction => ({ quantity, kind: 'sign', sign: -1, details: { variable, x: x(p) } }),
  });
}

export const fig1a = direction(
  'ptransfer.fig1a',
  'Fig 1(a): more source samples N_1 ⇒ lower test error with transfer, below the baseline',
  'Sec 5, setting (1), Fig 1(a)',
  'σ_{p,1} = σ_{p,2} = 5, N_2 = 100, vary N_1: test accuracy rises with N_1, above the no-transfer baseline.',
  'error(larger N_1) − error(smaller N_1)',
  'N_1',
  (p) => p.N1!,
);
export const fig1b = direction(
  'ptransfer.fig1b',
  'Fig 1(b): less source noise σ_{p,1} ⇒ lower test error with transfer',
  'Sec 5, setting (2), Fig 1(b)',
  'N_1 = N_2 = 100, σ_{p,2} = 5, vary σ_{p,1}: smaller σ_{p,1} helps more.',
  'error(smaller σ_{p,1}) − error(larger σ_{p,1})',
  '1/σ_{p,1}²',
  (p) => 1 / p.sigmaP1! ** 2,
);
export const fig1c = direction(
  'ptransfer.fig1c',
  'Fig 1(c): larger universal signal ‖u‖ (‖u+v_2‖ fixed) ⇒ lower test error with transfer; ‖u‖ = 0 ⇒ negative transfer',
  'Sec 5, setting (3), Fig 1(c)',
  'N_1 = 1000, N_2 = 100, σ_{p,1} = σ_{p,2} = 15, ‖u+v_2‖ = 3, vary ‖u‖: larger ‖u‖ increases test accuracy; when ‖u‖ = 0, transfer degrades test accuracy.',
  'error(larger ‖u‖) − error(smaller ‖u‖)',
  '‖u‖²',
  (p) => p.uNorm! ** 2,
);

/** The lower threshold of Fig 2's truncated heat maps: an accuracy the printed grid must reach. */
export const FIG2_LEVEL = 0.65;

export interface Fig2Prediction extends Prediction {
  sign: 1;
  details: { level: number; transferStatistic: number; baselineStatistic: number };
}

/**
 * Sec 5, setting (4), Fig 2. The heat map's printed content is a direction (larger ‖u‖, smaller d ⇒ higher
 * accuracy) and a level: the figure is also shown "truncated" at accuracies 0.65 and 0.70, which only makes
 * sense if cells of the grid reach them. The level is what is checked here (the directions are Thm 4.2's
 * monotonicity and Fig 1(c)'s, checked there).
 */
export const fig2 = defineClaim({
  id: 'ptransfer.fig2',
  paper: 'ptransfer',
  title: 'Fig 2: at N_1 = 1000, N_2 = 100, σ_p = 15, α = 0.5, d ≤ 790, ‖u‖ ≤ 3 the accuracy with transfer reaches the 0.65/0.70 levels of the truncated heat maps',
  source: {
    paper: 'ptransfer',
    ref: 'Sec 5, setting (4), Fig 2',
    statement:
      'Fix $N_1 = 1000$, $N_2 = 100$, $\\sigma_{p,1} = \\sigma_{p,2} = 15$, $\\alpha = 0.5$; vary $d$ and $\\lVert u\\rVert$: a phase transition, better with larger $\\lVert u\\rVert$ and smaller $d$; truncated heat maps threshold at 0.65 and 0.70.',
    provenance: 'printed',
  },
  params: TRANSFER_PARAMS,
  hypotheses: [],
  regime: { kind: 'bound', constants: [], note: 'an experimental level at the printed settings (‖u+v_2‖ = 3 as in setting (3)), outside Condition 4.1' },
  predict: (p: Params): Fig2Prediction => {
    const q = transferQuantities(p);
    return {
      quantity: `accuracy with transfer − ${FIG2_LEVEL} at the best cell (d = 100, ‖u‖ = 3)`,
      kind: 'sign',
      sign: 1,
      details: { level: FIG2_LEVEL, transferStatistic: transferStatistic(q), baselineStatistic: baselineStatistic(q) },
    };
  },
});
