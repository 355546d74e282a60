import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Budget, CheckSpec } from '../properties/check.ts';
import { gateSeed } from '../properties/seeds.ts';
import { allChecks, paperIds, paperOf } from '../papers/registry.ts';
import { Progress } from '../reports/progress.ts';
import { defaultWorkers, runReport, type TimingsProfile } from '../reports/run.ts';
import type { Report } from '../reports/types.ts';
import { writeReport } from '../reports/write.ts';

/**
 * `npm run bench -- report [options]`: where the time of a report goes — per check and per figure job,
 * wall vs CPU time, slowest first, with the machine's load (os.loadavg) beside every figure, since on a
 * shared machine a unit's wall time is its CPU time plus its wait for a core.
 *
 *   (default)            --paper kou,uowq --budget quick: 10 checks, ≈ 100 s of CPU — about 1 min on
 *                        2 idle cores, 3.2 min at load 9 (uowq.kkt/optimum-rise and
 *                        uowq.single-source-weight/implied-argmin are 45% of it)
 *   --all                every paper (the whole quick report: ≈ 9 min on 2 cores)
 *   --paper P,Q          these papers        --budget test|quick|full
 *   --jobs N             worker processes (default: the machine's cores, as `ttc report`)
 *   --from DIR           profile the report.json of an earlier `ttc report --out DIR` instead of running
 *   --top N              rows to print (default all)
 *
 * The figures come from the report's own `timings`: a check's wall time is what the check measured
 * (CheckResult.elapsedMs), a figure job's is the parent's wait for it, and the CPU time is
 * process.cpuUsage() around the unit in the process that ran it (TimingsProfile in reports/run.ts).
 * "startup + idle" is the run's wall time not spent in units: loading the papers in each worker, and
 * cores idling at the end while the last unit runs.
 */
export default async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(3),
    options: {
      all: { type: 'boolean' },
      paper: { type: 'string' },
      budget: { type: 'string' },
      jobs: { type: 'string' },
      from: { type: 'string' },
      top: { type: 'string' },
    },
  });
  const top = values.top ? Number(values.top) : Infinity;
  if (values.from) {
    const report = JSON.parse(readFileSync(join(values.from, 'report.json'), 'utf8')) as Report;
    console.log(`profile of ${join(values.from, 'report.json')} (${report.meta.budget}, papers ${report.meta.selection.papers.join(',')})`);
    printProfile(report, top);
    return;
  }
  const budget = (values.budget ?? 'quick') as Budget;
  if (!['test', 'quick', 'full'].includes(budget)) throw new Error(`--budget test|quick|full, got '${budget}'`);
  const papers = values.all ? paperIds() : (values.paper ?? 'kou,uowq').split(',');
  for (const p of papers) if (!paperIds().includes(p)) throw new Error(`unknown paper '${p}' (papers: ${paperIds().join(', ')})`);
  const checks: CheckSpec[] = allChecks().filter((c) => papers.includes(paperOf(c.claimId)?.id ?? ''));
  const workers = values.jobs ? Number(values.jobs) : defaultWorkers();

  console.log(`report of ${papers.join(',')} at budget ${budget}: ${checks.length} checks, ${workers} worker processes`);
  console.log(`machine: ${availableParallelism()} cores available (${cpus()[0]?.model ?? 'unknown cpu'}), load ${fmtLoad(loadavg())} before the run`);
  const report = await runReport({
    checks,
    seed: gateSeed(),
    budget,
    selection: { papers: [...papers].sort(), claims: null },
    workers,
    progress: new Progress(process.stderr, true, Date.now, 'lines', 15_000),
  });
  const dir = mkdtempSync(join(tmpdir(), 'ttc-bench-report-'));
  try {
    await writeReport(report, join(dir, 'out'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  printProfile(report, top);
}

interface Row {
  id: string;
  kind: 'check' | 'figure';
  wallMs: number;
  cpuMs?: number;
  cached: boolean;
}

function printProfile(report: Report, top: number): void {
  const t = report.timings as Report['timings'] & Partial<TimingsProfile>;
  const cpu = t.cpuMs ?? {};
  const cached = new Set(t.cached);
  const rows: Row[] = [
    ...Object.entries(t.checksMs).map(([id, ms]) => ({ id, kind: 'check' as const, wallMs: ms, cpuMs: cpu[id], cached: cached.has(id) })),
    ...Object.entries(t.figureDataMs).map(([id, ms]) => ({ id, kind: 'figure' as const, wallMs: ms, cpuMs: cpu[id], cached: cached.has(id) })),
  ].sort((a, b) => b.wallMs - a.wallMs);
  const procs = t.processes ?? 1;
  const unitWall = rows.reduce((a, r) => a + (r.cached ? 0 : r.wallMs), 0);
  const unitCpu = rows.reduce((a, r) => a + (r.cpuMs ?? 0), 0);
  const load = t.loadavg ? `load ${fmtLoad(t.loadavg.start)} at the start, ${fmtLoad(t.loadavg.end)} at the end` : 'load not recorded';

  console.log(`\n${load}`);
  console.log(`wall ${s(t.totalMs)} in ${procs} process${procs === 1 ? '' : 'es'}${t.renderMs !== undefined ? ` + ${s(t.renderMs)} writing the report` : ''}`);
  console.log(`  units: ${s(unitWall)} wall, ${s(unitCpu)} CPU summed over the processes (CPU/wall ${ratio(unitCpu, unitWall)})`);
  console.log(`  startup + idle: ${s(Math.max(0, t.totalMs * procs - unitWall))} of the ${s(t.totalMs * procs)} the processes were up`);
  const n = rows.filter((r) => r.kind === 'check').length;
  console.log(`  ${n} checks ${s(sum(rows, 'check'))}, ${rows.length - n} figure jobs ${s(sum(rows, 'figure'))} (wall)${cached.size ? `; ${cached.size} from the cache` : ''}`);
  console.log(`\n${'unit'.padEnd(52)} ${'kind'.padEnd(6)} ${'wall'.padStart(8)} ${'CPU'.padStart(8)} ${'CPU/wall'.padStart(8)} ${'share'.padStart(6)}`);
  for (const r of rows.slice(0, top)) {
    const share = unitWall > 0 && !r.cached ? `${((100 * r.wallMs) / unitWall).toFixed(1)}%` : '';
    console.log(
      `${r.id.padEnd(52)} ${r.kind.padEnd(6)} ${s(r.wallMs).padStart(8)} ${(r.cpuMs === undefined ? (r.cached ? 'cached' : '–') : s(r.cpuMs)).padStart(8)} ${ratio(r.cpuMs, r.wallMs).padStart(8)} ${share.padStart(6)}`,
    );
  }
  if (rows.length > top) console.log(`… ${rows.length - top} more`);
}

function sum(rows: Row[], kind: Row['kind']): number {
  return rows.filter((r) => r.kind === kind && !r.cached).reduce((a, r) => a + r.wallMs, 0);
}

function s(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function ratio(cpu: number | undefined, wall: number): string {
  return cpu === undefined || wall <= 0 ? '' : (cpu / wall).toFixed(2);
}

function fmtLoad(l: readonly number[]): string {
  return l.map((x) => x.toFixed(2)).join(' / ');
}
