/** Parameter conditions shared by several fate §3 claims' hypotheses. */
import type { Params } from '../../../core/params.ts';
import { finiteSize } from './size.ts';

/**
 * Off the interpolation threshold: γ ≠ 1, and n ≠ d when a finite size is given. There X⁺y has full rank
 * on one side, and the scratch risk (Thm 3.6) — hence every transferability measured against it — is finite
 * in the limit.
 */
export function offInterpolationThreshold(p: Params): boolean {
  if (p.gamma === 1) return false;
  const s = finiteSize(p);
  return !s || s.n !== s.d;
}
