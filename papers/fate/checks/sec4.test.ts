import { describe, it } from 'vitest';
import { expectVerdict, UNDECIDED_AT_GATE } from '../../testing.ts';

/**
 * Gate: each fate §4 / Fig 5 check at the gate seed ('test' budget). Two verdicts are `inconclusive` by design of the
 * budget, not by choice: at α_c ≈ 1.7e-4 a t-test needs ≳ 12 teachers (fate.sec4.scaling: per-teacher sd of ν ≈ 0.15,
 * ≈ 1.2 s CPU per teacher) or ≳ 32 draws of the trained §4 student (fate.sec4.negative-transfer) to be decisive, far
 * beyond the gate's CPU share; both are decisive in the 'quick' budget (scaling) or belong to the speed issue
 * (negative transfer, issue 12 item 3). Both still fail (mismatch) when the measurement lies far on the wrong side.
 */
describe('fate §4 checks at the gate seed', () => {
  it.each([
    ['fate.sec4.arccos/mc', 'conforms'],
    ['fate.sec4.projection/lt-limit', 'conforms'],
    ['fate.sec4.projection/monotone-mu', 'conforms'],
    ['fate.sec4.projection/printed-eq159', 'conforms'],
    ['fate.fig5/equal-kl-opposite-sign', 'conforms'],
    ['fate.fig5/farther-yet-positive', 'conforms'],
    ['fate.fig5/no-negative-correlation', 'not-reproduced'],
    ['fate.sec4.kernel/approaches', 'conforms'],
    // Undecided at the gate budget (above): asserted "no mismatch" — at some seeds the runner's top-up decides them
    // (negative-transfer conformed, topped up to 8 draws, at seed 1515), which is not a failure.
    ['fate.sec4.scaling/decay', UNDECIDED_AT_GATE],
    ['fate.sec4.negative-transfer/sign', UNDECIDED_AT_GATE],
  ] as const)('%s → %s', async (id, verdict) => {
    await expectVerdict(id, verdict);
  });
});
