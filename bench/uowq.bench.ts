import { simulateVariants, type Variant } from '../papers/uowq/sim/fast.ts';
import type { UowqConfig, UowqProblem } from '../papers/uowq/sim/core.ts';

/**
 * uowq's weighted-MLE simulation (papers/uowq/sim/fast.ts) at the shapes of the report's costliest regimes: both
 * sizes of a Richardson pair (N and 2N with δ/√2) and two paired weightings, as the checks call it. Prints the CPU
 * time per draw (user + system of this process, best of three), so a change to the simulation can be measured on a
 * shared machine. The regimes: pooling-vs-target's logistic negative side (d = 1, N = 600 / 2250), kkt's logistic
 * regime (d = 2, K = 2, all samples, two weightings), a d = 3 and a d = 4 logistic pooling, interior-argmin's Gaussian
 * linear arms (d = 1, m_± = 1195 / 346, the check draws 10⁵ of these), a K = 2 linear regime.
 */
const doubled = (p: UowqProblem): UowqProblem => ({ ...p, N: p.N.map((x) => 2 * x), deltas: p.deltas.map((dk) => dk.map((x) => x / Math.SQRT2)) });
const doubledCfg = (c: UowqConfig): UowqConfig => ({ alpha: c.alpha, n: c.n.map((x) => 2 * x) });
const pair = (p: UowqProblem, cfgs: UowqConfig[]): Variant[] => [{ problem: p, configs: cfgs }, { problem: doubled(p), configs: cfgs.map(doubledCfg) }];
const pooled = (N: number[]) => N.map((x) => x / N.reduce((a, b) => a + b, 0));

function cases(): [string, Variant[], number][] {
  const out: [string, Variant[], number][] = [];
  let N = [600, 2250];
  out.push(['logistic d=1 pooling vs target', pair({ model: 'logistic', theta0: [0.375], deltas: [[-0.55]], N }, [{ alpha: pooled(N), n: N }, { alpha: [1, 0], n: N }]), 400]);
  N = [600, 150, 1800];
  out.push(['logistic d=2 K=2 two weightings', pair({ model: 'logistic', theta0: [0.375, -0.5], deltas: [[-0.05, 0.04], [0.03, 0.02]], N }, [{ alpha: [0.5, 0.1, 0.4], n: N }, { alpha: [0.4, 0.3, 0.3], n: N }]), 300]);
  N = [700, 2800];
  out.push(['logistic d=3 pooling vs target', pair({ model: 'logistic', theta0: [0.25, -0.5, 0.75], deltas: [[-0.1, 0.05, 0.02]], N }, [{ alpha: pooled(N), n: N }, { alpha: [1, 0], n: N }]), 150]);
  N = [700, 1400];
  out.push(['logistic d=4 pooling vs target', pair({ model: 'logistic', theta0: [0.25, -0.5, 0.75, 0.125], deltas: [[-0.1, 0.05, 0.02, 0.3]], N }, [{ alpha: pooled(N), n: N }, { alpha: [1, 0], n: N }]), 150]);
  N = [700, 2800];
  const [a, b] = [
    [700, 1195],
    [700, 346],
  ];
  out.push(['linear d=1 interior-argmin arms', pair({ model: 'linear', theta0: [0.25], deltas: [[0.05]], N, xVar: [1], sigma: 1 }, [{ alpha: pooled(a), n: a }, { alpha: pooled(b), n: b }]), 40000]);
  N = [500, 1500, 700];
  out.push(['linear d=3 K=2', pair({ model: 'linear', theta0: [0.25, 0.1, -0.3], deltas: [[0.05, 0.01, 0.02], [0.01, -0.03, 0]], N, xVar: [1, 2, 0.5], sigma: 1 }, [{ alpha: [0.4, 0.3, 0.3], n: N }, { alpha: [0.6, 0.2, 0.2], n: [500, 30, 3] }]), 10000]);
  return out;
}

export default async function uowqBench(): Promise<void> {
  console.log('uowq weighted MLE, both sizes of a Richardson pair, two weightings (CPU per draw, best of 3):');
  for (const [name, variants, draws] of cases()) {
    let best = Infinity;
    let mean = 0;
    for (let rep = 0; rep < 3; rep++) {
      const c0 = process.cpuUsage();
      const e = simulateVariants(variants, 20261122 + rep, draws);
      const c = process.cpuUsage(c0);
      best = Math.min(best, (c.user + c.system) / 1000);
      mean = e[0]![0]!.reduce((s, x) => s + x, 0) / draws;
    }
    console.log(`  ${name.padEnd(34)} ${String(draws).padStart(6)} draws  ${((1000 * best) / draws).toFixed(1).padStart(7)} µs/draw CPU  (mean KL ${mean.toPrecision(4)})`);
  }
}
