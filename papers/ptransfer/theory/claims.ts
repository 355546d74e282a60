import type { Claim, Hypothesis, Prediction } from '../../../theory/claim.ts';
import type { Params } from '../../../core/params.ts';
import { condition41Kou, condition41Transfer, DEFAULT_COND41, type Cond41Report } from './condition41.ts';
import { alphaZeroReduction, baselineStatistic, den, gamma, kouStatistic, negativeTransferSides, num, transferStatistic } from './formulas.ts';
import { KOU_PARAMS, PT, TRANSFER_PARAMS } from './params.ts';

/**
 * Claims of Yuan et al. (ptransfer) and Kou et al. (kou). The constants C_i are not given in the papers:
 * the predictions state the statistic the bound is a function of and the direction it fixes; the checks
 * (properties/ptransfer) test monotonicity in it, calibrate the constants on one set of regimes and predict
 * held-out ones, and test the directions of effect.
 */
const tq = (p: Params) => ({ d: p.d!, N1: p.N1!, N2: p.N2!, sigmaP1: p.sigmaP1!, sigmaP2: p.sigmaP2!, uNorm: p.uNorm!, v2Norm: p.v2Norm!, alpha: p.alpha! });

export function cond41ForParams(p: Params): Cond41Report {
  return condition41Transfer(
    { d: p.d!, N1: p.N1!, N2: p.N2!, m: p.m!, sigma0: p.sigma0!, eta: p.eta!, sigmaP1: p.sigmaP1!, sigmaP2: p.sigmaP2!, uNorm: p.uNorm!, v1Norm: p.v1Norm!, v2Norm: p.v2Norm! },
    { ...DEFAULT_COND41, delta: p.delta ?? DEFAULT_COND41.delta },
  );
}

/** Condition 4.1 items as hypotheses (constants of condition41.ts, C = 1, δ = 0.1, no polylog). */
function cond41Hypotheses(report: (p: Params) => Cond41Report): Hypothesis[] {
  const ids = [
    ['dimension', 'Condition 4.1(1): d ≥ C·max{nσ_p⁻²‖u+v‖², n²}'],
    ['width', 'Condition 4.1(2): m ≥ C log(n/δ)'],
    ['samples', 'Condition 4.1(2): n ≥ C log(m/δ)'],
    ['signal', 'Condition 4.1(3): ‖u+v‖² ≥ C σ_p² log(n/δ)'],
    ['init', 'Condition 4.1(4): σ_0 ≤ (max{σ_p d/√n, √log(m/δ)‖u+v‖})⁻¹/C'],
    ['step', 'Condition 4.1(5): η ≤ (max{σ_p²d^{3/2}/(n²m√log(m/δ)), σ_p²d/n, ‖u+v‖²/m})⁻¹/C'],
  ] as const;
  return ids.map(([id, text]) => ({ id: `cond4.1.${id}`, text, holds: (p: Params) => report(p).items.find((i) => i.id === id)!.holds }));
}

const transferHyp = cond41Hypotheses(cond41ForParams);
const kouHyp = cond41Hypotheses((p) =>
  condition41Kou({ d: p.d!, n: p.n!, m: p.m!, sigma0: p.sigma0!, eta: p.eta!, sigmaP: p.sigmaP!, muNorm: p.muNorm! }, { ...DEFAULT_COND41, delta: p.delta ?? DEFAULT_COND41.delta }),
);

function transferPrediction(p: Params): Prediction {
  const q = tq(p);
  const S = transferStatistic(q);
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
      trainingLoss: 'training loss ≤ ε after T = Ω(N_2 m/(η ε σ_{p,2}²)) steps',
      condition41: cond41ForParams(p).failing,
    },
  };
}

export const thm42: Claim = {
  id: 'ptransfer.thm4.2',
  paper: 'ptransfer',
  title: 'Thm 4.2: with parameter transfer, training loss ≤ ε and a phase transition of the test error in Num/(Den·d)',
  source: {
    paper: 'ptransfer',
    ref: 'Thm 4.2 (appendix Thm E.12)',
    statement:
      'Under Condition 4.1, w.p. ≥ 1 − 2δ, after T = Ω(N_2 m/(η ε σ_{p,2}²)) steps: training loss ≤ ε; if d ≤ C_1·Num/Den then P(y f(W;x) < 0) ≤ exp(−C_2·Num/(Den·d)); if d ≥ C_3·Num/Den then P(y f(W;x) < 0) ≥ 0.1, with Num = α²N_1²‖u‖⁴/σ_{p,1}⁴ + N_2²‖u+v_2‖⁴/σ_{p,2}⁴, Den = α²σ_{p,2}²N_1/σ_{p,1}² + N_2.',
    provenance: 'printed',
  },
  params: [...TRANSFER_PARAMS, PT.delta],
  hypotheses: transferHyp,
  regime: { kind: 'bound', constants: ['C_1', 'C_2', 'C_3'], note: 'checked as: monotone in S; calibrated C_1 < C_3, C_2 predict held-out regimes; α = 0 gives Thm 4.3' },
  simulations: ['ptransfer.cell'],
  predict: transferPrediction,
};

export const thm43: Claim = {
  id: 'ptransfer.thm4.3',
  paper: 'ptransfer',
  title: 'Thm 4.3 (cited from Kou et al.): without transfer, phase transition in N_2‖u+v_2‖⁴/(σ_{p,2}⁴d)',
  source: {
    paper: 'ptransfer',
    ref: 'Thm 4.3',
    statement:
      "Training loss ≤ ε; if N_2‖u+v_2‖⁴ ≥ C_1′σ_{p,2}⁴d then P(y f(W;x) < 0) ≤ exp(−C_2′N_2‖u+v_2‖⁴/(σ_{p,2}⁴d)); if N_2‖u+v_2‖⁴ ≤ C_3′σ_{p,2}⁴d then P(y f(W;x) < 0) ≥ 0.1.",
    provenance: 'printed',
  },
  params: [...TRANSFER_PARAMS, PT.delta],
  hypotheses: transferHyp,
  regime: { kind: 'bound', constants: ["C_1'", "C_2'", "C_3'"] },
  simulations: ['ptransfer.cell'],
  predict: (p) => {
    const S = baselineStatistic({ N2: p.N2!, uNorm: p.uNorm!, v2Norm: p.v2Norm!, sigmaP2: p.sigmaP2!, d: p.d! });
    return { quantity: 'N_2‖u+v_2‖⁴/(σ_{p,2}⁴d), the statistic that bounds the error without transfer (≤ exp(−C_2′·it) if it ≥ C_1′; ≥ 0.1 if it ≤ C_3′)', kind: 'bound', value: S, details: { statistic: 'N_2‖u+v_2‖⁴/(σ_{p,2}⁴d)', S, alphaZero: alphaZeroReduction(tq(p)) } };
  },
};

export const kouThm: Claim = {
  id: 'kou.thm',
  paper: 'kou',
  title: "Kou et al.: benign/harmful overfitting of the two-layer ReLU CNN with label flips, transition in n‖μ‖⁴/(σ_p⁴d)",
  source: {
    paper: 'kou',
    ref: 'Kou, Chen, Chen, Gu (ICML 2023), main theorem as cited by ptransfer Thm 4.3',
    statement:
      'Training loss ≤ ε; if n‖μ‖⁴ ≥ C_1σ_p⁴d the test error (against flipped labels) is ≤ p + exp(−C_2 n‖μ‖⁴/(σ_p⁴d)); if n‖μ‖⁴ ≤ C_3σ_p⁴d it is ≥ p + 0.1. Synthetic study: a sharp transition along n‖μ‖⁴ ≈ C·σ_p⁴d.',
    provenance: 'derived from the abstract',
  },
  params: KOU_PARAMS.concat([PT.delta]),
  hypotheses: kouHyp,
  regime: { kind: 'bound', constants: ['C_1', 'C_2', 'C_3'], note: 'p = 0 is ptransfer Thm 4.3' },
  simulations: ['kou.cell'],
  predict: (p) => {
    const S = kouStatistic({ n: p.n!, muNorm: p.muNorm!, sigmaP: p.sigmaP!, d: p.d! });
    return { quantity: 'n‖μ‖⁴/(σ_p⁴d), the statistic that bounds the test error against flipped labels (≤ p + exp(−C_2·it) if it ≥ C_1; ≥ p + 0.1 if it ≤ C_3)', kind: 'bound', value: S, details: { statistic: 'n‖μ‖⁴/(σ_p⁴d)', S, bayes: p.flip } };
  },
};

export const prop44: Claim = {
  id: 'ptransfer.prop4.4',
  paper: 'ptransfer',
  title: 'Prop 4.4: with Γ = α²N_1‖u‖⁴/(σ_{p,1}²σ_{p,2}²d) large and the baseline sub-optimal, transfer is near-optimal; when the baseline is near-optimal both are',
  source: {
    paper: 'ptransfer',
    ref: 'Prop 4.4',
    statement:
      "If Γ ≥ C (large) and d > C_1′N_2‖u+v_2‖⁴/σ_{p,2}⁴: without transfer the error is ≥ 0.1, with transfer it is ≤ c (small). If d < C_3′N_2‖u+v_2‖⁴/σ_{p,2}⁴ both are near-optimal. Γ is sufficient, not necessary.",
    provenance: 'printed',
  },
  params: [...TRANSFER_PARAMS, PT.delta],
  hypotheses: transferHyp,
  regime: { kind: 'bound', constants: ['C', "C_1'", "C_3'", 'c'] },
  simulations: ['ptransfer.cell'],
  predict: (p) => {
    const q = tq(p);
    return { quantity: 'error without transfer − error with transfer', kind: 'sign', sign: 1, details: { Gamma: gamma(q), baselineStatistic: baselineStatistic(q) } };
  },
};

export const negative: Claim = {
  id: 'ptransfer.negative',
  paper: 'ptransfer',
  title: 'Prop 4.4 (negative transfer): when ‖u+v_2‖²/‖u‖² ≥ αN_1σ_{p,2}²/(N_2σ_{p,1}²) ≥ C_4, transfer hurts',
  source: {
    paper: 'ptransfer',
    ref: 'Prop 4.4, last item; Fig 1(c) at ‖u‖ = 0',
    statement: 'When ‖u+v_2‖²/‖u‖² ≥ αN_1σ_{p,2}²/(N_2σ_{p,1}²) ≥ C_4 (C_4 large), the universal knowledge is weak and parameter transfer harms the test accuracy.',
    provenance: 'printed',
  },
  params: [...TRANSFER_PARAMS, PT.delta],
  hypotheses: transferHyp,
  regime: { kind: 'bound', constants: ['C_4'] },
  simulations: ['ptransfer.cell'],
  predict: (p) => ({ quantity: 'error with transfer − error without', kind: 'sign', sign: 1, details: negativeTransferSides(tq(p)) }),
};

function direction(id: string, title: string, ref: string, statement: string, quantity: string): Claim {
  return {
    id,
    paper: 'ptransfer',
    title,
    source: { paper: 'ptransfer', ref, statement, provenance: 'printed' },
    params: TRANSFER_PARAMS,
    hypotheses: [],
    regime: { kind: 'bound', constants: [], note: 'an experimental direction of effect, outside Condition 4.1 (extrapolation)' },
    simulations: ['ptransfer.cell'],
    predict: () => ({ quantity, kind: 'sign', sign: -1 }),
  };
}

export const fig1a = direction(
  'ptransfer.fig1a',
  'Fig 1(a): more source samples N_1 ⇒ lower test error with transfer, below the baseline',
  'Sec 5, setting (1), Fig 1(a)',
  'σ_{p,1} = σ_{p,2} = 5, N_2 = 100, vary N_1: test accuracy rises with N_1, above the no-transfer baseline.',
  'error(larger N_1) − error(smaller N_1)',
);
export const fig1b = direction(
  'ptransfer.fig1b',
  'Fig 1(b): less source noise σ_{p,1} ⇒ lower test error with transfer',
  'Sec 5, setting (2), Fig 1(b)',
  'N_1 = N_2 = 100, σ_{p,2} = 5, vary σ_{p,1}: smaller σ_{p,1} helps more.',
  'error(smaller σ_{p,1}) − error(larger σ_{p,1})',
);
export const fig1c = direction(
  'ptransfer.fig1c',
  'Fig 1(c): larger universal signal ‖u‖ (‖u+v_2‖ fixed) ⇒ lower test error with transfer; ‖u‖ = 0 ⇒ negative transfer',
  'Sec 5, setting (3), Fig 1(c)',
  'N_1 = 1000, N_2 = 100, σ_{p,1} = σ_{p,2} = 15, ‖u+v_2‖ = 3, vary ‖u‖: larger ‖u‖ increases test accuracy; when ‖u‖ = 0, transfer degrades test accuracy.',
  'error(larger ‖u‖) − error(smaller ‖u‖)',
);

/**
 * Sec 5, setting (4), Fig 2. The heat map's printed content is a direction (larger ‖u‖, smaller d ⇒ higher
 * accuracy) and a level: the figure is also shown "truncated" at accuracies 0.65 and 0.70, which only makes
 * sense if cells of the grid reach them. The level is what is checked here (the directions are Thm 4.2's
 * monotonicity and Fig 1(c)'s, checked there).
 */
export const fig2: Claim = {
  id: 'ptransfer.fig2',
  paper: 'ptransfer',
  title: 'Fig 2: at N_1 = 1000, N_2 = 100, σ_p = 15, α = 0.5, d ≤ 790, ‖u‖ ≤ 3 the accuracy with transfer reaches the 0.65/0.70 levels of the truncated heat maps',
  source: {
    paper: 'ptransfer',
    ref: 'Sec 5, setting (4), Fig 2',
    statement:
      'Fix N_1 = 1000, N_2 = 100, σ_{p,1} = σ_{p,2} = 15, α = 0.5; vary d and ‖u‖: a phase transition, better with larger ‖u‖ and smaller d; truncated heat maps threshold at 0.65 and 0.70.',
    provenance: 'printed',
  },
  params: TRANSFER_PARAMS,
  hypotheses: [],
  regime: { kind: 'bound', constants: [], note: 'an experimental level at the printed settings (‖u+v_2‖ = 3 as in setting (3)), outside Condition 4.1' },
  simulations: ['ptransfer.cell'],
  predict: () => ({ quantity: 'accuracy with transfer − 0.65 at the best cell (d = 100, ‖u‖ = 3)', kind: 'sign', sign: 1 }),
};

export const ptransferClaimList: Claim[] = [thm42, thm43, prop44, negative, fig1a, fig1b, fig1c, fig2];
export const kouClaimList: Claim[] = [kouThm];
