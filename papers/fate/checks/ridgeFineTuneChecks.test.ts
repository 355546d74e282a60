import { describe, expect, it } from 'vitest';
import { expectVerdict } from '../../testing.ts';
import { gateSeed } from '../../../properties/seeds.ts';
import { ftBoundaryResolution } from './eq17.ts';

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

// Run through its object to print each regime's boundary shift (registered in papers/fate/checks/index.ts too). The fine-tuning
// checks here measure fate.transferability-ft.law (sim/ftLaw.ts, exact in law, cross-checked in ftLaw.test.ts).
describe('fate fine-tuning boundary at the resolution of Fig 3', () => {
  it('fate.eq17/boundary-resolution → conforms (σ = 0 and the paper\'s σ = 0.2, d = 100 … 500)', async () => {
    const res = await ftBoundaryResolution.run({ seed: gateSeed(), budget: 'test' });
    console.log(`[${res.verdict}] ${res.checkId}: ${res.summary}\n${res.records.map((r) => `  ${JSON.stringify(r.params)} ${r.measurement.mean.toPrecision(3)} ± ${r.measurement.stderr.toPrecision(2)}; ${r.note}`).join('\n')}`);
    expect(res.verdict, res.summary).toBe('conforms');
  });
});
