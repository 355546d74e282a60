import { fastSweep } from '../papers/fate/sim/fastSweep.ts';
import { summarize } from '../core/stats/summary.ts';
import { studentQuantile } from '../core/stats/distributions.ts';
import { ftTransferabilityPrinted } from '../papers/fate/theory/fineTune.ts';
import { ltTransferability } from '../papers/fate/theory/phase.ts';

/**
 * Reproduction of Fig 1(c) and Fig 3(c) by simulation: θ ∈ {π/8, π/4, 3π/8}, γ = 0.1 … 2.0 step 0.1
 * (γ = 1 skipped), d = 500, σ = 0.2, 20 draws each; scratch, linear transfer and fine-tuning.
 * Target: under 15 s on one core of a 2-core machine, with CI half-widths no wider than plain 20-draw
 * Monte Carlo (whose per-draw law is that of the sampled-noise estimator of the same reduction).
 */
export default async function fateBench(): Promise<void> {
  const d = 500;
  const draws = 20;
  const sigma = 0.2;
  const thetas = [Math.PI / 8, Math.PI / 4, (3 * Math.PI) / 8];
  const gammas = Array.from({ length: 20 }, (_, i) => Number(((i + 1) / 10).toFixed(1))).filter((g) => g !== 1);
  const ns = gammas.map((g) => Math.round(g * d));
  const t0 = performance.now();
  const cells = fastSweep({ d, ns, thetas, sigma, draws, seed: 20261122 });
  const ms = performance.now() - t0;
  const q = studentQuantile(0.975, draws - 1);
  let hwFast = 0;
  let hwPlain = 0;
  let count = 0;
  const rows: string[] = [];
  cells.forEach((row, gi) =>
    row.forEach((c, ti) => {
      const tlt = summarize(Array.from(c.sc, (v, i) => v - c.lt[i]!));
      const tltPlain = summarize(Array.from(c.scSampled, (v, i) => v - c.ltSampled[i]!));
      const tft = summarize(Array.from(c.scSampled, (v, i) => v - c.ft[i]!));
      hwFast += q * tlt.stderr;
      hwPlain += q * tltPlain.stderr;
      count++;
      if (ti === 1) rows.push(`  γ=${gammas[gi]!.toFixed(1)}  𝒯_lt ${tlt.mean.toFixed(4)} ± ${(q * tlt.stderr).toFixed(4)} (eq 13: ${ltTransferability(gammas[gi]!, thetas[ti]!, sigma).toFixed(4)})   𝒯_ft ${tft.mean.toFixed(4)} ± ${(q * tft.stderr).toFixed(4)} (eq 17: ${ftTransferabilityPrinted(gammas[gi]!, thetas[ti]!).toFixed(4)})`);
    }),
  );
  console.log('Fig 1(c)/3(c) slice θ = π/4 (simulated mean ± 95% CI half-width vs printed limit):');
  console.log(rows.join('\n'));
  console.log(`\nwall time: ${(ms / 1000).toFixed(2)} s for ${gammas.length} γ × ${thetas.length} θ × ${draws} draws at d = ${d} (target < 15 s)`);
  console.log(`mean 95% CI half-width of 𝒯_lt: ${(hwFast / count).toFixed(4)} (noise integrated) vs ${(hwPlain / count).toFixed(4)} (plain Monte Carlo law, sampled noise)`);
  console.log(hwFast <= hwPlain ? 'CI half-width: no wider than plain Monte Carlo ✓' : 'CI half-width: WIDER than plain Monte Carlo ✗');
}
