import type { Params } from '../core/params.ts';
import type { Claim, Prediction } from '../theory/claim.ts';
import type { SimSpec } from '../sim/sim.ts';
import type { Estimate } from '../core/measurement.ts';

/**
 * - conforms: agreement, with power against the declared deviation;
 * - deviates: a printed statement fails under its own hypotheses, shown by evidence independent of any formula
 *   we derived for the same quantity (a recorded error of the paper, asserted to keep failing);
 * - not-reproduced: under our reading of settings the paper does not print, a figure or number does not come
 *   out (each assumption named) — never called the paper's error;
 * - mismatch: an unexpected rejection (or a stale record); inconclusive: too little power or coverage;
 * - out-of-hypotheses: the regimes drawn lie outside the statement.
 */
export type Verdict = 'conforms' | 'deviates' | 'not-reproduced' | 'mismatch' | 'inconclusive' | 'out-of-hypotheses';
export type Budget = 'test' | 'quick' | 'full';

export interface CheckOptions {
  seed: number;
  /** Number of fast-check draws of the parameter regime; each check has its own default per budget. */
  runs?: number;
  budget: Budget;
  /** Replay one run only (fast-check path), as encoded in a replay token. */
  path?: string;
}


/** One parameter regime probed by a check: the unit of the conformance report. */
export interface RegimeRecord {
  params: Params;
  prediction: Prediction;
  measurement: Estimate;
  /** What is compared: e.g. "simulated mean − exact finite-size value". */
  statistic: string;
  /** The value the measurement was compared with (for a sign comparison, its sign is the prediction). */
  target?: number;
  pValue?: number;
  adjustedP?: number;
  /** Smallest deviation the comparison would catch with 80% power at the per-regime level α_c/R. */
  minDetectable?: number;
  /** The declared deviation δ at this regime (core/levels.ts) and the power against it at α_c/R. */
  detect?: number;
  power?: number;
  /** 'sign': Holm-adjusted p-value of the confirmation on the predicted side. */
  confirmedP?: number;
  /** Deterministic tolerance used (relative + absolute) where the comparison is not statistical. */
  tolerance?: { rel: number; abs: number };
  /** Set when the regime was topped up (properties/topUp.ts): `measurement` is then the pooled estimate. */
  topUp?: TopUpRecord;
  /** Set when a top-up was due: the looks for rejection made on the way (properties/topUp.ts). */
  interim?: InterimLook;
  ok: boolean;
  seed: number;
  path: string;
  replay: string;
  note?: string;
}

/**
 * The looks for rejection of a regime that was due for a top-up (properties/topUp.ts; core/levels.ts INTERIM_SHARE,
 * LATER_LOOK_SHARE): the interim look on the first batch (`stopped`: it rejected there, nothing more drawn), and the
 * later looks on the pool of the first batches (`looks`, in order; the last one made may have stopped the top-up).
 */
export interface InterimLook {
  /** p-value of the final test on the first batch. */
  p: number;
  level: number;
  stopped: boolean;
  looks?: { draws: number; p: number; level: number; stopped: boolean }[];
}

/** Further batches drawn for an underpowered regime at seeds derived from its own (two-stage, Stein 1945). */
export interface TopUpRecord {
  /** Batches beyond the first. */
  batches: number;
  /** Draws pooled (first batch included). */
  draws: number;
  firstDraws: number;
  /** The derived seeds of the further batches. */
  seeds: number[];
}

export interface StatsUsed {
  test: string;
  /** The check's level α_c: its fixed share of the run's false-failure rate (family-wise across its regimes, Holm); 0 for deterministic checks. */
  alpha: number;
  correction: 'holm' | 'none';
  /** The run-level false-failure rate the shares add up to. */
  runLevel?: number;
  /** The declared deviation the check must detect, with its reason. */
  detect?: string;
  /** Power against it in the worst regime. */
  minPower?: number;
  /** Power, in words. */
  power?: string;
}

export interface Counterexample {
  params: Params;
  path: string;
  seed: number;
  replay: string;
  shrunk: boolean;
  evidence: string;
}

export interface CheckResult {
  checkId: string;
  claimId: string;
  title: string;
  verdict: Verdict;
  summary: string;
  records: RegimeRecord[];
  stats: StatsUsed;
  seed: number;
  replay: string;
  /** How many draws landed in each named region of a phase diagram (eq 13 / eq 17 coverage). */
  coverage?: Record<string, number>;
  counterexample?: Counterexample;
  deviation?: KnownDeviation;
  /** For a reproduced deviation: its measured size with an interval. */
  effect?: DeviationEffect;
  elapsedMs: number;
}

/**
 * A recorded mismatch of the paper: the check is asserted to keep failing. If it stops failing,
 * the verdict becomes `mismatch` (the record is stale) and the gate fails.
 */
export interface KnownDeviation {
  /**
   * 'deviates' (default): the printed statement fails under its own hypotheses, shown by evidence that uses
   * no formula we derived for the same quantity. 'not-reproduced': it fails only under our reading of
   * settings the paper does not print (list them in `assumptions`).
   */
  kind?: 'deviates' | 'not-reproduced';
  title: string;
  /** Why this is the paper's error (or why it is only not reproduced): the derivation or cross-check behind it. */
  explanation: string;
  /** The statement as printed, with its place in the paper. */
  statement?: string;
  /** The hypotheses of the statement that the tested regimes satisfy (checked as predicates). */
  hypotheses?: string;
  /** Which simulation shows it, and which formula it is independent of. */
  evidence?: string;
  /** Where in parameter space it is visible. */
  where?: string;
  /** For 'not-reproduced': each assumption about settings the paper does not print. */
  assumptions?: readonly string[];
  /** Why this record meets the rule for its kind (issue 12 rule 1), or why it was re-classified. */
  classification?: string;
  /** The smallest counterexample found, as a replayable command. */
  counterexample: { params: Params; replay: string };
}

/** The size of a recorded deviation as measured in this run: worst regime's (measured − printed) with a 95% interval. */
export interface DeviationEffect {
  estimate: number;
  low: number;
  high: number;
  /** What the numbers are: the statistic compared, at which parameters. */
  statistic: string;
  params: Params;
}

export interface CheckSpec {
  /** `<claim id>/<check name>`. */
  id: string;
  /** Former ids: replay tokens and deviation records written under them keep resolving. */
  aliases?: readonly string[];
  /** The claim this check tests (the object, not its id). */
  claim?: Claim;
  /** = claim.id. */
  claimId: string;
  /** The simulations whose measurements the check compares with the claim (objects). */
  simulations?: readonly SimSpec[];
  title: string;
  /** Default fast-check draws per budget. */
  runs: Record<Budget, number>;
  deviation?: KnownDeviation;
  run(opts: CheckOptions): Promise<CheckResult>;
}
