import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/**
 * The package root: the nearest directory above this module that holds a package.json — the clone when
 * running from the sources (reports/meta.ts), node_modules/transfer-theory-checker when installed
 * (dist/reports/meta.js). Where the package's own files are: its version, its git checkout.
 */
export const PACKAGE_ROOT = nearestPackageRoot(HERE);

/**
 * The root of the code the results depend on: the folder holding core/, theory/, sim/, … — the clone's
 * root for the sources, dist/ for the built package (so an installed package hashes the code it runs).
 */
const CODE_ROOT = dirname(HERE);

/**
 * The project root outputs are written under: the report cache (.ttc-cache/), reports/out/ and the
 * reproduction files — the working directory, i.e. the user's project (or this clone when run from it),
 * never the installed package under node_modules.
 */
export const ROOT = process.cwd();

function nearestPackageRoot(from: string): string {
  for (let dir = from; ; ) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) return dirname(from);
    dir = up;
  }
}

export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

let sha: string | undefined;
/**
 * `git rev-parse HEAD` of the working directory's checkout (the project whose papers are run; this clone
 * when run from it), or 'unknown' outside a git work tree.
 */
export function gitSha(): string {
  if (sha === undefined) {
    try {
      sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || 'unknown';
    } catch {
      sha = 'unknown';
    }
  }
  return sha;
}

const userModules: string[] = [];
/** A user's paper module (or config) was loaded from `path`: its folder's files join the code version. */
export function addUserCode(path: string): void {
  if (!userModules.includes(path)) userModules.push(path);
  code = undefined;
}

let code: string | undefined;
/**
 * The code version the results depend on: a hash over the sources of core/, theory/, sim/, properties/,
 * papers/ (claims, simulations, checks and figure jobs) and reports/figures (tests excluded), as sources in a
 * clone and as the compiled .js of an installed package. It changes with any uncommitted edit too, so a
 * resume never reuses a stale result.
 */
export function codeVersion(): string {
  if (code === undefined) {
    const h = createHash('sha256');
    for (const dir of ['core', 'theory', 'sim', 'properties', 'papers', 'reports/figures']) {
      for (const f of walk(join(CODE_ROOT, dir))) {
        h.update(relative(CODE_ROOT, f));
        h.update('\0');
        h.update(readFileSync(f));
        h.update('\0');
      }
    }
    // Users' papers: the files beside each loaded paper module (its folder, not below), so an edit of a
    // claim or check invalidates its cached results too.
    for (const m of userModules) {
      const dir = dirname(m);
      for (const e of safeList(dir)) {
        const f = join(dir, e);
        if (!/\.(m?js|m?ts|json)$/.test(e) || /\.test\.[mc]?[jt]s$/.test(e) || !statSync(f).isFile()) continue;
        h.update(f);
        h.update('\0');
        h.update(readFileSync(f));
        h.update('\0');
      }
    }
    code = h.digest('hex').slice(0, 16);
  }
  return code;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function walk(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...walk(p));
    else if (/\.(ts|js|json)$/.test(e) && !/\.test\.ts$/.test(e)) out.push(p);
  }
  return out;
}

let backend: Promise<string> | undefined;
/**
 * The TensorFlow.js backend the tfjs simulations use on this machine (tfjs-node, wasm or cpu), selected
 * the same way the simulations select it. TTC_TF_BACKEND forces one; TTC_REPORT_NO_TF skips loading tfjs.
 */
export function tfjsBackend(): Promise<string> {
  backend ??= (async () => {
    if (process.env.TTC_REPORT_NO_TF) return 'not loaded (TTC_REPORT_NO_TF)';
    try {
      const m = await import('../sim/tf/backend.ts');
      await m.ensureTf();
      return m.activeBackend() ?? 'unknown';
    } catch (e) {
      return `unavailable (${(e as Error).message.split('\n')[0]})`;
    }
  })();
  return backend;
}
