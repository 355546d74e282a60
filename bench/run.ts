import { readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench`: runs every bench/*.bench.ts (each exports a default async function that prints
 * its own figures). `npm run bench -- fate` runs only files whose name contains "fate".
 * Speed targets live here, never in timed unit tests.
 */
const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();
// On a shared machine a time is its CPU time plus its wait for a core: every printed line that carries a time
// (…ms, … s) gets the 1-minute load average beside it unless the bench printed a load itself.
const log = console.log.bind(console);
const timed = /\d(\.\d+)?\s?(ms|s|µs|min)\b/;
console.log = (...args: unknown[]) => {
  const line = args.map(String).join(' ');
  log(timed.test(line) && !/load/.test(line) ? `${line}   [load ${loadavg()[0]!.toFixed(2)}]` : line);
};
for (const f of files) {
  const l0 = loadavg().map((x) => x.toFixed(2)).join(' / ');
  log(`\n=== ${f} === (${availableParallelism()} cores, load ${l0} at the start)`);
  const mod = (await import(join(here, f))) as { default: () => Promise<void> };
  await mod.default();
  log(`--- ${f}: load ${loadavg().map((x) => x.toFixed(2)).join(' / ')} at the end`);
}
