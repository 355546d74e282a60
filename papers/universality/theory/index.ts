import type { Claim, Source } from '../../../theory/claim.ts';
import { classificationLimit, deterministicEquivalent, improvementMargin, isotropicImprovementThreshold, isotropicRisk } from './model.ts';
import { UNIV_PARAMS as U, batchAtMostN, canonicalSpectrum, canonicalV, nBelowD, nBelowDStrict } from './params.ts';

export * from './model.ts';
export * from './params.ts';

const REF = 'arXiv 2410.02164 abstract (seed 004); model and equations E1–E6 in theory/universality/model.ts';
function src(statement: string, ref = REF): Source {
  return { paper: 'universality', ref, statement, provenance: 'derived from the abstract' };
}
const proportional = {
  kind: 'asymptotic' as const,
  limit: 'n, d → ∞ with d/n → γ > 1, bounded spectrum of Σ',
  finiteSize: 'checked at d ≥ 200 where the O(1/d) corrections (e.g. n/(d−n−1) vs n/(d−n) in E2) are below the minimum detectable deviation; exact for isotropic Gaussian via E2',
};

export const universalityClaims: Claim[] = [
  {
    id: 'universality.sgd-endpoint',
    paper: 'universality',
    title: 'SGD fine-tuning from w_0 converges to the interpolator nearest w_0',
    source: src('SGD on the square loss from w_0 stays in w_0 + row(X) and converges to w_ft = w_0 + X⁺(y − Xw_0) (E1).', 'THEORY.md "standard facts"; E1'),
    params: [U.law, U.d, U.n, U.eta, U.batch],
    constraints: [nBelowD, batchAtMostN],
    hypotheses: [{ id: 'stable-step', text: 'η·max‖x_i‖² < 2 (stable step for every batch size)', holds: (p) => p.eta! < 2 }],
    regime: { kind: 'exact', note: 'holds for every finite n < d (in the limit of SGD iterations)' },
    simulations: ['universality.sgd'],
    predict: () => ({ quantity: 'max(‖Xw − y‖/‖y‖, ‖(I − P)(w − w_0)‖/‖w − w_0‖)', kind: 'structure', value: 0 }),
  },
  {
    id: 'universality.isotropic-risk',
    paper: 'universality',
    title: 'Exact expected risk of fine-tuning for isotropic Gaussian design at finite n, d',
    source: src('E R(w_ft) = ‖w_0 − w*‖²(1 − n/d) + σ² n/(d − n − 1) (E2).'),
    params: [U.d, U.n, U.dist, U.sigma],
    constraints: [nBelowDStrict],
    hypotheses: [{ id: 'gaussian-isotropic', text: 'x ~ N(0, I)', holds: () => true }],
    regime: { kind: 'exact' },
    simulations: ['universality.regression'],
    predict: (p) => ({ quantity: 'E‖w_ft − w*‖²', kind: 'value', value: isotropicRisk(p.dist!, p.sigma! ** 2, p.n!, p.d!) }),
  },
  {
    id: 'universality.general-sigma',
    paper: 'universality',
    title: 'Asymptotic fine-tuned risk for general Σ (HMRT 2022 deterministic equivalent with signal w_0 − w*)',
    source: src('R(w_ft) → B + V with κ: n = Σ s_i/(s_i+κ), B = κ²Σ s_i v_i²/(s_i+κ)²/(1 − df₂/n), V = σ²df₂/(n − df₂) (E3).', 'HMRT 2022 Thm 3 via THEORY.md; E3'),
    params: [U.law, U.d, U.n, U.spectrum, U.rho, U.cond, U.dist, U.sigma],
    constraints: [nBelowD],
    hypotheses: [],
    regime: proportional,
    simulations: ['universality.regression'],
    predict(p) {
      const s = canonicalSpectrum(p);
      const de = deterministicEquivalent(s, canonicalV(p).map((x) => x * x), p.sigma! ** 2, p.n!);
      return { quantity: 'lim E‖w_ft − w*‖²_Σ', kind: 'value', value: de.risk, details: { bias: de.bias, variance: de.variance, kappa: de.kappa } };
    },
  },
  {
    id: 'universality.improvement-condition',
    paper: 'universality',
    title: 'Necessary and sufficient condition for fine-tuning to beat the pretrained model',
    source: src('Fine-tuning helps iff Σ v_i² s_i[1 − κ²/((s_i+κ)²(1 − df₂/n))] > σ²df₂/(n − df₂); isotropic: ‖v‖² > σ² d/(d − n − 1) (E4).'),
    params: [U.law, U.d, U.n, U.spectrum, U.rho, U.cond, U.dist, U.sigma],
    constraints: [nBelowD],
    hypotheses: [],
    regime: proportional,
    simulations: ['universality.regression'],
    predict(p) {
      const margin = improvementMargin(canonicalSpectrum(p), canonicalV(p).map((x) => x * x), p.sigma! ** 2, p.n!);
      return {
        quantity: 'R(w_ft) − R(w_0)',
        kind: 'sign',
        sign: margin < 0 ? -1 : margin > 0 ? 1 : 0,
        value: margin,
        details: p.spectrum === 0 ? { isotropicExactThreshold: isotropicImprovementThreshold(p.sigma! ** 2, p.n!, p.d!) } : undefined,
      };
    },
  },
  {
    id: 'universality.laws',
    paper: 'universality',
    title: 'Universality: designs with the same mean and covariance from other laws give the same risk limit',
    source: src('All results depend only on the first and second order statistics of the target distribution (E5).', 'abstract; E5'),
    params: [U.law, U.d, U.n, U.spectrum, U.rho, U.cond, U.dist, U.sigma],
    constraints: [nBelowD],
    hypotheses: [],
    regime: { kind: 'asymptotic', limit: 'n, d → ∞ with d/n fixed', finiteSize: 'law-vs-Gaussian differences on coupled draws, at d ≥ 200' },
    simulations: ['universality.regression'],
    predict: () => ({ quantity: 'lim (E R_law − E R_gaussian)', kind: 'value', value: 0 }),
  },
  {
    id: 'universality.classification',
    paper: 'universality',
    title: 'Binary classification: limiting errors of pretrained and fine-tuned models, universality, improvement',
    source: src('err(w_ft) → p + (1−2p)arccos(m/√q)/π with m, q of E6; fine-tuning improves iff m/√q > cos∠(w_0, w*) (E6).'),
    params: [U.law, U.d, U.n, U.cos0, U.norm0, U.flip],
    constraints: [nBelowD],
    hypotheses: [
      { id: 'isotropic', text: 'Σ = I, labels sign(xᵀw*) with independent flips', holds: () => true },
      { id: 'delocalised', text: 'w* and w_0 delocalised (no coordinate carries a non-vanishing share); the canonical instance uses dense w*, w_0. Fails for w* = e_1: recorded deviation on universality.classification-localised', holds: () => true },
    ],
    regime: proportional,
    simulations: ['universality.classification'],
    predict(p) {
      const lim = classificationLimit(p.cos0! * p.norm0!, p.norm0! ** 2, p.flip!, p.n! / p.d!);
      return { quantity: 'lim P(sign(xᵀw_ft) ≠ y)', kind: 'value', value: lim.errFineTuned, details: { ...lim } };
    },
  },
];
