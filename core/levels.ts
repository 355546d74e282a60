/**
 * Every level, tolerance, power target and declared deviation of the built-in checks, in one module.
 *
 * Error rate. A run's false-failure rate is RUN_LEVEL = 1 %: each registered check c gets the fixed share
 * α_c = RUN_LEVEL · w_c / Σw (weighted Bonferroni over the checks listed here; Holm across the regimes
 * inside a check). A check's verdict is therefore the same alone (`--claim`, replay, shard, a mutant
 * run) as in the full run, and a run of any subset has false-mismatch rate ≤ Σ α_c ≤ 1 %.
 * Deterministic checks ('close') have weight 0: they cannot fail by chance.
 *
 * Power. A check says `conforms` only where its power against its declared deviation, at α_c, is
 * ≥ POWER_TARGET in every regime; otherwise `inconclusive`, with the draws that would decide it.
 */
export const RUN_LEVEL = 0.01;
export const POWER_TARGET = 0.8;

/** The smallest deviation a check must detect, in the claim's units: max(abs, rel·|target|), with why. */
export interface Detect {
  abs?: number;
  rel?: number;
  reason: string;
}

/** A deterministic comparison's tolerance |sim − target| ≤ abs + rel·|target|, with why. */
export interface Tolerance {
  abs: number;
  rel: number;
  reason: string;
}

export interface CheckLevel {
  /** Share of the run-level rate (default 1; 0 for deterministic checks). */
  weight?: number;
  detect?: Detect;
  tolerance?: Tolerance;
}

/**
 * The built-in checks. Keyed by check id; each paper's section is kept together. Filled per check with
 * the reason for its declared deviation.
 */
export const CHECK_LEVELS: Record<string, CheckLevel> = {};

/** A user's check that is not listed here and states no level of its own gets this share. */
export const DEFAULT_CHECK_LEVEL = RUN_LEVEL / 100;

function totalWeight(): number {
  let w = 0;
  for (const l of Object.values(CHECK_LEVELS)) w += l.weight ?? (l.tolerance ? 0 : 1);
  return w;
}

/** α_c of a built-in check (by id), or undefined when the check is not listed. */
export function levelOf(checkId: string): number | undefined {
  const l = CHECK_LEVELS[checkId];
  if (!l) return undefined;
  const w = l.weight ?? (l.tolerance ? 0 : 1);
  return w === 0 ? 0 : (RUN_LEVEL * w) / totalWeight();
}

/** The declared deviation δ at a target value. */
export function detectSize(d: Detect, target: number): number {
  return Math.max(d.abs ?? 0, (d.rel ?? 0) * Math.abs(target));
}
