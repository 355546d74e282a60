import { loadavg } from 'node:os';
import { fig5, klScaled, ltTransferabilityScaled, pearson, spearman, w1Bounds } from '../papers/fate/theory/fig5.ts';
import { perpForAblation } from '../papers/fate/theory/sec4.ts';
import { runSim } from '../papers/registry.ts';
import { Stream } from '../core/rng/stream.ts';
import { drawTeacher, gaussianInputs, sourceTeacher, targetValues } from '../papers/fate/sim/relu/teacher.ts';
import { initStudent, trainEmpirical, trainPopulation, type Student } from '../papers/fate/sim/relu/train.ts';
import { trainEmpiricalFast, trainPopulationFast } from '../papers/fate/sim/relu/trainFast.ts';
import { trainFlow } from '../papers/fate/sim/relu/flow.ts';
import { trainPopulationFlow } from '../papers/fate/sim/relu/popFlow.ts';
import { ensureTf } from '../sim/tf/backend.ts';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm run bench -- relu`: (1) the Fig 5 sweep — D_KL (exact), plug-in Ŵ1 (N = 150 per law, rotation-
 * reduced, exact assignment) and the simulated 𝒯_lt over (θ, a, γ) at σ = 0.2, with Pearson/Spearman
 * correlations and the equal-distance pairs of opposite transfer sign; (2) §4 at the paper's sizes
 * (d = 100, m = 1000, m* = 100): the cost of one population-GD step and one empirical step at n = 1000,
 * float64 and mixed precision (trainFast.ts), extrapolated to the paper's 1e5 steps and to the 5000 steps
 * at lr0 = 0.2 that the 'full' budget runs (same gradient-flow time), and the discretisation gap; (3) Fig 4(d) averaged over teachers at d = 100, m* = 100;
 * (4) one scratch training at the paper's sizes, n = 800, to loss ≤ 1e-6: fixed lr0 = 0.2 against the error-controlled
 * flow (flow.ts, what the checks run), CPU seconds and risk, and the same training in PyTorch CPU (float32 and float64,
 * one thread; run only if `python3 -c "import torch"` works — `apt-get install python3-torch python3-numpy`, a
 * benchmark, never a dependency): its GD step, and the same flow run (same controller, same data and initial student,
 * passed in a temporary file) as a ratio per step and per run, the machine's 1-minute load beside each figure.
 * Measured (load ≈ 8 on 2 cores, so absolute seconds are inflated; the ratios less so): Debian's PyTorch 1.13 takes the
 * same 134 gradient evaluations; ours / PyTorch per run 0.26 (float32), 0.17 (float64).
 */
const load = () => loadavg()[0]!.toFixed(2);

export default async function main(): Promise<void> {
  console.log(`claim ${fig5.id}: sweep (load ${load()})`);
  const sigma = 0.2;
  const rows: { gamma: number; theta: number; a: number; kl: number; w1: number; w1lo: number; w1hi: number; T: number; Tse: number; Tth: number }[] = [];
  for (const gamma of [0.5, 2])
    for (const theta of [0, Math.PI / 8, Math.PI / 4, (3 * Math.PI) / 8, Math.PI / 2])
      for (const a of [0.5, 1, 2, 3]) {
        const sim = await runSim('fate.transferability-lt.fast', { gamma, theta, sigma: sigma / a, d: 200 }, { seed: 7, draws: 6 });
        const w1 = await runSim('fate.fig5.w1', { theta, sigma, scale: a, N: 150 }, { seed: 9, draws: 2 });
        const b = w1Bounds(theta, a, sigma);
        rows.push({ gamma, theta, a, kl: klScaled(theta, a, sigma), w1: w1.mean, w1lo: b.lower, w1hi: b.upper, T: a * a * sim.mean, Tse: a * a * sim.stderr, Tth: ltTransferabilityScaled(gamma, theta, a, sigma) });
      }
  for (const r of rows) console.log(`γ=${r.gamma} θ=${r.theta.toFixed(3)} a=${r.a}: D_KL=${r.kl.toFixed(2)} Ŵ1=${r.w1.toFixed(3)} [${r.w1lo.toFixed(3)}, ${r.w1hi.toFixed(3)}] 𝒯=${r.T.toFixed(3)}±${r.Tse.toFixed(3)} (eq 13: ${r.Tth.toFixed(3)})`);
  const corr = (sel: typeof rows, label: string) =>
    console.log(`${label} (${sel.length} tasks): Pearson(𝒯, D_KL) = ${pearson(sel.map((r) => r.T), sel.map((r) => r.kl)).toFixed(3)}, Spearman = ${spearman(sel.map((r) => r.T), sel.map((r) => r.kl)).toFixed(3)}; Pearson(𝒯, Ŵ1) = ${pearson(sel.map((r) => r.T), sel.map((r) => r.w1)).toFixed(3)}, Spearman = ${spearman(sel.map((r) => r.T), sel.map((r) => r.w1)).toFixed(3)}`);
  corr(rows, 'pooled');
  for (const g of [0.5, 2]) corr(rows.filter((r) => r.gamma === g), `γ = ${g}`);
  for (const g of [0.5, 2]) corr(rows.filter((r) => r.gamma === g && r.a === 1), `γ = ${g}, a = 1 (θ sweep only)`);
  for (const gamma of [0.5, 0.8]) {
    const ft: number[] = [];
    const kl: number[] = [];
    for (const theta of [0, Math.PI / 8, Math.PI / 4, (3 * Math.PI) / 8, Math.PI / 2]) {
      ft.push((await runSim('fate.transferability-ft.fast', { gamma, theta, sigma, d: 200 }, { seed: 7, draws: 6 })).mean);
      kl.push(klScaled(theta, 1, sigma));
    }
    console.log(`fine-tuning, γ = ${gamma}, a = 1: 𝒯_ft over θ = ${ft.map((x) => x.toFixed(3)).join(', ')}; Spearman(𝒯_ft, D_KL) = ${spearman(ft, kl).toFixed(3)}`);
  }
  let shown = 0;
  for (const x of rows)
    for (const y of rows)
      if (shown < 6 && x.gamma === y.gamma && x.T > 2 * x.Tse && y.T < -2 * y.Tse && Math.abs(x.kl - y.kl) <= 0.25 * Math.max(x.kl, y.kl) && x.kl >= y.kl) {
        console.log(`pair at γ = ${x.gamma}: (θ=${x.theta.toFixed(3)}, a=${x.a}) D_KL ${x.kl.toFixed(2)} 𝒯 ${x.T.toFixed(3)} > 0 vs (θ=${y.theta.toFixed(3)}, a=${y.a}) D_KL ${y.kl.toFixed(2)} 𝒯 ${y.T.toFixed(3)} < 0`);
        shown++;
      }

  console.log(`\nfate §4 at the paper's sizes d = 100, m = 1000, m* = 100 (load ${load()}; tfjs backend ${await ensureTf()})`);
  const rng = Stream.fromSeed(3);
  const t = drawTeacher(rng, 100, 100, 50);
  const src = sourceTeacher(t);
  const st0 = initStudent(rng, 1000, 100, 1e-7);
  const clone = (s: Student): Student => ({ W: s.W.map((w) => w.slice()), c: s.c.slice() });
  const perStep = (f: () => void, steps: number) => {
    const t0 = performance.now();
    f();
    return (performance.now() - t0) / (steps + 1) / 1000;
  };
  const popOpt = (steps: number, lr0 = 0.01) => ({ lr0, maxSteps: steps, lossTol: 0, cInit: 1e-7 });
  const pop64 = perStep(() => trainPopulation(clone(st0), src.W, src.c, src.scale, popOpt(2)), 2);
  const pop32 = perStep(() => trainPopulationFast(clone(st0), src.W, src.c, src.scale, popOpt(20)), 20);
  const steps = (s: number) => `1e5 steps ≈ ${((s * 1e5) / 3600).toFixed(2)} h, 5000 steps (lr0 0.2, same flow time) ≈ ${((s * 5000) / 60).toFixed(1)} min`;
  console.log(`population GD step: float64 ${pop64.toFixed(3)} s (${steps(pop64)}); mixed precision ${pop32.toFixed(3)} s (${steps(pop32)})`);
  const X = gaussianInputs(rng, 1000, 100);
  const y = targetValues(t, X, 1000);
  const s2 = initStudent(rng, 1000, 100, 1e-7);
  const emp64 = perStep(() => trainEmpirical(clone(s2), X, y, 1000, popOpt(1)), 1);
  const emp32 = perStep(() => trainEmpiricalFast(clone(s2), X, y, 1000, popOpt(20)), 20);
  console.log(`empirical GD step at n = 1000: float64 ${emp64.toFixed(3)} s (${steps(emp64)}); mixed precision ${emp32.toFixed(3)} s (${steps(emp32)}) per (n, draw); the paper averages 100 data × 10 seeds per point`);
  // Flow-time discretisation at the paper's sizes: lr0 = 0.01 for 1000 steps vs 0.2 for 50 (time 10).
  const la = trainPopulationFast(clone(st0), src.W, src.c, src.scale, popOpt(1000, 0.01)).loss;
  const lb = trainPopulationFast(clone(st0), src.W, src.c, src.scale, popOpt(50, 0.2)).loss;
  const pf = trainPopulationFlow(clone(st0), src.W, src.c, src.scale, { lossTol: 0, maxTime: 10, tol: 3e-5, lr0Start: 0.05, lr0Max: 8, fast: 1 });
  console.log(`population loss at flow time 10: lr0 0.01 → ${la.toExponential(4)}, lr0 0.2 → ${lb.toExponential(4)} (relative difference ${(Math.abs(lb - la) / la).toExponential(2)}); error-controlled flow (popFlow.ts, tol 3e-5) → ${pf.loss.toExponential(4)} (${(Math.abs(pf.loss - la) / la).toExponential(2)}) in ${pf.evals} gradient evaluations (load ${load()})`);
  scratchAgainstTorch();
  for (const mu of [0.1, 0.25, 0.5, 0.75]) {
    const vals: number[] = [];
    for (let k = 0; k < 5; k++) {
      const tk = drawTeacher(Stream.forReplicate(11, k), 100, 100, Math.round(mu * 100));
      vals.push(perpForAblation(tk.W, tk.c, tk.removed).relative);
    }
    console.log(`Fig 4(d) at d = m* = 100: μ = ${mu}: ‖P⊥f*_t‖²/‖f*_t‖² = ${(vals.reduce((p, q) => p + q, 0) / vals.length).toFixed(4)} (5 teachers: ${vals.map((v) => v.toFixed(3)).join(', ')})`);
  }
}

const cpuSeconds = (f: () => void) => {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
};

/**
 * The same training in PyTorch: the §4 empirical GD step of train.ts (per-step CPU over `steps` fixed lr0 steps), then
 * the whole error-controlled flow run of flow.ts (same controller: Euler steps, Heun–Euler estimate from the next
 * gradient, reject above tol, grow ≤ 2×, lr0 0.05 … 8, stop at loss ≤ 1e-6 or flow time 1000) on the same data and
 * initial student, read from a file written by this benchmark (float64, converted to the run's dtype).
 */
const TORCH_GD = `
import sys, time, json, numpy as np, torch
path, n, d, m, steps, dt = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), (torch.float64 if sys.argv[6] == 'f64' else torch.float32)
torch.set_num_threads(1)
raw = torch.from_numpy(np.fromfile(path, dtype=np.float64))
X = raw[:n * d].reshape(n, d).to(dt); y = raw[n * d:n * d + n].to(dt)
W0 = raw[n * d + n:n * d + n + m * d].reshape(m, d).to(dt); c0 = raw[n * d + n + m * d:].to(dt)
def oracle(W, c):
    H = X @ W.T
    A = torch.relu(H)
    r = A @ c / m - y
    G = ((H > 0).to(dt) * r[:, None]).T @ X
    gc = A.T @ r
    rad = (G * W).sum(1, keepdim=True)
    return 0.5 * (r @ r).item() / n, -(c / (n * m))[:, None] * (G - rad * W), -gc / (n * m)
def step(W, c, vW, vc, eta):
    W = W + eta * vW
    return W / W.norm(dim=1, keepdim=True), c + eta * vc
t0 = time.process_time()
W, c = W0.clone(), c0.clone()
for k in range(steps):
    loss, vW, vc = oracle(W, c)
    W, c = step(W, c, vW, vc, 0.2 * m)
per_step = (time.process_time() - t0) / steps
t0 = time.process_time()
W, c = W0.clone(), c0.clone()
loss, vW, vc = oracle(W, c)
evals, steps_, rejected, lr, last, T, P, tol = 1, 0, 0, 0.05, 0.0, 0.0, m * (d + 1), 3e-5
prev = None
while True:
    if steps_ > 0:
        s = ((vW - pvW) ** 2).sum().item() + ((vc - pvc) ** 2).sum().item()
        err = 0.5 * last * m * (s / P) ** 0.5
        factor = 0.9 * (tol / err) ** 0.5 if err > 0 else 2
        if err > tol:
            W, c, vW, vc, loss = W_, c_, pvW, pvc, prev
            T -= last; steps_ -= 1; rejected += 1
            lr = last * max(0.2, factor)
        else:
            lr = min(8, last * min(2, factor))
    if loss <= 1e-6 or T >= 1000 * (1 - 1e-9): break
    h = min(lr, 1000 - T)
    W_, c_, pvW, pvc, prev = W, c, vW, vc, loss
    W, c = step(W, c, vW, vc, h * m)
    last = h; T += h; steps_ += 1
    loss, vW, vc = oracle(W, c)
    evals += 1
print(json.dumps({"perStep": per_step, "runCpu": time.process_time() - t0, "evals": evals, "rejected": rejected, "loss": loss, "version": torch.__version__}))
`;

export function scratchAgainstTorch(): void {
  const n = 800;
  const rng = Stream.fromSeed(21);
  const t = drawTeacher(rng, 100, 100, 0, 1);
  const X = gaussianInputs(rng, n, 100);
  const y = targetValues(t, X, n);
  const st0 = initStudent(rng, 1000, 100, 1e-7);
  const Xt = gaussianInputs(rng, 10000, 100);
  const yt = targetValues(t, Xt, 10000);
  const clone = (s: Student): Student => ({ W: s.W.map((w) => w.slice()), c: s.c.slice() });
  const risk = (s: Student) => {
    let e = 0;
    for (let a = 0; a < 10000; a++) {
      let f = 0;
      for (let i = 0; i < 1000; i++) {
        let h = 0;
        for (let k = 0; k < 100; k++) h += Xt[a * 100 + k]! * s.W[i]![k]!;
        if (h > 0) f += s.c[i]! * h;
      }
      e += (f / 1000 - yt[a]!) ** 2;
    }
    return e / 10000;
  };
  const loadStart = load();
  const a = clone(st0);
  let fixed = { steps: 0, loss: 0 };
  const cpuFixed = cpuSeconds(() => (fixed = trainEmpiricalFast(a, X, y, n, { lr0: 0.2, maxSteps: 5000, lossTol: 1e-6, cInit: 1e-7, traceEvery: Infinity })));
  const b = clone(st0);
  let flow = { evals: 0, rejected: 0, loss: 0 };
  const cpuFlow = cpuSeconds(() => (flow = trainFlow(b, X, y, n, { lossTol: 1e-6, maxTime: 1000, tol: 3e-5, lr0Start: 0.05, lr0Max: 8, fast: 1 })));
  console.log(`scratch at d = 100, m = 1000, m* = 100, n = ${n} to loss ≤ 1e-6 (load ${loadStart} → ${load()}): fixed lr0 = 0.2: ${fixed.steps} steps, ${cpuFixed.toFixed(1)} s CPU (${((cpuFixed / (fixed.steps + 1)) * 1000).toFixed(1)} ms/step), risk ${risk(a).toExponential(4)}; flow (tol 3e-5): ${flow.evals} gradient evaluations (${flow.rejected} rejected), ${cpuFlow.toFixed(1)} s CPU, risk ${risk(b).toExponential(4)}`);
  // The same problem for PyTorch: X, y, the initial student (W row-major, c), float64, in one file.
  const file = join(tmpdir(), `ttc-relu-bench-${process.pid}.f64`);
  const W0 = new Float64Array(1000 * 100);
  st0.W.forEach((w, i) => W0.set(w, i * 100));
  writeFileSync(file, Buffer.concat([X, y, W0, st0.c].map((v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength))));
  try {
    for (const dt of ['f32', 'f64']) {
      // The first python3 on PATH, else the system one (a pyenv shim may hide the distribution's python3-torch).
      const args = ['-c', TORCH_GD, file, String(n), '100', '1000', '20', dt];
      const loadBefore = load();
      let py = spawnSync('python3', args, { encoding: 'utf8' });
      if (py.status !== 0) py = spawnSync('/usr/bin/python3', args, { encoding: 'utf8' });
      const out = py.status === 0 ? (JSON.parse(py.stdout.trim().split('\n').pop()!) as { perStep: number; runCpu: number; evals: number; rejected: number; loss: number; version: string }) : null;
      if (!out) {
        console.log(`PyTorch CPU (${dt}): not run (python3 with torch not importable: ${(py.stderr || String(py.error)).trim().split('\n').pop()})`);
        continue;
      }
      const ours = cpuFixed / (fixed.steps + 1);
      console.log(
        `PyTorch ${out.version} CPU ${dt}, 1 thread (load ${loadBefore} → ${load()}): GD step ${(out.perStep * 1000).toFixed(1)} ms → ours (mixed precision) / PyTorch per step ${(ours / out.perStep).toFixed(2)}; ` +
          `the same flow run (same data and initial student): ${out.evals} gradient evaluations (${out.rejected} rejected), loss ${out.loss.toExponential(2)}, ${out.runCpu.toFixed(1)} s CPU → ours / PyTorch per run ${(cpuFlow / out.runCpu).toFixed(2)}`,
      );
    }
  } finally {
    rmSync(file, { force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
