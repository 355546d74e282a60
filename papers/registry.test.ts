import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { definePaper } from './define.ts';
import { allChecks, allClaims, allPapers, allSims, getCheck, loadConfig, loadedPaperModules, useBuiltinPapers } from './registry.ts';

describe('the paper registry', () => {
  it('every claim has a check, and every check tests a claim and measures simulations of its own paper', () => {
    for (const p of allPapers()) {
      for (const c of p.claims) expect(p.checks.some((k) => k.claimId === c.id), `${c.id} has no check`).toBe(true);
      for (const k of p.checks) {
        expect(p.claims.some((c) => c.id === k.claimId), `${k.id} → ${k.claimId}`).toBe(true);
        for (const s of k.simulations ?? []) expect(p.simulations).toContain(s);
      }
    }
  });

  it('ids are unique across papers (checks with their aliases)', () => {
    const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);
    const uniq = (a: string[]) => expect(new Set(a).size).toBe(a.length);
    uniq(ids(allClaims()));
    uniq(ids(allSims()));
    uniq(allChecks().flatMap((k) => [k.id, ...(k.aliases ?? [])]));
  });

  it('resolves a check by a former id (alias)', () => {
    const aliased = allChecks().find((k) => k.aliases?.length);
    if (aliased) expect(getCheck(aliased.aliases![0]!)).toBe(aliased);
  });

  it('definePaper rejects a check whose claim is not one of the paper\'s, and a claim without a check', () => {
    const [fate] = allPapers();
    const claim = fate!.claims[0]!;
    const check = fate!.checks.find((k) => k.claimId === claim.id)!;
    expect(() => definePaper({ id: 'x', title: 'x', source: { authors: 'a', title: 't' }, claims: [], simulations: [], checks: [check] })).toThrow(/not one of this paper's claims/);
    expect(() => definePaper({ id: 'fate', title: 'x', source: { authors: 'a', title: 't' }, claims: [claim], simulations: [], checks: [] })).toThrow(/has no check/);
  });
});

describe('ttc.config.* (users\' papers)', () => {
  const FIXTURE = fileURLToPath(new URL('../fixtures/broken.ts', import.meta.url));
  const withConfig = async (text: string, name = 'ttc.config.mjs') => {
    const dir = mkdtempSync(join(tmpdir(), 'ttc-config-'));
    try {
      writeFileSync(join(dir, name), text);
      return await loadConfig(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('no config: nothing loaded; a bad key, a bad papers list or a missing module is a one-line input error', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'ttc-config-'));
    expect(await loadConfig(empty)).toBeUndefined();
    rmSync(empty, { recursive: true });
    await expect(withConfig('export default { paper: [] };')).rejects.toThrow(/unknown key 'paper'/);
    await expect(withConfig("export default { papers: './x.js' };")).rejects.toThrow(/papers must be an array/);
    await expect(withConfig("export default { papers: ['./missing.js'] };")).rejects.toThrow(/ttc.config.mjs: paper module .*missing.js: cannot load/);
  });

  it('loads the listed modules relative to the config; builtin: false leaves the five papers out', async () => {
    const before = allPapers().length;
    try {
      await withConfig(`export default { papers: [${JSON.stringify(FIXTURE)}], builtin: false };`, 'ttc.config.js');
      expect(allPapers().map((p) => p.id)).toEqual(['fixture']);
      expect(loadedPaperModules()).toContain(FIXTURE);
      useBuiltinPapers(true);
      expect(allPapers().length).toBe(before + 1);
      expect(getCheck('fixture.broken/scratch-sign').claimId).toBe('fixture.broken');
    } finally {
      useBuiltinPapers(true);
    }
  });
});
