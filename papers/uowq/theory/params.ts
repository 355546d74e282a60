import type { ParamSpec, Params } from '../../../core/params.ts';

/**
 * Scalar parameters shared by the uowq claims and the CLI simulation. They fix a canonical instance:
 * source k (1..K) is shifted by δ_k = shift·√(d/N_0)·e_{(k−1) mod d} (a local alternative, so that bias
 * and variance are of the same order), θ_0 = 0 (linear, J = I: x ~ N(0, I), σ = 1) or θ_0 = 0.5·e_1
 * (logistic, x ~ N(0, I), J from logistic.ts). N_k = round(ratio·N_0) for every source.
 */
export const UOWQ_PARAMS: readonly ParamSpec[] = [
  { name: 'logistic', symbol: 'model', description: '0 = Gaussian linear regression, 1 = logistic regression', domain: { min: 0, max: 1, integer: true }, default: 0 },
  { name: 'd', symbol: 'd', description: 'parameter dimension', domain: { min: 1, max: 20, integer: true }, default: 2 },
  { name: 'K', symbol: 'K', description: 'number of sources', domain: { min: 1, max: 8, integer: true }, default: 1 },
  { name: 'N0', symbol: 'N_0', description: 'target samples', domain: { min: 10, max: 100000, integer: true }, default: 200 },
  { name: 'ratio', symbol: 'N_k/N_0', description: 'source samples per target sample', domain: { min: 0.01, max: 100 }, default: 4 },
  { name: 'shift', symbol: '‖δ‖√(N_0/d)', description: 'source shift in local units', domain: { min: 0 }, default: 1 },
  { name: 'a', symbol: 'Σ_{k≥1} α_k', description: 'total source weight (split equally)', domain: { min: 0, max: 1 }, default: 0.5 },
  { name: 'use', symbol: 'n_k/N_k', description: 'fraction of source samples used (at least one sample)', domain: { min: 0, max: 1, minOpen: true }, default: 1 },
];

/** The canonical instance's data-generating shape (no formula: the simulation builds its data from this). */
export interface CanonicalShape {
  model: 'linear' | 'logistic';
  d: number;
  theta0: number[];
  deltas: number[][];
  N: number[];
}

export function canonicalShape(p: Params): CanonicalShape {
  const d = p.d!;
  const K = p.K!;
  const N0 = p.N0!;
  const Nk = Math.max(1, Math.round(p.ratio! * N0));
  const scale = p.shift! * Math.sqrt(d / N0);
  const model = p.logistic === 1 ? 'logistic' : 'linear';
  const theta0 = Array.from({ length: d }, (_, i) => (model === 'logistic' && i === 0 ? 0.5 : 0));
  return {
    model,
    d,
    theta0,
    deltas: Array.from({ length: K }, (_, k) => Array.from({ length: d }, (_, i) => (i === k % d ? scale : 0))),
    N: [N0, ...Array.from({ length: K }, () => Nk)],
  };
}
