import type { PaperTypo } from './types.ts';
import { PT_FORMULAS } from './ptransfer.ts';

/** kou — Kou et al.'s statistic and levels (as cited by ptransfer Thm 4.3). */
export const kou: PaperTypo[] = [
  {
    id: 'kou-statistic-mu-exponent',
    paper: 'kou',
    kind: 'paper-typo',
    file: PT_FORMULAS,
    find: 'return (p.n * p.muNorm ** 4) / (p.sigmaP ** 4 * p.d);',
    replace: 'return (p.n * p.muNorm ** 2) / (p.sigmaP ** 4 * p.d);',
    claims: ['kou.thm'],
    description: 'Kou et al.: transition statistic printed as n‖μ‖²/(σ_p⁴d) (‖μ‖² instead of ‖μ‖⁴)',
  },
  {
    id: 'kou-statistic-sigma-exponent',
    paper: 'kou',
    kind: 'paper-typo',
    file: PT_FORMULAS,
    find: 'return (p.n * p.muNorm ** 4) / (p.sigmaP ** 4 * p.d);',
    replace: 'return (p.n * p.muNorm ** 4) / (p.sigmaP ** 2 * p.d);',
    claims: ['kou.thm'],
    description: 'Kou et al.: transition statistic printed as n‖μ‖⁴/(σ_p²d) (σ_p² instead of σ_p⁴)',
  },
  {
    id: 'kou-statistic-n-squared',
    paper: 'kou',
    kind: 'paper-typo',
    file: PT_FORMULAS,
    find: 'return (p.n * p.muNorm ** 4) / (p.sigmaP ** 4 * p.d);',
    replace: 'return (p.n ** 2 * p.muNorm ** 4) / (p.sigmaP ** 4 * p.d);',
    claims: ['kou.thm'],
    description: 'Kou et al.: transition statistic printed as n²‖μ‖⁴/(σ_p⁴d) (n² as in ptransfer’s Num)',
  },
  {
    id: 'kou-suboptimal-level',
    paper: 'kou',
    kind: 'paper-typo',
    file: 'papers/kou/theory/thm.ts',
    find: 'subOptimalLevel: 0.1 + p.flip!,',
    replace: 'subOptimalLevel: 0.1,',
    claims: ['kou.thm'],
    description: 'Kou et al.: harmful-overfitting level printed as error ≥ 0.1 instead of ≥ p + 0.1',
  },
  // Added in session 4 (before any check was added for it).
  {
    id: 'kou-monotone-sign',
    paper: 'kou',
    kind: 'paper-typo',
    file: 'papers/kou/theory/thm.ts',
    find: "monotone: { quantity: 'err(higher statistic) − err(lower)', kind: 'monotone', sign: -1 },",
    replace: "monotone: { quantity: 'err(higher statistic) − err(lower)', kind: 'monotone', sign: 1 },",
    claims: ['kou.thm'],
    description: 'Kou et al.: the test error printed as increasing in n‖μ‖⁴/(σ_p⁴d) (sign of the direction)',
  },
];
