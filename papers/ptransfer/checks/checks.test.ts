import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectVerdict, UNDECIDED_AT_GATE } from '../../testing.ts';
import { GATE_SEED } from '../../../properties/seeds.ts';
import { monotonePairs } from './monotone.ts';
import { CHANGES } from './pairs.ts';
import { thm42MonotoneOptions, thm42MonotonePaperOptions } from './thm4_2.ts';

// One test per check at the gate seed ('test' budget: small regimes; paper scale is in the reproductions).
// Under issue 11's rules (α_c ≈ 1.6e-4 per check, power ≥ 0.8 against the declared δ in every regime) the
// direction checks, the loss checks and the bound checks are `inconclusive` at the gate budget: each would
// need about 3–6× the replicates per regime it has (each verdict's summary prints the number), which does not
// fit the gate's CPU budget for these papers (+30 s). Agreement at the gate is therefore not claimed for them:
// the gate asserts no mismatch and accepts `inconclusive` or, at a seed whose regimes are decisive, `conforms`
// (UNDECIDED_AT_GATE). The recorded findings and the deterministic checks decide.
// weak-baseline, fig1a/weak-u and fig1b/weak-u reject in few of their drawn regimes (1 of 2, 1 of 4, 3 of 4 at the gate
// seed; fig1b: none at seeds 909 and 1010), so at
// another seed their drawn regimes may all agree: they are asserted by properties/deviations.test.ts, which
// replays each record's counterexample at its recorded seed — the same evidence at every TTC_SEED.
describe('ptransfer checks (inside Condition 4.1: rest on the theorems’ hypotheses)', () => {
  it('ptransfer.thm4.2/loss', () => expectVerdict('ptransfer.thm4.2/loss', UNDECIDED_AT_GATE));
  it('ptransfer.thm4.2/monotone', () => expectVerdict('ptransfer.thm4.2/monotone', UNDECIDED_AT_GATE));
  it('ptransfer.thm4.2/constants', () => expectVerdict('ptransfer.thm4.2/constants', UNDECIDED_AT_GATE));
  // The α³-side pairs the constants check leaves to this record (its region): at equal S a lower α has the higher error.
  // Two pairs at 64 replicates, each +0.03 … +0.06 (t ≈ 5–6): one rejecting suffices, so it holds at any seed by design.
  it('ptransfer.thm4.2/alpha-weight (recorded, not-reproduced: the bound read as a prediction contest)', () => expectVerdict('ptransfer.thm4.2/alpha-weight', 'not-reproduced'));
  it('ptransfer.thm4.2/alpha0', () => expectVerdict('ptransfer.thm4.2/alpha0', 'conforms'));
  it('ptransfer.thm4.3/monotone', () => expectVerdict('ptransfer.thm4.3/monotone', UNDECIDED_AT_GATE));
  // Like kou.thm/constants: its pairs are decisive at the gate (power 1.0, 16 replicates), but the order test needs
  // ≈ 48 regimes (16 here) and the AUC more near-optimal regimes than 16 draw; the quick budget (48) is the decisive one.
  it('ptransfer.thm4.3/constants', () => expectVerdict('ptransfer.thm4.3/constants', UNDECIDED_AT_GATE));
  it('ptransfer.prop4.4/gamma', () => expectVerdict('ptransfer.prop4.4/gamma', UNDECIDED_AT_GATE));
  it('ptransfer.prop4.4/both', () => expectVerdict('ptransfer.prop4.4/both', UNDECIDED_AT_GATE));
  // With the runner's top-up its 4 regimes are re-measured to 96–128 replicates (≈ 4× the first batch): at load ≈ 20 on
  // 2 cores that took 160–260 s wall (vitest's 120 s default timed out at seeds 101 and 202 with the right verdict).
  it('ptransfer.prop4.4/both-literal (recorded, not-reproduced: our Γ-less reading)', () => expectVerdict('ptransfer.prop4.4/both-literal', 'not-reproduced'), 600_000);
  it('ptransfer.negative/inside', () => expectVerdict('ptransfer.negative/inside', UNDECIDED_AT_GATE));
});

// Thm 4.2's monotone checks draw only pairs they test (testedPairArb), stratified by ingredient: at seeds 2626, 2828
// (paper-like) and 3131 (inside) the unfiltered draws had all 6 gate pairs skipped ('no regime tested').
describe('ptransfer.thm4.2 monotone pairs: drawn where the checks test them', () => {
  for (const o of [thm42MonotoneOptions, thm42MonotonePaperOptions]) {
    const { arb, skip } = monotonePairs(o);
    it(`${o.id}: every gate pair is tested, at the seeds that skipped all and at others`, () => {
      for (const seed of [2626, 2828, 3131, GATE_SEED, ...Array.from({ length: 40 }, (_, k) => 1000 + 97 * k)]) {
        const skips = fc.sample(arb, { seed, numRuns: o.runs.test }).map((t) => skip(t)?.skip);
        expect(skips, `seed ${seed}`).toEqual(Array(o.runs.test).fill(undefined));
      }
    });
    it(`${o.id}: each ingredient about a sixth of the pairs`, () => {
      const n = 600;
      const counts = new Map<string, number>();
      for (const t of fc.sample(arb, { seed: 7, numRuns: n })) counts.set(t.change, (counts.get(t.change) ?? 0) + 1);
      // Binomial(600, 1/6): mean 100, sd 9.1; [65, 135] is ±3.8 sd.
      for (const c of CHANGES) expect(counts.get(c) ?? 0, c).toBeGreaterThan(65);
      for (const c of CHANGES) expect(counts.get(c) ?? 0, c).toBeLessThan(135);
    });
    it(`${o.id}: a shrunk pair is still one the check tests`, () => {
      for (const seed of [2626, 3131, GATE_SEED]) {
        // A property that fails on every pair: fast-check shrinks the first one as far as it can.
        const r = fc.check(fc.property(arb, (t) => !(t.factor > 0)), { seed, numRuns: 1 });
        expect(r.failed).toBe(true);
        expect(r.numShrinks, `seed ${seed}`).toBeGreaterThan(0);
        expect(skip(r.counterexample![0]), `seed ${seed}`).toBeUndefined();
      }
    });
  }
});

describe('ptransfer checks in paper-like regimes (outside Condition 4.1: extrapolations)', () => {
  it('ptransfer.thm4.2/monotone-paper', () => expectVerdict('ptransfer.thm4.2/monotone-paper', UNDECIDED_AT_GATE));
  it('ptransfer.negative/paper', () => expectVerdict('ptransfer.negative/paper', UNDECIDED_AT_GATE));
  // Both sides of the printed condition (side drawn first): at the gate seed err_T − err_B = +0.04 … +0.15 where it holds
  // (‖u‖ = 0) and −0.06 where it fails (strong ‖u‖), 6 regimes; 4/6 significant at α_c (the top-up's cap leaves the
  // rest underpowered against δ = 0.02), so no mismatch is asserted at every seed.
  it('ptransfer.negative/boundary', () => expectVerdict('ptransfer.negative/boundary', UNDECIDED_AT_GATE));
  it('ptransfer.fig1a/direction', () => expectVerdict('ptransfer.fig1a/direction', UNDECIDED_AT_GATE));
  it('ptransfer.fig1b/direction', () => expectVerdict('ptransfer.fig1b/direction', UNDECIDED_AT_GATE));
  it('ptransfer.fig1c/direction', () => expectVerdict('ptransfer.fig1c/direction', UNDECIDED_AT_GATE));
  it('ptransfer.fig2/level (recorded, not-reproduced: unprinted ‖u+v_2‖, v)', () => expectVerdict('ptransfer.fig2/level', 'not-reproduced'), 600_000); // five paper-size cells: minutes under load
});

describe('ptransfer internal consistency (main text vs appendix as summarised)', () => {
  it('ptransfer.consistency/error-exponent', () => expectVerdict('ptransfer.consistency/error-exponent', 'conforms'));
  it('ptransfer.consistency/training-time (recorded deviation)', () => expectVerdict('ptransfer.consistency/training-time', 'deviates'));
});
