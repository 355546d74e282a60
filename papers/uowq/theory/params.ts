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

/**
 * Explicit instances (the checks draw random ones): given N1, these replace the canonical shape. Up to
 * K = 3 sources and d = 4 coordinates — the sizes the checks draw.
 */
export const MAX_EXPLICIT_K = 3;
export const MAX_EXPLICIT_D = 4;
const ks = (from: number) => Array.from({ length: MAX_EXPLICIT_K + 1 - from }, (_, i) => i + from);
const is = Array.from({ length: MAX_EXPLICIT_D }, (_, i) => i + 1);

export const UOWQ_INSTANCE_PARAMS: readonly ParamSpec[] = [
  ...ks(1).map((k) => ({ name: `N${k}`, symbol: `N_${k}`, description: `available samples of source ${k} (explicit instance)`, domain: { min: 1, integer: true }, optional: true })),
  ...ks(1).flatMap((k) => is.map((i) => ({ name: `delta${k}_${i}`, symbol: `δ_${k},${i}`, description: `coordinate ${i} of the shift of source ${k} (explicit instance)`, domain: {}, optional: true }))),
  ...is.map((i) => ({ name: `theta${i}`, symbol: `θ_0,${i}`, description: `coordinate ${i} of the target parameter (explicit instance; default 0)`, domain: {}, optional: true })),
  ...is.map((i) => ({ name: `xvar${i}`, symbol: `Var x_${i}`, description: `linear model: variance of design coordinate ${i} (explicit instance; default 1)`, domain: { min: 0, minOpen: true }, optional: true })),
];

/** Explicit weights α_k and used sample sizes n_k (replace `a` and `use`), k = 0..K. */
export const UOWQ_WEIGHT_PARAMS: readonly ParamSpec[] = [
  ...ks(0).map((k) => ({ name: `alpha${k}`, symbol: `α_${k}`, description: `weight of task ${k} (explicit weights; k = 0 is the target)`, domain: { min: 0, max: 1 }, optional: true })),
  ...ks(0).map((k) => ({ name: `nUsed${k}`, symbol: `n_${k}`, description: `samples of task ${k} used (explicit sizes)`, domain: { min: 1, integer: true }, optional: true })),
];

/** The instance's data-generating shape; `xVar` (linear model only) defaults to 1 in every coordinate. */
export interface InstanceShape extends CanonicalShape {
  xVar?: number[];
}

/** The canonical shape, or the explicit instance when N1 is given. */
export function instanceShape(p: Params): InstanceShape {
  if (p.N1 === undefined) return canonicalShape(p);
  const d = p.d!;
  const K = p.K!;
  if (K > MAX_EXPLICIT_K || d > MAX_EXPLICIT_D) throw new RangeError(`explicit uowq instances have K ≤ ${MAX_EXPLICIT_K} and d ≤ ${MAX_EXPLICIT_D}; got K = ${K}, d = ${d}`);
  const model = p.logistic === 1 ? 'logistic' : 'linear';
  const coords = Array.from({ length: d }, (_, i) => i + 1);
  const shape: InstanceShape = {
    model,
    d,
    theta0: coords.map((i) => p[`theta${i}`] ?? 0),
    deltas: Array.from({ length: K }, (_, k) => coords.map((i) => p[`delta${k + 1}_${i}`] ?? 0)),
    N: [p.N0!, ...Array.from({ length: K }, (_, k) => p[`N${k + 1}`]!)],
  };
  if (model === 'linear') shape.xVar = coords.map((i) => p[`xvar${i}`] ?? 1);
  return shape;
}

/** The parameters that describe an explicit instance (the inverse of `instanceShape`). */
export function instanceParams(s: InstanceShape): Params {
  const p: Params = { logistic: s.model === 'logistic' ? 1 : 0, d: s.d, K: s.deltas.length, N0: s.N[0]! };
  s.N.slice(1).forEach((Nk, k) => (p[`N${k + 1}`] = Nk));
  s.deltas.forEach((dk, k) => dk.forEach((x, i) => (p[`delta${k + 1}_${i + 1}`] = x)));
  s.theta0.forEach((x, i) => (p[`theta${i + 1}`] = x));
  s.xVar?.forEach((x, i) => (p[`xvar${i + 1}`] = x));
  return p;
}

/** A vector given as named entries `${prefix}0..${prefix}K`, or undefined when its first entry is absent. */
export function vectorParam(p: Params, prefix: string, K: number): number[] | undefined {
  if (p[`${prefix}0`] === undefined) return undefined;
  return Array.from({ length: K + 1 }, (_, k) => p[`${prefix}${k}`]!);
}

/** Named entries `${prefix}0..` for a vector (the inverse of `vectorParam`). */
export function vectorParams(prefix: string, v: readonly number[]): Params {
  return Object.fromEntries(v.map((x, k) => [`${prefix}${k}`, x]));
}
