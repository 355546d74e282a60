import { cpuUsage } from 'node:process';
import * as support from '../papers/universality/checks/support.ts';
import { half, simulateCls, simulateReg, simulateRegCoupled, type ClsCase, type RegCase } from '../papers/universality/checks/support.ts';

// the Richardson pair in one pass where the tree has it (absent before 6dcbea8: then each size alone, as the checks did)
const prepare = (t: RegCase, draws: number) => (support as { prepareRichardsonReg?: (t: RegCase, draws: number) => void }).prepareRichardsonReg?.(t, draws);

/**
 * One regime of each expensive universality check, at its parameters, seed and draw count from the quick report at the
 * gate seed (/work/runs/quick-final records, 838cf0d), simulated as the check's measure does (both Richardson sizes).
 * Prints CPU seconds (user + system of this process) and a checksum of the simulated values, so a speed change that
 * must be bit-identical shows the same checksum. Profile these with `node --import tsx --cpu-prof` to see the split.
 */
const sum = (x: readonly number[]) => x.reduce((a, b) => a + b, 0);
async function timed(name: string, f: () => Promise<number>): Promise<void> {
  const c0 = cpuUsage();
  const check = await f();
  const c = cpuUsage(c0);
  console.log(`  ${name.padEnd(64)} ${((c.user + c.system) / 1e6).toFixed(2)} s CPU   checksum ${check.toPrecision(12)}`);
}

export default async function bench(): Promise<void> {
  console.log('universality: one regime per expensive check (quick-budget draws, gate seed records)');
  const laws: RegCase = { law: 2, d: 200, psi: 12, spectrum: 0, rho: 2, cond: 14, vdir: 0, dist: 1.1, sigma: 0.1, seed: 27 };
  await timed('laws/law-vs-gaussian  χ², d = 200, n = 120, 608 draws × 2 sizes', async () => {
    prepare(laws, 608);
    const a = await simulateRegCoupled(laws, 'quick', 608);
    const b = await simulateRegCoupled(half(laws), 'quick', 608);
    return sum(a.law) + sum(a.gaussian) + sum(b.law) + sum(b.gaussian);
  });
  const gs: RegCase = { law: 0, d: 200, psi: 3, spectrum: 1, rho: 1, cond: 14, vdir: 1, dist: 2.2, sigma: 0.2, seed: 1504672032 };
  await timed('general-sigma/richardson-risk  bilevel, d = 200, n = 30, 336 draws', async () => {
    prepare(gs, 336);
    return sum((await simulateReg(gs, 0, 'quick', 336)).fineTuned) + sum((await simulateReg(half(gs), 0, 'quick', 336)).fineTuned);
  });
  const cls = async (t: ClsCase, draws: number, localised = false) => {
    const a = await simulateCls(t, 'quick', localised, draws);
    const b = await simulateCls(half(t), 'quick', localised, draws);
    return sum(a.fineTuned) + sum(a.pretrained) + sum(b.fineTuned);
  };
  await timed('classification/richardson-error  χ², d = 300, n = 90, 214 draws', () => cls({ law: 2, d: 300, psi: 6, cos0: 0.3, norm0: 0.5, flip: 0, seed: 1890395544 }, 214));
  await timed('classification/richardson-error  uniform, d = 200, n = 160, 203 draws', () => cls({ law: 3, d: 200, psi: 16, cos0: 0.3, norm0: 2, flip: 0, seed: 835652151 }, 203));
  await timed('classification/improvement-sign  Rademacher, d = 200, n = 130, 159 draws', async () => {
    const r = await simulateCls({ law: 1, d: 200, psi: 13, cos0: -0.1, norm0: 1, flip: 0, seed: 1279577780 }, 'quick', false, 159);
    return sum(r.fineTuned) + sum(r.pretrained);
  });
  await timed('classification/localised-w-star  Rademacher, d = 200, n = 120, 320 draws', () => cls({ law: 1, d: 200, psi: 12, cos0: 0.9, norm0: 1, flip: 0.1, seed: 13 }, 320, true));
}
