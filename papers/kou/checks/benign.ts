import fc from 'fast-check';
import { estimate } from '../../../core/measurement.ts';
import { defineCheck } from '../../../properties/runner.ts';
import { holdsAll } from '../../ptransfer/theory/hypotheses.ts';
import { replicates } from '../../ptransfer/checks/regimes.ts';
import { asParams, fmt, mean } from '../../ptransfer/checks/shared.ts';
import { kouSim } from '../sim/index.ts';
import { kouThm } from '../theory/thm.ts';
import { kouDrawArb, kouRegime, type KouDraw } from './regimes.ts';

/**
 * Kou et al.'s two regions are separated by the printed sub-optimal level: benign (n‖μ‖⁴ ≥ C_1σ_p⁴d) means error
 * ≤ p + exp(−C_2 n‖μ‖⁴/(σ_p⁴d)), harmful (≤ C_3) means error ≥ p + 0.1. So a benign regime's error lies below the
 * printed harmful level. Checked where the floor p is large (p ∈ [0.15, 0.2], the range where reading the level
 * without its floor matters) and the statistic is far inside the benign region: x ∈ [2, 3], d at 1–1.5 × its
 * Condition 4.1 minimum, S ≈ 8–20, 2.5–10 × the smallest near-optimal S that kou.thm/constants calibrates (1.7–3.3
 * at the gate seeds). There err − p ≈ 0.02 (heavy-tailed per replicate), so err − level ≈ −0.08.
 */
type BenignDraw = KouDraw & { p: number };
const benignArb: fc.Arbitrary<BenignDraw> = fc
  .record({ t: kouDrawArb, p: fc.double({ min: 0.15, max: 0.2, noNaN: true }) })
  .map(({ t, p }) => ({ ...t, flip: p, p, x: 2 + t.x / 3, dFactor: 1 + (t.dFactor - 1) / 30 }));

export const kouBenignBelowLevel = defineCheck<BenignDraw>({
  id: 'kou.thm/benign-below-level',
  claim: kouThm,
  simulations: [kouSim],
  title: 'Kou et al.: far inside the benign region (n‖μ‖⁴/(σ_p⁴d) ≈ 8–20) with label flips p ∈ [0.15, 0.2], the error stays below the printed harmful level (inside Condition 4.1)',
  arbitrary: benignArb,
  runs: { test: 4, quick: 12, full: 40 },
  compare: 'sign',
  params: (t) => ({ ...kouRegime(t), seed: t.seed }),
  evaluate: (t) => {
    const q = kouRegime(t);
    if (!holdsAll(kouThm.hypotheses, asParams(q))) return { skip: 'outside Condition 4.1', outOfHypotheses: true };
    const pred = kouThm.predict(asParams(q));
    const level = pred.details.subOptimalLevel;
    return {
      prediction: { quantity: 'test error − printed sub-optimal level', kind: 'sign', sign: -1, details: { S: pred.value, level } },
      target: -1,
      statistic: `err − ${fmt(level)} < 0 (S = ${fmt(pred.value)}, p = ${fmt(q.flip)})`,
    };
  },
  async measure(t, budget) {
    const q = kouRegime(t);
    const level = kouThm.predict(asParams(q)).details.subOptimalLevel;
    const m = await kouSim.run(asParams(q), { seed: t.seed, draws: replicates(budget) });
    return estimate(m.values.map((e) => e - level), `err ${fmt(mean(m.values))} (p = ${fmt(q.flip)}), level ${fmt(level)}`);
  },
});
