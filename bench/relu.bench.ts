import { loadavg } from 'node:os';
import { fig5, klScaled, ltTransferabilityScaled, pearson, spearman, w1Bounds } from '../papers/fate/theory/fig5.ts';
import { perpForAblation } from '../papers/fate/theory/sec4.ts';
import { runSim } from '../papers/registry.ts';
import { Stream } from '../core/rng/stream.ts';
import { drawTeacher, gaussianInputs, sourceTeacher, targetValues } from '../papers/fate/sim/relu/teacher.ts';
import { initStudent, trainEmpirical, trainPopulation, type Student } from '../papers/fate/sim/relu/train.ts';
import { trainEmpiricalFast, trainPopulationFast } from '../papers/fate/sim/relu/trainFast.ts';
import { ensureTf } from '../sim/tf/backend.ts';

/**
 * `npm run bench -- relu`: (1) the Fig 5 sweep — D_KL (exact), plug-in Ŵ1 (N = 150 per law, rotation-
 * reduced, exact assignment) and the simulated 𝒯_lt over (θ, a, γ) at σ = 0.2, with Pearson/Spearman
 * correlations and the equal-distance pairs of opposite transfer sign; (2) §4 at the paper's sizes
 * (d = 100, m = 1000, m* = 100): the cost of one population-GD step and one empirical step at n = 1000,
 * float64 and mixed precision (trainFast.ts), extrapolated to the paper's 1e5 steps and to the 5000 steps
 * at lr0 = 0.2 that the 'full' budget runs (same gradient-flow time), and the discretisation gap; (3) Fig 4(d) averaged over teachers at d = 100, m* = 100.
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
  console.log(`population loss at flow time 10: lr0 0.01 → ${la.toExponential(4)}, lr0 0.2 → ${lb.toExponential(4)} (relative difference ${(Math.abs(lb - la) / la).toExponential(2)})`);
  for (const mu of [0.1, 0.25, 0.5, 0.75]) {
    const vals: number[] = [];
    for (let k = 0; k < 5; k++) {
      const tk = drawTeacher(Stream.forReplicate(11, k), 100, 100, Math.round(mu * 100));
      vals.push(perpForAblation(tk.W, tk.c, tk.removed).relative);
    }
    console.log(`Fig 4(d) at d = m* = 100: μ = ${mu}: ‖P⊥f*_t‖²/‖f*_t‖² = ${(vals.reduce((p, q) => p + q, 0) / vals.length).toFixed(4)} (5 teachers: ${vals.map((v) => v.toFixed(3)).join(', ')})`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
