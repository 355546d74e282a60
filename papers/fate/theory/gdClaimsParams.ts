/**
 * Parameters of the deep-linear-network claims (fate §3, Lemma 3.3 – Thm 3.5) beyond the shared
 * ones of theory/params.ts: depth L, init scale α, and which init W̄ is used (eq 22 or not).
 */
import { P, type ParamSpec } from '../../../core/params.ts';

export const DP = {
  d: { ...P.d, domain: { min: 2, integer: true }, default: 32 },
  gamma: { ...P.gamma, default: 0.5 },
  theta: { ...P.theta, default: Math.PI / 4 },
  sigma: { ...P.sigma, default: 0 },
  L: { name: 'L', symbol: 'L', description: 'depth (number of weight matrices)', domain: { min: 2, max: 3, integer: true, text: '{2, 3}' }, default: 2 },
  alpha: { name: 'alpha', symbol: 'α', description: 'init scale, W_l(0) = αW̄_l', domain: { min: 0, minOpen: true, max: 1 }, default: 1e-3 },
  init: { name: 'init', symbol: 'init', description: 'init of W̄: 0 = scaled orthogonal (satisfies eq 22), 1 = Gaussian N(0, 1/d)', domain: { min: 0, max: 1, integer: true, text: '{0, 1}' }, default: 0 },
} as const satisfies Record<string, ParamSpec>;

/** Eq (22): W̄_lᵀW̄_l − W̄_{l+1}W̄_{l+1}ᵀ ≽ λI for some λ > 0 — true of the orthogonal init, false of the Gaussian one. */
/**
 * Population pretraining (Lemma 3.3, Thm 3.4): the objective is the exact population loss — a property of the
 * training, not of the parameters. The predicate checks what the flow needs to leave the origin (W = 0 is a
 * stationary point): a non-zero init, α > 0, and σ ≥ 0.
 */
export const populationHypothesis = {
  id: 'population',
  text: 'training on the exact population loss ½‖β − β_s‖² + σ²/2 (x ~ N(0, I_d)) from a non-zero init: α > 0, σ ≥ 0 (the objective itself is not a parameter)',
  holds: (p: Record<string, number>) => (p.alpha ?? DP.alpha.default) > 0 && (p.sigma ?? 0) >= 0,
};

export const eq22Hypothesis = {
  id: 'eq22',
  text: 'initialization satisfies eq (22): W̄_lᵀW̄_l − W̄_{l+1}W̄_{l+1}ᵀ ≽ λI, λ > 0 (the scaled orthogonal init W̄_l = c_lQ_l, c_1 > … > c_L)',
  holds: (p: Record<string, number>) => (p.init ?? 0) === 0,
};
