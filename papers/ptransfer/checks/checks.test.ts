import { describe, it } from 'vitest';
import { expectVerdict, UNDECIDED_AT_GATE } from '../../testing.ts';

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
