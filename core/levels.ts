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
export const CHECK_LEVELS: Record<string, CheckLevel> = {
  // ── fate ────────────────────────────────────────────────────────────
  'fate.thm2.2/kl': {}, // TODO(issue 11): detect { abs | rel, reason }
  'fate.thm2.2/dudley': {}, // TODO(issue 11): detect { abs | rel, reason }
  'fate.thm3.6/finite-size': {}, // TODO(issue 11): detect { abs | rel, reason }
  'fate.thm3.6/fast-large-d': {}, // TODO(issue 11): detect { abs | rel, reason }
  'fate.thm3.7/exact': {}, // TODO(issue 11): detect { abs | rel, reason }
  'fate.eq13/finite-size': {}, // TODO(issue 11): detect { abs | rel, reason }
  'fate.eq13/phase-signs': {}, // TODO(issue 11): detect { abs | rel, reason }
  'fate.eq13/printed-interval': {}, // TODO(issue 11): detect { abs | rel, reason }
  'fate.thm3.8/finite-size': {}, // TODO(issue 11): detect { abs | rel, reason }
  'fate.thm3.8/increasing-in-lambda': {}, // TODO(issue 11): detect { abs | rel, reason }
  'fate.thm3.8/right-angle': {}, // TODO(issue 11): detect { abs | rel, reason }
  'fate.thm3.9/noiseless': {}, // TODO(issue 11): detect { abs | rel, reason }
  'fate.thm3.9/noisy-labels': {}, // TODO(issue 11): detect { abs | rel, reason }
  'fate.eq17/signs-noiseless': {}, // TODO(issue 11): detect { abs | rel, reason }
  'fate.eq17/signs-noisy': {}, // TODO(issue 11): detect { abs | rel, reason }
  'fate.eq17/zero-above-one': { weight: 0 }, // TODO(issue 11): tolerance with its reason
  'fate.lemma3.3/gd-pretrain-converges': { weight: 0 }, // TODO(issue 11): tolerance with its reason
  'fate.thm3.4/gd-rank-one-alpha2': { weight: 0 }, // TODO(issue 11): tolerance with its reason
  'fate.thm3.4/gd-align': { weight: 0 }, // TODO(issue 11): tolerance with its reason
  'fate.thm3.5/gd-min-norm-rate': { weight: 0 }, // TODO(issue 11): tolerance with its reason
  'fate.thm3.5/gd-min-norm-unique': { weight: 0 }, // TODO(issue 11): tolerance with its reason
  'fate.thm3.7/gd-linear-transfer-endpoint': { weight: 0 }, // TODO(issue 11): tolerance with its reason
  'fate.thm3.9/gd-ft-endpoint-derived': { weight: 0 }, // TODO(issue 11): tolerance with its reason
  'fate.thm3.9/gd-ft-endpoint-eq142': { weight: 0 }, // TODO(issue 11): tolerance with its reason
  'fate.sec4.arccos/mc': {}, // TODO(issue 11): detect { abs | rel, reason }
  'fate.sec4.projection/lt-limit': {}, // TODO(issue 11): detect { abs | rel, reason }
  'fate.sec4.projection/monotone-mu': {}, // TODO(issue 11): detect { abs | rel, reason }
  'fate.fig5/equal-kl-opposite-sign': {}, // TODO(issue 11): detect { abs | rel, reason }
  'fate.fig5/farther-yet-positive': {}, // TODO(issue 11): detect { abs | rel, reason }
  'fate.fig5/no-negative-correlation': {}, // TODO(issue 11): detect { abs | rel, reason }
  'fate.sec4.kernel/approaches': {}, // TODO(issue 11): detect { abs | rel, reason }
  'fate.sec4.scaling/decay': {}, // TODO(issue 11): detect { abs | rel, reason }
  'fate.sec4.negative-transfer/sign': {}, // TODO(issue 11): detect { abs | rel, reason }

  // ── ptransfer ────────────────────────────────────────────────────────────
  'ptransfer.thm4.2/loss': {}, // TODO(issue 11): detect { abs | rel, reason }
  'ptransfer.thm4.2/monotone': {}, // TODO(issue 11): detect { abs | rel, reason }
  'ptransfer.thm4.2/monotone-paper': {}, // TODO(issue 11): detect { abs | rel, reason }
  'ptransfer.thm4.2/constants': {}, // TODO(issue 11): detect { abs | rel, reason }
  'ptransfer.thm4.2/alpha0': { weight: 0 }, // TODO(issue 11): tolerance with its reason
  'ptransfer.thm4.3/monotone': {}, // TODO(issue 11): detect { abs | rel, reason }
  'ptransfer.prop4.4/gamma': {}, // TODO(issue 11): detect { abs | rel, reason }
  'ptransfer.prop4.4/both': {}, // TODO(issue 11): detect { abs | rel, reason }
  'ptransfer.prop4.4/both-literal': {}, // TODO(issue 11): detect { abs | rel, reason }
  'ptransfer.negative/inside': {}, // TODO(issue 11): detect { abs | rel, reason }
  'ptransfer.negative/paper': {}, // TODO(issue 11): detect { abs | rel, reason }
  'ptransfer.negative/weak-baseline': {}, // TODO(issue 11): detect { abs | rel, reason }
  'ptransfer.fig1a/direction': {}, // TODO(issue 11): detect { abs | rel, reason }
  'ptransfer.fig1b/direction': {}, // TODO(issue 11): detect { abs | rel, reason }
  'ptransfer.fig1c/direction': {}, // TODO(issue 11): detect { abs | rel, reason }
  'ptransfer.fig1a/weak-u': {}, // TODO(issue 11): detect { abs | rel, reason }
  'ptransfer.fig1b/weak-u': {}, // TODO(issue 11): detect { abs | rel, reason }
  'ptransfer.fig2/level': {}, // TODO(issue 11): detect { abs | rel, reason }
  'ptransfer.table1/transfer-helps': {}, // TODO(issue 11): detect { abs | rel, reason }
  'ptransfer.table1/noise-sweep': {}, // TODO(issue 11): detect { abs | rel, reason }

  // ── kou ────────────────────────────────────────────────────────────
  'kou.thm/loss': {}, // TODO(issue 11): detect { abs | rel, reason }
  'kou.thm/monotone': {}, // TODO(issue 11): detect { abs | rel, reason }
  'kou.thm/constants': {}, // TODO(issue 11): detect { abs | rel, reason }
  'kou.thm/paper': {}, // TODO(issue 11): detect { abs | rel, reason }

  // ── uowq ────────────────────────────────────────────────────────────
  'uowq.asymptotic-error/simulated-kl': {}, // TODO(issue 11): detect { abs | rel, reason }
  'uowq.single-source-weight/implied-argmin': {}, // TODO(issue 11): detect { abs | rel, reason }
  'uowq.kkt/optimum-rise': {}, // TODO(issue 11): detect { abs | rel, reason }
  'uowq.all-samples/fewer-samples': {}, // TODO(issue 11): detect { abs | rel, reason }
  'uowq.uniform-negative/pooling-vs-target': {}, // TODO(issue 11): detect { abs | rel, reason }
  'uowq.uniform-negative/interior-quantity': {}, // TODO(issue 11): detect { abs | rel, reason }

  // ── universality ────────────────────────────────────────────────────────────
  'universality.sgd-endpoint/interpolator-in-row-space': { weight: 0 }, // TODO(issue 11): tolerance with its reason
  'universality.isotropic-risk/simulated-risk': {}, // TODO(issue 11): detect { abs | rel, reason }
  'universality.general-sigma/richardson-risk': {}, // TODO(issue 11): detect { abs | rel, reason }
  'universality.improvement-condition/risk-sign': {}, // TODO(issue 11): detect { abs | rel, reason }
  'universality.laws/law-vs-gaussian': {}, // TODO(issue 11): detect { abs | rel, reason }
  'universality.classification/richardson-error': {}, // TODO(issue 11): detect { abs | rel, reason }
  'universality.classification/improvement-sign': {}, // TODO(issue 11): detect { abs | rel, reason }
  'universality.classification/localised-w-star': {}, // TODO(issue 11): detect { abs | rel, reason }
};

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
