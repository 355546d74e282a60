import { loadavg } from 'node:os';
import { runCellFast, runCellFastParallel, type CellParams } from '../papers/ptransfer/sim/cell.ts';
import { rowsModule } from '../papers/ptransfer/sim/kernels.ts';
import { stopWorkers } from '../papers/ptransfer/sim/parallel.ts';
import { splitWorthIt } from '../papers/ptransfer/sim/split.ts';
import { activeBackend, ensureTf } from '../sim/tf/backend.ts';
import { FIG2_DEFAULT, FIG2_PAPER, fig2 } from '../papers/ptransfer/figures/repro.ts';

/**
 * `npm run bench -- ptransfer`: wall time of one cell (upstream + transferred downstream + baseline +
 * test error) with the exact fast path (float64), and of the Fig 2 grid.
 *  (a) d = 2000, N_1 = N_2 = 100, m = 40, T_1 = 800, T_2 = 400 — target < 0.8 s;
 *  (b) d = 790, N_1 = 1000, N_2 = 100, σ_p = 15, ‖u+v_2‖ = 3, α = 0.5 — target < 15 s;
 *  Fig 2: the full grid (PTRANSFER_BENCH_FIG2=full) or, by default, a timed sample of cells extrapolated.
 * The machine is shared: the load average is printed beside each time, and the process CPU time (all
 * threads) beside the wall time — wall ≫ CPU means the cores were busy with other work.
 * PTRANSFER_BENCH_REPS_B (default 2) repeats (b); TTC_PTRANSFER_WASM=0 times the JavaScript twin.
 */
const A: CellParams = { d: 2000, m: 40, N1: 100, N2: 100, sigmaP1: 5, sigmaP2: 5, uNorm: 5, v1Norm: 5, v2Norm: 5, alpha: 0.5, eta: 0.01, sigma0: 0.01, T1: 800, T2: 400, eps: 0, nTest: 1000 };
const B: CellParams = { ...A, d: 790, N1: 1000, N2: 100, sigmaP1: 15, sigmaP2: 15, uNorm: 2, v1Norm: Math.sqrt(5), v2Norm: Math.sqrt(5) };

const load = () => loadavg()[0]!.toFixed(2);

async function time(label: string, f: () => unknown | Promise<unknown>, reps: number): Promise<number[]> {
  const ts: number[] = [];
  const cpus: number[] = [];
  const loads: string[] = [];
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await f();
    const c = process.cpuUsage(c0);
    ts.push((performance.now() - t0) / 1000);
    cpus.push((c.user + c.system) / 1e6);
    loads.push(load());
  }
  const sorted = [...ts].sort((a, b) => a - b);
  const each = ts.map((t, k) => `${t.toFixed(2)} s (cpu ${cpus[k]!.toFixed(2)} s, load ${loads[k]})`).join(', ');
  console.log(`${label}: best ${sorted[0]!.toFixed(3)} s, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(3)} s over ${reps} — ${each}`);
  return ts;
}

export default async function bench(): Promise<void> {
  const backend = await ensureTf();
  console.log(`tfjs backend: ${activeBackend()} (${backend}); the fast path below is float64 and does not use tfjs`);
  console.log(`fast-path kernel: ${rowsModule() ? 'WebAssembly f64x2 (sim/ptransfer/rows.wat)' : 'JavaScript twin (TTC_PTRANSFER_WASM=0 or no wasm SIMD)'}`);
  console.log(`cores: 2 (shared); load average at start ${load()}`);

  let k = 0;
  await time('(a) d=2000, N1=N2=100, m=40, T1=800, T2=400 — serial [target < 0.8 s]', () => runCellFast(A, 1, k++), 3);
  k = 0;
  await time('(a) same, baseline in a worker thread (overlapping upstream + transfer)', () => runCellFastParallel(A, 1, k++, { split: false }), 3);
  k = 0;
  await time('(a) same, upstream split over 2 threads, then transfer ∥ baseline', () => runCellFastParallel(A, 1, k++, { split: true }), 3);

  if (process.env.PTRANSFER_BENCH_SKIP_B !== '1') {
    const reps = Number(process.env.PTRANSFER_BENCH_REPS_B ?? 2);
    const auto = splitWorthIt(B.N1) ? 'upstream split over 2 threads' : 'upstream on one thread (load too high to split)';
    await time(`(b) d=790, N1=1000, N2=100, σ_p=15, ‖u+v2‖=3, α=0.5 — default (${auto} at start), baseline in a worker [target < 15 s]`, () => runCellFastParallel(B, 1, 0), reps);
    await time('(b) same, upstream forced split over 2 threads', () => runCellFastParallel(B, 1, 0, { split: true }), reps);
    await time('(b) same, serial (one thread throughout)', () => runCellFast(B, 1, 0), reps);
  }

  // Fig 2 as the reproduction runs it: per d, one ‖u‖ sweep sharing the upstream run (sim/ptransfer/sweep.ts).
  const full = process.env.PTRANSFER_BENCH_FIG2 === 'full';
  const grid = FIG2_DEFAULT;
  const t0 = performance.now();
  if (full) {
    await fig2({ seed: 1, reps: 1 }, grid);
    console.log(`Fig 2 grid (${grid.d.length} d × ${grid.uNorm.length} ‖u‖ cells, 1 seed): ${((performance.now() - t0) / 1000).toFixed(1)} s (load average ${load()})`);
  } else {
    const d = grid.d[grid.d.length - 1]!;
    await fig2({ seed: 1, reps: 1 }, { d: [d], uNorm: grid.uNorm });
    const s = (performance.now() - t0) / 1000;
    console.log(
      `Fig 2 grid: one d-row (d = ${d}, ${grid.uNorm.length} ‖u‖ values, 1 seed) took ${s.toFixed(1)} s (load average ${load()}) ⇒ ≈ ${((s * grid.d.length) / 60).toFixed(1)} min per seed for the default ${grid.d.length}×${grid.uNorm.length} grid and ≳ ${((s * FIG2_PAPER.d.length) / 60).toFixed(1)} min for the ${FIG2_PAPER.d.length}×${FIG2_PAPER.uNorm.length} grid (extrapolated from one row; each row's ‖u‖ values share one upstream run; PTRANSFER_BENCH_FIG2=full times the default grid)`,
    );
  }
  await stopWorkers();
}
