import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root (the directory holding package.json). */
export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

let sha: string | undefined;
/** `git rev-parse HEAD` of the package checkout, or 'unknown' outside a git work tree. */
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

let code: string | undefined;
/**
 * The code version the results depend on: a hash over the sources of core/, theory/, sim/, properties/,
 * papers/ (claims, simulations, checks and figure jobs) and reports/figures (tests excluded). It changes with any uncommitted edit too, so a resume never reuses a stale result.
 */
export function codeVersion(): string {
  if (code === undefined) {
    const h = createHash('sha256');
    for (const dir of ['core', 'theory', 'sim', 'properties', 'papers', 'reports/figures']) {
      for (const f of walk(join(ROOT, dir))) {
        h.update(relative(ROOT, f));
        h.update('\0');
        h.update(readFileSync(f));
        h.update('\0');
      }
    }
    code = h.digest('hex').slice(0, 16);
  }
  return code;
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
