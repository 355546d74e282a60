import type { Constraint, ParamSpec, Params } from '../../../core/params.ts';
import { Stream } from '../../../core/rng/stream.ts';

/**
 * Scalar parameters shared by the universality claims and simulations. The covariance is diagonal,
 * Σ = diag(s_1..s_d), normalised to tr Σ = d:
 *   spectrum 0: isotropic (s_i = 1);
 *   spectrum 1: bilevel — the first ⌈ρd⌉ eigenvalues are `cond` times the others;
 *   spectrum 2: power law s_i ∝ i^{−β} with β chosen so that s_1/s_d = cond.
 * The canonical pretrained error v = w_0 − w* is dense: v_i = √(dist/d) for every i, so that
 * ‖v‖²_Σ = dist (tr Σ = d). Properties draw other (random) directions.
 */
export const LAW_NAMES = ['gaussian', 'rademacher', 'chi2', 'uniform'] as const;

export const UNIV_PARAMS = {
  law: { name: 'law', symbol: 'law', description: 'design law: 0 Gaussian, 1 Rademacher, 2 centred scaled χ²₁, 3 uniform', domain: { min: 0, max: 3, integer: true }, default: 0 },
  d: { name: 'd', symbol: 'd', description: 'dimension', domain: { min: 3, max: 4000, integer: true }, default: 200 },
  n: { name: 'n', symbol: 'n', description: 'target samples (n < d − 1)', domain: { min: 1, integer: true }, default: 100 },
  spectrum: { name: 'spectrum', symbol: 'Σ', description: 'spectrum kind: 0 isotropic, 1 bilevel, 2 power law', domain: { min: 0, max: 2, integer: true }, default: 0 },
  rho: { name: 'rho', symbol: 'ρ', description: 'bilevel: fraction of large eigenvalues', domain: { min: 0, max: 1, minOpen: true, maxOpen: true }, default: 0.2 },
  cond: { name: 'cond', symbol: 's_max/s_min', description: 'eigenvalue ratio of Σ', domain: { min: 1 }, default: 10 },
  dist: { name: 'dist', symbol: '‖w_0 − w*‖²_Σ', description: 'pretrained excess risk', domain: { min: 0 }, default: 1 },
  sigma: { name: 'sigma', symbol: 'σ', description: 'label-noise standard deviation', domain: { min: 0 }, default: 0.5 },
  cos0: { name: 'cos0', symbol: 'cos∠(w_0, w*)', description: 'cosine between pretrained and true weights', domain: { min: -1, max: 1 }, default: 0.6 },
  norm0: { name: 'norm0', symbol: '‖w_0‖', description: 'norm of the pretrained weights (‖w*‖ = 1)', domain: { min: 0, minOpen: true }, default: 1 },
  flip: { name: 'flip', symbol: 'p', description: 'label-flip probability', domain: { min: 0, max: 0.5, maxOpen: true }, default: 0.1 },
  eta: { name: 'eta', symbol: 'η·max‖x_i‖²', description: 'SGD step size in units of 1/max_i ‖x_i‖² (stable below 2 for any batch)', domain: { min: 0, max: 1.9, minOpen: true }, default: 0.5 },
  batch: { name: 'batch', symbol: 'b', description: 'SGD batch size', domain: { min: 1, integer: true }, default: 1 },
  vdir: { name: 'vdir', symbol: 'dir(w_0 − w*)', description: 'direction of w_0 − w*: 0 dense, 1 random Gaussian, 2 random on the top 10% of eigendirections (absent: the canonical dense v)', domain: { min: 0, max: 2, integer: true }, optional: true },
  seed: { name: 'seed', symbol: 'seed', description: 'seed of the random direction of w_0 − w* (vdir 1, 2; the simulation draws it from its own seed)', domain: { min: 0, integer: true }, optional: true },
  nHalf: { name: 'nHalf', symbol: 'n(d/2)', description: 'target samples of the half-size instance (d/2) in the E7 Richardson form; absent: no finite-size form', domain: { min: 1, integer: true }, optional: true },
  ntest: { name: 'ntest', symbol: 'n_test', description: 'fresh test points per draw for the Monte Carlo classification error', domain: { min: 1, integer: true }, default: 2000 },
  localised: { name: 'localised', symbol: 'w*', description: 'classification: 0 dense w* (a fixed generic direction per d), 1 localised w* = e_1', domain: { min: 0, max: 1, integer: true }, default: 0 },
} as const satisfies Record<string, ParamSpec>;

export const nBelowD: Constraint = (p) => (p.n! < p.d! - 1 ? null : `n (target samples) must be < d − 1 for the overparameterised regime; got n = ${p.n}, d = ${p.d}`);
export const nBelowDStrict: Constraint = (p) => (p.n! < p.d! - 5 ? null : `n (target samples) must be < d − 5 (finite variance of the exact isotropic risk); got n = ${p.n}, d = ${p.d}`);
export const batchAtMostN: Constraint = (p) => (p.batch! <= p.n! ? null : `batch (b) must be ≤ n; got b = ${p.batch}, n = ${p.n}`);

export function spectrumOf(kind: number, d: number, rho: number, cond: number): number[] {
  let s: number[];
  if (kind === 0) s = Array.from({ length: d }, () => 1);
  else if (kind === 1) {
    const k = Math.max(1, Math.min(d - 1, Math.ceil(rho * d)));
    s = Array.from({ length: d }, (_, i) => (i < k ? cond : 1));
  } else {
    const beta = d > 1 ? Math.log(cond) / Math.log(d) : 0;
    s = Array.from({ length: d }, (_, i) => Math.pow(i + 1, -beta));
  }
  const mean = s.reduce((a, b) => a + b, 0) / d;
  return s.map((x) => x / mean);
}

export function canonicalSpectrum(p: Params): number[] {
  return spectrumOf(p.spectrum ?? 0, p.d!, p.rho ?? 0.2, p.cond ?? 1);
}

/** v_i = √(dist/d): ‖v‖²_Σ = dist since tr Σ = d. */
export function canonicalV(p: Params): number[] {
  return Array.from({ length: p.d! }, () => Math.sqrt(p.dist! / p.d!));
}

/**
 * w_0 − w* of a drawn regime: dense (vdir 0), Gaussian (1) or Gaussian on the top 10% of eigendirections (2),
 * drawn from the seed's 'v-direction' stream and scaled so that ‖v‖²_Σ = dist.
 */
export function directedV(spectrum: readonly number[], vdir: number, dist: number, seed: number): number[] {
  const d = spectrum.length;
  const s = Stream.fromSeed(Stream.childSeed(seed, 'v-direction'));
  let v = Array.from({ length: d }, (_, i) => (vdir === 0 ? 1 : vdir === 1 || i < Math.ceil(d / 10) ? s.normal() : 0));
  const nrm = Math.sqrt(v.reduce((a, x, i) => a + spectrum[i]! * x * x, 0));
  v = v.map((x) => (x * Math.sqrt(dist)) / nrm);
  return v;
}

/** The canonical dense v, or the drawn direction when `vdir` is given (then `seed` is required). */
export function pretrainedV(p: Params): number[] {
  return p.vdir === undefined ? canonicalV(p) : directedV(canonicalSpectrum(p), p.vdir, p.dist!, p.seed!);
}
