import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/params.ts';
import { finalize } from './run.ts';
import type { Report } from './types.ts';

/**
 * Merges shard reports (`ttc report --shard i/N --out DIR_i`) into one. The shards must come from the
 * same code, seed, budget and selection; every check and figure job must appear once. The result
 * equals the unsharded report apart from `timings` (which records the merged directories).
 */
export function readReport(dir: string): Report {
  let text: string;
  try {
    text = readFileSync(join(dir, 'report.json'), 'utf8');
  } catch {
    throw new InputError(`--merge: no report.json in ${dir}`);
  }
  try {
    return JSON.parse(text) as Report;
  } catch {
    throw new InputError(`--merge: ${dir}/report.json is not valid JSON`);
  }
}

export function mergeReports(parts: { dir: string; report: Report }[]): Report {
  if (parts.length === 0) throw new InputError('--merge needs at least one shard directory');
  const first = parts[0]!.report;
  const same = (k: 'codeVersion' | 'seed' | 'budget' | 'gitSha' | 'packageVersion') => {
    for (const p of parts) if (p.report.meta[k] !== first.meta[k]) throw new InputError(`--merge: ${p.dir} has ${k} ${String(p.report.meta[k])}, ${parts[0]!.dir} has ${String(first.meta[k])}; shards must come from one commit, seed and budget`);
  };
  (['codeVersion', 'seed', 'budget', 'gitSha', 'packageVersion'] as const).forEach(same);
  for (const p of parts)
    if (JSON.stringify(p.report.meta.selection) !== JSON.stringify(first.meta.selection)) throw new InputError(`--merge: ${p.dir} was run with a different --paper/--claim selection`);
  const shards = parts.map((p) => p.report.meta.shard);
  const counts = new Set(shards.map((s) => (s ? s.split('/')[1] : 'all')));
  if (counts.size > 1) throw new InputError(`--merge: shards of different splits (${shards.join(', ')})`);
  const seen = new Set<string>();
  for (const s of shards) {
    if (s && seen.has(s)) throw new InputError(`--merge: shard ${s} given twice`);
    if (s) seen.add(s);
  }
  const n = shards[0] ? Number(shards[0].split('/')[1]) : 1;
  if (shards[0] && seen.size !== n) {
    const missing = Array.from({ length: n }, (_, i) => `${i + 1}/${n}`).filter((s) => !seen.has(s));
    throw new InputError(`--merge: missing shard(s) ${missing.join(', ')}`);
  }
  const checks = parts.flatMap((p) => p.report.checks);
  const ids = new Set<string>();
  for (const c of checks) {
    if (ids.has(c.checkId)) throw new InputError(`--merge: check ${c.checkId} appears in more than one shard`);
    ids.add(c.checkId);
  }
  const { shard: _s, ...meta } = first.meta;
  void _s;
  const merged: Report = {
    schemaVersion: 1,
    meta,
    summary: first.summary,
    claims: [],
    checks,
    records: parts.flatMap((p) => p.report.records),
    figureData: Object.assign({}, ...parts.map((p) => p.report.figureData)),
    timings: {
      startedAt: parts.map((p) => p.report.timings.startedAt).sort()[0]!,
      finishedAt: parts.map((p) => p.report.timings.finishedAt).sort().at(-1)!,
      totalMs: Math.max(...parts.map((p) => p.report.timings.totalMs)),
      checksMs: Object.assign({}, ...parts.map((p) => p.report.timings.checksMs)),
      figureDataMs: Object.assign({}, ...parts.map((p) => p.report.timings.figureDataMs)),
      cached: parts.flatMap((p) => p.report.timings.cached),
      mergedFrom: parts.map((p) => p.dir),
      // Per-unit CPU time (reports/run.ts TimingsProfile), where the shards recorded it.
      ...{ cpuMs: Object.assign({}, ...parts.map((p) => (p.report.timings as { cpuMs?: Record<string, number> }).cpuMs ?? {})) as Record<string, number> },
    },
  };
  return finalize(merged);
}
