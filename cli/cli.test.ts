import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { main } from './main.ts';
import { selectShardByClaim } from '../reports/shard.ts';
import { allChecks, getClaim } from '../papers/registry.ts';
import { brokenCheck } from '../fixtures/broken.ts';
import { validateParams } from '../core/params.ts';
import { sizesAgree, targetSamplesGiven } from '../papers/fate/theory/size.ts';
import { COMMAND_OPTIONS } from './args.ts';
import { HELP } from './help.ts';
import { editDistance, nearest } from './suggest.ts';

const BIN = fileURLToPath(new URL('./bin.js', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/broken.ts', import.meta.url));

function ttc(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, TTC_DEBUG: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The same main() the binary runs, in-process (no 2 s start-up per case). */
async function run(...args: string[]) {
  const err = vi.spyOn(console, 'error').mockImplementation(() => {});
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    const code = await main(args);
    const text = (m: typeof err) => m.mock.calls.map((c) => c.join(' ')).join('\n');
    return { code, out: text(log), err: text(err) };
  } finally {
    err.mockRestore();
    log.mockRestore();
  }
}

const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));

describe('ttc command line', () => {
  it('list --json returns every fate claim with source, regime and parameters', async () => {
    const claims = JSON.parse((await run('list', '--json', '--paper', 'fate')).out) as { id: string; regime: { kind: string }; parameters: { name: string }[] }[];
    const ids = claims.map((c) => c.id);
    for (const id of ['fate.thm2.2', 'fate.thm3.6', 'fate.thm3.7', 'fate.eq13', 'fate.thm3.8', 'fate.thm3.9', 'fate.eq17']) expect(ids).toContain(id);
    expect(claims.find((c) => c.id === 'fate.eq13')!.regime.kind).toBe('asymptotic');
    expect(claims.find((c) => c.id === 'fate.thm3.7')!.regime.kind).toBe('exact');
  });

  it('eval prints the prediction and its finite-size form', async () => {
    const r = await run('eval', 'fate.eq13', '--gamma', '0.5', '--theta', '0.785', '--sigma', '0.2', '--d', '500', '--json');
    expect(r.code).toBe(0);
    const ev = JSON.parse(r.out);
    // 0.5·... : ((1−γ)² + γσ²)/(1−γ) − sin²θ at γ = 0.5, σ = 0.2, θ = 0.785
    expect(ev.prediction.value).toBeCloseTo(0.54 - Math.sin(0.785) ** 2, 12);
    expect(ev.prediction.finiteSize.value).toBeCloseTo(0.5 + (0.04 * 250) / 249 - Math.sin(0.785) ** 2 - (Math.sin(0.785) ** 2 + 0.04) / 248, 12);
  });

  it.each([
    [['eval', 'fate.eq13', '--gamma', '1', '--theta', '0.3', '--sigma', '0.2'], /gamma .*except 1/],
    [['eval', 'fate.eq13', '--gamma', '0.5', '--theta', '2', '--sigma', '0.2'], /theta .*\[0, π\/2\]/],
    [['eval', 'fate.eq13', '--gamma', '0.5', '--theta', 'NaN', '--sigma', '0.2'], /--theta: 'NaN' is not a number; theta .*\[0, π\/2\]/],
    [['eval', 'fate.eq13', '--gamma', '0.5', '--theta', '45deg', '--sigma', '0.2'], /^ttc: --theta: '45deg' is not a number; theta \(θ, .*\) is in \[0, π\/2\]/],
    [['eval', 'fate.eq13', '--gamma', '0.5', '--theta', '0.3', '--sigma', '-0.1'], /sigma .*\[0, ∞\)/],
    [['eval', 'fate.thm3.7', '--n', '2', '--theta', '0.3', '--sigma', '0.2'], /n .*≥ 3/],
    [['eval', 'fate.nope'], /unknown claim 'fate.nope' \(ttc list/],
    [['eval', 'fate.thm39'], /unknown claim 'fate.thm39'; did you mean fate\.thm3\.9\?/],
    [['eval', 'fate.eq13', '--gama', '0.5'], /unknown option --gama for 'ttc eval fate.eq13'; did you mean --gamma\?/],
    [['eval', 'fate.eq13', '--foo', '0.5'], /unknown option --foo .*fate.eq13 takes --gamma --theta --sigma \[--n\] \[--d\]/],
    [['eval', 'fate.eq13', '--gamma', '0.5', '--gamma', '0.6'], /--gamma is given twice/],
    [['eval', 'fate.thm3.6', '--n', '40', '--d', '40', '--sigma', '1'], /gamma .*except 1; got 1, which is singular.*\(gamma = n\/d from n = 40, d = 40\)/],
    [['eval', 'fate.thm3.6', '--sigma', '1'], /missing parameter gamma .*, or n and d \(gamma = n\/d\)/],
    [['check', '--paper', 'nope'], /--paper must be one of/],
    [['check', '--claims', 'fate.eq13'], /unknown option --claims for 'ttc check'; did you mean --claim\?/],
    [['check', '--claim', 'fate.eq31'], /unknown claim 'fate.eq31'; did you mean fate\.eq13\?/],
    [['check', '--budget', 'quik'], /--budget must be one of test, quick, full; got 'quik'; did you mean quick\?/],
    [['check', '--seed'], /--seed needs a value/],
    [['check', '--json=1'], /--json is a flag and takes no value/],
    [['check', '--runs', '0'], /--runs: '0' is not an integer ≥ 1/],
    [['list', '--papr', 'fate'], /unknown option --papr for 'ttc list'; did you mean --paper\?/],
    [['list', '--paper', 'fat'], /--paper must be one of .*; got 'fat'; did you mean fate\?/],
    [['list', '--verbose'], /unknown option --verbose for 'ttc list' \(options: --paper --json --wide; ttc list --help\)/],
    [['list', '-v'], /unknown option -v/],
    [['report', '--verbose'], /unknown option --verbose for 'ttc report'/],
    [['sim', 'fate.scratch', '--gamma', '0.5', '--sigma', '0.2', '--d', '20', '--seed', 'x'], /--seed: 'x' is not an integer in \[0, 4294967295\]/],
    [['sim', 'fate.scratch', '--gamma', '0.5', '--sigma', '0.2', '--d', '20', '--seed', '-1'], /--seed: '-1' is not an integer in \[0, 4294967295\]/],
    [['sim', 'fate.scratch', '--gamma', '0.5', '--sigma', '0.2', '--d', '20', '--draws', '0'], /--draws: '0' is not an integer ≥ 1/],
    [['sim', 'fate.scrach'], /unknown simulation 'fate.scrach'; did you mean fate\.scratch\?/],
    [['sim', 'fate.scratch', '--lambda', '1'], /unknown option --lambda for 'ttc sim fate.scratch' \(fate.scratch takes --gamma --sigma --d/],
    [['lst'], /unknown command 'lst'; did you mean list\?/],
    [['frobnicate'], /unknown command/],
    [['--verbose'], /unknown option --verbose for 'ttc'/],
  ])('bad input %j: one clear line, exit 2, no stack trace', async (args, pattern) => {
    const { code, err } = await run(...args);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(pattern);
    expect(err).not.toMatch(/at .*\.ts:\d+/);
  });

  it('the binary itself exits 2 with one line on stderr for bad input', () => {
    const r = ttc('eval', 'fate.eq13', '--gamma', '1', '--theta', '0.3', '--sigma', '0.2');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual([expect.stringMatching(/^ttc: fate\.eq13: gamma .*except 1/)]);
  });

  it('output piped into a reader that stops early (ttc list | true): no EPIPE stack trace', () => {
    // `true` exits without reading, so every write meets a closed pipe (before the fix: 'Error: write EPIPE' and a stack).
    const r = spawnSync('sh', ['-c', `node ${BIN} list | true`], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
  });

  it('sim --draws 1 prints the mean with n/a for the undefined standard error (null in JSON), exit 0', async () => {
    const base = ['sim', 'fate.scratch', '--gamma', '0.5', '--sigma', '0.2', '--d', '20', '--draws', '1'];
    const r = await run(...base);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/mean \S+ ± n\/a \(no standard error from one draw: use --draws ≥ 2; seed 1\)/);
    expect(r.out).not.toMatch(/NaN/);
    const j = await run(...base, '--json');
    expect(JSON.parse(j.out)).toMatchObject({ draws: 1, stderr: null });
  });

  it('any two of n, d, γ fix the third: thm3.6 from n and d equals thm3.6 from γ and d', async () => {
    const a = await run('eval', 'fate.thm3.6', '--n', '20', '--d', '40', '--sigma', '1', '--json');
    const b = await run('eval', 'fate.thm3.6', '--gamma', '0.5', '--d', '40', '--sigma', '1', '--json');
    expect(a.code).toBe(0);
    expect(JSON.parse(a.out).params).toEqual({ gamma: 0.5, sigma: 1, n: 20, d: 40 });
    expect(JSON.parse(a.out).prediction).toEqual(JSON.parse(b.out).prediction);
    const c = await run('eval', 'fate.thm3.6', '--n', '20', '--gamma', '0.5', '--sigma', '1', '--json');
    expect(JSON.parse(c.out).prediction.finiteSize).toEqual(JSON.parse(b.out).prediction.finiteSize);
  });

  it('Thm 3.7 needs only n (eq 12 has no d): with the size.ts constraint the claim validates from n alone', () => {
    // thm3_7.ts still requires two of n, d, γ (its constraint uses finiteSize); targetSamplesGiven is the
    // replacement this test pins (see the report of this change).
    const thm3_7 = getClaim('fate.thm3.7');
    const specs = thm3_7.params;
    expect(validateParams(specs, { n: 37, theta: 0.91, sigma: 0.33 }, thm3_7.id, [sizesAgree, targetSamplesGiven])).toEqual({ n: 37, theta: 0.91, sigma: 0.33 });
    expect(() => validateParams(specs, { theta: 0.91, sigma: 0.33 }, thm3_7.id, [sizesAgree, targetSamplesGiven])).toThrow(/n \(number of target samples\) is required, or both gamma and d/);
    expect(thm3_7.predict({ n: 37, theta: 0.91, sigma: 0.33 }).value).toBeCloseTo(Math.sin(0.91) ** 2 + (0.33 ** 2 + Math.sin(0.91) ** 2) / 35, 12);
  });

  it('output fits 100 columns unless --wide; help lists every option of its command', async () => {
    for (const args of [['list'], ['sim'], ['help'], ...Object.keys(HELP).filter(Boolean).map((c) => [c, '--help'])]) {
      const r = await run(...args);
      expect(r.code).toBe(0);
      expect(widest(r.out), args.join(' ')).toBeLessThanOrEqual(100);
    }
    expect(widest((await run('list', '--wide')).out)).toBeGreaterThan(100);
    for (const [cmd, opts] of Object.entries(COMMAND_OPTIONS)) for (const o of Object.keys(opts)) expect(HELP[cmd], `${cmd} --${o}`).toContain(`--${o}`);
  });

  it('did-you-mean: nearest by edit distance, nothing when nothing is near', () => {
    expect(editDistance('papr', 'paper')).toBe(1);
    expect(nearest('claims', ['claim', 'paper', 'seed'])).toEqual(['claim']);
    expect(nearest('fate.thm39', ['fate.thm3.9', 'fate.thm3.8', 'fate.eq13'])).toEqual(['fate.thm3.9']);
    expect(nearest('verbose', ['paper', 'json', 'wide'])).toEqual([]);
  });

  it('sim returns mean, stderr and draws, reproducibly for a seed', async () => {
    const a = JSON.parse((await run('sim', 'fate.linear-transfer', '--n', '10', '--theta', '0.5', '--sigma', '0.3', '--d', '12', '--seed', '4', '--draws', '30', '--json')).out);
    const b = JSON.parse((await run('sim', 'fate.linear-transfer', '--n', '10', '--theta', '0.5', '--sigma', '0.3', '--d', '12', '--seed', '4', '--draws', '30', '--json')).out);
    expect(a.draws).toBe(30);
    expect(a.stderr).toBeGreaterThan(0);
    expect(a.mean).toBe(b.mean);
  });

  it('check exits 0 for a conforming claim and prints how to re-run it', async () => {
    const r = await run('check', '--claim', 'fate.thm2.2', '--runs', '3');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/fate\.thm2\.2\/kl\s+conforms/);
    expect(r.out).toMatch(/fate\.thm2\.2\/dudley\s+deviates/);
    expect(r.out).toMatch(/re-run with: npx ttc check --claim fate.thm2.2 --seed \d+/);
    expect(widest(r.out)).toBeLessThanOrEqual(100);
  });

  it('--claim also takes a check id: that check alone, with the verdict it has beside its claim\'s other checks', async () => {
    const one = await run('check', '--claim', 'fate.thm2.2/dudley', '--runs', '3');
    expect(one.code).toBe(0);
    expect(one.out).toMatch(/fate\.thm2\.2\/dudley\s+deviates/);
    expect(one.out).not.toMatch(/fate\.thm2\.2\/kl/);
    expect(one.out).toMatch(/1 checks:/);
  });

  it('a replay token from a recorded deviation reproduces it', async () => {
    const out = (await run('check', '--claim', 'fate.thm2.2', '--runs', '3')).out;
    const token = /replay: npx ttc replay (\S+)/.exec(out)![1]!;
    const r = await run('replay', token);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/deviates/);
    expect(r.out).toMatch(/→ rejects/);
  });

  it('a deliberately broken claim (fixture) fails, and its replay token reproduces the failure from the command line', async () => {
    const r = await brokenCheck.run({ seed: 7, budget: 'test' });
    expect(r.verdict).toBe('mismatch');
    const token = /npx ttc replay (\S+)/.exec(r.counterexample!.replay)![1]!;
    // Fixtures are not registered for users: without --paper-module the token names an unknown check (usage error).
    const hidden = ttc('replay', token);
    expect(hidden.code).toBe(2);
    expect(hidden.err).toMatch(/fixture.broken\/scratch-sign.*--paper-module fixtures\/broken.ts/);
    const rep = spawnSync(process.execPath, [BIN, 'replay', token, '--json', '--paper-module', FIXTURE], { encoding: 'utf8', env: { ...process.env, TTC_DEBUG: '' } });
    expect(rep.status).toBe(1);
    const again = JSON.parse(rep.stdout) as { verdict: string; records: { params: unknown; ok: boolean }[] };
    expect(again.verdict).toBe('mismatch');
    expect(again.records).toHaveLength(1);
    expect(again.records[0]!.ok).toBe(false);
    expect(again.records[0]!.params).toEqual(r.counterexample!.params);
  });

  it('--shard splits by claim: every claim in exactly one shard, the union is the whole run', () => {
    const all = allChecks();
    const shards = [1, 2, 3].map((i) => selectShardByClaim(all, `${i}/3`));
    expect(shards.flat().map((c) => c.id).sort()).toEqual(all.map((c) => c.id).sort());
    const claimsOf = shards.map((sh) => new Set(sh.map((c) => c.claimId)));
    for (const [i, a] of claimsOf.entries()) {
      expect(a.size).toBeGreaterThan(0);
      for (const b of claimsOf.slice(i + 1)) expect([...a].filter((x) => b.has(x))).toEqual([]);
    }
  });
});
