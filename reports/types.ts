import type { Prediction, Regime, Source } from '../theory/claim.ts';
import type { Params } from '../core/params.ts';
import type { Estimate } from '../core/measurement.ts';
import type { Budget, Counterexample, KnownDeviation, DeviationEffect, InterimLook, StatsUsed, TopUpRecord, Verdict } from '../properties/check.ts';

/**
 * The conformance report (report.json). Everything but `timings` is a deterministic function of the
 * commit, the seed, the budget and the selection: the same inputs give byte-identical JSON once
 * `timings` is removed (see `withoutTimings`). The JSON Schema is reports/schema.json.
 */
export interface Report {
  schemaVersion: 1;
  meta: ReportMeta;
  summary: ReportSummary;
  claims: ClaimEntry[];
  checks: CheckEntry[];
  /** One record per claim × check × regime probed. */
  records: ReportRecord[];
  /** Extra simulations run for the figures (theory-vs-simulation slices, phase grids), by job id. */
  figureData: Record<string, FigureData>;
  /** Wall-clock data: the only part that differs between identical runs. */
  timings: ReportTimings;
}

export interface ReportMeta {
  tool: string;
  packageVersion: string;
  gitSha: string;
  /** Hash of the theory/, sim/ and properties/ sources: the cache key's code version. */
  codeVersion: string;
  node: string;
  tfjsBackend: string;
  seed: number;
  budget: Budget;
  selection: { papers: string[]; claims: string[] | null };
  /** Only on a shard's partial report ("i/N"); a merged or unsharded report has none. */
  shard?: string;
}

export interface ReportSummary {
  checks: number;
  records: number;
  byVerdict: Record<Verdict, number>;
  /** 0 when every check conforms or deviates as recorded, 1 on an unexpected mismatch. */
  exitCode: 0 | 1;
  ok: boolean;
}

export interface ClaimEntry {
  id: string;
  paper: string;
  title: string;
  source: Source | { paper: string; ref: string; statement: string; provenance: string };
  regime: Regime | { kind: string };
  /** Worst verdict over the claim's checks (mismatch > inconclusive > out-of-hypotheses > deviates > conforms). */
  verdict: Verdict;
  checks: string[];
}

export interface CheckEntry {
  checkId: string;
  claimId: string;
  paper: string;
  title: string;
  verdict: Verdict;
  summary: string;
  stats: StatsUsed;
  seed: number;
  budget: Budget;
  runs: number;
  replay: string;
  regimes: number;
  coverage?: Record<string, number>;
  counterexample?: Counterexample;
  deviation?: KnownDeviation;
  /** A reproduced deviation's measured size with its 95% interval. */
  effect?: DeviationEffect;
}

export interface ReportRecord {
  claimId: string;
  checkId: string;
  paper: string;
  source: string;
  regime: string;
  /** Position of the regime among the check's draws (fast-check index). */
  index: number;
  params: Params;
  prediction: Prediction;
  measurement: Estimate;
  /** Set when the runner topped the regime up (further batches at derived seeds, pooled): `measurement` is the pooled estimate. */
  topUp?: TopUpRecord;
  /** Set when a top-up was due: the looks for rejection made on the way (properties/check.ts InterimLook). */
  interim?: InterimLook;
  statistic: string;
  /** The value the measurement was compared with (a sign comparison uses only its sign). */
  target?: number;
  verdict: Verdict;
  ok: boolean;
  stats: {
    test: string;
    alpha: number;
    correction: 'holm' | 'none';
    power?: string;
    runLevel?: number;
    detect?: string;
    minPower?: number;
    /** This regime's power against its declared deviation δ (regimeDetect) at α_c/R. */
    regimePower?: number;
    regimeDetect?: number;
    confirmedP?: number;
    pValue?: number;
    adjustedP?: number;
    minDetectable?: number;
    tolerance?: { rel: number; abs: number };
  };
  seed: number;
  path: string;
  replay: string;
  note?: string;
}

export interface FigureData {
  paper: string;
  title: string;
  /** How the points were simulated (simulation id, sizes, draws, seeds). */
  method: string;
  points: FigurePoint[];
}

export interface FigurePoint {
  /** Which series / panel the point belongs to. */
  series: string;
  params: Record<string, number>;
  mean: number;
  stderr: number;
  draws: number;
  seed: number;
}

export interface ReportTimings {
  startedAt: string;
  finishedAt: string;
  totalMs: number;
  checksMs: Record<string, number>;
  figureDataMs: Record<string, number>;
  renderMs?: number;
  /** Which results came from the resume cache, and which shard directories were merged. */
  cached: string[];
  mergedFrom?: string[];
  /** Worker processes the run was spread over (`--jobs`). */
  processes?: number;
}
