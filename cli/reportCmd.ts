import { join, resolve } from 'node:path';
import type { Budget } from '../properties/check.ts';
import { gateSeed } from '../properties/seeds.ts';
import { InputError } from '../core/params.ts';
import { paperIds } from '../papers/registry.ts';
import { mergeReports, readReport } from '../reports/merge.ts';
import { gitSha, ROOT } from '../reports/meta.ts';
import { Progress } from '../reports/progress.ts';
import { defaultWorkers, runReport } from '../reports/run.ts';
import type { Report } from '../reports/types.ts';
import { checkOutDir, writeReport } from '../reports/write.ts';
import { choice, intOpt, seedOpt, type ParsedArgs } from './args.ts';
import { table, WIDTH } from './format.ts';
import { selectChecks } from './select.ts';
import { parseShard } from '../reports/shard.ts';

/**
 * `ttc report`: runs the selected checks and the papers' figure simulations and writes report.json,
 * index.html, report.md (+ figures/*.svg) and junit.xml into --out, atomically. `--merge DIR…` writes
 * the report of shard outputs instead of running anything. Exit 0 when everything conforms or deviates
 * as recorded, 1 on an unexpected mismatch, 2 on bad usage.
 */
export async function reportCmd(args: ParsedArgs): Promise<number> {
  // Unknown options were refused by the parser (cli/args.ts lists the options of each command).
  const budget: Budget = choice('budget', args.values.budget, ['quick', 'full', 'test'] as const, 'quick');
  const seed = seedOpt(args.values.seed, gateSeed());
  const json = args.flags.has('json');
  const out = resolve(args.values.out ?? defaultOut());
  checkOutDir(out);
  let report: Report;

  if (args.values.merge !== undefined) {
    // `--merge A B C` parses as merge=A with B, C positional; `--merge A --merge B` as merge="A,B".
    const dirs = [...args.values.merge.split(','), ...args.positional].filter(Boolean);
    if (args.values.shard) throw new InputError('--merge and --shard do not go together');
    report = mergeReports(dirs.map((dir) => ({ dir, report: readReport(dir) })));
  } else {
    if (args.positional.length) throw new InputError(`ttc report takes no positional arguments (got '${args.positional[0]}'); see ttc report --help`);
    if (args.values.shard) parseShard(args.values.shard);
    const checks = selectChecks({ ...args, values: { ...args.values, shard: '' } });
    if (checks.length === 0) throw new InputError('no checks match the selection');
    const papers = args.values.paper ? [...new Set(args.values.paper.split(','))].sort() : paperIds();
    const claims = args.values.claim ? [...new Set(args.values.claim.split(','))].sort() : null;
    const jobs = intOpt('jobs', args.values.jobs, defaultWorkers(), 1);
    report = await runReport({
      checks,
      seed,
      budget,
      selection: { papers, claims },
      shard: args.values.shard || undefined,
      resume: args.flags.has('resume'),
      cacheDir: resolve(args.values.cache ?? join(ROOT, '.ttc-cache', 'report')),
      progress: json ? undefined : Progress.forStderr(args.flags.has('quiet')),
      workers: jobs,
    });
  }

  const files = await writeReport(report, out);
  const s = report.summary;
  if (json) {
    console.log(JSON.stringify({ out, files, summary: s, meta: report.meta }, null, 2));
  } else {
    console.log(
      table(
        ['check', 'verdict', 'regimes', 'summary'],
        report.checks.map((k) => [k.checkId, k.verdict, String(k.regimes), k.summary]),
        args.flags.has('wide') ? Infinity : WIDTH,
        [0, 1, 2],
      ),
    );
    console.log(
      `\n${s.checks} checks: ${s.byVerdict.conforms} conform, ${s.byVerdict.deviates} deviate (errors of the papers), ${s.byVerdict['not-reproduced']} not reproduced (our reading), ${s.byVerdict.mismatch} mismatch, ${s.byVerdict.inconclusive} inconclusive, ${s.byVerdict['out-of-hypotheses']} out of hypotheses` +
        `${report.meta.shard ? ` (shard ${report.meta.shard})` : ''}`,
    );
    console.log(`${s.ok ? 'OK' : 'FAIL'} (seed ${report.meta.seed}, budget ${report.meta.budget}, ${(report.timings.totalMs / 1000).toFixed(1)} s)`);
    console.log(`report: ${join(out, 'index.html')}\n        ${join(out, 'report.md')}\n        ${join(out, 'report.json')}\n        ${join(out, 'junit.xml')}`);
  }
  return s.exitCode;
}

function defaultOut(): string {
  const date = new Date().toISOString().slice(0, 10);
  const sha = gitSha();
  return join('reports', 'out', `${date}-${sha === 'unknown' ? 'nogit' : sha.slice(0, 10)}`);
}
