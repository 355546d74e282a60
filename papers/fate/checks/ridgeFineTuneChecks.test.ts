import { describe, it } from 'vitest';
import { expectVerdict } from '../../testing.ts';

// The gate: each fate check at the fixed seed. Recorded deviations must keep failing ('deviates').
describe('fate checks at the gate seed: ridge and fine-tuning', () => {
  it.each([
    ['fate.thm3.8/increasing-in-lambda', 'conforms'],
    ['fate.thm3.8/right-angle', 'deviates'],
    ['fate.thm3.9/noiseless', 'conforms'],
    ['fate.thm3.9/noisy-labels', 'deviates'],
    ['fate.eq17/signs-noiseless', 'conforms'],
    ['fate.eq17/signs-noisy', 'deviates'],
    ['fate.eq17/zero-above-one', 'conforms'],
  ] as const)('%s → %s', async (id, verdict) => {
    await expectVerdict(id, verdict);
  });
});
