/**
 * Writes reports/unitCosts.ts — the CPU seconds per unit that order a report's dispatch (reports/unitOrder.ts) — from
 * the report.json of idle runs on the reference machine (2 cores):
 *   npx tsx scripts/unit-costs.ts --from /path/to/quick-report --from /path/to/full-report
 * Each report contributes its budget (report.meta.budget); budgets not given keep their committed entries.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UNIT_CPU_SECONDS } from '../reports/unitCosts.ts';

const dirs: string[] = [];
for (let i = 2; i < process.argv.length; i++) if (process.argv[i] === '--from') dirs.push(process.argv[++i]!);
if (dirs.length === 0) {
  console.error('usage: npx tsx scripts/unit-costs.ts --from REPORT_DIR [--from REPORT_DIR]');
  process.exit(2);
}
const table: Record<string, Record<string, number>> = Object.fromEntries(Object.entries(UNIT_CPU_SECONDS).filter((e): e is [string, Record<string, number>] => e[1] !== undefined));
const from: string[] = [];
for (const d of dirs) {
  const r = JSON.parse(readFileSync(join(resolve(d), 'report.json'), 'utf8')) as { meta: { budget: string; gitSha?: string }; timings: { cpuMs: Record<string, number> } };
  const costs: Record<string, number> = {};
  for (const id of Object.keys(r.timings.cpuMs).sort()) costs[id] = Math.round(r.timings.cpuMs[id]!) / 1000;
  table[r.meta.budget] = costs;
  from.push(`${r.meta.budget} at ${r.meta.gitSha?.slice(0, 7) ?? '?'}`);
}
const body = Object.entries(table)
  .map(([b, c]) => `  ${b}: {\n${Object.entries(c).map(([id, s]) => `    '${id}': ${s},`).join('\n')}\n  },`)
  .join('\n');
const out = `/**
 * CPU seconds per report unit on the idle 2-core reference machine (${from.join(', ')}), written by
 * scripts/unit-costs.ts. Used only to order the dispatch (reports/unitOrder.ts: longest first); a stale or missing
 * entry costs time, never changes a result.
 */
export const UNIT_CPU_SECONDS: Partial<Record<string, Record<string, number>>> = {
${body}
};
`;
writeFileSync(resolve(import.meta.dirname, '../reports/unitCosts.ts'), out);
console.log(`reports/unitCosts.ts: ${from.join(', ')}`);
