import type { CheckSpec, KnownDeviation } from '../../../properties/check.ts';
import type { CellParams } from '../sim/cell.ts';
import { cellSim } from '../sim/index.ts';
import { fig1a, fig1b, fig1c } from '../theory/figures.ts';
import { thm42 } from '../theory/thm4_2.ts';
import { monotoneCheck } from './monotone.ts';
import { pairArb, paperPair, type Change, type PairDraw } from './pairs.ts';
import { paperDrawArb, type PaperDraw } from './regimes.ts';
import { asParams } from './shared.ts';

/**
 * Fig 1's directions as printed (larger N_1 / smaller σ_{p,1} / larger ‖u‖ ⇒ lower error), in paper-like
 * regimes (extrapolations). For N_1 and σ_{p,1} Thm 4.2's own statistic S = Num/Den/d is not monotone: with
 * x = N_1 (or 1/σ_{p,1}²), Num = Ax² + B, Den = Cx + D, and dS/dx < 0 when the target term B dominates
 * (weak ‖u‖). `restrict`:
 *  - 'S-agrees': only pairs where S moves the printed way (the direction the theorem supports);
 *  - 'S-reverses': only pairs where S moves the other way (weak universal signal), where the printed
 *    direction is an over-generalisation — checked against the printed direction.
 */
function directionCheck(
  id: string,
  alias: string,
  claim: typeof fig1a,
  title: string,
  change: Change,
  restrict?: 'S-agrees' | 'S-reverses',
  deviation?: KnownDeviation,
): CheckSpec {
  // The printed-better member has the larger x (N_1, 1/σ_{p,1}², ‖u‖²), as the claim states it.
  const x = (p: CellParams) => claim.predict(asParams(p)).details.x;
  const S = (p: CellParams) => thm42.predict(asParams(p)).value;
  const strong = paperDrawArb.map((t) => ({ ...t, phi: 0.5 + 0.5 * t.phi }));
  const weak = paperDrawArb.map((t) => ({ ...t, phi: 0.02 + t.phi * 0.15, alpha: 1, N2: Math.max(t.N2, 20) }));
  const pairFn = (t: PairDraw<PaperDraw>): [CellParams, CellParams] | null => {
    const [a, b] = paperPair(t);
    if (!restrict) return [a, b];
    // Does S rank the pair the same way as the printed direction?
    const agrees = x(a) > x(b) === S(a) > S(b);
    return agrees === (restrict === 'S-agrees') ? [a, b] : null;
  };
  return monotoneCheck({
    id,
    aliases: [alias],
    claim,
    title,
    deviation,
    arb: pairArb(restrict === 'S-reverses' ? weak : restrict === 'S-agrees' ? strong : paperDrawArb, [change]),
    pair: pairFn as (t: never) => [CellParams, CellParams] | null,
    hypotheses: claim.hypotheses,
    statistic: x,
    trend: (p) => claim.predict(asParams(p)),
    reps: restrict === 'S-reverses' ? { test: 20, quick: 32, full: 64 } : undefined,
    statName: change === 'N1' ? 'N_1' : change === 'sigmaP1' ? '1/σ_{p,1}²' : '‖u‖²',
    sim: cellSim,
    runs: restrict === 'S-agrees' ? { test: 8, quick: 24, full: 60 } : { test: 4, quick: 12, full: 40 },
    extrapolation: true,
  });
}

export const fig1aDirection = directionCheck('ptransfer.fig1a/direction', 'ptransfer.fig1a', fig1a, "[extrapolation] Fig 1(a): larger N_1 ⇒ lower error with transfer (paper-like regimes where Thm 4.2's S agrees)", 'N1', 'S-agrees');
export const fig1bDirection = directionCheck('ptransfer.fig1b/direction', 'ptransfer.fig1b', fig1b, "[extrapolation] Fig 1(b): smaller σ_{p,1} ⇒ lower error with transfer (paper-like regimes where Thm 4.2's S agrees)", 'sigmaP1', 'S-agrees');

const WEAK_U_EXPLANATION =
  "Fig 1's narrative reads as a universal direction, but Thm 4.2's own statistic is not monotone in x = N_1 (or 1/σ_{p,1}²): " +
  'S ∝ (Ax² + B)/(Cx + D) with A = α²‖u‖⁴·(…), B = N_2²‖u+v_2‖⁴/σ_{p,2}⁴, so dS/dx < 0 when ‖u‖ is weak against ‖u+v_2‖. ' +
  'There the simulation (exact fast path, cross-checked against tfjs and a float64 d-dimensional GD) shows the error *rising* with N_1 / ' +
  'with a cleaner source, as S predicts: the inherited filters carry more v_1 (and source-noise) weight, whose components along e_1 ' +
  'and along the target noise amplify the target noise. Not a bug of ours: the effect follows S and vanishes where S agrees ' +
  '(ptransfer.fig1a/direction / ptransfer.fig1b/direction conform). The paper’s figure uses unstated ‖u‖, ‖v‖, so its regime may be one where S agrees.';

/** Why the weak-‖u‖ records are not-reproduced, not deviations (issue 12 rule 1). */
const WEAK_U_RECORD = (which: 'N_1' | 'σ_{p,1}', setting: string) => ({
  kind: 'not-reproduced' as const,
  statement: `Sec 5 ${setting} and the Discussion: transfer effectiveness grows with ${which === 'N_1' ? 'a larger N_1' : 'a smaller σ_{p,1}'}.`,
  hypotheses: 'none beyond the setting (an experiment outside Condition 4.1); Thm 4.2 itself predicts the reversal tested here',
  evidence: "ptransfer.cell (exact GD on the pool, cross-checked against d-dimensional GD and TensorFlow.js), independent of Thm 4.2's formula; the measured direction agrees with S",
  where: `weak universal signal, ‖u‖² ≤ 0.17‖u+v_2‖², α = 1, N_2 ≥ 20, d ∈ [200, 600] (pairs where S falls as ${which === 'N_1' ? 'N_1 rises' : 'σ_{p,1} falls'})`,
  assumptions: [
    `the figure's direction read as holding for every ‖u‖ (the paper prints ‖u‖ for neither ${setting} nor its narrative)`,
    'scaled-down paper-like regimes (d ≤ 600, m = 10, T_1 = 300, T_2 = 150 fixed, η = σ_0 = 0.01), not the printed d = 2000, m = 40, T_1 = 800, T_2 = 400',
  ],
  classification:
    "not-reproduced (issue 12 rule 1): the regimes are not the paper's, and the paper's own Thm 4.2 predicts the reversal, so the printed figure is not contradicted — only a universal reading of its direction.",
});

export const fig1aWeak = directionCheck('ptransfer.fig1a/weak-u', 'ptransfer.fig1a.weak-u', fig1a, "[extrapolation] Fig 1(a) as a universal direction, in weak-‖u‖ regimes where Thm 4.2's S decreases with N_1", 'N1', 'S-reverses', {
  ...WEAK_U_RECORD('N_1', 'setting (1), Fig 1(a)'),
  title: 'More source data hurts when the universal signal is weak (as Thm 4.2’s S predicts)',
  explanation: WEAK_U_EXPLANATION,
  counterexample: {
    // err 0.285 ± 0.005 at N_1 = 57 vs 0.246 at N_1 = 14 (paired difference 0.039 ± 0.007 over 20 replicates)
    params: { d: 277, m: 10, N1: 57, N2: 20, sigmaP1: 4.2958, sigmaP2: 4.2958, uNorm: 1.3010334395904626, v1Norm: 6.3313718844557485, v2Norm: 6.3313718844557485, alpha: 1, eta: 0.01, sigma0: 0.01, T1: 300, T2: 150, eps: 0, nTest: 4000, smallerN1: 14, seed: 1073741801 },
    replay: 'npx ttc replay cHRyYW5zZmVyLmZpZzFhLndlYWstdXwyMDI2MTEyMnwwfHRlc3Q',
  },
});
export const fig1bWeak = directionCheck('ptransfer.fig1b/weak-u', 'ptransfer.fig1b.weak-u', fig1b, "[extrapolation] Fig 1(b) as a universal direction, in weak-‖u‖ regimes where Thm 4.2's S decreases as σ_{p,1} falls", 'sigmaP1', 'S-reverses', {
  ...WEAK_U_RECORD('σ_{p,1}', 'setting (2), Fig 1(b)'),
  title: 'A cleaner source hurts when the universal signal is weak (as Thm 4.2’s S predicts)',
  explanation: WEAK_U_EXPLANATION,
  counterexample: {
    // err 0.150 at σ_{p,1} = 1.44 vs 0.133 at σ_{p,1} = 2 (paired difference 0.017 ± 0.0008 over 20 replicates)
    params: { d: 593, m: 10, N1: 21, N2: 20, sigmaP1: 1.4364, sigmaP2: 2, uNorm: 0.9913993953903106, v1Norm: 5.205689784234618, v2Norm: 5.205689784234618, alpha: 1, eta: 0.01, sigma0: 0.01, T1: 300, T2: 150, eps: 0, nTest: 4000, noisierSigmaP1: 2, seed: 23 },
    replay: 'npx ttc replay cHRyYW5zZmVyLmZpZzFiLndlYWstdXwyMDI2MTEyMnwyfHRlc3Q',
  },
});
export const fig1cDirection = directionCheck('ptransfer.fig1c/direction', 'ptransfer.fig1c', fig1c, '[extrapolation] Fig 1(c): larger ‖u‖ at fixed ‖u+v_2‖ ⇒ lower error with transfer (paper-like regimes)', 'uNorm');

export const fig1Checks = [fig1aDirection, fig1bDirection, fig1cDirection, fig1aWeak, fig1bWeak];
