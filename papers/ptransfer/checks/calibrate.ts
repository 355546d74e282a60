/**
 * Calibration of a bound's unknown constants on simulated regimes, for the held-out prediction checks.
 *
 * A bound of the form "S ≥ 1/C_1 ⇒ error ≤ exp(−C_2 S); S ≤ 1/C_3 ⇒ error ≥ 0.1" (C_1 < C_3, i.e. the
 * sub-optimal region lies below the near-optimal one in S) is calibrated on points (S_i, ē_i) as the
 * tightest constants consistent with every point:
 *  - 1/C_3 = the largest S_i such that every point with S ≤ S_i has ē ≥ 0.1 (0 if the smallest-S point is good);
 *  - 1/C_1 = the smallest S_i such that every point with S ≥ S_i has ē < 0.1 (∞ if the largest-S point is bad);
 *  - C_2 = min over the near-optimal points of −ln(ē_i)/S_i (points with ē_i = 0 impose nothing).
 * Constants consistent with every calibration regime always exist when they are allowed to be vacuous;
 * what the data fix is how narrow the gap [1/C_3, 1/C_1] is (`gapPoints` = calibration points inside it,
 * i.e. not separated by S) and whether held-out regimes are predicted.
 */
export interface Calibration {
  invC3: number;
  invC1: number;
  C1: number;
  C3: number;
  C2: number | null;
  points: number;
  gapPoints: number;
  consistent: boolean;
}

export function calibrate(points: readonly { S: number; e: number }[], level = 0.1): Calibration {
  const sorted = [...points].sort((a, b) => a.S - b.S);
  let invC3 = 0;
  for (const p of sorted) {
    if (p.e >= level) invC3 = p.S;
    else break;
  }
  let invC1 = Infinity;
  for (let i = sorted.length - 1; i >= 0; i--) {
    if (sorted[i]!.e < level) invC1 = sorted[i]!.S;
    else break;
  }
  let C2: number | null = null;
  for (const p of sorted) {
    if (p.S >= invC1 && p.e > 0) {
      const c = -Math.log(p.e) / p.S;
      C2 = C2 === null ? c : Math.min(C2, c);
    }
  }
  const gapPoints = sorted.filter((p) => p.S > invC3 && p.S < invC1).length;
  return { invC3, invC1, C1: 1 / invC1, C3: invC3 > 0 ? 1 / invC3 : Infinity, C2, points: sorted.length, gapPoints, consistent: invC3 < invC1 };
}

export type Predicted = { region: 'sub-optimal'; bound: number } | { region: 'near-optimal'; bound: number } | { region: 'gap' };

/** What the calibrated bound predicts at S: error ≥ 0.1, error ≤ exp(−C_2 S), or nothing (in the gap). */
export function predictAt(c: Calibration, S: number, level = 0.1): Predicted {
  if (S <= c.invC3 && c.invC3 > 0) return { region: 'sub-optimal', bound: level };
  if (S >= c.invC1) return { region: 'near-optimal', bound: c.C2 === null ? level : Math.min(level, Math.exp(-c.C2 * S)) };
  return { region: 'gap' };
}
