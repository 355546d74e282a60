import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Budget } from '../properties/check.ts';
import { ResultCache } from './cache.ts';
import { UNIT_CPU_SECONDS } from './unitCosts.ts';

/**
 * The order in which a report hands its units (checks and figure jobs) to the worker processes: longest first
 * (Graham's LPT rule), so that no long unit starts last and leaves the other cores idle at the end — the full report
 * of 0413e39 ran 137 s on one core at its end because the figure jobs, three of them minutes long, were dispatched
 * after every check. Results do not depend on the order (each unit is a function of its id, seed and budget).
 *
 * Costs are CPU seconds per unit: those of this machine's previous run of the same budget when the cache holds them
 * (`costs-<budget>.json`, written after every run), else the committed table in unitCosts.ts (measured on the idle
 * 2-core reference machine; refresh it with `npx tsx scripts/unit-costs.ts --from DIR`). A unit neither knows —
 * a user's own paper, a new check — is estimated from its configured runs at the median cost per run of the known
 * units, or, with no known unit at all, the given order is kept.
 */
export interface OrderUnit {
  id: string;
  /** Configured runs at this budget (figure jobs: 1). */
  runs: number;
}

/** Each unit's expected CPU seconds (see above); undefined when no unit's cost is known. */
export function expectedCosts(units: readonly OrderUnit[], costs: Readonly<Record<string, number>>): ((u: OrderUnit) => number) | undefined {
  const known = units.filter((u) => costs[u.id] !== undefined && Number.isFinite(costs[u.id]));
  if (known.length === 0) return undefined;
  const perRun = known.map((u) => costs[u.id]! / Math.max(1, u.runs)).sort((a, b) => a - b);
  const median = perRun[Math.floor(perRun.length / 2)]!;
  return (u) => costs[u.id] ?? median * Math.max(1, u.runs);
}

export function longestFirst<U extends OrderUnit>(units: readonly U[], costs: Readonly<Record<string, number>>): U[] {
  const est = expectedCosts(units, costs);
  if (!est) return [...units];
  return units
    .map((u, i) => ({ u, i, c: est(u) }))
    .sort((a, b) => b.c - a.c || a.i - b.i)
    .map((x) => x.u);
}

const costFile = (dir: string, budget: Budget) => join(dir, `costs-${budget}.json`);

/** Committed costs of a budget, overlaid with the previous run's on this machine (if the cache has them). */
export function unitCosts(budget: Budget, cacheDir?: string): Record<string, number> {
  const out: Record<string, number> = { ...(UNIT_CPU_SECONDS[budget] ?? {}) };
  if (cacheDir) {
    try {
      const prev = JSON.parse(readFileSync(costFile(cacheDir, budget), 'utf8')) as Record<string, unknown>;
      for (const [id, s] of Object.entries(prev)) if (typeof s === 'number' && Number.isFinite(s) && s >= 0) out[id] = s;
    } catch {
      // No previous run here (or an unreadable file): the committed table serves.
    }
  }
  return out;
}

/** Records the CPU seconds of the units this run computed (cached units took none and keep their old cost). */
export function saveUnitCosts(cacheDir: string, budget: Budget, cpuMs: Readonly<Record<string, number>>): void {
  let prev: Record<string, number> = {};
  try {
    prev = JSON.parse(readFileSync(costFile(cacheDir, budget), 'utf8')) as Record<string, number>;
  } catch {
    // first run in this cache
  }
  const next = { ...prev };
  for (const [id, ms] of Object.entries(cpuMs)) if (Number.isFinite(ms)) next[id] = Math.round(ms) / 1000;
  new ResultCache(cacheDir).setFile(`costs-${budget}.json`, next);
}
