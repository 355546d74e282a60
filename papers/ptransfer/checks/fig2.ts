import fc from 'fast-check';
import { estimate } from '../../../core/measurement.ts';
import { defineCheck } from '../../../properties/runner.ts';
import type { CellParams } from '../sim/cell.ts';
import { cellSim } from '../sim/index.ts';
import { fig2 } from '../theory/figures.ts';
import { cells } from './measure.ts';
import { replicates } from './regimes.ts';
import { asParams, fmt, mean, NO_SHRINK } from './shared.ts';

/** Sec 5 setting (4) at its most favourable cell (smallest d, largest ‖u‖ = ‖u+v_2‖ = 3, so v_k = 0). */
const FIG2_BEST: CellParams = { d: 100, m: 40, eta: 0.01, sigma0: 0.01, T1: 800, T2: 400, eps: 0, nTest: 1000, N1: 1000, N2: 100, sigmaP1: 15, sigmaP2: 15, alpha: 0.5, uNorm: 3, v1Norm: 0, v2Norm: 0 };
const best = fig2.predict(asParams(FIG2_BEST));
const LEVEL = best.details.level;

export const fig2Level = defineCheck<{ seed: number }>({
  id: 'ptransfer.fig2/level',
  aliases: ['ptransfer.fig2.level'],
  claim: fig2,
  simulations: [cellSim],
  title: `[printed settings] Fig 2: the best cell of the grid (d = 100, ‖u‖ = 3) reaches accuracy ${LEVEL} with transfer (the lower threshold of the truncated heat maps)`,
  arbitrary: fc.record({ seed: fc.integer({ min: 1, max: 2 ** 30 }) }),
  runs: { test: 1, quick: 1, full: 2 },
  compare: 'sign',
  // One fixed printed setting: only the seed could shrink, which says nothing — keep the regime as found.
  shrinkMs: NO_SHRINK,
  deviation: {
    kind: 'not-reproduced',
    statement: 'Sec 5 setting (4), Fig 2: N_1 = 1000, N_2 = 100, σ_{p,1} = σ_{p,2} = 15, α = 0.5, d and ‖u‖ varied (d ≤ ≈790, ‖u‖ ≤ ≈3); heat maps truncated at accuracies 0.65 and 0.70.',
    hypotheses: 'none beyond the printed setting (an experiment, outside Condition 4.1)',
    evidence: "ptransfer.cell (exact GD on the pool of signal, noise and initial filters; cross-checked against d-dimensional float64 GD to 1e-10 and TensorFlow.js to 2e-5): independent of Thm 4.2's formula, which only explains the outcome (S = 0.012)",
    where: 'the most favourable cell of the grid, d = 100, ‖u‖ = 3; every other cell has smaller S',
    assumptions: [
      '‖u + v_2‖ = 3 in setting (4): printed only for setting (3); setting (4) does not print ‖v_1‖, ‖v_2‖',
      'v_1 = v_2 = 0 at ‖u‖ = 3 (follows from ‖u + v_2‖ = 3); ‖v_1‖ = ‖v_2‖ elsewhere',
      'no normalisation of the patches beyond the printed σ_p; m = 40, η = σ_0 = 0.01, T_1 = 800, T_2 = 400 from the Sec 5 setup',
    ],
    classification:
      'not-reproduced (issue 12 rule 1): the level fails only under our reading of settings setting (4) does not print (‖u + v_2‖, ‖v_k‖); the same reading puts Fig 1(c) (d = 2000, same σ_p) at chance. Not a finding against the paper.',
    title: `Fig 2's accuracies are not reached at the printed settings: the best cell is at ≈ 0.57, below the ${LEVEL}/0.70 thresholds of the truncated heat maps`,
    explanation:
      'At N_1 = 1000, N_2 = 100, σ_p = 15, α = 0.5, ‖u+v_2‖ = 3 the signal is tiny against noise patches of norm σ_p√d: Thm 4.2’s own ' +
      'statistic is S = Num/(Den·d) = 0.012 at the best cell (d = 100, ‖u‖ = 3) and S_3 = 0.0016 without transfer, i.e. both far ' +
      'below the near-optimal regime, and the simulation agrees (accuracy 0.57 with transfer, 0.53 without; the directions in d and ‖u‖ ' +
      'are reproduced, see the Fig 2 heat map). The fast path is cross-checked against plain d-dimensional GD (1e-10) and TensorFlow.js ' +
      '(2e-5); Fig 1(a)/(b) at ‖u+v‖ = 7 reproduce. So the printed levels need settings other than the printed ones (unstated ‖v‖ or ' +
      'normalisation), or a different σ_p. Fig 1(c) (d = 2000, same σ_p, ‖u+v_2‖) is at chance for the same reason.',
    counterexample: {
      // accuracy with transfer 0.573 (0.0773 ± 0.0037 below 0.65 over 3 replicates), without 0.527; p = 1.2e-3
      params: { ...FIG2_BEST, seed: 737889310 },
      replay: 'npx ttc replay cHRyYW5zZmVyLmZpZzIubGV2ZWx8MjAyNjExMjJ8MHx0ZXN0',
    },
  },
  params: (t) => ({ ...FIG2_BEST, seed: t.seed }),
  region: () => 'outside Condition 4.1 (extrapolation)',
  evaluate: () => ({
    prediction: best,
    target: best.sign,
    statistic: `accuracy with transfer ≥ ${LEVEL} (S = ${fmt(best.details.transferStatistic)}, S_3 = ${fmt(best.details.baselineStatistic)})`,
  }),
  async measure(t, budget) {
    // Each replicate is a paper-size cell (≈ 5–15 s): few replicates, per-replicate sd ≈ 0.0064 against a gap of ≈ 0.08;
    // at α_c ≈ 1.6e-4 a one-sided t with df = 2 needs t > 55, with df = 4 t > 11.4 (measured t ≈ 25): hence 5.
    const c = await cells(FIG2_BEST, t.seed, replicates(budget, { test: 5, quick: 6, full: 8 }));
    return estimate(c.errT.map((e) => 1 - e - LEVEL), `accuracy with transfer ${fmt(1 - mean(c.errT))}, without ${fmt(1 - mean(c.errB))}`);
  },
});

export const fig2Checks = [fig2Level];
