import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench -- startup`: how long `ttc --help` takes to start, median of 5 runs, for the built
 * package (dist/cli/bin.js, what `npx ttc` runs; target < 0.5 s) and for the sources through tsx
 * (cli/bin.js). Before the build, every start went through tsx and loaded all papers (tfjs among
 * them): `ttc --help` took 1.1–1.9 s, median 1.40 s (5 runs, load ≈ 2.5 on 2 cores); after, the built
 * package answers --help from help.js alone: median 0.10 s on the same machine at a similar load.
 * `node -e 0` is timed alongside: on a loaded machine Node's own start is most of the first figure.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(label: string, args: string[], env: Record<string, string> = {}): number {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
    ms.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`${label}: exit ${r.status}\n${r.stderr}`);
  }
  const m = median(ms);
  console.log(`${label.padEnd(44)} median ${(m / 1000).toFixed(3)} s   runs: ${ms.map((x) => (x / 1000).toFixed(2)).join(' ')}`);
  return m;
}

export default async function main(): Promise<void> {
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
    console.log('dist/ missing: npm run build');
    const b = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('npm run build failed');
  }
  time('node -e 0 (Node itself)', ['-e', '0']);
  // TTC_FROM=dist: time the build even when sources are newer (the launcher would fall back to tsx).
  const built = time('node dist/cli/bin.js --help (built package)', ['dist/cli/bin.js', '--help'], { TTC_FROM: 'dist' });
  time('node cli/bin.js --help (sources via tsx)', ['cli/bin.js', '--help']);
  console.log(`target: ttc --help < 0.5 s from the built package — ${built < 500 ? 'met' : 'NOT met'}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
