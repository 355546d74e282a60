import { baselineSim } from '../sim/index.ts';
import { thm43 } from '../theory/thm4_3.ts';
import { monotoneCheck } from './monotone.ts';
import { insidePair, pairArb } from './pairs.ts';
import { insideDrawArb } from './regimes.ts';
import { asParams } from './shared.ts';

/** Thm 4.3 (the baseline, Algorithm 2 alone): the error falls as N_2‖u+v_2‖⁴/(σ_{p,2}⁴d) grows. */
export const thm43Monotone = monotoneCheck({
  id: 'ptransfer.thm4.3/monotone',
  aliases: ['ptransfer.thm4.3.monotone'],
  claim: thm43,
  title: 'Thm 4.3: the error without transfer decreases in N_2‖u+v_2‖⁴/(σ_{p,2}⁴d) (pairs changing d or N_2; inside Condition 4.1)',
  arb: pairArb(insideDrawArb, ['d', 'N2']),
  pair: insidePair as (t: never) => ReturnType<typeof insidePair>,
  hypotheses: thm43.hypotheses,
  statistic: (p) => thm43.predict(asParams(p)).value,
  trend: (p) => thm43.predict(asParams(p)).details.monotone,
  statName: 'S_3',
  sim: baselineSim,
  runs: { test: 4, quick: 12, full: 40 },
  extrapolation: false,
});

export const thm43Checks = [thm43Monotone];
