/**
 * The quantities of Yuan et al. (Thm 4.2, Thm 4.3, Prop 4.4) and Kou et al., as printed. Pure float64.
 * u ⟂ v_2, so ‖u + v_2‖² = ‖u‖² + ‖v_2‖².
 */
export interface TransferQuantities {
  d: number;
  N1: number;
  N2: number;
  sigmaP1: number;
  sigmaP2: number;
  uNorm: number;
  v2Norm: number;
  alpha: number;
}

export function uv2Norm2(p: { uNorm: number; v2Norm: number }): number {
  return p.uNorm * p.uNorm + p.v2Norm * p.v2Norm;
}

/** Num = α²N_1²‖u‖⁴/σ_{p,1}⁴ + N_2²‖u+v_2‖⁴/σ_{p,2}⁴. */
export function num(p: TransferQuantities): number {
  const u4 = p.uNorm ** 4;
  const s2 = uv2Norm2(p) ** 2;
  return (p.alpha ** 2 * p.N1 ** 2 * u4) / p.sigmaP1 ** 4 + (p.N2 ** 2 * s2) / p.sigmaP2 ** 4;
}

/** Den = α²σ_{p,2}²N_1/σ_{p,1}² + N_2. */
export function den(p: TransferQuantities): number {
  return (p.alpha ** 2 * p.sigmaP2 ** 2 * p.N1) / p.sigmaP1 ** 2 + p.N2;
}

/**
 * The statistic of Thm 4.2: S = Num/(Den·d). Near-optimal when d ≤ C_1·Num/Den ⇔ S ≥ 1/C_1 (error
 * ≤ exp(−C_2 S)); sub-optimal when d ≥ C_3·Num/Den ⇔ S ≤ 1/C_3 (error ≥ 0.1).
 */
export function transferStatistic(p: TransferQuantities): number {
  return num(p) / (den(p) * p.d);
}

/** The statistic of Thm 4.3 (Kou et al.): N_2‖u+v_2‖⁴/(σ_{p,2}⁴ d). */
export function baselineStatistic(p: { N2: number; uNorm: number; v2Norm: number; sigmaP2: number; d: number }): number {
  return (p.N2 * uv2Norm2(p) ** 2) / (p.sigmaP2 ** 4 * p.d);
}

/** Kou et al.'s statistic n‖μ‖⁴/(σ_p⁴ d). */
export function kouStatistic(p: { n: number; muNorm: number; sigmaP: number; d: number }): number {
  return (p.n * p.muNorm ** 4) / (p.sigmaP ** 4 * p.d);
}

/** Prop 4.4: Γ = α²N_1‖u‖⁴/(σ_{p,1}²σ_{p,2}²d). */
export function gamma(p: TransferQuantities): number {
  return (p.alpha ** 2 * p.N1 * p.uNorm ** 4) / (p.sigmaP1 ** 2 * p.sigmaP2 ** 2 * p.d);
}

/**
 * Prop 4.4's negative-transfer condition: ‖u+v_2‖²/‖u‖² ≥ αN_1σ_{p,2}²/(N_2σ_{p,1}²) ≥ C_4.
 * Returns both sides (lhs = ∞ when ‖u‖ = 0).
 */
export function negativeTransferSides(p: TransferQuantities): { lhs: number; rhs: number } {
  const lhs = p.uNorm === 0 ? Infinity : uv2Norm2(p) / p.uNorm ** 2;
  const rhs = (p.alpha * p.N1 * p.sigmaP2 ** 2) / (p.N2 * p.sigmaP1 ** 2);
  return { lhs, rhs };
}

export function negativeTransferHolds(p: TransferQuantities, C4: number): boolean {
  const { lhs, rhs } = negativeTransferSides(p);
  return lhs >= rhs && rhs >= C4;
}

/**
 * Thm 4.2 at α = 0: Num/Den = N_2‖u+v_2‖⁴/σ_{p,2}⁴, i.e. S(α = 0) = the Thm 4.3 statistic. Returned as
 * the pair (S at α = 0, baseline statistic) so the identity can be checked.
 */
export function alphaZeroReduction(p: TransferQuantities): { transfer: number; baseline: number } {
  return { transfer: transferStatistic({ ...p, alpha: 0 }), baseline: baselineStatistic(p) };
}

/** Kou et al.'s lower bound on the test error against observed labels: the Bayes error p. */
export function bayesError(flip: number): number {
  return flip;
}
