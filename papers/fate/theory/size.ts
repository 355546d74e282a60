import type { Constraint, ParamSpec, Params } from '../../../core/params.ts';
import { P } from '../../../core/params.ts';

/** Optional finite sizes for asymptotic claims: with them, evaluate also returns the exact finite-size form. */
export const nOpt: ParamSpec = { ...P.n, optional: true, description: 'number of target samples (optional: adds the finite-size form)' };
export const dOpt: ParamSpec = { ...P.d, optional: true, description: 'input dimension (optional: adds the finite-size form)' };

/** (n, d) from whichever of n, d, γ are given; null when the size is not determined. */
export function finiteSize(p: Params): { n: number; d: number } | null {
  if (p.n !== undefined && p.d !== undefined) return { n: p.n, d: p.d };
  if (p.d !== undefined && p.gamma !== undefined) return { n: Math.round(p.gamma * p.d), d: p.d };
  if (p.n !== undefined && p.gamma !== undefined) return { n: p.n, d: Math.round(p.n / p.gamma) };
  return null;
}

/**
 * n alone, or from γ·d: all a claim needs when d plays no role (Thm 3.7's eq (12), Thm 3.8's finite-size
 * form); null when not determined. (`finiteSize` needs two of n, d, γ, since d matters there.)
 */
export function targetSamples(p: Params): number | null {
  if (p.n !== undefined) return p.n;
  if (p.gamma !== undefined && p.d !== undefined) return Math.round(p.gamma * p.d);
  return null;
}

/** For claims exact at finite n that do not depend on d: n, or γ and d, must be given. */
export const targetSamplesGiven: Constraint = (p) => (targetSamples(p) === null ? 'n (number of target samples) is required, or both gamma and d' : null);

/** γ, n and d, when all given, must agree (γ = n/d up to rounding of n). */
export const sizesAgree: Constraint = (p) => {
  if (p.n === undefined || p.d === undefined || p.gamma === undefined) return null;
  return Math.abs(p.n - p.gamma * p.d) < 0.5 + 1e-9 ? null : `gamma (γ = ${p.gamma}) must equal n/d = ${p.n}/${p.d} = ${(p.n / p.d).toPrecision(4)}`;
};
