import type { ParamSpec } from '../../../core/params.ts';

/** Parameters of Yuan et al. and Kou et al., shared by claims and simulations so names and domains agree. */
const pos = { min: 0, minOpen: true } as const;
const nonneg = { min: 0 } as const;

export const PT = {
  d: { name: 'd', symbol: 'd', description: 'patch dimension', domain: { min: 4, integer: true }, default: 2000 },
  m: { name: 'm', symbol: 'm', description: 'filters per class', domain: { min: 1, integer: true }, default: 40 },
  N1: { name: 'N1', symbol: 'N_1', description: 'source (task 1) samples', domain: { min: 1, integer: true }, default: 100 },
  N2: { name: 'N2', symbol: 'N_2', description: 'target (task 2) samples', domain: { min: 1, integer: true }, default: 100 },
  sigmaP1: { name: 'sigmaP1', symbol: 'σ_{p,1}', description: 'source noise level', domain: pos, default: 5 },
  sigmaP2: { name: 'sigmaP2', symbol: 'σ_{p,2}', description: 'target noise level', domain: pos, default: 5 },
  uNorm: { name: 'uNorm', symbol: '‖u‖', description: 'universal (shared) signal norm', domain: nonneg, default: 5 },
  v1Norm: { name: 'v1Norm', symbol: '‖v_1‖', description: 'source-specific signal norm', domain: nonneg, default: 5 },
  v2Norm: { name: 'v2Norm', symbol: '‖v_2‖', description: 'target-specific signal norm', domain: nonneg, default: 5 },
  alpha: { name: 'alpha', symbol: 'α', description: 'fraction of filters inherited', domain: { min: 0, max: 1 }, default: 0.5 },
  eta: { name: 'eta', symbol: 'η', description: 'GD step size', domain: pos, default: 0.01 },
  sigma0: { name: 'sigma0', symbol: 'σ_0', description: 'initialisation scale', domain: pos, default: 0.01 },
  T1: { name: 'T1', symbol: 'T_1', description: 'upstream GD steps (cap)', domain: { min: 0, integer: true }, default: 800 },
  T2: { name: 'T2', symbol: 'T_2', description: 'downstream GD steps (cap)', domain: { min: 0, integer: true }, default: 400 },
  eps: { name: 'eps', symbol: 'ε', description: 'stop once the training loss is ≤ ε (0: run the full T)', domain: { min: 0, max: 1 }, default: 0 },
  nTest: { name: 'nTest', symbol: 'n_test', description: 'fresh test draws per replicate', domain: { min: 1, integer: true }, default: 1000 },
  delta: { name: 'delta', symbol: 'δ', description: 'failure probability in Condition 4.1', domain: { min: 0, max: 1, minOpen: true, maxOpen: true }, default: 0.1 },
  // Kou et al.
  n: { name: 'n', symbol: 'n', description: 'training samples', domain: { min: 1, integer: true }, default: 20 },
  sigmaP: { name: 'sigmaP', symbol: 'σ_p', description: 'noise level', domain: pos, default: 1 },
  muNorm: { name: 'muNorm', symbol: '‖μ‖', description: 'signal norm', domain: nonneg, default: 3 },
  flip: { name: 'flip', symbol: 'p', description: 'label-flip probability', domain: { min: 0, max: 0.5, maxOpen: true }, default: 0.1 },
  T: { name: 'T', symbol: 'T', description: 'GD steps (cap)', domain: { min: 0, integer: true }, default: 100 },
} as const satisfies Record<string, ParamSpec>;

export const TRANSFER_PARAMS: readonly ParamSpec[] = [
  PT.d, PT.m, PT.N1, PT.N2, PT.sigmaP1, PT.sigmaP2, PT.uNorm, PT.v1Norm, PT.v2Norm, PT.alpha, PT.eta, PT.sigma0, PT.T1, PT.T2, PT.eps, PT.nTest,
];

export const KOU_PARAMS: readonly ParamSpec[] = [
  PT.d, { ...PT.m, default: 10 }, PT.n, PT.sigmaP, PT.muNorm, PT.flip, { ...PT.eta, default: 0.1 }, PT.sigma0, PT.T, PT.eps, PT.nTest,
];
