import { describe, expect, it } from 'vitest';
import { runSim } from '../../registry.ts';

/** The noise-integrated linear-transfer sim is a Rao–Blackwell step of the plain one: cross-checked here. */
describe('fate.linear-transfer.noise-integrated', () => {
  it('equals the plain sim draw for draw when there is no label noise (same X, β and v per draw)', async () => {
    const p = { n: 15, theta: 0.9, sigma: 0, d: 20 };
    const a = await runSim('fate.linear-transfer', p, { seed: 5, draws: 30 });
    const b = await runSim('fate.linear-transfer.noise-integrated', p, { seed: 5, draws: 30 });
    for (let i = 0; i < 30; i++) expect(Math.abs(a.values[i]! - b.values[i]!)).toBeLessThan(1e-12);
  });

  it.each([
    { n: 14, theta: 0.72, sigma: 1.49, d: 30 },
    { n: 40, theta: 1.3, sigma: 0.5, d: 12 },
  ])('has the plain sim’s mean (Welch |z| < 4) with a smaller standard error: %o', async (p) => {
    const a = await runSim('fate.linear-transfer', p, { seed: 9, draws: 3000 });
    const b = await runSim('fate.linear-transfer.noise-integrated', p, { seed: 10, draws: 3000 });
    const z = (a.mean - b.mean) / Math.hypot(a.stderr, b.stderr);
    console.log(`${JSON.stringify(p)}: plain ${a.mean.toFixed(4)} ± ${a.stderr.toFixed(4)}, integrated ${b.mean.toFixed(4)} ± ${b.stderr.toFixed(4)}, z = ${z.toFixed(2)}`);
    expect(Math.abs(z)).toBeLessThan(4);
    expect(b.stderr).toBeLessThan(a.stderr);
  });
});
