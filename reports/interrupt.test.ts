import { fork, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { allChecks, paperOf } from '../papers/registry.ts';
import { gateSeed } from '../properties/seeds.ts';
import { canonicalJson, withoutTimings } from './json.ts';
import { runReport } from './run.ts';
import type { Report } from './types.ts';

process.env.TTC_REPORT_NO_TF = '1';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'ttc-interrupt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PAPER = 'kou';
const cacheDir = join(dir, 'cache');
const args = (out: string, ...extra: string[]) => ['cli/bin.js', 'report', '--paper', PAPER, '--budget', 'test', '--jobs', '2', '--cache', cacheDir, '--out', out, ...extra];
const entries = () => (existsSync(cacheDir) ? readdirSync(cacheDir).filter((f) => f.endsWith('.json')) : []);

interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs `ttc report` in a child process (stderr piped: not a TTY); `onTick` may interrupt it. */
function ttc(argv: string[], onTick?: (kill: (s: NodeJS.Signals) => void) => void): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, TTC_REPORT_NO_TF: '1' };
    delete env.CI;
    const child = spawn(process.execPath, argv, { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const tick = onTick ? setInterval(() => onTick((s) => child.kill(s)), 50) : undefined;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(tick);
      resolve({ code, signal, stderr });
    });
  });
}

describe('interrupting ttc report', () => {
  it('a worker whose parent went away while it computed exits quietly (no EPIPE stack trace)', async () => {
    const child = fork(join(root, 'reports', 'worker.js'), [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], serialization: 'advanced', execArgv: [] });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const exit = new Promise<[number | null, NodeJS.Signals | null]>((r) => child.on('exit', (code, signal) => r([code, signal])));
    child.on('message', (m: { ready?: boolean }) => {
      // The channel closes while the check runs: its result has nowhere to go.
      if (m.ready) child.send({ kind: 'check', id: 'kou.thm/paper', seed: gateSeed(), budget: 'test' }, () => setTimeout(() => child.disconnect(), 200));
    });
    expect(await exit).toEqual([0, null]);
    expect(stderr).toBe('');
  }, 60_000);

  it('SIGINT ends parent and workers without a stack trace; --resume takes the finished units from the cache', async () => {
    // Interrupt as soon as the first unit's result is in the cache.
    let sent = false;
    const stopped = await ttc(args(join(dir, 'interrupted')), (kill) => {
      if (!sent && entries().length > 0) {
        sent = true;
        kill('SIGINT');
      }
    });
    expect(sent).toBe(true);
    expect(stopped.signal ?? stopped.code).toSatisfy((s: unknown) => s === 'SIGINT' || s === 130);
    expect(stopped.stderr).toMatch(/interrupted by SIGINT\. \d+ finished units? (is|are) in the cache .*--resume/);
    expect(stopped.stderr).not.toMatch(/\n\s+at |EPIPE|internal error/);
    expect(existsSync(join(dir, 'interrupted'))).toBe(false); // the report is written only when complete
    const finished = entries().length;
    const total = allChecks().filter((c) => paperOf(c.claimId)?.id === PAPER).length;
    expect(finished).toBeGreaterThan(0);
    expect(finished).toBeLessThan(total);

    const resumed = await ttc(args(join(dir, 'resumed'), '--resume'));
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(new RegExp(`\\[ttc report\\] ${total}/${total} checks, ${finished} from the cache, .*done`));
    const report = JSON.parse(readFileSync(join(dir, 'resumed', 'report.json'), 'utf8')) as Report;
    expect(report.timings.cached).toHaveLength(finished);

    // The same report as a run that was never interrupted (in this process, no workers).
    const whole = await runReport({
      checks: allChecks().filter((c) => paperOf(c.claimId)?.id === PAPER),
      seed: gateSeed(),
      budget: 'test',
      selection: { papers: [PAPER], claims: null },
    });
    expect(canonicalJson(withoutTimings(report))).toBe(canonicalJson(withoutTimings(whole)));
  }, 240_000);
});
