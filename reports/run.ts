import { availableParallelism, loadavg } from 'node:os';
import type { Budget, CheckResult, CheckSpec, Verdict } from '../properties/check.ts';
import { allChecks, builtinPapersOn, loadedPaperModules } from '../papers/registry.ts';
import { allClaims } from '../papers/registry.ts';
import { selectShard, selectShardByClaim } from './shard.ts';
import { replayCommand } from '../properties/replay.ts';
import { ResultCache } from './cache.ts';
import { codeVersion, gitSha, packageVersion, tfjsBackend } from './meta.ts';
import type { CheckEntry, ClaimEntry, FigureData, Report, ReportMeta, ReportRecord, ReportSummary, ReportTimings } from './types.ts';
import type { FigureJob } from './figures/types.ts';
import { paperFigureModules } from './figures/index.ts';
import { Progress } from './progress.ts';
import { cpuMsSince, Interrupted, STOP_SIGNALS, WorkerPool } from './pool.ts';
import { expectedCosts, longestFirst, saveUnitCosts, unitCosts } from './unitOrder.ts';

export const VERDICTS: Verdict[] = ['conforms', 'deviates', 'not-reproduced', 'mismatch', 'inconclusive', 'out-of-hypotheses'];
/** Severity for a claim's overall verdict: the worst of its checks. */
const SEVERITY: Record<Verdict, number> = { conforms: 0, 'not-reproduced': 1, deviates: 2, 'out-of-hypotheses': 3, inconclusive: 4, mismatch: 5 };

export interface RunOptions {
  checks: readonly CheckSpec[];
  seed: number;
  budget: Budget;
  /** The selection as given (recorded in the metadata). */
  selection: { papers: string[]; claims: string[] | null };
  /** "i/N": run only this shard's checks and figure jobs. */
  shard?: string;
  /** Run the papers' figure simulations (default true). */
  figures?: boolean;
  /** Reuse finished units from the cache. */
  resume?: boolean;
  cacheDir?: string;
  progress?: Progress;
  /**
   * Run units in this many worker processes (default 1 = in this process, the only way to run checks
   * that are not registered, e.g. test fixtures). `ttc report` asks for `defaultWorkers()`. Never more
   * processes than units.
   */
  workers?: number;
  /** Test hook: called after each finished unit (used to simulate an interrupted run). */
  afterUnit?: (id: string) => void | Promise<void>;
}

function paperOf(claimId: string): string {
  return allClaims().find((c) => c.id === claimId)?.paper ?? claimId.split('.')[0]!;
}

/** Figure jobs of the papers present in a selection (sorted by id). */
export async function figureJobsFor(papers: readonly string[]): Promise<FigureJob[]> {
  const mods = await paperFigureModules();
  return mods
    .filter((m) => papers.includes(m.paper))
    .flatMap((m) => m.jobs)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Registry order of checks (unknown ones, e.g. test fixtures, after, by id). */
export function checkOrder(a: string, b: string): number {
  const ids = allChecks().map((c) => c.id);
  const ia = ids.indexOf(a);
  const ib = ids.indexOf(b);
  const ka = ia < 0 ? Infinity : ia;
  const kb = ib < 0 ? Infinity : ib;
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One worker process per core the machine offers this process (the checks are single-threaded). */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** Worker processes for `units` units: as requested (default 1), at most one per unit. */
export function reportWorkers(requested: number | undefined, units: number): number {
  return Math.max(1, Math.min(requested ?? 1, units));
}

/**
 * Per-unit CPU time and the machine's load, beside the wall times of ReportTimings (a unit's CPU time
 * well below its wall time means it waited for a core: the load, not the code).
 */
export interface TimingsProfile {
  /** User + system CPU ms each unit computed for (in its worker, or in this process); cached units have none. */
  cpuMs: Record<string, number>;
  /** os.loadavg() (1, 5, 15 min) when the run started and when it ended. */
  loadavg: { start: number[]; end: number[] };
}

/**
 * Runs the selected checks (and figure simulations) and assembles the report (not yet written).
 * With worker processes, SIGINT, SIGTERM and SIGHUP end the workers at once, say on stderr how many
 * finished units the cache holds for `--resume`, and end this process with the same signal.
 */
export async function runReport(opts: RunOptions): Promise<Report> {
  const started = new Date();
  const t0 = Date.now();
  const version = codeVersion();
  // Read the commit now: a long run must name the code it started with, not a commit made while it ran.
  gitSha();
  const cache = opts.cacheDir ? new ResultCache(opts.cacheDir) : undefined;
  const papers = [...new Set(opts.checks.map((c) => paperOf(c.claimId)))];
  let checks = [...opts.checks];
  let jobs = opts.figures === false ? [] : await figureJobsFor(papers);
  if (opts.shard) {
    checks = selectShardByClaim(checks, opts.shard);
    jobs = selectShard(jobs, opts.shard);
  }
  const progress = opts.progress;
  const costs = unitCosts(opts.budget, opts.cacheDir);
  const sized = [...checks.map((c) => ({ id: c.id, runs: c.runs[opts.budget], kind: 'check' as const })), ...jobs.map((j) => ({ id: j.id, runs: 1, kind: 'figure' as const }))];
  // The ETA weighs each unit by its expected CPU seconds (reports/unitOrder.ts); without any known cost, by its runs
  // (a figure job as one run): runs were a poor proxy — the full budget's scaling fit is 3 runs and 9 minutes.
  const expected = expectedCosts(sized, costs);
  progress?.start(sized.map((u) => ({ id: u.id, weight: expected ? expected(u) : u.runs, kind: u.kind })));
  const load0 = loadavg();

  const checksMs: Record<string, number> = {};
  const figureDataMs: Record<string, number> = {};
  const cpuMs: Record<string, number> = {};
  const cached: string[] = [];
  let stored = 0;
  const checkOut = new Map<string, CheckResult>();
  const figureData: Record<string, FigureData> = {};
  const nWorkers = reportWorkers(opts.workers, checks.length + jobs.length);
  const pool = nWorkers > 1 ? new WorkerPool(nWorkers, { builtin: builtinPapersOn(), modules: loadedPaperModules() }) : undefined;
  /** Runs a unit in a worker, or here; with the CPU time it took. */
  const timed = async <T>(kind: 'check' | 'figure', id: string, here: () => Promise<T>): Promise<{ value: T; cpuMs: number }> => {
    if (pool) return pool.runTimed<T>({ kind, id, seed: opts.seed, budget: opts.budget });
    const c0 = process.cpuUsage();
    const value = await here();
    return { value, cpuMs: cpuMsSince(c0) };
  };

  const runCheck = async (spec: CheckSpec): Promise<void> => {
    const key = ResultCache.key({ kind: 'check', id: spec.id, claim: spec.claimId, runs: spec.runs[opts.budget], budget: opts.budget, seed: opts.seed, code: version });
    progress?.begin(spec.id);
    let r = opts.resume ? cache?.get<CheckResult>(key) : undefined;
    if (r) cached.push(spec.id);
    else {
      try {
        const t = await timed('check', spec.id, () => spec.run({ seed: opts.seed, budget: opts.budget }));
        r = t.value;
        cpuMs[spec.id] = t.cpuMs;
        cache?.set(key, r);
        stored++;
      } catch (e) {
        // An interrupted check has no result; one that crashes is reported (as a mismatch: the run
        // must fail), not allowed to sink the report.
        if (e instanceof Interrupted) throw e;
        r = crashed(spec, e, opts);
      }
    }
    checkOut.set(spec.id, r);
    checksMs[spec.id] = r.elapsedMs;
    progress?.end(spec.id, r.records.length, r.verdict, cached.includes(spec.id));
    await opts.afterUnit?.(spec.id);
  };
  const runJob = async (job: FigureJob): Promise<void> => {
    const key = ResultCache.key({ kind: 'figure', id: job.id, budget: opts.budget, seed: opts.seed, code: version });
    progress?.begin(job.id);
    const j0 = Date.now();
    const volatile = typeof job.volatile === 'function' ? job.volatile(opts.budget) : job.volatile === true;
    let d = opts.resume && !volatile ? cache?.get<FigureData>(key) : undefined;
    if (d) cached.push(job.id);
    else {
      const t = await timed('figure', job.id, () => job.run({ seed: opts.seed, budget: opts.budget }));
      d = t.value;
      cpuMs[job.id] = t.cpuMs;
      cache?.set(key, d);
      stored++;
    }
    figureData[job.id] = d;
    figureDataMs[job.id] = Date.now() - j0;
    progress?.end(job.id, d.points.length, undefined, cached.includes(job.id));
    await opts.afterUnit?.(job.id);
  };
  const listed = [...checks.map((c) => ({ id: c.id, runs: c.runs[opts.budget], run: () => runCheck(c) })), ...jobs.map((j) => ({ id: j.id, runs: 1, run: () => runJob(j) }))];
  // Several processes: the longest units first, so that none starts last and leaves the other cores idle.
  const units: (() => Promise<void>)[] = (pool ? longestFirst(listed, costs) : listed).map((u) => u.run);
  if (pool) {
    // Dynamic dispatch: each worker process takes the next unit when it is free. Results do not depend
    // on which process ran a unit (each is a function of its id, seed and budget).
    let stopping: Promise<never> | undefined;
    const stop = (signal: NodeJS.Signals): Promise<never> =>
      (stopping ??= (async () => {
        progress?.stop();
        await pool.terminate(signal);
        const where = cache ? ` ${stored + cached.length} finished unit${stored + cached.length === 1 ? ' is' : 's are'} in the cache (${cache.dir}); run the same command with --resume to continue.` : '';
        process.stderr.write(`\nttc report: interrupted by ${signal}.${where}\n`);
        // End as the signal would have: the shell and CI see the usual status (130 for SIGINT).
        for (const s of STOP_SIGNALS) process.removeListener(s, onSignal);
        process.kill(process.pid, signal);
        return new Promise<never>(() => {});
      })());
    const onSignal = (signal: NodeJS.Signals): void => void stop(signal);
    for (const s of STOP_SIGNALS) process.on(s, onSignal);
    try {
      let next = 0;
      await Promise.all(
        Array.from({ length: pool.size }, async () => {
          while (next < units.length && !stopping) await units[next++]!();
        }),
      );
    } catch (e) {
      // A worker ended by a stop signal sent to the process group may be noticed before our own handler runs.
      if (e instanceof Interrupted) await stop(e.signal);
      throw e;
    } finally {
      if (!stopping) {
        for (const s of STOP_SIGNALS) process.removeListener(s, onSignal);
        pool.close();
      }
    }
  } else for (const u of units) await u();
  const results = checks.map((c) => checkOut.get(c.id)!);
  cached.sort();
  if (opts.cacheDir) saveUnitCosts(opts.cacheDir, opts.budget, cpuMs);
  progress?.done();

  const meta: ReportMeta = {
    tool: 'transfer-theory-checker',
    packageVersion: packageVersion(),
    gitSha: gitSha(),
    codeVersion: version,
    node: process.version,
    tfjsBackend: await tfjsBackend(),
    seed: opts.seed,
    budget: opts.budget,
    selection: opts.selection,
    shard: opts.shard,
  };
  const report = assemble(meta, results.map((r) => ({ result: r, spec: opts.checks.find((c) => c.id === r.checkId) })), figureData, opts.budget);
  const timings: ReportTimings & TimingsProfile = {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    totalMs: Date.now() - t0,
    checksMs,
    figureDataMs,
    cpuMs,
    cached,
    processes: pool?.size ?? 1,
    loadavg: { start: load0, end: loadavg() },
  };
  report.timings = timings;
  return report;
}

function crashed(spec: CheckSpec, e: unknown, opts: RunOptions): CheckResult {
  const msg = (e as Error)?.message?.split('\n')[0] ?? String(e);
  return {
    checkId: spec.id,
    claimId: spec.claimId,
    title: spec.title,
    verdict: 'mismatch',
    summary: `the check failed to run: ${msg}`,
    records: [],
    stats: { test: 'none (the check did not complete)', alpha: 0, correction: 'none' },
    seed: opts.seed,
    replay: replayCommand({ checkId: spec.id, seed: opts.seed, budget: opts.budget }),
    deviation: spec.deviation,
    elapsedMs: 0,
  };
}

function recordVerdict(check: CheckResult, ok: boolean): Verdict {
  if (!ok) return check.deviation ? (check.deviation.kind === 'not-reproduced' ? 'not-reproduced' : 'deviates') : 'mismatch';
  if (check.verdict === 'inconclusive' || check.verdict === 'mismatch') return check.verdict;
  return 'conforms';
}

function regimeText(claimId: string): string {
  const c = allClaims().find((x) => x.id === claimId);
  if (!c) return 'unregistered claim';
  const r = c.regime;
  return r.kind === 'asymptotic' ? `asymptotic (${r.limit})` : r.kind === 'bound' ? `bound (unknown constants: ${r.constants.join(', ')})` : 'exact at finite size';
}

export function checkEntry(r: CheckResult, budget: Budget, runs: number): CheckEntry {
  return {
    checkId: r.checkId,
    claimId: r.claimId,
    paper: paperOf(r.claimId),
    title: r.title,
    verdict: r.verdict,
    summary: r.summary,
    stats: r.stats,
    seed: r.seed,
    budget,
    runs,
    replay: r.replay,
    regimes: r.records.length,
    coverage: r.coverage,
    counterexample: r.counterexample,
    deviation: r.deviation,
    effect: r.effect,
  };
}

export function recordsOf(r: CheckResult): ReportRecord[] {
  const claim = allClaims().find((c) => c.id === r.claimId);
  return r.records.map((rec) => ({
    claimId: r.claimId,
    checkId: r.checkId,
    paper: paperOf(r.claimId),
    source: claim ? claim.source.ref : 'unregistered claim',
    regime: regimeText(r.claimId),
    index: Number(rec.path.split(':')[0]),
    params: rec.params,
    prediction: rec.prediction,
    measurement: rec.measurement,
    ...(rec.topUp ? { topUp: rec.topUp } : {}),
    ...(rec.interim ? { interim: rec.interim } : {}),
    statistic: rec.statistic,
    target: rec.target,
    verdict: recordVerdict(r, rec.ok),
    ok: rec.ok,
    stats: {
      test: r.stats.test,
      alpha: r.stats.alpha,
      correction: r.stats.correction,
      power: r.stats.power,
      runLevel: r.stats.runLevel,
      detect: r.stats.detect,
      minPower: r.stats.minPower,
      regimePower: rec.power,
      regimeDetect: rec.detect,
      confirmedP: rec.confirmedP,
      pValue: rec.pValue,
      adjustedP: rec.adjustedP,
      minDetectable: rec.minDetectable,
      tolerance: rec.tolerance,
    },
    seed: rec.seed,
    path: rec.path,
    replay: rec.replay,
    note: rec.note,
  }));
}

function assemble(meta: ReportMeta, items: { result: CheckResult; spec?: CheckSpec }[], figureData: Record<string, FigureData>, budget: Budget): Report {
  const checks = items.map(({ result, spec }) => ({ entry: checkEntry(result, budget, spec?.runs[budget] ?? result.records.length), records: recordsOf(result) }));
  return finalize({ schemaVersion: 1, meta, summary: emptySummary(), claims: [], checks: checks.map((c) => c.entry), records: checks.flatMap((c) => c.records), figureData, timings: { startedAt: '', finishedAt: '', totalMs: 0, checksMs: {}, figureDataMs: {}, cached: [] } });
}

function emptySummary(): ReportSummary {
  return { checks: 0, records: 0, byVerdict: Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>, exitCode: 0, ok: true };
}

/** Sorts checks and records deterministically and recomputes the claims table and the summary. */
export function finalize(report: Report): Report {
  report.checks.sort((a, b) => checkOrder(a.checkId, b.checkId));
  report.records.sort((a, b) => checkOrder(a.checkId, b.checkId) || a.index - b.index || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const claimIds = [...new Set(report.checks.map((c) => c.claimId))];
  const order = allClaims().map((c) => c.id);
  claimIds.sort((a, b) => {
    const ia = order.indexOf(a) < 0 ? Infinity : order.indexOf(a);
    const ib = order.indexOf(b) < 0 ? Infinity : order.indexOf(b);
    return ia !== ib ? (ia < ib ? -1 : 1) : a < b ? -1 : a > b ? 1 : 0;
  });
  report.claims = claimIds.map((id): ClaimEntry => {
    const c = allClaims().find((x) => x.id === id);
    const mine = report.checks.filter((k) => k.claimId === id);
    const verdict = mine.map((k) => k.verdict).reduce((w, v) => (SEVERITY[v] > SEVERITY[w] ? v : w), 'conforms' as Verdict);
    return {
      id,
      paper: c?.paper ?? id.split('.')[0]!,
      title: c?.title ?? id,
      source: c?.source ?? { paper: id.split('.')[0]!, ref: 'unregistered claim', statement: '', provenance: 'fixture' },
      regime: c?.regime ?? { kind: 'unregistered' },
      verdict,
      checks: mine.map((k) => k.checkId),
    };
  });
  const s = emptySummary();
  s.checks = report.checks.length;
  s.records = report.records.length;
  for (const k of report.checks) s.byVerdict[k.verdict]++;
  s.exitCode = s.byVerdict.mismatch > 0 ? 1 : 0;
  s.ok = s.exitCode === 0;
  report.summary = s;
  const fd: Record<string, FigureData> = {};
  for (const k of Object.keys(report.figureData).sort()) fd[k] = report.figureData[k]!;
  report.figureData = fd;
  return report;
}
