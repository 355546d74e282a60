/**
 * Parameters of the GD simulations (fate, §3). Shared names and domains (γ, θ, σ, d) come from
 * theory/params.ts; d is capped at 64 so that one fit stays well under a second.
 */
import { InputError, P, type Constraint, type ParamSpec, type Params } from '../../../../core/params.ts';
import { DP } from '../../theory/gdClaimsParams.ts';

export const GD_MAX_D = 64;

export const GP = {
  gamma: { ...P.gamma, default: 0.5 },
  d: { ...P.d, domain: { min: 2, max: GD_MAX_D, integer: true }, default: 32 },
  theta: { ...P.theta, default: Math.PI / 4 },
  sigma: { ...P.sigma, default: 0 },
  L: DP.L,
  alpha: DP.alpha,
  init: DP.init,
  c: { name: 'c', symbol: 'c', description: 'GD step as a fraction of the inverse curvature bound', domain: { min: 0, minOpen: true, max: 1 }, default: 0.1 },
  extrapolate: { name: 'extrapolate', symbol: 'extrap', description: '1 = Richardson-extrapolate GD at c and c/2 to the gradient-flow end point', domain: { min: 0, max: 1, integer: true, text: '{0, 1}' } },
  T: { name: 'T', symbol: 'T', description: 'gradient-flow time budget of linear transfer (paper: lr 1e-3 × 1e5 steps = 100)', domain: { min: 0, minOpen: true, max: 1e6 }, default: 100 },
} as const satisfies Record<string, ParamSpec>;

/** n = round(γd): at least 1 sample and not square (X⁺ is ill-conditioned at n = d). */
export const nConstraint: Constraint = (p: Params) => {
  const n = Math.round(p.gamma! * p.d!);
  if (n < 1) return `gamma·d = ${p.gamma! * p.d!} rounds to n = ${n}; need n ≥ 1 target samples`;
  if (n === p.d) return `gamma·d rounds to n = d = ${n}: the square case is excluded (min-norm solution ill-conditioned; scratch risk diverges at γ = 1)`;
  return null;
};

export function targetSize(p: Params): number {
  return Math.round(p.gamma! * p.d!);
}

/** Direct callers (checks, scripts) get the same clear errors as validated simulation parameters. */
export function assertGdSize(d: number, L: number): void {
  if (L !== 2 && L !== 3) throw new InputError(`L (depth) must be 2 or 3 for the GD simulator, got ${L}`);
  if (!(Number.isInteger(d) && d >= 2 && d <= GD_MAX_D)) throw new InputError(`d (input dimension) must be an integer in [2, ${GD_MAX_D}] for the GD simulator (one fit must stay under a second), got ${d}`);
}
