import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { main } from './main.ts';
import { selectShardByClaim } from '../reports/shard.ts';
import { allChecks } from '../papers/registry.ts';
import { brokenCheck } from '../fixtures/broken.ts';

const BIN = fileURLToPath(new URL('./bin.js', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/broken.ts', import.meta.url));

function ttc(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, TTC_DEBUG: '' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('ttc command line', () => {
  it('list --json returns every fate claim with source, regime and parameters', () => {
    const claims = JSON.parse(execFileSync(process.execPath, [BIN, 'list', '--json', '--paper', 'fate'], { encoding: 'utf8' })) as { id: string; regime: { kind: string }; parameters: { name: string }[] }[];
    const ids = claims.map((c) => c.id);
    for (const id of ['fate.thm2.2', 'fate.thm3.6', 'fate.thm3.7', 'fate.eq13', 'fate.thm3.8', 'fate.thm3.9', 'fate.eq17']) expect(ids).toContain(id);
    expect(claims.find((c) => c.id === 'fate.eq13')!.regime.kind).toBe('asymptotic');
    expect(claims.find((c) => c.id === 'fate.thm3.7')!.regime.kind).toBe('exact');
  });

  it('eval prints the prediction and its finite-size form', () => {
    const r = ttc('eval', 'fate.eq13', '--gamma', '0.5', '--theta', '0.785', '--sigma', '0.2', '--d', '500', '--json');
    expect(r.code).toBe(0);
    const ev = JSON.parse(r.out);
    // 0.5·... : ((1−γ)² + γσ²)/(1−γ) − sin²θ at γ = 0.5, σ = 0.2, θ = 0.785
    expect(ev.prediction.value).toBeCloseTo(0.54 - Math.sin(0.785) ** 2, 12);
    expect(ev.prediction.finiteSize.value).toBeCloseTo(0.5 + (0.04 * 250) / 249 - Math.sin(0.785) ** 2 - (Math.sin(0.785) ** 2 + 0.04) / 248, 12);
  });

  it.each([
    [['eval', 'fate.eq13', '--gamma', '1', '--theta', '0.3', '--sigma', '0.2'], /gamma .*except 1/],
    [['eval', 'fate.eq13', '--gamma', '0.5', '--theta', '2', '--sigma', '0.2'], /theta .*\[0, π\/2\]/],
    [['eval', 'fate.eq13', '--gamma', '0.5', '--theta', 'NaN', '--sigma', '0.2'], /theta .*got NaN/],
    [['eval', 'fate.eq13', '--gamma', '0.5', '--theta', '0.3', '--sigma', '-0.1'], /sigma .*\[0, ∞\)/],
    [['eval', 'fate.thm3.7', '--n', '2', '--theta', '0.3', '--sigma', '0.2'], /n .*≥ 3/],
    [['eval', 'fate.nope'], /unknown claim 'fate.nope'/],
    [['eval', 'fate.eq13', '--gama', '0.5'], /unknown parameter 'gama'/],
    [['check', '--paper', 'nope'], /--paper must be one of/],
    [['sim', 'fate.scratch', '--gamma', '0.5', '--sigma', '0.2', '--d', '20', '--seed', 'x'], /--seed must be an integer/],
    [['frobnicate'], /unknown command/],
  ])('bad input %j: one clear line, exit 2, no stack trace', async (args, pattern) => {
    // In-process (the same main() the binary runs); one case below also goes through the binary.
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const code = await main(args);
      const text = err.mock.calls.map((c) => c.join(' ')).join('\n');
      expect(code).toBe(2);
      expect(text.trim().split('\n')).toHaveLength(1);
      expect(text).toMatch(pattern);
      expect(text).not.toMatch(/at .*\.ts:\d+/);
    } finally {
      err.mockRestore();
      log.mockRestore();
    }
  });

  it('the binary itself exits 2 with one line on stderr for bad input', () => {
    const r = ttc('eval', 'fate.eq13', '--gamma', '1', '--theta', '0.3', '--sigma', '0.2');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual([expect.stringMatching(/^ttc: fate\.eq13: gamma .*except 1/)]);
  });

  it('sim returns mean, stderr and draws, reproducibly for a seed', () => {
    const a = JSON.parse(ttc('sim', 'fate.linear-transfer', '--n', '10', '--theta', '0.5', '--sigma', '0.3', '--d', '12', '--seed', '4', '--draws', '30', '--json').out);
    const b = JSON.parse(ttc('sim', 'fate.linear-transfer', '--n', '10', '--theta', '0.5', '--sigma', '0.3', '--d', '12', '--seed', '4', '--draws', '30', '--json').out);
    expect(a.draws).toBe(30);
    expect(a.stderr).toBeGreaterThan(0);
    expect(a.mean).toBe(b.mean);
  });

  it('check exits 0 for a conforming claim and prints how to re-run it', () => {
    const r = ttc('check', '--claim', 'fate.thm2.2', '--runs', '3');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/fate\.thm2\.2\/kl\s+conforms/);
    expect(r.out).toMatch(/fate\.thm2\.2\/dudley\s+deviates/);
    expect(r.out).toMatch(/re-run with: npx ttc check --claim fate.thm2.2 --seed \d+/);
  });

  it('a replay token from a recorded deviation reproduces it', () => {
    const out = ttc('check', '--claim', 'fate.thm2.2', '--runs', '3').out;
    const token = /replay: npx ttc replay (\S+)/.exec(out)![1]!;
    const r = ttc('replay', token);
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
