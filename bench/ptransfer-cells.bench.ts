import { loadavg } from 'node:os';
import { runCellFast, type CellParams } from '../papers/ptransfer/sim/cell.ts';

/**
 * `npm run bench -- ptransfer-cells`: CPU per draw of one cell (upstream, transfer, baseline, both test errors) at
 * the parameters of the costliest ptransfer regimes of the full budget (report.json records, gate seed), each replicate
 * drawn once (so the test normals are drawn too, as in a run). A check's CPU is ≈ its draws × these figures:
 *  - weak-baseline: ptransfer.negative/weak-baseline regime 0 (m = 7, N = 24/12, ε-stopped, d = 5500; 960 draws);
 *  - inside: ptransfer.negative/inside regime 0 (m = 6, N = 14/7, ε-stopped; 720 draws);
 *  - paper-like: ptransfer.negative/paper regime 0 (m = 10, N = 60/15, T = 300/150, d = 277; 160 draws);
 *  - fig2/level: its regime (m = 40, N = 1000/100, T = 800/400, d = 100; 16 draws).
 * CPU is process.cpuUsage (all threads), so the other processes on a shared machine inflate it less than wall time.
 */
const REGIMES: { name: string; p: CellParams; seed: number; draws: number }[] = [
  {
    name: 'weak-baseline',
    seed: 990451792,
    draws: 200,
    p: { N1: 24, N2: 12, T1: 50000, T2: 50000, alpha: 1, d: 5500, eps: 0.1, eta: 0.0012323079511087978, m: 7, nTest: 4000, sigma0: 0.000249475558101317, sigmaP1: 1.1901, sigmaP2: 1.7852, uNorm: 0, v1Norm: 2.7861150790979856, v2Norm: 4.1792896724693085 },
  },
  {
    name: 'inside',
    seed: 8,
    draws: 200,
    p: { N1: 14, N2: 7, T1: 29556, T2: 6567, alpha: 1, d: 197, eps: 0.1, eta: 0.25583756345177666, m: 6, nTest: 4000, sigma0: 0.018993184704436252, sigmaP1: 0.3333, sigmaP2: 0.5, uNorm: 0.157188460574416, v1Norm: 0.7240534233851708, v2Norm: 1.100319224020912 },
  },
  {
    name: 'paper-like',
    seed: 1073741801,
    draws: 100,
    p: { N1: 60, N2: 15, T1: 300, T2: 150, alpha: 1, d: 277, eps: 0, eta: 0.01, m: 10, nTest: 4000, sigma0: 0.01, sigmaP1: 4.2958, sigmaP2: 4.2958, uNorm: 0, v1Norm: 6.945659453070733, v2Norm: 6.945659453070733 },
  },
  {
    name: 'fig2/level',
    seed: 737889310,
    draws: 2,
    p: { N1: 1000, N2: 100, T1: 800, T2: 400, alpha: 0.5, d: 100, eps: 0, eta: 0.01, m: 40, nTest: 1000, sigma0: 0.01, sigmaP1: 15, sigmaP2: 15, uNorm: 3, v1Norm: 0, v2Norm: 0 },
  },
];

export default async function bench(): Promise<void> {
  for (const { name, p, seed, draws } of REGIMES) {
    runCellFast(p, seed ^ 1, 0); // warm-up on another seed (JIT), not timed
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let k = 0; k < draws; k++) runCellFast(p, seed, k);
    const c = process.cpuUsage(c0);
    const cpu = (c.user + c.system) / 1000 / draws;
    const wall = (performance.now() - t0) / draws;
    const unit = cpu >= 1000 ? `${(cpu / 1000).toFixed(2)} s` : `${cpu.toFixed(2)} ms`;
    console.log(`${name.padEnd(14)} ${unit} CPU per draw (wall ${(wall >= 1000 ? wall / 1000 : wall).toFixed(2)} ${wall >= 1000 ? 's' : 'ms'}, ${draws} draws, load ${loadavg()[0]!.toFixed(2)})`);
  }
}
