import { readdirSync } from 'node:fs';
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
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const mod = (await import(join(here, f))) as { default: () => Promise<void> };
  await mod.default();
}
