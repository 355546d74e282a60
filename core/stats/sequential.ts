import type { Estimate } from '../measurement.ts';
import { drawsForPower, powerOneSided, powerTwoSided } from './power.ts';

/**
 * Two-stage sampling (Stein 1945, Ann. Math. Statist. 16:243): a first batch of draws estimates the spread;
 * from it alone the number of further batches is chosen that gives the final test its power; the test then runs
 * once on all draws. Because the decision to draw more depends only on the standard error — never on the mean or
 * a p-value — it does not select for extreme means, and the one final test keeps its level (exactly for normal
 * draws when, as in Stein's design, the first-stage variance is used; with the pooled standard error, the
 * "internal pilot" of Wittes & Brittain 1990, the inflation is negligible for first batches of ≥ 10 draws —
 * meta-tested in properties/topUp.test.ts). This replaces a Bonferroni-over-looks sequential test that stopped on
 * a rejection (never used: it spent level at every look).
 */

/** An estimate pooled from independent batches, with the degrees of freedom of its standard error. */
export interface Pooled extends Estimate {
  df: number;
  batches: number;
}

/**
 * Pool independent batch estimates of the same mean: the mean weighted by draws, the standard error of that
 * weighted mean from the batches' standard errors, Σ (n_b/N)² se_b², and Welch–Satterthwaite degrees of freedom
 * (Σ w_b)² / Σ w_b²/(n_b − 1) with w_b = (n_b/N)² se_b² — equal to Σ(n_b − 1) when the batches have equal
 * draws and spread, smaller (conservative) when they do not. The third central moment (1/n normalisation) is
 * combined exactly about the pooled mean, for the skewness-corrected t.
 */
export function poolBatches(batches: readonly Estimate[]): Pooled {
  if (batches.length === 0) throw new RangeError('poolBatches: no batches');
  const N = batches.reduce((s, b) => s + b.draws, 0);
  const mean = batches.reduce((s, b) => s + b.draws * b.mean, 0) / N;
  const w = batches.map((b) => (b.draws / N) ** 2 * b.stderr * b.stderr);
  const se2 = w.reduce((s, x) => s + x, 0);
  const den = batches.reduce((s, b, i) => s + (b.draws > 1 ? w[i]! ** 2 / (b.draws - 1) : Infinity), 0);
  const df = se2 > 0 && den > 0 ? (se2 * se2) / den : batches.reduce((s, b) => s + b.draws - 1, 0);
  let m3: number | undefined;
  if (batches.every((b) => b.m3 !== undefined && b.draws > 1)) {
    m3 = batches.reduce((s, b) => {
      const d = b.mean - mean;
      const m2 = b.stderr * b.stderr * (b.draws - 1); // 1/n-normalised variance of the batch
      return s + b.draws * (b.m3! + 3 * d * m2 + d ** 3);
    }, 0) / N;
  }
  return { mean, stderr: Math.sqrt(se2), draws: N, m3, df, batches: batches.length };
}

export interface TopUpPlanInput {
  /** The declared deviation δ (> 0). */
  delta: number;
  /** Standard error and degrees of freedom of the current estimate, and the draws behind it. */
  se: number;
  df: number;
  draws: number;
  /** Draws of one batch (what one more measurement adds). */
  batch: number;
  /** Level of the final test (per regime). */
  level: number;
  sided: 'one' | 'two';
  /** The power the verdict needs, and the (higher) power the batches are planned for. */
  target: number;
  design: number;
  /** Further batches allowed. */
  cap: number;
}

export interface TopUpPlan {
  /** Power now, against δ at `level`. */
  power: number;
  /** Draws that reach `target` power (from the per-draw spread se·√draws); Infinity without a spread. */
  needed: number;
  /** Further batches to draw now: 0 when powered already, or when even `cap` batches cannot reach `target`. */
  batches: number;
}

/** The power of the final test at this standard error. */
export function powerAt(delta: number, se: number, df: number, level: number, sided: 'one' | 'two'): number {
  return sided === 'one' ? powerOneSided(delta, se, df, level) : powerTwoSided(delta, se, df, level);
}

/**
 * How many further batches to draw, from the standard error only. Planned for `design` power (above the verdict's
 * `target`, because the spread estimated from a batch is itself noisy) and capped; if even the cap cannot reach
 * `target` no batch is drawn — the regime stays undecided and says how many draws would decide it.
 */
export function planTopUp(p: TopUpPlanInput): TopUpPlan {
  if (!(p.se > 0) || !(p.df >= 1) || !(p.delta > 0) || !(p.draws >= 2)) return { power: 0, needed: Infinity, batches: 0 };
  const power = powerAt(p.delta, p.se, p.df, p.level, p.sided);
  const sd = p.se * Math.sqrt(p.draws);
  const needed = drawsForPower(p.delta, sd, p.level, p.target, p.sided);
  if (power >= p.target) return { power, needed, batches: 0 };
  const forTarget = Math.ceil(Math.max(0, needed - p.draws) / p.batch);
  if (forTarget > p.cap) return { power, needed, batches: 0 };
  const forDesign = Math.ceil(Math.max(0, drawsForPower(p.delta, sd, p.level, p.design, p.sided) - p.draws) / p.batch);
  return { power, needed, batches: Math.max(1, Math.min(p.cap, forDesign)) };
}
