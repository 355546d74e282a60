import type { Hypothesis } from '../../../theory/claim.ts';
import type { Params } from '../../../core/params.ts';
import { condition41Transfer, DEFAULT_COND41, type Cond41Report } from './condition41.ts';
import type { TransferQuantities } from './formulas.ts';

/** The printed quantities of Def 3.1 read from a parameter point. */
export const transferQuantities = (p: Params): TransferQuantities => ({ d: p.d!, N1: p.N1!, N2: p.N2!, sigmaP1: p.sigmaP1!, sigmaP2: p.sigmaP2!, uNorm: p.uNorm!, v2Norm: p.v2Norm!, alpha: p.alpha! });

export function cond41ForParams(p: Params): Cond41Report {
  return condition41Transfer(
    { d: p.d!, N1: p.N1!, N2: p.N2!, m: p.m!, sigma0: p.sigma0!, eta: p.eta!, sigmaP1: p.sigmaP1!, sigmaP2: p.sigmaP2!, uNorm: p.uNorm!, v1Norm: p.v1Norm!, v2Norm: p.v2Norm! },
    { ...DEFAULT_COND41, delta: p.delta ?? DEFAULT_COND41.delta },
  );
}

const COND41_PREFIX = 'cond4.1.';

/**
 * Condition 4.1 of Yuan et al. (the standing hypotheses of Thm 4.2, Thm 4.3 and Prop 4.4), one hypothesis
 * per item, with the constants of condition41.ts (C = 1, δ = 0.1, no polylog). Kou et al. state the same
 * items for their single task.
 */
export function cond41Hypotheses(report: (p: Params) => Cond41Report): Hypothesis[] {
  const ids = [
    ['dimension', 'Condition 4.1(1): d ≥ C·max{nσ_p⁻²‖u+v‖², n²}'],
    ['width', 'Condition 4.1(2): m ≥ C log(n/δ)'],
    ['samples', 'Condition 4.1(2): n ≥ C log(m/δ)'],
    ['signal', 'Condition 4.1(3): ‖u+v‖² ≥ C σ_p² log(n/δ)'],
    ['init', 'Condition 4.1(4): σ_0 ≤ (max{σ_p d/√n, √log(m/δ)‖u+v‖})⁻¹/C'],
    ['step', 'Condition 4.1(5): η ≤ (max{σ_p²d^{3/2}/(n²m√log(m/δ)), σ_p²d/n, ‖u+v‖²/m})⁻¹/C'],
  ] as const;
  return ids.map(([id, text]) => ({ id: `${COND41_PREFIX}${id}`, text, holds: (p: Params) => report(p).items.find((i) => i.id === id)!.holds }));
}

/** Condition 4.1 for the two tasks of Yuan et al. (n = max{N_1, N_2}). */
export const transferCondition41: readonly Hypothesis[] = cond41Hypotheses(cond41ForParams);

/** Whether a hypothesis is an item of Condition 4.1 (extrapolation checks drop exactly these). */
export const isCondition41 = (h: Hypothesis): boolean => h.id.startsWith(COND41_PREFIX);

/** All hypotheses hold at p. */
export const holdsAll = (hs: readonly Hypothesis[], p: Params): boolean => hs.every((h) => h.holds(p));
