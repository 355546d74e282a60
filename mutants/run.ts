/**
 * `npm run mutants` — measures the catch rate of the corpus in mutants/corpus.ts (issue 11, item 5).
 *
 * For every selected mutant: copy the repository's sources into a temporary folder (cp -r of the tracked
 * top-level entries, node_modules symlinked — never a git worktree: others use git in this tree), apply the
 * one replacement (the entry is `stale` unless its `find` occurs exactly once), then
 *  - paper typo: `node cli/bin.js check --claim <ids> --budget test --seed <gate seed> --json` in the copy;
 *    caught when a check of the claim reports `mismatch` that it did not report on the unmutated copy
 *    (a check carrying a deviation record whose deviation stops reproducing also reports `mismatch`: counted
 *    as caught, listed as "caught via a stale deviation");
 *  - simulation bug: `vitest run <test files>` in the copy; caught when a test that passes on the unmutated
 *    copy fails.
 * The unmutated copy (the baseline) is run once per distinct claim list / test list, so a mismatch that is
 * already there is never credited to a mutant.
 *
 * A measurement, not a gate: exit status 0 whatever the catch rate; 2 only if the harness itself breaks.
 *
 * usage: tsx mutants/run.ts [--only id,id] [--paper p] [--kind paper-typo|sim-bug] [--jobs 1|2]
 *                           [--out DIR (default /tmp/ttc-mutants)] [--no-baseline] [--validate] [--keep] [--worktree]
 *
 * The sources are the committed HEAD (`git archive HEAD`), so a measurement names one commit even while
 * others have uncommitted edits in the shared tree; --worktree copies the working tree instead.
 */
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { corpus, type Mutant, type PaperId } from './corpus.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const GATE_SEED = 20261122; // properties/seeds.ts GATE_SEED; passed explicitly so TTC_SEED cannot move it
const PAPERS: PaperId[] = ['fate', 'ptransfer', 'kou', 'uowq', 'universality'];
const TIMEOUT_MS = 20 * 60_000;

type Status = 'caught' | 'survived' | 'stale' | 'error' | 'baseline-broken';

interface CheckOutcome {
  checkId: string;
  verdict: string;
  baseline?: string;
  deviation: boolean;
  summary: string;
}
interface TestOutcome {
  file: string;
  name: string;
  status: string;
  baseline?: string;
  message?: string;
}
interface Result {
  id: string;
  paper: PaperId;
  kind: Mutant['kind'];
  file: string;
  description: string;
  targets: string[];
  status: Status;
  /** caught: 'mismatch' | 'stale-deviation' | 'test-failure'. */
  via?: 'mismatch' | 'stale-deviation' | 'test-failure';
  how: string;
  checks?: CheckOutcome[];
  tests?: TestOutcome[];
  seconds: number;
}

interface RunOutput {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  timedOut: boolean;
}

function fail(msg: string): never {
  console.error(`mutants: ${msg}`);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        only: { type: 'string' },
        paper: { type: 'string' },
        kind: { type: 'string' },
        jobs: { type: 'string' },
        out: { type: 'string' },
        'no-baseline': { type: 'boolean' },
        validate: { type: 'boolean' },
        keep: { type: 'boolean' },
        worktree: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
  } catch (e) {
    return fail((e as Error).message);
  }
})();

if (values.help) {
  console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith(' * usage') || l.startsWith(' *     ')).map((l) => l.slice(3)).join('\n'));
  process.exit(0);
}

const outDir = resolve(values.out ?? process.env.TTC_MUTANTS_OUT ?? '/tmp/ttc-mutants');
const jobs = values.jobs === undefined ? 2 : Number(values.jobs);
if (!(jobs === 1 || jobs === 2)) fail('--jobs must be 1 or 2 (the machine has 2 cores)');
if (values.paper && !PAPERS.includes(values.paper as PaperId)) fail(`--paper must be one of ${PAPERS.join(', ')}`);
if (values.kind && values.kind !== 'paper-typo' && values.kind !== 'sim-bug') fail('--kind must be paper-typo or sim-bug');

// The corpus itself must be well formed.
{
  const seen = new Set<string>();
  for (const m of corpus) {
    if (seen.has(m.id)) fail(`duplicate mutant id ${m.id}`);
    seen.add(m.id);
    if (m.find === m.replace) fail(`${m.id}: replace equals find`);
    if (m.kind === 'paper-typo' ? m.claims.length === 0 : m.tests.length === 0) fail(`${m.id}: no claim / test to catch it`);
  }
}

const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
if (only) for (const id of only) if (!corpus.some((m) => m.id === id)) fail(`unknown mutant id ${id}`);
const selected = corpus.filter((m) => (!only || only.includes(m.id)) && (!values.paper || m.paper === values.paper) && (!values.kind || m.kind === values.kind));
if (selected.length === 0) fail('no mutant matches the selection');

const targetsOf = (m: Mutant) => (m.kind === 'paper-typo' ? m.claims : m.tests);
const keyOf = (m: Mutant) => `${m.kind}:${targetsOf(m).join(',')}`;

function occurrences(text: string, find: string): number {
  let k = 0;
  for (let i = text.indexOf(find); i >= 0; i = text.indexOf(find, i + 1)) k++;
  return k;
}

/** The tracked top-level entries of the repository (files and folders), without build output. */
function trackedTopLevel(): string[] {
  const files = execFileSync('git', ['-C', REPO, 'ls-files', '-z'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\0').filter(Boolean);
  const top = new Set(files.map((f) => f.split('/')[0]!));
  for (const x of ['dist', 'node_modules', '.git']) top.delete(x);
  return [...top].filter((e) => existsSync(join(REPO, e))).sort();
}

/** A copy of `from` (the snapshot) into a fresh folder under outDir/work, node_modules symlinked. */
function copyTree(from: string, entries: string[], label: string): string {
  const dir = mkdtempSync(join(outDir, 'work', `${label.slice(0, 60)}-`));
  // build and report output, caches and nested node_modules are not sources
  const filter = (src: string) => !/[/\\](node_modules|out|dist|\.ttc-cache|\.scratch|\.tmp_[^/\\]*)$/.test(src.slice(from.length));
  for (const e of entries) cpSync(join(from, e), join(dir, e), { recursive: true, dereference: false, filter });
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** The committed HEAD, extracted under outDir/work (the tree's uncommitted edits are not measured). */
function archiveHead(commit: string): string {
  const dir = mkdtempSync(join(outDir, 'work', 'snapshot-'));
  const tar = execFileSync('git', ['-C', REPO, 'archive', '--format=tar', commit], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  return dir;
}

function run(cmd: string, args: string[], cwd: string): Promise<RunOutput> {
  const t0 = Date.now();
  const env = { ...process.env };
  delete env.TTC_SEED;
  delete env.TTC_NIGHTLY;
  delete env.TTC_FROM;
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL'); // the process group this harness started
      } catch {
        // already gone
      }
    }, TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr, seconds: (Date.now() - t0) / 1000, timedOut });
    });
  });
}

interface ClaimRun {
  ok: boolean;
  checks: { checkId: string; verdict: string; deviation: boolean; summary: string }[];
  error?: string;
  seconds: number;
}
interface TestRun {
  ok: boolean;
  tests: TestOutcome[];
  error?: string;
  seconds: number;
}

async function runClaims(dir: string, claims: string[]): Promise<ClaimRun> {
  const r = await run(process.execPath, ['cli/bin.js', 'check', '--claim', claims.join(','), '--budget', 'test', '--seed', String(GATE_SEED), '--json'], dir);
  const tail = (s: string) => s.trim().split('\n').slice(-6).join(' | ').slice(0, 600);
  if (r.timedOut) return { ok: false, checks: [], error: `timed out after ${TIMEOUT_MS / 60000} min`, seconds: r.seconds };
  const start = r.stdout.indexOf('[');
  try {
    const parsed = JSON.parse(r.stdout.slice(start)) as { checkId: string; verdict: string; deviation?: unknown; summary: string }[];
    return { ok: true, checks: parsed.map((c) => ({ checkId: c.checkId, verdict: c.verdict, deviation: c.deviation !== undefined && c.deviation !== null, summary: c.summary })), seconds: r.seconds };
  } catch {
    return { ok: false, checks: [], error: `ttc check exited ${r.code} without JSON: ${tail(r.stderr || r.stdout)}`, seconds: r.seconds };
  }
}

async function runTests(dir: string, files: string[]): Promise<TestRun> {
  const report = join(dir, '.mutant-vitest.json');
  const r = await run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...files, '--reporter=json', `--outputFile=${report}`, '--maxWorkers=1'], dir);
  if (r.timedOut) return { ok: false, tests: [], error: `timed out after ${TIMEOUT_MS / 60000} min`, seconds: r.seconds };
  if (!existsSync(report)) return { ok: false, tests: [], error: `vitest exited ${r.code} without a report: ${r.stderr.trim().split('\n').slice(-6).join(' | ').slice(0, 600)}`, seconds: r.seconds };
  const j = JSON.parse(readFileSync(report, 'utf8')) as {
    testResults: { name: string; status: string; message?: string; assertionResults: { fullName: string; status: string; failureMessages?: string[] }[] }[];
  };
  const tests: TestOutcome[] = [];
  for (const f of j.testResults) {
    const file = f.name.startsWith(dir) ? f.name.slice(dir.length + 1) : f.name;
    // a file that fails to load or whose hooks throw has no assertion results: one entry for the file
    if (f.assertionResults.length === 0 || (f.status === 'failed' && f.message)) tests.push({ file, name: '(file)', status: f.status, message: f.message?.split('\n')[0]?.slice(0, 300) });
    for (const a of f.assertionResults) tests.push({ file, name: a.fullName, status: a.status, message: a.failureMessages?.[0]?.split('\n')[0]?.slice(0, 300) });
  }
  return { ok: true, tests, seconds: r.seconds };
}

/** A fixed-size pool: at most `n` tasks at once. */
async function pool<T, R>(items: T[], n: number, f: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const k = next++;
        out[k] = await f(items[k]!);
      }
    }),
  );
  return out;
}

function judgePaperTypo(m: Mutant & { kind: 'paper-typo' }, got: ClaimRun, base: ClaimRun | undefined, seconds: number): Result {
  const common = { id: m.id, paper: m.paper, kind: m.kind, file: m.file, description: m.description, targets: m.claims, seconds };
  if (!got.ok) return { ...common, status: 'error', how: got.error ?? 'error' };
  const baseVerdict = (id: string) => base?.checks.find((c) => c.checkId === id)?.verdict;
  const checks: CheckOutcome[] = got.checks.map((c) => ({ ...c, baseline: baseVerdict(c.checkId) }));
  const fresh = checks.filter((c) => c.verdict === 'mismatch' && c.baseline !== 'mismatch');
  const plain = fresh.filter((c) => !c.deviation);
  const stale = fresh.filter((c) => c.deviation);
  const changed = checks.filter((c) => c.baseline !== undefined && c.baseline !== c.verdict && c.verdict !== 'mismatch');
  const name = (c: CheckOutcome) => c.checkId.replace(/^[^/]*\//, '');
  if (plain.length) return { ...common, status: 'caught', via: 'mismatch', how: `mismatch: ${plain.map(name).join(', ')}${stale.length ? `; stale deviation: ${stale.map(name).join(', ')}` : ''}`, checks };
  if (stale.length) return { ...common, status: 'caught', via: 'stale-deviation', how: `stale deviation (recorded deviation stops reproducing): ${stale.map(name).join(', ')}`, checks };
  const moved = changed.length ? `; verdicts moved: ${changed.map((c) => `${name(c)} ${c.baseline}→${c.verdict}`).join(', ')}` : '';
  const already = checks.filter((c) => c.verdict === 'mismatch' && c.baseline === 'mismatch');
  return { ...common, status: 'survived', how: `no new mismatch (${checks.map((c) => `${name(c)} ${c.verdict}`).join(', ')})${moved}${already.length ? `; already mismatch on the baseline: ${already.map(name).join(', ')}` : ''}`, checks };
}

function judgeSimBug(m: Mutant & { kind: 'sim-bug' }, got: TestRun, base: TestRun | undefined, seconds: number): Result {
  const common = { id: m.id, paper: m.paper, kind: m.kind, file: m.file, description: m.description, targets: m.tests, seconds };
  if (!got.ok) return { ...common, status: 'error', how: got.error ?? 'error' };
  const key = (t: TestOutcome) => `${t.file}::${t.name}`;
  const baseStatus = new Map((base?.tests ?? []).map((t) => [key(t), t.status]));
  const tests = got.tests.map((t) => ({ ...t, baseline: baseStatus.get(key(t)) }));
  const failedNow = tests.filter((t) => t.status === 'failed' && t.baseline !== 'failed');
  if (failedNow.length) {
    const first = failedNow.slice(0, 3).map((t) => `${t.file.replace(/^papers\//, '')}: ${t.name}`).join('; ');
    return { ...common, status: 'caught', via: 'test-failure', how: `${failedNow.length} test(s) fail: ${first}${failedNow.length > 3 ? ' …' : ''}`, tests };
  }
  return { ...common, status: 'survived', how: `all ${tests.filter((t) => t.status === 'passed').length} tests pass`, tests };
}

function pad(s: string, n: number): string {
  return s.length >= n ? s.slice(0, n) : s + ' '.repeat(n - s.length);
}

async function main(): Promise<void> {
  mkdirSync(join(outDir, 'work'), { recursive: true });
  const entries = trackedTopLevel();
  // One snapshot of the tree at the start, so that every mutant and its baseline see the same sources
  // even while others edit the repository.
  // HEAD moves while others commit: the commit measured is the one read here, at the start.
  const startCommit = execFileSync('git', ['-C', REPO, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  const snapshot = values.worktree ? copyTree(REPO, entries, 'snapshot') : archiveHead(startCommit);
  if (!values.validate) console.error(`mutants: measuring ${values.worktree ? 'the working tree at' : 'commit'} ${startCommit.slice(0, 7)}`);
  const t0 = Date.now();
  const results: Result[] = [];
  const runnable: Mutant[] = [];
  for (const m of selected) {
    const path = join(snapshot, m.file);
    const k = existsSync(path) ? occurrences(readFileSync(path, 'utf8'), m.find) : -1;
    if (k === 1) runnable.push(m);
    else results.push({ id: m.id, paper: m.paper, kind: m.kind, file: m.file, description: m.description, targets: targetsOf(m), status: 'stale', how: k < 0 ? `${m.file} does not exist` : `find occurs ${k} times in ${m.file} (must be exactly once)`, seconds: 0 });
  }
  if (values.validate) {
    for (const r of results) console.log(`stale  ${r.id}: ${r.how}`);
    console.log(`${runnable.length}/${selected.length} entries apply cleanly`);
    if (!values.keep) rmSync(snapshot, { recursive: true, force: true });
    return;
  }

  // Baselines: the unmutated snapshot, once per distinct target list.
  const baselines = new Map<string, ClaimRun | TestRun>();
  if (!values['no-baseline']) {
    const keys = [...new Map(runnable.map((m) => [keyOf(m), m])).values()];
    console.error(`mutants: ${keys.length} baseline run(s) on the unmutated sources …`);
    await pool(keys, jobs, async (m) => {
      const dir = copyTree(snapshot, entries, 'baseline');
      try {
        const b = m.kind === 'paper-typo' ? await runClaims(dir, m.claims) : await runTests(dir, m.tests);
        baselines.set(keyOf(m), b);
        const bad = 'checks' in b ? b.checks.filter((c) => c.verdict === 'mismatch').map((c) => c.checkId) : b.tests.filter((t) => t.status === 'failed').map((t) => `${t.file}: ${t.name}`);
        console.error(`  baseline ${targetsOf(m).join(',')}: ${b.ok ? (bad.length ? `already failing: ${bad.join('; ')}` : 'clean') : b.error} (${b.seconds.toFixed(0)} s)`);
      } finally {
        if (!values.keep) rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  console.error(`mutants: running ${runnable.length} mutant(s), ${jobs} at a time …`);
  const ran = await pool(runnable, jobs, async (m): Promise<Result> => {
    const dir = copyTree(snapshot, entries, m.id);
    try {
      const path = join(dir, m.file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(m.find, () => m.replace));
      const base = baselines.get(keyOf(m));
      let r: Result;
      if (base && !base.ok) {
        r = { id: m.id, paper: m.paper, kind: m.kind, file: m.file, description: m.description, targets: targetsOf(m), status: 'baseline-broken', how: `the unmutated run fails: ${base.error}`, seconds: 0 };
      } else if (m.kind === 'paper-typo') {
        const got = await runClaims(dir, m.claims);
        r = judgePaperTypo(m, got, base as ClaimRun | undefined, got.seconds);
      } else {
        const got = await runTests(dir, m.tests);
        r = judgeSimBug(m, got, base as TestRun | undefined, got.seconds);
      }
      console.error(`  ${pad(m.id, 42)} ${pad(r.status, 9)} ${r.seconds.toFixed(0).padStart(4)} s  ${r.how.slice(0, 120)}`);
      return r;
    } finally {
      if (!values.keep) rmSync(dir, { recursive: true, force: true });
    }
  });
  results.push(...ran);
  if (!values.keep) rmSync(snapshot, { recursive: true, force: true });
  const order = new Map(corpus.map((m, k) => [m.id, k]));
  results.sort((a, b) => order.get(a.id)! - order.get(b.id)!);

  // The table.
  const mark = (r: Result) => (r.status === 'caught' ? (r.via === 'stale-deviation' ? 'yes*' : 'yes') : r.status === 'survived' ? 'NO' : r.status);
  console.log(`${pad('id', 40)} ${pad('paper', 12)} ${pad('kind', 10)} ${pad('caught', 15)} ${'s'.padStart(5)}  how`);
  for (const r of results) console.log(`${pad(r.id, 40)} ${pad(r.paper, 12)} ${pad(r.kind, 10)} ${pad(mark(r), 15)} ${r.seconds.toFixed(0).padStart(5)}  ${r.how}`);
  console.log('(yes* = caught via a stale deviation: a recorded deviation that stops reproducing)');

  // Rates: over the entries that ran (stale and baseline-broken entries are reported, not counted).
  const rate = (rs: Result[]) => {
    const counted = rs.filter((r) => r.status === 'caught' || r.status === 'survived' || r.status === 'error');
    const caught = counted.filter((r) => r.status === 'caught').length;
    return { caught, counted: counted.length, rate: counted.length ? caught / counted.length : null, viaStaleDeviation: counted.filter((r) => r.via === 'stale-deviation').length, stale: rs.filter((r) => r.status === 'stale').length, errors: rs.filter((r) => r.status === 'error').length, baselineBroken: rs.filter((r) => r.status === 'baseline-broken').length };
  };
  const fmt = (x: ReturnType<typeof rate>) =>
    `${x.caught}/${x.counted}${x.rate === null ? '' : ` = ${(100 * x.rate).toFixed(0)} %`}${x.viaStaleDeviation ? ` (${x.viaStaleDeviation} via a stale deviation)` : ''}${x.errors ? `, ${x.errors} error(s) counted as not caught` : ''}${x.stale ? `, ${x.stale} stale` : ''}${x.baselineBroken ? `, ${x.baselineBroken} with a broken baseline` : ''}`;
  const byPaper = Object.fromEntries(PAPERS.map((p) => [p, { 'paper-typo': rate(results.filter((r) => r.paper === p && r.kind === 'paper-typo')), 'sim-bug': rate(results.filter((r) => r.paper === p && r.kind === 'sim-bug')) }]));
  const overall = { 'paper-typo': rate(results.filter((r) => r.kind === 'paper-typo')), 'sim-bug': rate(results.filter((r) => r.kind === 'sim-bug')), all: rate(results) };
  console.log('\ncatch rate (caught / entries run)');
  for (const p of PAPERS) {
    const b = byPaper[p]!;
    if (b['paper-typo'].counted + b['paper-typo'].stale + b['sim-bug'].counted + b['sim-bug'].stale === 0) continue;
    console.log(`  ${pad(p, 13)} paper typos ${pad(fmt(b['paper-typo']), 44)} sim bugs ${fmt(b['sim-bug'])}`);
  }
  console.log(`  ${pad('overall', 13)} paper typos ${pad(fmt(overall['paper-typo']), 44)} sim bugs ${fmt(overall['sim-bug'])}`);
  console.log(`  commit ${startCommit.slice(0, 7)}${values.worktree ? ' (working tree)' : ''}; all entries: ${fmt(overall.all)}; wall time ${((Date.now() - t0) / 60000).toFixed(1)} min`);

  const commit = startCommit;
  const dirty = (() => {
    try {
      return execFileSync('git', ['-C', REPO, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).length;
    } catch {
      return null;
    }
  })();
  const json = { generated: new Date().toISOString(), commit, sources: values.worktree ? 'working tree' : 'HEAD (git archive)', modifiedTrackedFiles: values.worktree ? dirty : 0, seed: GATE_SEED, budget: 'test', selection: { only, paper: values.paper, kind: values.kind }, rates: { byPaper, overall }, results };
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nwritten: ${join(outDir, 'results.json')}`);
}

main().catch((e) => fail((e as Error).stack ?? String(e)));
